// "Today" as the clerk's wall calendar shows it: the one definition every rule, dialog and write uses.
import type { IsoDate } from './common';

/** Today in the machine's local time zone as 'YYYY-MM-DD' (a date on paper). */
export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
