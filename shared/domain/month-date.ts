// A date known only to its month. Many old ledgers record when an account was opened as "2019.6"
// or "2019年6月": the day was never written down, and inventing the 1st would put a false day
// on the forms the unit signs. Such a date is kept as 'YYYY-MM' (an IsoMonth) and shown and
// printed as 2019年6月; a full date stays 'YYYY-MM-DD'. Only 开通日期 takes one: every other date
// starts a legal deadline (变更备案 within days, 长期未更新 by months) and needs its day.
import type { IsoDate } from './common';

/** 'YYYY-MM': a calendar month, for a date whose day is unknown. */
export type IsoMonth = `${number}-${string}`;

/** A full date, or one known only to the month. */
export type DayOrMonth = IsoDate | IsoMonth;

const ISO_MONTH_RE = /^(\d{4})-(\d{2})$/;

/** 'YYYY-MM' naming a real month between 1900 and 2999. */
export function isIsoMonth(value: string): value is IsoMonth {
  const m = ISO_MONTH_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12;
}

/** The month as 'YYYY-MM' from its numbers (already checked to be a real month). */
export function isoMonth(year: number, month: number): IsoMonth {
  const value: IsoMonth = `${year}-${String(month).padStart(2, '0')}`;
  return value;
}

/** '2019-06' → '2019年6月'; anything else is not a month and gives undefined. */
export function formatMonth(value: string): string | undefined {
  if (!isIsoMonth(value)) return undefined;
  const [y, m] = value.split('-').map(Number) as [number, number];
  return `${y}年${m}月`;
}

/**
 * Whether a month lies in the past (or is the current month) as of `today`: the month compares
 * by its first day, so the current month counts as not in the future.
 */
export function monthNotAfter(value: IsoMonth, today: IsoDate): boolean {
  return `${value}-01` <= today;
}

/** The first day a date stands for: the day itself, or the 1st of a month-only date. */
export function firstDay(value: DayOrMonth): IsoDate {
  return isIsoMonth(value) ? `${value}-01` : value;
}
