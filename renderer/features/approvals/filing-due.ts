// The deadline and state of a filing as the clerk sees it: computed from the profile in force and
// the holiday calendar (bundled + the clerk's), so entering next year's schedule updates every
// pending deadline at once.
import dayjs from 'dayjs';
import { useMemo } from 'react';
import type { RuleProfile } from '@shared/profiles/types';
import type { Settings } from '@shared/domain/settings';
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

export { filingState, type FilingState } from '@shared/rules/filing-state';

export function formatCnDay(date: string): string {
  const d = dayjs(date);
  return `${d.year()}年${d.month() + 1}月${d.date()}日（星期${'日一二三四五六'[d.day()]}）`;
}
