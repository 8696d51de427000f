// 待办提醒 on the start page: what is due and what is overdue, overdue first, each linking to its
// record. Computed in the home worker from the live data with the profile and holiday calendar in
// force, together with the credential reminders (password rotation, after handovers, opened
// envelopes) and the work-group roster reminders.
import { Alert, Card, Empty, List, Select, theme, Typography } from 'antd';
import { useState } from 'react';
import type { Reminder, ReminderKind } from '@shared/rules/reminder';
import type { ComplianceReminder } from '@shared/rules/reminders';
import { navigate, routeHref } from '../../app/routes';
import { useReminderPage } from './home-client';
import { REMINDER_PAGE_SIZE, type HomeSummary } from './home-protocol';
import { StatusTag } from '../../components/status-tag';

export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  'change-filing': '变更/注销备案',
  'back-filing': '补办审批备案',
  'annual-inspection': '年度检查',
  'password-rotation': '定期更换密码',
  'password-after-handover': '交接后更换密码',
  'envelope-open': '信封启封未重封',
  'zombie-account': '长期未更新',
  'update-frequency': '更新频率',
  training: '培训',
  'real-name-check': '工作群实名核查',
  'paper-unsigned': '表格未签回',
};

/** Platforms, filings and envelopes open the record itself; other tables open their area. */
function hrefOf(r: Reminder): string {
  return (r.table === 'platforms' || r.table === 'approvals' || r.table === 'envelopes') && r.recordId ? routeHref(r.table, r.recordId) : routeHref(r.table);
}

function DaysTag({ r }: { r: ComplianceReminder }) {
  if (r.dueUnknownReason) return <StatusTag color="orange">期限待定</StatusTag>;
  if (r.daysLeft < 0) return <StatusTag color="red">逾期 {-r.daysLeft} 天</StatusTag>;
  if (r.daysLeft === 0) return <StatusTag color="volcano">今天到期</StatusTag>;
  return <StatusTag color="gold">还剩 {r.daysLeft} 天</StatusTag>;
}

/**
 * The panel over what the home worker computed (home-client.ts): the counts come with the summary,
 * the list is read page by page, so the window never holds the whole ledger's reminders.
 */
export function RemindersPanel({ summary, failed }: { summary: HomeSummary | undefined; failed?: boolean }) {
  const [kind, setKind] = useState<ReminderKind>();
  const [asked, setPage] = useState(1);
  const counts = summary?.reminders.counts ?? [];
  const total = summary?.reminders.total ?? 0;
  const overdue = summary?.reminders.overdue ?? 0;
  const missingYears = summary?.reminders.missingYears ?? [];
  const shownTotal = kind ? (counts.find(([k]) => k === kind)?.[1] ?? 0) : total;
  // A change elsewhere may shorten the list under the page the clerk is on.
  const page = Math.min(asked, Math.max(1, Math.ceil(shownTotal / REMINDER_PAGE_SIZE)));
  const shown = useReminderPage(summary, kind, page);
  const secondary = theme.useToken().token.colorTextSecondary;
  const chooseKind = (k: ReminderKind | undefined) => {
    setKind(k);
    setPage(1);
  };

  return (
    <section aria-labelledby="reminders-title">
      <Card
        loading={!failed && (!summary || !summary.hasRules)}
        title={
          <span id="reminders-title">
            待办提醒
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 12 }}>
              共 {total} 项，其中逾期 {overdue} 项
            </Typography.Text>
          </span>
        }
        extra={
          <Select
            allowClear
            placeholder="全部类别"
            aria-label="按提醒类别筛选"
            style={{ width: 200 }}
            value={kind}
            onChange={chooseKind}
            options={counts.map(([k, n]) => ({ value: k, label: `${REMINDER_KIND_LABELS[k]}（${n}）` }))}
          />
        }
      >
        {failed && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="待办提醒计算失败，请刷新页面（按 F5）后重试；如仍失败请重启程序。" />}
        {missingYears.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`尚未录入${missingYears.join('、')}年的放假安排，部分期限无法按工作日计算`}
            description={<Typography.Link onClick={() => navigate('settings')}>前往“设置 → 节假日安排”导入</Typography.Link>}
          />
        )}
        <List<ComplianceReminder>
          size="small"
          dataSource={shown.items}
          loading={shown.loading}
          // Paged in the worker: the list holds one page; antd shows it as it is for pages after the first.
          pagination={shownTotal > REMINDER_PAGE_SIZE ? { current: page, total: shownTotal, pageSize: REMINDER_PAGE_SIZE, showSizeChanger: false, size: 'small', onChange: setPage } : false}
          locale={{ emptyText: <Empty description="目前没有到期或逾期的事项。" /> }}
          // Plain elements in the items: antd's Space and Typography each bring a size observer and
          // style hooks to every reminder, on the start page's first render.
          renderItem={(r) => (
            <List.Item>
              <div className="ledger-reminder">
                <div className="ledger-reminder-head">
                  <DaysTag r={r} />
                  <StatusTag>{REMINDER_KIND_LABELS[r.kind]}</StatusTag>
                  <a href={hrefOf(r)}>{r.title}</a>
                </div>
                <div className="ledger-reminder-note" style={{ color: secondary }}>
                  {r.dueUnknownReason ?? `应办日期：${r.dueDate}`}{'\u3000'}依据：{r.source}
                </div>
              </div>
            </List.Item>
          )}
        />
      </Card>
    </section>
  );
}
