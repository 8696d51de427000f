// 审计日志: every change, newest first, naming the record (kept in the entry, so it survives
// deletion) and each changed field in Chinese with its value before → after; filters by record,
// table, operator and date; and a check that re-computes the whole hash chain.
import { Alert, Button, DatePicker, Input, Progress, Select, Space, Tag, Typography } from 'antd';
import { RegisterTable, type RegisterColumns } from '../../components/register-table';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AUDIT_ACTION_LABELS, type AuditEntry } from '@shared/domain/audit';
import { ChainVerifier, type ChainVerdict } from '@shared/audit/hash-chain';
import { changeLines } from '@shared/audit/record-labels';
import { useTimeZone } from '../../db/queries';
import { routeHref } from '../../app/routes';
import { db } from '../../db/database';
import { TABLE_LABELS, tableLabel } from '@shared/domain/tables';
import { ExportButton } from '../export/export-button';
import { auditLogSheet, changeNames, logPages, recordPlaces, type RecordPlace } from './log-pages';
import { instantText } from '@shared/domain/time-zone';
import { auditEntries, countEntries, isFiltered, type AuditFilter } from './audit-filter';
import { countInSlices } from '../../db/chunked-reads';

/** Entries checked per read: the window stays responsive between reads. */
const VERIFY_PAGE = 1_000;

/** Re-computes the whole chain a page at a time in seq order, yielding to the window between pages. */
async function verifyLog(onProgress: (done: number, total: number) => void): Promise<ChainVerdict & { head?: AuditEntry }> {
  // Counted a slice at a time, as the pager's count: the whole log's count in one request would hold every other read back.
  const total = await countInSlices(db.auditLog);
  const chain = new ChainVerifier();
  let head: AuditEntry | undefined;
  let done = 0;
  for await (const page of logPages(db, VERIFY_PAGE)) {
    chain.add(page);
    head = page[page.length - 1];
    done += page.length;
    onProgress(done, Math.max(total, done));
  }
  return { ...chain.verdict(), ...(head && { head }) };
}

const TABLE_OPTIONS = [...Object.keys(TABLE_LABELS), 'settings', 'database'].map((value) => ({ value, label: tableLabel(value) }));

export function AuditPage({ recordId }: { recordId?: string }) {
  const timeZone = useTimeZone();
  const [page, setPage] = useState(1);
  const pageSize = 50;
  const [filter, setFilter] = useState<AuditFilter>({ recordId });
  const change = useCallback((patch: Partial<AuditFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  }, []);
  const key = JSON.stringify(filter);
  const filtering = isFiltered(filter);
  // The page read for this filter and page, or, while it is read (a filter on 操作员 alone may go
  // through the whole log), the last one read, shown under the spinner. The entries come with
  // where each record now is and the names their changes mention, all read by id for this page:
  // one drawing of the page's rows when they arrive, not one per read.
  const countKey = JSON.stringify([key, timeZone]);
  const pageKey = JSON.stringify([key, page, timeZone]);
  const shown = useLiveQuery(async () => {
    const list = await auditEntries(db, filter, timeZone).offset((page - 1) * pageSize).limit(pageSize).toArray();
    // Entries are shown newest first whichever index served them (an index keeps seq order within a key).
    const rows = list.sort((x, y) => (y.seq ?? 0) - (x.seq ?? 0));
    const [places, name] = await Promise.all([recordPlaces(db, rows), changeNames(db, rows)]);
    return { pageKey, countKey, rows, places, name };
  }, [pageKey]);
  const rows = shown?.rows;
  const pageRead = shown?.pageKey === pageKey;
  // Counted once a first page of the filter is shown: the database answers one request at a time,
  // and a count the filter's index cannot give alone reads every entry it covers (IndexedDB's own
  // count of a table's 100,000 entries is one request of a second or more), so asked together
  // the count would hold back the page's names. Until it is known the pages shown so far are all
  // the pager offers; named by its filter, so the pager never offers the last filter's count.
  // Each count stops at its next step once another has begun (another filter, or the same one read
  // again after a change to the log) or the page is closed: only the last count is ever shown.
  const countAsked = shown?.countKey === countKey ? countKey : undefined;
  const lastCount = useRef<object | undefined>(undefined);
  useEffect(
    () => () => {
      lastCount.current = undefined;
    },
    [],
  );
  const counted = useLiveQuery(async () => {
    const run = {};
    lastCount.current = run;
    if (countAsked === undefined) return undefined;
    return { countKey: countAsked, total: await countEntries(db, filter, timeZone, () => lastCount.current !== run) };
  }, [countAsked]);
  const total = counted?.countKey === countKey ? counted.total : undefined;
  const recordName = filter.recordId ? rows?.find((e) => e.recordId === filter.recordId)?.recordName : undefined;
  const columns = useMemo(() => auditColumns(timeZone, shown?.places, shown?.name, filter.recordId, change), [timeZone, shown, filter.recordId, change]);
  const [verdict, setVerdict] = useState<(ChainVerdict & { head?: AuditEntry }) | null>(null);

  const [checked, setChecked] = useState<{ done: number; total: number } | null>(null);
  const verify = async () => {
    setVerdict(null);
    try {
      setVerdict(await verifyLog((done, all) => setChecked({ done, total: all })));
    } finally {
      setChecked(null);
    }
  };

  return (
    <section aria-labelledby="audit-title">
      <Typography.Title level={3} id="audit-title">
        审计日志
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        每一次新建、修改、删除、恢复、合并导入和从备份恢复数据都按时间顺序记录，每条记录都与上一条以 SHA-256 哈希相连，任何事后改动都能被发现。
      </Typography.Paragraph>
      <AuditFilters table={filter.table} recordId={filter.recordId} recordName={recordName} onChange={change} />
      <Space style={{ marginBottom: 16, display: 'flex' }}>
        <Button onClick={verify} loading={checked !== null}>
          校验完整性
        </Button>
        {checked && <Progress aria-label="校验进度" percent={Math.floor((checked.done / Math.max(1, checked.total)) * 100)} size="small" style={{ width: 200 }} format={() => `${checked.done} / ${checked.total}`} />}
        {/* The whole log, not only the page shown. */}
        <ExportButton fileName="审计日志" tables={async () => [await auditLogSheet(db, timeZone)]} />
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
      <RegisterTable<AuditEntry>
        label="审计日志"
        rowKey="seq"
        size="small"
        loading={!pageRead}
        rows={rows}
        paging={{ page, pageSize, total: total ?? (page - 1) * pageSize + (rows?.length ?? 0), onPage: setPage }}
        empty={filtering ? '没有符合筛选条件的记录' : '还没有审计记录'}
        columns={columns}
      />
    </section>
  );
}

type ChangeFilter = (patch: Partial<AuditFilter>) => void;

/**
 * The filters above the entries. Drawn again only when what they show changes, not when a page of
 * entries arrives: the 类别 list measures its options whenever it is drawn, and that measuring made
 * the page lay out its fifty new rows inside the same task.
 */
const AuditFilters = memo(function AuditFilters({ table, recordId, recordName, onChange }: { table?: string; recordId?: string; recordName?: string; onChange: ChangeFilter }) {
  return (
    <Space style={{ marginBottom: 16 }} wrap>
      <Select allowClear placeholder="全部类别" aria-label="按类别筛选" style={{ width: 140 }} value={table} options={TABLE_OPTIONS} onChange={(t?: string) => onChange({ table: t })} />
      <Input.Search allowClear placeholder="操作员" aria-label="按操作员筛选" style={{ width: 160 }} onSearch={(v) => onChange({ operator: v.trim() || undefined })} />
      <DatePicker.RangePicker
        aria-label="按日期筛选"
        placeholder={['开始日期', '结束日期']}
        onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
      />
      {recordId && (
        <Tag closable onClose={() => onChange({ recordId: undefined })}>
          只看记录：{recordName ?? recordId}
        </Tag>
      )}
    </Space>
  );
});

/** The entries' columns: instants on the profile's clock, records linked where they still are, ids named where the page's names know them. */
function auditColumns(
  timeZone: string,
  places: Map<string, RecordPlace> | undefined,
  name: ((id: string) => string | undefined) | undefined,
  shownRecord: string | undefined,
  change: ChangeFilter,
): RegisterColumns<AuditEntry> {
  const reading = { name, timeZone };
  return [
    { title: '序号', dataIndex: 'seq', width: 80 },
    { title: '时间', width: 180, render: (_, e) => instantText(e.at, timeZone, 'second') },
    { title: '操作员', dataIndex: 'operator', width: 100 },
    { title: '类别', width: 110, render: (_, e) => tableLabel(e.table) },
    {
      title: '记录',
      width: 220,
      // Plain elements in the look of antd's (a link, a small text button, 4 px apart, wrapping):
      // fifty of them are drawn at every page and every filter, and antd's Space, Link and Button
      // are each a component with contexts and hooks of its own.
      render: (_, e) => {
        const name = e.recordName ?? '（未记录名称）';
        const place = places?.get(e.recordId);
        return (
          <span className="audit-record">
            {place === 'live' || place === 'trash' ? (
              <a href={place === 'trash' ? routeHref('trash') : routeHref(e.table, e.recordId)}>{place === 'trash' ? `${name}（在回收站）` : name}</a>
            ) : (
              <span>{name}</span>
            )}
            {shownRecord !== e.recordId && (
              <button type="button" className="audit-only-record" aria-label={`只看“${name}”的记录`} onClick={() => change({ recordId: e.recordId })}>
                只看此记录
              </button>
            )}
          </span>
        );
      },
    },
    { title: '操作', width: 70, render: (_, e) => AUDIT_ACTION_LABELS[e.action] },
    {
      title: '变更内容',
      render: (_, e) => (
        <ul className="audit-changes">
          {changeLines(e, reading).map((line) => (
            <li key={line.field}>{line.text}</li>
          ))}
        </ul>
      ),
    },
  ];
}
