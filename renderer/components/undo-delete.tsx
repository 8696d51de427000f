// The message confirming a delete, with 撤销: the record comes back from the trash at once, with
// its own audit entry (restore), as it would from 回收站.
import { App as AntApp, Button } from 'antd';
import { useCallback } from 'react';
import { db } from '../db/database';
import { restoreRecord } from '../db/repository';
import type { RecordTable } from '@shared/domain/tables';
import { showError } from '../app/errors';

/** Long enough to read the message and reach 撤销; the trash keeps the record afterwards anyway. */
const UNDO_SECONDS = 10;

/** Returns a function that shows "已将…移入回收站" with 撤销 for the record just deleted. */
export function useUndoDelete(): (table: RecordTable, id: string, name: string) => void {
  const { message } = AntApp.useApp();
  return useCallback(
    (table, id, name) => {
      const key = `deleted-${table}-${id}`;
      const undo = async () => {
        message.destroy(key);
        try {
          await restoreRecord(db, table, id);
          void message.success(`已撤销删除，“${name}”已恢复`);
        } catch (e) {
          showError(e, '撤销删除失败，可在“回收站”中恢复');
        }
      };
      void message.success({
        key,
        duration: UNDO_SECONDS,
        content: (
          <span>
            {`已将“${name}”移入回收站`}
            <Button type="link" size="small" onClick={() => void undo()}>
              撤销
            </Button>
          </span>
        ),
      });
    },
    [message],
  );
}
