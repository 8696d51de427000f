// 审计日志: every change, newest first, and a check that re-computes the whole hash chain.
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { AuditEntry } from '@shared/domain/audit';
import { verifyChain, type ChainVerdict } from '@shared/audit/hash-chain';
import { db } from '../../db/database';
import { TABLE_LABELS, type RecordTable } from '../../db/schema';
import { ExportButton } from '../export/export-button';
import { auditTable } from '../export/list-tables';

const ACTIONS: Record<AuditEntry['action'], string> = { create: '新建', update: '修改', delete: '删除', restore: '恢复', merge: '合并导入' };

export function AuditPage() {
  const [page, setPage] = useState(1);
  const pageSize = 50;
  const total = useLiveQuery(() => db.auditLog.count(), [], 0);
  const rows = useLiveQuery(
    () => db.auditLog.orderBy('seq').reverse().offset((page - 1) * pageSize).limit(pageSize).toArray(),
    [page],
  );
  const [verdict, setVerdict] = useState<(ChainVerdict & { head?: AuditEntry }) | null>(null);

  const verify = async () => {
    const entries = await db.auditLog.orderBy('seq').toArray();
    setVerdict({ ...verifyChain(entries), ...(entries.length > 0 && { head: entries[entries.length - 1] }) });
  };

  return (
    <section aria-labelledby="audit-title">
      <Typography.Title level={3} id="audit-title">
        审计日志
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        每一次新建、修改、删除、恢复、合并导入和从备份恢复数据都按时间顺序记录，每条记录都与上一条以 SHA-256 哈希相连，任何事后改动都能被发现。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Button onClick={verify}>校验完整性</Button>
        {/* The whole log, not only the page shown. */}
        <ExportButton fileName="审计日志" tables={async () => [auditTable(await db.auditLog.orderBy('seq').toArray(), (a) => ACTIONS[a])]} />
      </Space>
      {verdict && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={verdict.ok ? 'success' : 'error'}
          title={
            verdict.ok
              ? `校验通过：全部 ${verdict.count} 条记录完整，未被改动。`
              : `校验未通过：第 ${verdict.brokenAt} 条记录${verdict.reason}。`
          }
          description={
            verdict.ok && verdict.head ? (
              // A chain cannot show entries cut off its end; a head noted on paper can.
              <>
                最新一条为第 {verdict.head.seq} 条，哈希 <Typography.Text code copyable>{verdict.head.hash.slice(0, 16)}</Typography.Text>
                。可将序号和哈希抄录在纸质台账上，日后校验时核对，以发现末尾记录被删除的情况。
              </>
            ) : undefined
          }
        />
      )}
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        loading={!rows}
        dataSource={rows}
        pagination={{ current: page, pageSize, total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 80 },
          { title: '时间', width: 180, render: (_, e) => new Date(e.at).toLocaleString('zh-CN') },
          { title: '操作员', dataIndex: 'operator', width: 100 },
          { title: '类别', width: 110, render: (_, e) => TABLE_LABELS[e.table as RecordTable] ?? (e.table === 'settings' ? '设置' : e.table === 'database' ? '全部数据' : e.table) },
          { title: '操作', width: 70, render: (_, e) => ACTIONS[e.action] },
          {
            title: '变更内容',
            render: (_, e) => (
              <Typography.Text ellipsis style={{ maxWidth: 520 }}>
                {Object.keys(e.changes).join('、')}
              </Typography.Text>
            ),
          },
        ]}
      />
    </section>
  );
}
