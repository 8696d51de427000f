// Which year 年度检查 opens on. The campaign runs at the end of the year (001 第六条: 每年11月;
// 004 第十一条: 每年12月中旬), so in January last year's campaign may still be unfinished: the
// page must open on the year that needs attention, not hide it behind an empty new year.
import type { Inspection } from '../domain/records';

export interface CampaignYearChoice {
  year: number;
  /** Inspections of that earlier year still without a result; 0 when the choice is this year. */
  unfinished: number;
}

/**
 * The most recent year before `thisYear` with a live inspection still without a result, or
 * `thisYear` when every earlier campaign is finished.
 */
export function campaignYearNeedingAttention(inspections: readonly Inspection[], thisYear: number): CampaignYearChoice {
  const open = new Map<number, number>();
  for (const i of inspections) {
    if (i.deletedAt || i.result || i.year >= thisYear) continue;
    open.set(i.year, (open.get(i.year) ?? 0) + 1);
  }
  const year = Math.max(...open.keys(), Number.NEGATIVE_INFINITY);
  return Number.isFinite(year) ? { year, unfinished: open.get(year) ?? 0 } : { year: thisYear, unfinished: 0 };
}
