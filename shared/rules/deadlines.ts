// The one working-day deadline rule: a change or closure is filed within the profile's N working
// days (001 第五条, 004 第六条), counted on the State Council holiday calendar plus the clerk's
// entries. Every place that shows or stores such a due date asks this module.
import type { RuleProfile } from '../profiles/types';
import { addCalendarDays } from '../domain/calendar-days';
import { addWorkingDays, isHolidayDataMissing, type HolidayCalendar } from './working-days';

export interface Deadline {
  /** The due date; when `missingYear` is set, only the earliest it can be (n calendar days). */
  dueDate: string;
  /** The year whose holiday schedule is missing, so the working days cannot be counted. */
  missingYear?: number;
}

/** A working-day deadline, or its lower bound with the missing year when the schedule is not entered. */
export function workingDayDeadline(start: string, n: number, calendar: HolidayCalendar | undefined): Deadline {
  try {
    return { dueDate: addWorkingDays(start, n, calendar) };
  } catch (e) {
    if (!isHolidayDataMissing(e)) throw e;
    // n working days take at least n calendar days: a safe "not before" date, never a guess.
    return { dueDate: addCalendarDays(start, n), missingYear: e.year };
  }
}

/** The deadline of a change or closure filing from the profile and the holiday calendar (001 第五条, 004 第六条). */
export function changeFilingDeadline(changeDate: string, profile: Pick<RuleProfile, 'changeFilingWorkingDays'>, calendar?: HolidayCalendar): Deadline {
  return workingDayDeadline(changeDate, profile.changeFilingWorkingDays, calendar);
}
