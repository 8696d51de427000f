// Calendar dates written 'YYYY-MM-DD', counted in whole days in UTC so that no time zone can
// shift a day: the one place the rules add days to a date, take its weekday or count the days
// between two dates. A date is turned into its day number (days since 1970-01-01) once, and
// counting goes on in whole numbers.
import type { IsoDate } from './common';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date (NaN for text that is not one). */
export function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** The 'YYYY-MM-DD' date of a day number. */
export function dateOfDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, of a day number (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** 'YYYY-MM-DD' plus `days` calendar days (throws RangeError for text that is not a date). */
export function addCalendarDays(date: string, days: number): IsoDate {
  return dateOfDay(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return weekdayOfDay(dayNumber(date));
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
