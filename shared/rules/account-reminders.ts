// Reminders about running accounts and groups: the annual inspection window (001 第六条: November;
// 004 第十一条: mid-December), zombie accounts (004 通知 三: 长期不更新的“僵尸号”), update frequency
// (002 第八条: department websites weekly; 000 第九条: WeChat 4 pushes a month) and the periodic
// real-name check of work-group members (003 第二十条: 群主要定期对群内人员予以认定).
import type { RuleProfile } from '../profiles/types';
import { clauseFor, inspectionClause, LOCAL_RULE } from '../profiles/clauses';
import { existedBeforeLedger, isGroupKind, type Platform } from '../domain/platform';
import { addCalendarDays } from '../domain/calendar-days';
import { addMonths, recordDay, formatCnDate, isClosed, isRunning, live, platformLabel, reminderFor, type ComplianceData, type ComplianceReminder } from './compliance-reminder';
import { firstDay, formatMonth } from '../domain/month-date';

/** Not in any seed ("定期"); a quarter keeps departed staff from lingering for a semester. Default. */
export const REAL_NAME_CHECK_INTERVAL_DAYS = 90;
/** A real-name check shows up this many days before it is due, so the owner can plan it. */
export const REAL_NAME_CHECK_NOTICE_DAYS = 14;

/** Accounts, not work groups: groups have no publishing and are checked by their own rule. */
const isAccount = (p: Platform) => !isGroupKind(p.kind);

/** This year's window of the profile's annual inspection, e.g. 2026-12-11 … 2026-12-20. */
export function inspectionWindow(profile: Pick<RuleProfile, 'annualInspection'>, year: number): { from: string; to: string } {
  const { month, fromDay, toDay } = profile.annualInspection;
  const mm = String(month).padStart(2, '0');
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = (d: number) => String(Math.min(Math.max(d, 1), last)).padStart(2, '0');
  return { from: `${year}-${mm}-${day(fromDay)}`, to: `${year}-${mm}-${day(toDay)}` };
}

/**
 * Once this year's window opens, every running account without a concluded inspection of this
 * year (an Inspection with a result) is due by the window's end; after it, overdue. Accounts opened
 * after the window are inspected next year. A campaign of last year that was opened but not
 * finished stays overdue into the new year (it does not vanish on 1 January).
 */
export function annualInspectionReminders(data: Pick<ComplianceData, 'platforms' | 'inspections'>, profile: RuleProfile, today: string): ComplianceReminder[] {
  const year = Number(today.slice(0, 4));
  const out = today >= inspectionWindow(profile, year).from ? yearReminders(data, profile, year, today) : [];
  const lastYearOpened = live(data.inspections).some((i) => i.year === year - 1);
  if (lastYearOpened) out.push(...yearReminders(data, profile, year - 1, today));
  return out;
}

function yearReminders(data: Pick<ComplianceData, 'platforms' | 'inspections'>, profile: RuleProfile, year: number, today: string): ComplianceReminder[] {
  const { to } = inspectionWindow(profile, year);
  const done = new Set(live(data.inspections).filter((i) => i.year === year && i.result).map((i) => i.platformId));
  const started = new Set(live(data.inspections).filter((i) => i.year === year).map((i) => i.platformId));
  const { month, fromDay, toDay } = profile.annualInspection;
  const window = fromDay === 1 && toDay >= 28 ? `${month}月` : `${month}月${fromDay}日至${toDay}日`;
  return live(data.platforms)
    .filter((p) => isAccount(p) && isRunning(p) && !done.has(p.id) && !openedAfter(p, to, profile))
    .map((p) =>
      reminderFor(
        {
          kind: 'annual-inspection',
          title: `${platformLabel(p)}：${year}年度检查（${window}）${started.has(p.id) ? '尚未得出结论' : '尚未填报'}`,
          dueDate: to,
          source: inspectionClause(profile),
          table: 'platforms',
          recordId: p.id,
        },
        today,
      ),
    );
}

/**
 * Opened after this date: by its opening date, or — for an account registered here as new, whose
 * registration is its opening — by the day it was registered.
 */
function openedAfter(p: Platform, date: string, profile: Pick<RuleProfile, 'timeZone'>): boolean {
  const opened = p.openedOn ? firstDay(p.openedOn) : existedBeforeLedger(p) ? undefined : recordDay(p.createdAt, profile);
  return Boolean(opened && opened > date);
}

/**
 * Running accounts whose last checked update is older than the profile's zombie threshold. Without
 * a recorded update the clock starts when the account opened (or, not knowing that, when it was
 * registered here): a new account is not a zombie on its first day, and the due date stays put,
 * so once reached the item turns overdue instead of moving with today.
 */
export function zombieReminders(data: Pick<ComplianceData, 'platforms'>, profile: RuleProfile, today: string): ComplianceReminder[] {
  const months = profile.zombieMonths;
  const source = clauseFor(profile, 'zombie');
  const out: ComplianceReminder[] = [];
  for (const p of live(data.platforms)) {
    if (!isAccount(p) || !isRunning(p)) continue;
    if (!p.lastUpdateOn) {
      // A month-only opening date (an old account) counts from the first of that month.
      const since = p.openedOn ? firstDay(p.openedOn) : recordDay(p.createdAt, profile);
      const dueDate = addMonths(since, months);
      if (dueDate > today) continue;
      const from = p.openedOn ? `开通于${formatMonth(p.openedOn) ?? formatCnDate(since)}` : `登记于${formatCnDate(since)}`;
      const title = `${platformLabel(p)}：${from}，未记录最近更新日期，请核查是否长期不更新`;
      out.push(reminderFor({ kind: 'zombie-account', title, dueDate, source, table: 'platforms', recordId: p.id }, today));
      continue;
    }
    const dueDate = addMonths(p.lastUpdateOn, months);
    if (dueDate > today) continue;
    out.push(
      reminderFor(
        { kind: 'zombie-account', title: `${platformLabel(p)}：已超过${months}个月未更新（最近更新${formatCnDate(p.lastUpdateOn)}），应整改、整合或下线`, dueDate, source, table: 'platforms', recordId: p.id },
        today,
      ),
    );
  }
  return out;
}

/**
 * The profile's update-frequency rules. The ledger holds only the last update date the clerk
 * checked (lastUpdateOn), not every post, so "N times per week/month" is checked as "no gap
 * longer than the period divided by N" (4 a month → at most 7 days without a post). Accounts
 * already flagged as zombies, or with no date at all, are left to the zombie rule.
 */
export function updateFrequencyReminders(data: Pick<ComplianceData, 'platforms'>, profile: RuleProfile, today: string): ComplianceReminder[] {
  const out: ComplianceReminder[] = [];
  for (const rule of profile.updateFrequency) {
    if (rule.minCount <= 0) continue;
    const periodDays = rule.per === 'week' ? 7 : 30;
    const gap = Math.max(1, Math.floor(periodDays / rule.minCount));
    const perText = rule.per === 'week' ? '每周' : '每月';
    for (const p of live(data.platforms)) {
      if (!rule.kinds.includes(p.kind) || !isRunning(p) || !p.lastUpdateOn) continue;
      if (addMonths(p.lastUpdateOn, profile.zombieMonths) <= today) continue;
      const dueDate = addCalendarDays(p.lastUpdateOn, gap);
      if (dueDate > today) continue;
      out.push(
        reminderFor(
          {
            kind: 'update-frequency',
            title: `${platformLabel(p)}：应${perText}至少更新${rule.minCount}次，最近更新为${formatCnDate(p.lastUpdateOn)}`,
            dueDate,
            source: rule.source,
            table: 'platforms',
            recordId: p.id,
          },
          today,
        ),
      );
    }
  }
  return out;
}

/** Work groups in use whose last real-name check is older than the interval (or that were never checked). */
export function realNameCheckReminders(
  data: Pick<ComplianceData, 'platforms'>,
  today: string,
  profile: Pick<RuleProfile, 'timeZone'>,
  intervalDays = REAL_NAME_CHECK_INTERVAL_DAYS,
  source = LOCAL_RULE,
): ComplianceReminder[] {
  const out: ComplianceReminder[] = [];
  for (const p of live(data.platforms)) {
    if (!isGroupKind(p.kind) || isClosed(p) || p.group?.disbandedOn) continue;
    const last = [...(p.group?.realNameCheckDates ?? [])].sort().at(-1);
    // Never checked: the first check is due one interval after the group was opened (or entered).
    const since = last ?? (p.openedOn && firstDay(p.openedOn)) ?? recordDay(p.createdAt, profile);
    const dueDate = addCalendarDays(since, intervalDays);
    if (dueDate > addCalendarDays(today, REAL_NAME_CHECK_NOTICE_DAYS)) continue;
    const title = last
      ? `${platformLabel(p)}：群成员实名核查（部门+姓名，移出离岗人员），上次为${formatCnDate(last)}`
      : `${platformLabel(p)}：尚无群成员实名核查记录（部门+姓名，移出离岗人员）`;
    out.push(reminderFor({ kind: 'real-name-check', title, dueDate, source, table: 'platforms', recordId: p.id }, today));
  }
  return out;
}
