// 开通与备案: opening approvals, filings and change/closure filings, with filters; 记录变更 for a
// platform; each filing's due date from the profile and the holiday calendar; print F10; mark filed.
import { Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { APPROVAL_KINDS, type Approval } from '@shared/domain/records';
import { changeSummary, isChangeOrClosure } from '@shared/rules/filing-reminders';
import { buildSearchKey, matchesSearch } from '@shared/search/pinyin-search';
import { usePlatforms } from '../../db/queries';
import { useApprovals } from '../../db/approvals';
import { navigate } from '../../app/routes';
import { DeleteButton } from '../../components/delete-button';
import { PrintPreview } from '../print/print-preview';
import { ChangeFilingDialog } from './change-filing-dialog';
import { MarkFiledDialog } from './mark-filed-dialog';
import { FilterSelect, RegisterList, RegisterPage } from '../../components/register-page';
import { approvalsTable } from '../export/list-tables';
import { filingState, formatCnDay, useDeadlineRules, type DeadlineRules, type FilingState } from './filing-due';
import { localToday } from '@shared/domain/today';
import { useKeptFilter } from '../../state/kept-filter';

type StatusFilter = '待报备' | '已逾期' | '已报备' | '期限待定';

function matchesStatus(s: FilingState, filter: StatusFilter | undefined): boolean {
  switch (filter) {
    case undefined:
      return true;
    case '待报备':
      return s.state === 'open' || s.state === 'unknown' || s.state === 'pending';
    case '已逾期':
      return s.state === 'open' && s.daysLeft < 0;
    case '已报备':
      return s.state === 'filed' || s.state === 'done';
    case '期限待定':
      return s.state === 'unknown';
  }
}

export function StateTag({ s }: { s: FilingState }) {
  switch (s.state) {
    case 'filed':
      return <Tag color="green">已报备 {s.filedOn}</Tag>;
    case 'done':
      return <Tag color="green">已办结</Tag>;
    case 'pending':
      return <Tag color="blue">办理中</Tag>;
    case 'unknown':
      return <Tag color="orange">期限待定（缺{s.missingYear}年放假安排）</Tag>;
    case 'open':
      if (s.daysLeft < 0) return <Tag color="red">逾期 {-s.daysLeft} 天</Tag>;
      if (s.daysLeft === 0) return <Tag color="volcano">今天到期</Tag>;
      return <Tag color="gold">还剩 {s.daysLeft} 天</Tag>;
  }
}

type Dialog = { type: 'change' } | { type: 'filed'; approval: Approval } | { type: 'print'; approval: Approval } | null;

export function ApprovalsPage({ openId }: { openId?: string }) {
  const approvals = useApprovals();
  const platforms = usePlatforms();
  const rules = useDeadlineRules();
  const [kind, setKind] = useKeptFilter<string | undefined>('approvals.kind', undefined);
  const [status, setStatus] = useKeptFilter<StatusFilter | undefined>('approvals.status', undefined);
  const [query, setQuery] = useKeptFilter('approvals.query', '');
  const [dialog, setDialog] = useState<Dialog>(null);
  const today = localToday();

  const platformById = useMemo(() => new Map((platforms ?? []).map((p) => [p.id, p])), [platforms]);
  // Keyed and sorted once per change of the data; a key press only filters.
  const keyed = useMemo(() => {
    if (!rules || !approvals) return undefined;
    return approvals
      .map((a) => {
        const p = platformById.get(a.platformId);
        return { a, s: filingState(a, rules, today), name: p ? `${p.name}（${p.kind}）` : '（平台已删除）', key: buildSearchKey([p?.name ?? '', p?.kind ?? '', p?.accountId ?? '']) };
      })
      .sort((x, y) => (y.a.changeDate ?? y.a.createdAt).localeCompare(x.a.changeDate ?? x.a.createdAt));
  }, [approvals, platformById, rules, today]);
  const deferred = useDeferredValue(query);
  const rows = useMemo(
    () => keyed?.filter((r) => (!kind || r.a.kind === kind) && matchesStatus(r.s, status) && (!deferred || matchesSearch(r.key, deferred))),
    [keyed, kind, status, deferred],
  );

  if (!rules) return null;
  const opened = openId ? approvals?.find((a) => a.id === openId) : undefined;
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
            <FilterSelect<StatusFilter> label="报备状态" values={['待报备', '已逾期', '期限待定', '已报备']} value={status} onChange={setStatus} />
          </>
        }
        count={rows && `共 ${rows.length} 条`}
        exportAs={{ fileName: '开通与备案', tables: () => [approvalsTable(rows ?? [])] }}
        rowKey={(r) => r.a.id}
        rows={rows}
        onOpen={(r) => navigate('approvals', r.a.id)}
        empty={approvals?.length ? '没有符合条件的记录' : '还没有开通审批或备案记录。账号名称、管理员等发生变更时，点击“记录变更”登记。'}
        columns={[
          { title: '类别', width: 100, render: (_, r) => <Tag>{r.a.kind}</Tag> },
          { title: '平台', render: (_, r) => <a href={`#/approvals/${encodeURIComponent(r.a.id)}`}>{r.name}</a> },
          { title: '内容', ellipsis: true, render: (_, r) => (isChangeOrClosure(r.a) ? r.a.changes.map((c) => `${c.field}：${c.before} → ${c.after}`).join('；') : r.a.note) },
          { title: '变更日期', width: 110, render: (_, r) => r.a.changeDate ?? '' },
          { title: '应报备日期', width: 120, render: (_, r) => (r.s.state === 'open' ? r.s.dueDate : r.s.state === 'unknown' ? '待定' : r.s.state === 'filed' ? (r.a.dueDate ?? '') : '') },
          { title: '状态', width: 190, render: (_, r) => <StateTag s={r.s} /> },
          {
            title: '操作',
            width: 200,
            render: (_, r) => (
              <Space size={4}>
                {isChangeOrClosure(r.a) && (
                  <Button size="small" onClick={() => setDialog({ type: 'print', approval: r.a })}>
                    打印
                  </Button>
                )}
                {!r.a.filedOn && (
                  <Button size="small" onClick={() => setDialog({ type: 'filed', approval: r.a })} aria-label={`标记已报备 ${r.name}`}>
                    标记已报备
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />

      {opened && (
        <ApprovalDrawer
          approval={opened}
          platformName={platformById.get(opened.platformId)?.name ?? '（平台已删除）'}
          rules={rules}
          today={today}
          onPrint={() => setDialog({ type: 'print', approval: opened })}
          onFiled={() => setDialog({ type: 'filed', approval: opened })}
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
          <a href={`#/platforms/${encodeURIComponent(a.platformId)}`}>{platformName}</a>
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
