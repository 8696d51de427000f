// Move a record to the trash after a confirmation; it can be restored from 回收站.
import { App as AntApp, Button, Popconfirm } from 'antd';
import { db } from '../db/database';
import { softDelete } from '../db/repository';
import type { RecordTable } from '../db/schema';
import { showError } from '../app/errors';

export function DeleteButton({ table, id, name }: { table: RecordTable; id: string; name: string }) {
  const { message } = AntApp.useApp();
  return (
    <Popconfirm
      title={`将“${name}”移入回收站？`}
      description="移入回收站后可在“回收站”中恢复。"
      okText="移入回收站"
      cancelText="取消"
      onConfirm={async () => {
        try {
          await softDelete(db, table, id);
          void message.success(`已将“${name}”移入回收站`);
        } catch (e) {
          showError(e, '删除失败');
        }
      }}
    >
      <Button size="small" danger aria-label={`删除 ${name}`}>
        删除
      </Button>
    </Popconfirm>
  );
}
