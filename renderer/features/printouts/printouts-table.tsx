// A list of printouts: which form, its number, the record, when printed, paper status, actions.
import { Button, Empty, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Printout } from '@shared/domain/records';
import { isFormId, getForm } from '@shared/forms/registry';
import { db } from '../../db/database';
import { navigate } from '../../app/routes';
import { tableLabel } from '@shared/domain/tables';
import { PrintoutActions } from './printout-actions';
import type { RegisterPaging } from '../../components/register-page';
import { useTimeZone } from '../../db/queries';
import { instantText } from '@shared/domain/time-zone';

const STATUS_COLORS = { 待签回: 'orange', 已签回: 'blue', 已归档: 'green' } as const;

function daysSince(iso: string): number {
  return Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 86_400_000));
}

function RecordName({ p }: { p: Printout }) {
  const name = useLiveQuery(async () => {
    if (!p.recordTable || !p.recordId || !isFormId(p.formId)) return '';
    const record = await db.table(p.recordTable).get(p.recordId);
    return record ? getForm(p.formId).describe(record) : '（记录已不存在）';
  }, [p.recordTable, p.recordId, p.formId]);
  if (p.recordTable === 'platforms' && p.recordId) {
    return (
      <a href={`#/platforms/${encodeURIComponent(p.recordId)}`} onClick={() => navigate('platforms', p.recordId)}>
        {name}
      </a>
    );
  }
  return <span>{name || (p.recordTable ? tableLabel(p.recordTable) : '')}</span>;
}

/** Without `paging` the rows are the whole list and the table pages them; with it they are one page read from the database. */
export function PrintoutsTable({ rows, paging, onOpen, emptyText }: { rows: Printout[] | undefined; paging?: RegisterPaging; onOpen?: (id: string) => void; emptyText: string }) {
  const timeZone = useTimeZone();
  return (
    <Table<Printout>
      rowKey="id"
      size="small"
      loading={!rows}
      dataSource={rows}
      pagination={
        paging
          ? { current: paging.page, pageSize: paging.pageSize, total: paging.total, onChange: paging.onPage, hideOnSinglePage: true, showSizeChanger: false }
          : { pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }
      }
      locale={{ emptyText: <Empty description={emptyText} /> }}
      columns={[
        { title: '表格编号', dataIndex: 'formNumber', width: 140 },
        { title: '表格', width: 260, render: (_, p) => (isFormId(p.formId) ? `${p.formId} ${getForm(p.formId).title}` : p.formId) },
        { title: '对象', render: (_, p) => <RecordName p={p} /> },
        { title: '打印时间', width: 170, render: (_, p) => instantText(p.printedAt, timeZone) },
        {
          title: '状态',
          width: 150,
          render: (_, p) => (
            <>
              <Tag color={STATUS_COLORS[p.paperStatus]}>{p.paperStatus}</Tag>
              {p.paperStatus === '待签回' && <span>{daysSince(p.printedAt)} 天</span>}
              {p.archiveLocation && <div>{p.archiveLocation}</div>}
            </>
          ),
        },
        {
          title: '操作',
          width: 300,
          render: (_, p) => (
            <>
              <PrintoutActions printout={p} />
              {onOpen && (
                <Button type="link" size="small" onClick={() => onOpen(p.id)}>
                  详情
                </Button>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
