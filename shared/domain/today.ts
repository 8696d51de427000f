// "Today" as the clerk's wall calendar shows it: the one definition every rule, dialog and write uses.
// It is the institution's calendar (the rule profile's time zone, China time by default), not the
// machine's: on a laptop set to UTC, 07:30 in Beijing is already the new day, as the printed forms
// and the lists say.
import type { IsoDate } from './common';
import { DEFAULT_TIME_ZONE, dayOf, validTimeZone } from './time-zone';

/** The zone today is read in; set from the settings wherever they are read (renderer/db/queries.ts). */
let zone = DEFAULT_TIME_ZONE;

/** Reads today (and every default date) on this time zone from now on: the profile's, as the settings hold it. */
export function setTodayZone(timeZone: string | undefined): void {
  zone = validTimeZone(timeZone);
}

/** The zone today is read in: the institution's (what backups are named on, with the window's other dates). */
export function todayZone(): string {
  return zone;
}

/** Today on the institution's calendar as 'YYYY-MM-DD' (a date on paper). */
export function localToday(now: Date = new Date()): IsoDate {
  return dayOf(now.toISOString(), zone);
}
