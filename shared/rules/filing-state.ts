// The state of a filing as the clerk sees it (001 第五条, 004 第六条): filed, done, in progress, or
// open with its due date in working days — computed from the profile in force and the holiday
// calendar, so entering next year's schedule updates every pending deadline at once. Pure, so the
// 开通与备案 list can filter by it in the registers' worker as well as show it on the page.
import type { Approval } from '../domain/records';
import type { RuleProfile } from '../profiles/types';
import { daysBetween } from '../domain/calendar-days';
import { changeFilingDeadline } from './deadlines';
import { isChangeOrClosure } from './filing-reminders';
import type { HolidayCalendar } from './working-days';

export type FilingState =
  | { state: 'filed'; filedOn: string }
  | { state: 'open'; dueDate: string; daysLeft: number }
  | { state: 'unknown'; earliest: string; missingYear: number }
  | { state: 'pending' } // an opening application or filing still in progress (no deadline of its own)
  | { state: 'done' }; // an opening application or filing completed

export function filingState(a: Approval, rules: { profile: RuleProfile; calendar: HolidayCalendar }, today: string): FilingState {
  if (!isChangeOrClosure(a)) return a.filedOn ? { state: 'done' } : { state: 'pending' };
  if (a.filedOn) return { state: 'filed', filedOn: a.filedOn };
  if (!a.changeDate) return a.dueDate ? { state: 'open', dueDate: a.dueDate, daysLeft: daysBetween(today, a.dueDate) } : { state: 'pending' };
  const due = changeFilingDeadline(a.changeDate, rules.profile, rules.calendar);
  if (due.missingYear !== undefined) return { state: 'unknown', earliest: due.dueDate, missingYear: due.missingYear };
  return { state: 'open', dueDate: due.dueDate, daysLeft: daysBetween(today, due.dueDate) };
}

/** The 报备状态 filter of 开通与备案. */
export type FilingStatusFilter = '待报备' | '已逾期' | '已报备' | '期限待定';
