// Figures for the year-end assessment (000 第十二条, 002 第十一条): per unit and per platform,
// how many items were reviewed, published, returned and corrected, and how many days they took
// from submission to publication.
import type { Review } from '@shared/domain/records';
import { daysToPublish, isReturned } from '@shared/rules/review-chain';
import { compareZh } from '@shared/domain/collate';

export interface FigureRow {
  key: string;
  name: string;
  reviewed: number;
  published: number;
  returned: number;
  corrected: number;
  /** Average days from submission to publication, one decimal; undefined when nothing was published. */
  averageDays?: number;
  maxDays?: number;
}

/** Was this item ever returned (this round or an earlier one)? */
export function wasReturned(r: Review): boolean {
  return isReturned(r) || (r.returnedRounds?.length ?? 0) > 0;
}

interface Tally {
  reviewed: number;
  published: number;
  returned: number;
  corrected: number;
  publishedWithDays: number;
  daysSum: number;
  maxDays: number;
}

/**
 * Counts added a batch of reviews at a time, so a whole university's years of items can be read in
 * chunks and never held at once; rows() gives the figures, the same whatever the batches.
 */
export class FigureTallies {
  private readonly tallies = new Map<string, Tally>();

  constructor(private readonly keyOf: (r: Review) => string) {}

  add(reviews: readonly Review[]): void {
    for (const r of reviews) {
      const key = this.keyOf(r);
      let t = this.tallies.get(key);
      if (!t) {
        t = { reviewed: 0, published: 0, returned: 0, corrected: 0, publishedWithDays: 0, daysSum: 0, maxDays: -Infinity };
        this.tallies.set(key, t);
      }
      t.reviewed += 1;
      if (r.publishedAt) t.published += 1;
      if (wasReturned(r)) t.returned += 1;
      if (r.corrections.length > 0) t.corrected += 1;
      const days = daysToPublish(r);
      if (days !== undefined) {
        t.publishedWithDays += 1;
        t.daysSum += days;
        if (days > t.maxDays) t.maxDays = days;
      }
    }
  }

  /** Most reviewed first, then by name, then by key: the same order whatever order the reviews came in. */
  rows(nameOf: (key: string) => string): FigureRow[] {
    return [...this.tallies.entries()]
      .map(([key, t]): FigureRow => ({
        key,
        name: nameOf(key),
        reviewed: t.reviewed,
        published: t.published,
        returned: t.returned,
        corrected: t.corrected,
        ...(t.publishedWithDays ? { averageDays: Math.round((t.daysSum / t.publishedWithDays) * 10) / 10, maxDays: t.maxDays } : {}),
      }))
      .sort((a, b) => b.reviewed - a.reviewed || compareZh(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

/** One pass over the reviews: counts only, no copies per group. */
export function figuresBy(reviews: readonly Review[], keyOf: (r: Review) => string, nameOf: (key: string) => string): FigureRow[] {
  const tallies = new FigureTallies(keyOf);
  tallies.add(reviews);
  return tallies.rows(nameOf);
}

export const FIGURE_HEADER = ['名称', '审核数', '发布数', '退回修改数', '纠错数', '平均时效（天）', '最长时效（天）'];

export function figureCells(row: FigureRow): (string | number)[] {
  return [row.name, row.reviewed, row.published, row.returned, row.corrected, row.averageDays ?? '', row.maxDays ?? ''];
}
