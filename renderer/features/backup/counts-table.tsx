// Per-table record counts side by side: what a backup (or snapshot) holds against the data now.
import { Table } from 'antd';
import type { BackupCounts, BackupTable } from '@shared/backup/format';
import { BACKUP_TABLES } from '@shared/backup/format';
import { tableLabel } from '@shared/domain/tables';

interface Row {
  table: BackupTable;
  incoming: number;
  current?: number;
}

export function CountsTable({ incoming, current, incomingTitle }: { incoming: BackupCounts; current?: BackupCounts; incomingTitle: string }) {
  const rows: Row[] = BACKUP_TABLES.map((table) => ({ table, incoming: incoming[table], ...(current && { current: current[table] }) }));
  return (
    <Table<Row>
      size="small"
      rowKey="table"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '内容', render: (_, row) => tableLabel(row.table) },
        { title: incomingTitle, dataIndex: 'incoming', align: 'right' },
        ...(current ? [{ title: '当前数据', dataIndex: 'current', align: 'right' as const }] : []),
      ]}
    />
  );
}
