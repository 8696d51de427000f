// 回收站: records moved to the trash, restorable one by one.
import { App as AntApp, Button, Empty, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/database';
import { restoreRecord } from '../../db/repository';
import { RECORD_TABLES, TABLE_LABELS, type RecordTable } from '@shared/domain/tables';
import { showError } from '../../app/errors';
import { ExportButton } from '../export/export-button';
import { trashTable } from '../export/list-tables';

interface TrashRow {
  table: RecordTable;
  id: string;
  label: string;
  deletedAt: string;
}

function describe(record: Record<string, unknown>): string {
  for (const key of ['name', 'title', 'topic', 'number', 'formNumber', 'found']) {
    const v = record[key];
    if (typeof v === 'string' && v) return v;
  }
  return String(record.id);
}

export function TrashPage() {
  const { message } = AntApp.useApp();
  const rows = useLiveQuery(async () => {
    const all: TrashRow[] = [];
    for (const table of RECORD_TABLES) {
      const deleted = await db.table(table).where('deletedAt').above('').toArray();
      for (const r of deleted) all.push({ table, id: r.id, label: describe(r), deletedAt: r.deletedAt });
    }
    return all.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }, []);

  return (
    <section aria-labelledby="trash-title">
      <Typography.Title level={3} id="trash-title">
        回收站
      </Typography.Title>
      <Typography.Paragraph type="secondary">删除的记录保存在这里，可以随时恢复；删除和恢复都记入审计日志。</Typography.Paragraph>
      <div style={{ marginBottom: 16 }}>
        <ExportButton fileName="回收站" tables={() => [trashTable(rows ?? [])]} />
      </div>
      <Table<TrashRow>
        rowKey={(r) => `${r.table}/${r.id}`}
        loading={!rows}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="回收站是空的" /> }}
        columns={[
          { title: '类别', width: 140, render: (_, r) => TABLE_LABELS[r.table] },
          { title: '名称', dataIndex: 'label' },
          { title: '删除时间', width: 200, render: (_, r) => new Date(r.deletedAt).toLocaleString('zh-CN') },
          {
            title: '操作',
            width: 100,
            render: (_, r) => (
              <Button
                size="small"
                aria-label={`恢复 ${r.label}`}
                onClick={async () => {
                  try {
                    await restoreRecord(db, r.table, r.id);
                    void message.success(`已恢复“${r.label}”`);
                  } catch (e) {
                    showError(e, '恢复失败');
                  }
                }}
              >
                恢复
              </Button>
            ),
          },
        ]}
      />
    </section>
  );
}
