// The deadline and state of a filing as the clerk sees it: computed from the profile in force and
// the holiday calendar (bundled + the clerk's), so entering next year's schedule updates every
// pending deadline at once.
import dayjs from 'dayjs';
import { useMemo } from 'react';
import type { Approval } from '@shared/domain/records';
import type { RuleProfile } from '@shared/profiles/types';
import type { Settings } from '@shared/domain/settings';
import { daysBetween } from '@shared/rules/reminder';
import { changeFilingDeadline } from '@shared/rules/deadlines';
import { isChangeOrClosure } from '@shared/rules/filing-reminders';
import type { HolidayCalendar } from '@shared/rules/working-days';
import { useSettings } from '../../db/queries';

const NO_ENTRIES: HolidayCalendar = [];

export interface DeadlineRules {
  profile: RuleProfile;
  calendar: HolidayCalendar;
  settings: Settings;
}

/** The profile and the holiday calendar in force, or undefined while settings load. */
export function useDeadlineRules(): DeadlineRules | undefined {
  const settings = useSettings();
  return useMemo(() => (settings ? { profile: settings.profile, calendar: settings.holidayOverrides ?? NO_ENTRIES, settings } : undefined), [settings]);
}

export type FilingState =
  | { state: 'filed'; filedOn: string }
  | { state: 'open'; dueDate: string; daysLeft: number }
  | { state: 'unknown'; earliest: string; missingYear: number }
  | { state: 'pending' } // an opening application or filing still in progress (no deadline of its own)
  | { state: 'done' }; // an opening application or filing completed

export function filingState(a: Approval, rules: Pick<DeadlineRules, 'profile' | 'calendar'>, today: string): FilingState {
  if (!isChangeOrClosure(a)) return a.filedOn ? { state: 'done' } : { state: 'pending' };
  if (a.filedOn) return { state: 'filed', filedOn: a.filedOn };
  if (!a.changeDate) return a.dueDate ? { state: 'open', dueDate: a.dueDate, daysLeft: daysBetween(today, a.dueDate) } : { state: 'pending' };
  const due = changeFilingDeadline(a.changeDate, rules.profile, rules.calendar);
  if (due.missingYear !== undefined) return { state: 'unknown', earliest: due.dueDate, missingYear: due.missingYear };
  return { state: 'open', dueDate: due.dueDate, daysLeft: daysBetween(today, due.dueDate) };
}

export function formatCnDay(date: string): string {
  const d = dayjs(date);
  return `${d.year()}年${d.month() + 1}月${d.date()}日（星期${'日一二三四五六'[d.day()]}）`;
}
