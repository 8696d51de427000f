// What every obligation's reminder rule shares: the data it reads, the reminder with its
// "due date unknown" flag, and small date helpers. The rules themselves live in
// filing-reminders.ts, account-reminders.ts and office-reminders.ts; reminders.ts combines them.
import type { Platform } from '../domain/platform';
import type { Approval, Inspection, Printout, Training } from '../domain/records';
import type { Person } from '../domain/person';
import type { Unit } from '../domain/unit';
import { daysBetween } from '../domain/calendar-days';
import { dayOf, profileZone } from '../domain/time-zone';
import type { RuleProfile } from '../profiles/types';
import type { Reminder } from './reminder';
import { formatMonth } from '../domain/month-date';

export interface ComplianceReminder extends Reminder {
  /**
   * Set when a working-day deadline runs into a year without holiday data: the reminder is still
   * listed, `dueDate` is then the earliest the deadline can be (n calendar days; never a
   * Monday–Friday guess) and this says, in Chinese, which year's schedule to enter.
   */
  dueUnknownReason?: string;
  /** The year whose holiday schedule is missing. */
  missingYear?: number;
}

/** The tables the rules read (live and trashed records alike; rules skip the trashed ones). */
export interface ComplianceData {
  units?: readonly Unit[];
  people?: readonly Person[];
  platforms: readonly Platform[];
  approvals: readonly Approval[];
  inspections: readonly Inspection[];
  trainings: readonly Training[];
  printouts: readonly Printout[];
}

// The reminder rules take these from here with the rest of their toolkit; they are defined with the records.
export { live } from '../domain/common';
export { isClosed, isRunning } from '../domain/platform';

/** The calendar day of a record's timestamp on the institution's clock (the profile's zone, China time by default). */
export function recordDay(isoDateTime: string, profile: Pick<RuleProfile, 'timeZone'>): string {
  return dayOf(isoDateTime, profileZone(profile));
}

/** 'YYYY-MM-DD' plus whole months, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function formatCnDate(date: string): string {
  // 开通日期 may be known only to its month (domain/month-date): 2019年6月, never a made-up day.
  const month = formatMonth(date);
  if (month) return month;
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The reminder for a due date, with daysLeft against `today` and the missing-data flag if any. */
export function reminderFor(
  base: Omit<ComplianceReminder, 'daysLeft' | 'dueUnknownReason' | 'missingYear'>,
  today: string,
  missingYear?: number,
): ComplianceReminder {
  const r: ComplianceReminder = { ...base, daysLeft: daysBetween(today, base.dueDate) };
  if (missingYear !== undefined) {
    r.missingYear = missingYear;
    r.dueUnknownReason = `${missingYear}年的放假安排尚未录入，期限无法按工作日算出（最早为${formatCnDate(base.dueDate)}）。请在“设置 → 节假日安排”中录入${missingYear}年的安排。`;
  }
  return r;
}

/** How a reminder names an account: names repeat across platforms (东湖示范大学 on WeChat, Douyin…). */
export function platformLabel(p: Pick<Platform, 'name' | 'kind'>): string {
  return `${p.name}（${p.kind}）`;
}

export function platformNames(platforms: readonly Platform[]): Map<string, Platform> {
  return new Map(platforms.map((p) => [p.id, p]));
}
