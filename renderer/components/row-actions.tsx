// The 操作 column of a record list: edit, and move to the trash (with confirmation, or through the
// list's own delete dialog when deleting needs more than a yes, as for a person still on duty).
import type { ReactNode } from 'react';
import type { RecordTable } from '@shared/domain/tables';
import { DeleteButton } from './delete-button';
import type { RegisterColumn } from './register-table';
import { RowButton } from './row-button';

/** A register's 操作 cell: its buttons in a plain span in Space's look (inline, 8 px apart, wrapping), drawn for every row at every read. */
export function CellActions({ children }: { children: ReactNode }) {
  return <span className="ledger-cell-actions">{children}</span>;
}

export function rowActionsColumn<T extends { id: string; name: string }>(
  table: RecordTable,
  onEdit: (record: T) => void,
  onDelete?: (record: T) => void,
): RegisterColumn<T> {
  return {
    title: '操作',
    width: 140,
    render: (_, r) => (
      <CellActions>
        <RowButton onClick={() => onEdit(r)} aria-label={`编辑 ${r.name}`}>
          编辑
        </RowButton>
        {onDelete ? (
          <RowButton danger onClick={() => onDelete(r)} aria-label={`删除 ${r.name}`}>
            删除
          </RowButton>
        ) : (
          <DeleteButton table={table} id={r.id} name={r.name} />
        )}
      </CellActions>
    ),
  };
}
