// 待办提醒 on the start page: what is due and what is overdue, overdue first, each linking to its
// record. Computed from the live data with the profile and holiday calendar in force, together
// with the credential reminders (password rotation, after handovers, opened envelopes).
import { Alert, Card, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { sortReminders, type Reminder, type ReminderKind } from '@shared/rules/reminder';
import { computeReminders, missingHolidayYears, type ComplianceReminder } from '@shared/rules/reminders';
import { credentialReminders } from '@shared/rules/credentials';
import { db } from '../../db/database';
import { navigate } from '../../app/routes';
import { useDeadlineRules } from '../approvals/filing-due';
import { localToday } from '@shared/domain/today';

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

/** Platforms and filings open the record itself; other tables open their area. */
function open(r: Reminder): void {
  if ((r.table === 'platforms' || r.table === 'approvals' || r.table === 'envelopes') && r.recordId) navigate(r.table, r.recordId);
  else navigate(r.table);
}

function DaysTag({ r }: { r: ComplianceReminder }) {
  if (r.dueUnknownReason) return <Tag color="orange">期限待定</Tag>;
  if (r.daysLeft < 0) return <Tag color="red">逾期 {-r.daysLeft} 天</Tag>;
  if (r.daysLeft === 0) return <Tag color="volcano">今天到期</Tag>;
  return <Tag color="gold">还剩 {r.daysLeft} 天</Tag>;
}

export function RemindersPanel({ extra }: { extra?: readonly Reminder[] }) {
  const rules = useDeadlineRules();
  const [kind, setKind] = useState<ReminderKind>();
  const data = useLiveQuery(async () => {
    const [platforms, approvals, inspections, trainings, printouts, envelopes, handovers] = await Promise.all([
      db.platforms.toArray(),
      db.approvals.toArray(),
      db.inspections.toArray(),
      db.trainings.toArray(),
      db.printouts.toArray(),
      db.envelopes.filter((e) => !e.deletedAt).toArray(),
      db.handovers.filter((h) => !h.deletedAt).toArray(),
    ]);
    return { platforms, approvals, inspections, trainings, printouts, envelopes, handovers };
  }, []);

  const today = localToday();
  const all = useMemo<ComplianceReminder[]>(() => {
    if (!data || !rules) return [];
    const credentials = credentialReminders({
      platforms: data.platforms.filter((p) => !p.deletedAt),
      envelopes: data.envelopes,
      handovers: data.handovers,
      policy: rules.profile.passwordPolicy,
      profile: rules.profile,
      today,
    });
    return sortReminders([...computeReminders(data, rules.profile, today, rules.calendar), ...credentials, ...(extra ?? [])]);
  }, [data, rules, extra, today]);
  const counts = useMemo(() => {
    const m = new Map<ReminderKind, number>();
    for (const r of all) m.set(r.kind, (m.get(r.kind) ?? 0) + 1);
    return m;
  }, [all]);
  const shown = kind ? all.filter((r) => r.kind === kind) : all;
  const overdue = all.filter((r) => r.daysLeft < 0 && !r.dueUnknownReason).length;
  const missingYears = missingHolidayYears(all);

  return (
    <section aria-labelledby="reminders-title">
      <Card
        loading={!data || !rules}
        title={
          <span id="reminders-title">
            待办提醒
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 12 }}>
              共 {all.length} 项，其中逾期 {overdue} 项
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
            onChange={setKind}
            options={[...counts].map(([k, n]) => ({ value: k, label: `${REMINDER_KIND_LABELS[k]}（${n}）` }))}
          />
        }
      >
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
          dataSource={shown}
          pagination={shown.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
          locale={{ emptyText: <Empty description="目前没有到期或逾期的事项。" /> }}
          renderItem={(r) => (
            <List.Item>
              <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                <Space wrap>
                  <DaysTag r={r} />
                  <Tag>{REMINDER_KIND_LABELS[r.kind]}</Tag>
                  <Typography.Link onClick={() => open(r)}>{r.title}</Typography.Link>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.dueUnknownReason ?? `应办日期：${r.dueDate}`}{'\u3000'}依据：{r.source}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </section>
  );
}
