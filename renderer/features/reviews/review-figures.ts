// Figures for the year-end assessment (000 第十二条, 002 第十一条): per unit and per platform,
// how many items were reviewed, published, returned and corrected, and how many days they took
// from submission to publication.
import type { Review } from '@shared/domain/records';
import { daysToPublish, isReturned } from '@shared/rules/review-chain';

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

export function figuresBy(reviews: readonly Review[], keyOf: (r: Review) => string, nameOf: (key: string) => string): FigureRow[] {
  const groups = new Map<string, Review[]>();
  for (const r of reviews) {
    const key = keyOf(r);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()]
    .map(([key, list]): FigureRow => {
      const days = list.map(daysToPublish).filter((d): d is number => d !== undefined);
      return {
        key,
        name: nameOf(key),
        reviewed: list.length,
        published: list.filter((r) => r.publishedAt).length,
        returned: list.filter(wasReturned).length,
        corrected: list.filter((r) => r.corrections.length > 0).length,
        ...(days.length ? { averageDays: Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10, maxDays: Math.max(...days) } : {}),
      };
    })
    .sort((a, b) => b.reviewed - a.reviewed || a.name.localeCompare(b.name, 'zh-CN'));
}

export const FIGURE_HEADER = ['名称', '审核数', '发布数', '退回修改数', '纠错数', '平均时效（天）', '最长时效（天）'];

export function figureCells(row: FigureRow): (string | number)[] {
  return [row.name, row.reviewed, row.published, row.returned, row.corrected, row.averageDays ?? '', row.maxDays ?? ''];
}
