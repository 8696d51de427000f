// Which year 年度检查 opens on. The campaign runs at the end of the year (001 第六条: 每年11月;
// 004 第十一条: 每年12月中旬), so in January last year's campaign may still be unfinished: the
// page must open on the year that needs attention, not hide it behind an empty new year.
import type { Inspection } from '../domain/records';

export interface CampaignYearChoice {
  year: number;
  /** Inspections of that earlier year still without a result; 0 when the choice is this year. */
  unfinished: number;
}

/** What the choice reads of an inspection: a record, or a row of the registers' index of them. */
export type InspectionYearFacts = Pick<Inspection, 'year' | 'result' | 'deletedAt'>;

/**
 * The most recent year before `thisYear` with a live inspection still without a result, or
 * `thisYear` when every earlier campaign is finished.
 */
export function campaignYearNeedingAttention(inspections: readonly InspectionYearFacts[], thisYear: number): CampaignYearChoice {
  const open = new Map<number, number>();
  for (const i of inspections) {
    if (i.deletedAt || i.result || i.year >= thisYear) continue;
    open.set(i.year, (open.get(i.year) ?? 0) + 1);
  }
  const year = Math.max(...open.keys(), Number.NEGATIVE_INFINITY);
  return Number.isFinite(year) ? { year, unfinished: open.get(year) ?? 0 } : { year: thisYear, unfinished: 0 };
}

/** The years 年度检查 offers and the one it opens on. */
export interface CampaignYears {
  /** Every year with a live inspection, and this year, newest first. */
  years: number[];
  attention: CampaignYearChoice;
}

export function campaignYears(inspections: readonly InspectionYearFacts[], thisYear: number): CampaignYears {
  const live = inspections.filter((i) => !i.deletedAt);
  return { years: [...new Set([thisYear, ...live.map((i) => i.year)])].sort((a, b) => b - a), attention: campaignYearNeedingAttention(live, thisYear) };
}
