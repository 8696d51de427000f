// Move a record to the trash after a confirmation; it can be restored from 回收站, or at once with
// 撤销 in the message that confirms the delete.
import { Popconfirm } from 'antd';
import { db } from '../db/database';
import { softDelete } from '../db/repository';
import type { RecordTable } from '@shared/domain/tables';
import { showError } from '../app/errors';
import { useUndoDelete } from './undo-delete';
import { RowButton } from './row-button';

export function DeleteButton({ table, id, name }: { table: RecordTable; id: string; name: string }) {
  const deleted = useUndoDelete();
  return (
    <Popconfirm
      title={`将“${name}”移入回收站？`}
      description="移入回收站后可在“回收站”中恢复。"
      okText="移入回收站"
      cancelText="取消"
      onConfirm={async () => {
        try {
          await softDelete(db, table, id);
          deleted(table, id, name);
        } catch (e) {
          showError(e, '删除失败');
        }
      }}
    >
      <RowButton danger aria-label={`删除 ${name}`}>
        删除
      </RowButton>
    </Popconfirm>
  );
}
