// A list of printouts: which form, its number, the record, when printed, paper status, actions,
// in the registers' own table (at least as wide as its columns, never squeezing 对象).
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Printout } from '@shared/domain/records';
import { isFormId, getForm } from '@shared/forms/registry';
import { db } from '../../db/database';
import { navigate, routeHref } from '../../app/routes';
import { tableLabel } from '@shared/domain/tables';
import { PrintoutActions } from './printout-actions';
import { CellActions } from '../../components/row-actions';
import type { RegisterPaging } from '../../components/register-page';
import { RegisterTable, type RegisterColumns } from '../../components/register-table';
import { useTimeZone } from '../../db/queries';
import { instantText } from '@shared/domain/time-zone';
import { RowButton } from '../../components/row-button';
import { StatusTag } from '../../components/status-tag';

const STATUS_COLORS = { 待签回: 'orange', 已签回: 'blue', 已归档: 'green' } as const;

function daysSince(iso: string): number {
  return Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 86_400_000));
}

function RecordName({ p, timeZone }: { p: Printout; timeZone: string }) {
  const name = useLiveQuery(async () => {
    if (!p.recordTable || !p.recordId || !isFormId(p.formId)) return '';
    const record = await db.table(p.recordTable).get(p.recordId);
    return record ? getForm(p.formId).describe(record, timeZone) : '（记录已不存在）';
  }, [p.recordTable, p.recordId, p.formId, timeZone]);
  if (p.recordTable === 'platforms' && p.recordId) {
    return (
      <a href={routeHref('platforms', p.recordId)} onClick={() => navigate('platforms', p.recordId)}>
        {name}
      </a>
    );
  }
  return <span>{name || (p.recordTable ? tableLabel(p.recordTable) : '')}</span>;
}

const PRINTOUT_COLUMNS = (timeZone: string, onOpen: ((id: string) => void) | undefined): RegisterColumns<Printout> => [
  { title: '表格编号', dataIndex: 'formNumber', width: 120 },
  { title: '表格', width: 220, render: (_, p) => (isFormId(p.formId) ? `${p.formId} ${getForm(p.formId).title}` : p.formId) },
  { title: '对象', render: (_, p) => <RecordName p={p} timeZone={timeZone} /> },
  { title: '打印时间', width: 145, render: (_, p) => instantText(p.printedAt, timeZone) },
  {
    title: '状态',
    width: 130,
    render: (_, p) => (
      <>
        <StatusTag color={STATUS_COLORS[p.paperStatus]}>{p.paperStatus}</StatusTag>
        {p.paperStatus === '待签回' && <span>{daysSince(p.printedAt)} 天</span>}
        {p.archiveLocation && <div>{p.archiveLocation}</div>}
      </>
    ),
  },
  {
    title: '操作',
    width: 250,
    render: (_, p) => (
      <CellActions>
        <PrintoutActions printout={p} />
        {onOpen && (
          <RowButton type="link" onClick={() => onOpen(p.id)}>
            详情
          </RowButton>
        )}
      </CellActions>
    ),
  },
];

/** One page of printouts read from the database. A double click on a row opens it, as in the registers. */
export function PrintoutsTable({ rows, paging, onOpen, emptyText }: { rows: Printout[] | undefined; paging: RegisterPaging; onOpen?: (id: string) => void; emptyText: string }) {
  const timeZone = useTimeZone();
  const columns = useMemo(() => PRINTOUT_COLUMNS(timeZone, onOpen), [timeZone, onOpen]);
  return (
    <RegisterTable<Printout>
      rowKey="id"
      size="small"
      label="打印记录"
      loading={!rows || Boolean(paging.pending)}
      rows={rows}
      paging={paging}
      onOpen={onOpen && ((p) => onOpen(p.id))}
      empty={emptyText}
      columns={columns}
    />
  );
}
