// The 操作 column of a record list: edit, and move to the trash (with confirmation).
import { Button, Space } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { RecordTable } from '../db/schema';
import { DeleteButton } from './delete-button';

export function rowActionsColumn<T extends { id: string; name: string }>(table: RecordTable, onEdit: (record: T) => void): ColumnType<T> {
  return {
    title: '操作',
    width: 140,
    render: (_, r) => (
      <Space>
        <Button size="small" onClick={() => onEdit(r)} aria-label={`编辑 ${r.name}`}>
          编辑
        </Button>
        <DeleteButton table={table} id={r.id} name={r.name} />
      </Space>
    ),
  };
}
