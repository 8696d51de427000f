// 开通与备案: opening approvals, filings and change/closure filings, with filters; 记录变更 for a
// platform; each filing's due date from the profile and the holiday calendar; print F10; mark filed.
import { Button, Descriptions, Drawer, Space, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { APPROVAL_KINDS, type Approval } from '@shared/domain/records';
import type { Platform } from '@shared/domain/platform';
import { changeSummary, isChangeOrClosure } from '@shared/rules/filing-reminders';
import type { FilingStatusFilter } from '@shared/rules/filing-state';
import type { ApprovalFilter } from '@shared/search/register-index';
import { db } from '../../db/database';
import { readWithPlatforms, registerIds, useRegisterPage, warmRegister } from '../../db/register-index';
import { navigate, routeHref } from '../../app/routes';
import { CellActions } from '../../components/row-actions';
import { DeleteButton } from '../../components/delete-button';
import { PrintPreview } from '../print/print-preview';
import { ChangeFilingDialog } from './change-filing-dialog';
import { MarkFiledDialog } from './mark-filed-dialog';
import { FilterSelect, RegisterList, RegisterPage, useListPage } from '../../components/register-page';
import { approvalsTable, slicedExport } from '../export/list-tables';
import { filingState, formatCnDay, useDeadlineRules, type DeadlineRules, type FilingState } from './filing-due';
import { localToday } from '@shared/domain/today';
import { useKeptFilter } from '../../state/kept-filter';
import { RowButton } from '../../components/row-button';
import { StatusTag } from '../../components/status-tag';

const PAGE_SIZE = 25;

const label = (p: Platform | undefined) => (p ? `${p.name}（${p.kind}）` : '（平台已删除）');
export function StateTag({ s }: { s: FilingState }) {
  switch (s.state) {
    case 'filed':
      return <StatusTag color="green">已报备 {s.filedOn}</StatusTag>;
    case 'done':
      return <StatusTag color="green">已办结</StatusTag>;
    case 'pending':
      return <StatusTag color="blue">办理中</StatusTag>;
    case 'unknown':
      return <StatusTag color="orange">期限待定（缺{s.missingYear}年放假安排）</StatusTag>;
    case 'open':
      if (s.daysLeft < 0) return <StatusTag color="red">逾期 {-s.daysLeft} 天</StatusTag>;
      if (s.daysLeft === 0) return <StatusTag color="volcano">今天到期</StatusTag>;
      return <StatusTag color="gold">还剩 {s.daysLeft} 天</StatusTag>;
  }
}

type Dialog = { type: 'change' } | { type: 'filed'; approval: Approval } | { type: 'print'; approval: Approval } | null;

export function ApprovalsPage({ openId }: { openId?: string }) {
  const rules = useDeadlineRules();
  const [kind, setKind] = useKeptFilter<string | undefined>('approvals.kind', undefined);
  const [status, setStatus] = useKeptFilter<FilingStatusFilter | undefined>('approvals.status', undefined);
  const [query, setQuery] = useKeptFilter('approvals.query', '');
  const [dialog, setDialog] = useState<Dialog>(null);
  const today = localToday();
  // The search's keys are made while the clerk reads the first page, not at the first key typed.
  useEffect(() => void warmRegister('approvals'), []);

  // The worker keeps the filings sorted (newest change first) with their states; a key press only
  // filters there, and this page reads the 25 records it shows.
  const deferred = useDeferredValue(query);
  const filter: ApprovalFilter = { kind, status, query: deferred.trim() || undefined, today };
  const [page, setPage] = useListPage(JSON.stringify(filter));
  const data = useRegisterPage({
    register: 'approvals',
    filter,
    watch: ['approvals', 'platforms', 'settings'],
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    platformOf: (a) => a.platformId,
  });
  // Drawn again when the read's rows change, not when it only starts or ends being pending.
  const read = data?.rows;
  const platforms = data?.platforms;
  const rows = useMemo(() => {
    if (!rules || !read) return undefined;
    return read.map((a) => ({ a, s: filingState(a, rules, today), name: label(platforms?.get(a.platformId)) }));
  }, [read, platforms, rules, today]);
  const total = data?.total;
  const anyFilter = Boolean(filter.kind || filter.status || filter.query);

  // The opened filing and its platform, read by id (it may be on none of the pages the list shows).
  const opened = useLiveQuery(async () => {
    const a = openId ? await db.approvals.get(openId) : undefined;
    if (!a || a.deletedAt) return undefined;
    const p = await db.platforms.get(a.platformId);
    return { a, platformName: p && !p.deletedAt ? p.name : '（平台已删除）' };
  }, [openId]);

  const exportTables = async () => {
    if (!rules) return [];
    return [
      await slicedExport(await registerIds('approvals', filter), async (ids) => {
        const { rows, platforms } = await readWithPlatforms('approvals', ids, (a) => a.platformId);
        return approvalsTable(rows.map((a) => ({ a, s: filingState(a, rules, today), name: label(platforms.get(a.platformId)) })));
      }),
    ];
  };

  if (!rules) return null;
  const office = rules.profile.texts.filingOffice;

  return (
    <RegisterPage
      title="开通与备案"
      titleId="approvals-title"
      actions={
        <Button type="primary" onClick={() => setDialog({ type: 'change' })}>
          记录变更
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        账号名称、管理员、分管领导或维护方式变更，以及账号注销，应在{rules.profile.changeFilingWorkingDays}个工作日内以书面形式报{office}备案（001 第五条、004 第六条）。
      </Typography.Paragraph>
      <RegisterList
        search={{ value: query, onChange: setQuery, placeholder: '搜索平台（支持拼音首字母）', label: '搜索平台名称', width: 260 }}
        filters={
          <>
            <FilterSelect<string> label="类别" values={APPROVAL_KINDS} value={kind} onChange={setKind} />
            <FilterSelect<FilingStatusFilter> label="报备状态" values={['待报备', '已逾期', '期限待定', '已报备']} value={status} onChange={setStatus} />
          </>
        }
        count={total === undefined ? undefined : `共 ${total} 条`}
        exportAs={{ fileName: '开通与备案', tables: exportTables }}
        rowKey={(r) => r.a.id}
        rows={rows}
        paging={{ page, pageSize: PAGE_SIZE, total: total ?? 0, onPage: setPage, pending: data?.pending }}
        onOpen={(r) => navigate('approvals', r.a.id)}
        empty={anyFilter || total ? '没有符合条件的记录' : '还没有开通审批或备案记录。账号名称、管理员等发生变更时，点击“记录变更”登记。'}
        columns={[
          { title: '类别', width: 100, render: (_, r) => <StatusTag>{r.a.kind}</StatusTag> },
          { title: '平台', render: (_, r) => <a href={routeHref('approvals', r.a.id)}>{r.name}</a> },
          { title: '内容', ellipsis: true, render: (_, r) => (isChangeOrClosure(r.a) ? r.a.changes.map((c) => `${c.field}：${c.before} → ${c.after}`).join('；') : r.a.note) },
          { title: '变更日期', width: 110, render: (_, r) => r.a.changeDate ?? '' },
          { title: '应报备日期', width: 120, render: (_, r) => (r.s.state === 'open' ? r.s.dueDate : r.s.state === 'unknown' ? '待定' : r.s.state === 'filed' ? (r.a.dueDate ?? '') : '') },
          { title: '状态', width: 190, render: (_, r) => <StateTag s={r.s} /> },
          {
            title: '操作',
            width: 200,
            render: (_, r) => (
              <CellActions>
                {isChangeOrClosure(r.a) && (
                  <RowButton onClick={() => setDialog({ type: 'print', approval: r.a })}>
                    打印
                  </RowButton>
                )}
                {!r.a.filedOn && (
                  <RowButton onClick={() => setDialog({ type: 'filed', approval: r.a })} aria-label={`标记已报备 ${r.name}`}>
                    标记已报备
                  </RowButton>
                )}
              </CellActions>
            ),
          },
        ]}
      />

      {opened && (
        <ApprovalDrawer
          approval={opened.a}
          platformName={opened.platformName}
          rules={rules}
          today={today}
          onPrint={() => setDialog({ type: 'print', approval: opened.a })}
          onFiled={() => setDialog({ type: 'filed', approval: opened.a })}
        />
      )}
      {dialog?.type === 'change' && <ChangeFilingDialog rules={rules} onClose={() => setDialog(null)} onSaved={(id) => navigate('approvals', id)} />}
      {dialog?.type === 'filed' && <MarkFiledDialog approval={dialog.approval} office={office} onClose={() => setDialog(null)} />}
      {dialog?.type === 'print' && <F10Preview approval={dialog.approval} rules={rules} onClose={() => setDialog(null)} />}
    </RegisterPage>
  );
}

/** F10 with the due date as computed now (001 第五条, 004 第六条); the print context carries the profile. */
function F10Preview({ approval, rules, onClose }: { approval: Approval; rules: DeadlineRules; onClose: () => void }) {
  // The preview rebuilds the PDF when its record changes identity: build the record once.
  const record = useMemo(() => {
    const s = filingState(approval, rules, localToday());
    const dueDate = s.state === 'open' ? s.dueDate : approval.dueDate;
    return { ...approval, ...(dueDate ? { dueDate } : {}) };
    // Rebuild only for another approval or an edit of it, not on every settings tick.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [approval.id, approval.updatedAt]);
  return <PrintPreview formId="F10" record={record} onClose={onClose} />;
}

function ApprovalDrawer({
  approval: a,
  platformName,
  rules,
  today,
  onPrint,
  onFiled,
}: {
  approval: Approval;
  platformName: string;
  rules: DeadlineRules;
  today: string;
  onPrint: () => void;
  onFiled: () => void;
}) {
  const s = filingState(a, rules, today);
  return (
    <Drawer
      open
      size={560}
      title={`${a.kind}：${platformName}`}
      onClose={() => navigate('approvals')}
      extra={
        <Space>
          {isChangeOrClosure(a) && <Button onClick={onPrint}>打印备案表</Button>}
          {!a.filedOn && (
            <Button type="primary" onClick={onFiled}>
              标记已报备
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="平台">
          <a href={routeHref('platforms', a.platformId)}>{platformName}</a>
        </Descriptions.Item>
        <Descriptions.Item label="类别">{isChangeOrClosure(a) ? changeSummary(a) : a.kind}</Descriptions.Item>
        {a.changeDate && <Descriptions.Item label={a.kind === '注销备案' ? '注销日期' : '变更日期'}>{formatCnDay(a.changeDate)}</Descriptions.Item>}
        {s.state === 'open' && <Descriptions.Item label="应报备日期">{formatCnDay(s.dueDate)}</Descriptions.Item>}
        {s.state === 'unknown' && (
          <Descriptions.Item label="应报备日期">
            尚未录入{s.missingYear}年的放假安排，无法按工作日计算（最早{formatCnDay(s.earliest)}）。请在“设置 → 节假日安排”中录入{s.missingYear}年的安排。
          </Descriptions.Item>
        )}
        <Descriptions.Item label="状态">
          <StateTag s={s} />
        </Descriptions.Item>
        {a.signedBy && <Descriptions.Item label="签字人">{a.signedBy}</Descriptions.Item>}
        {a.signedOn && <Descriptions.Item label="签字日期">{a.signedOn}</Descriptions.Item>}
        {a.note && <Descriptions.Item label={a.kind === '注销备案' ? '注销原因' : '备注'}>{a.note}</Descriptions.Item>}
      </Descriptions>
      {a.changes.length > 0 && (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          pagination={false}
          rowKey={(c) => `${c.field}-${c.before}-${c.after}`}
          dataSource={a.changes}
          columns={[
            { title: '变更项目', dataIndex: 'field' },
            { title: '变更前', dataIndex: 'before' },
            { title: '变更后', dataIndex: 'after' },
          ]}
        />
      )}
      <div style={{ marginTop: 16 }}>
        <DeleteButton table="approvals" id={a.id} name={`${a.kind}（${platformName}）`} />
      </div>
    </Drawer>
  );
}
