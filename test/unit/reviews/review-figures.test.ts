// Year-end figures (000 第十二条, 002 第十一条) per unit or platform: counts, returned items and the
// days from submission to publication, over a whole university's years of reviews.
import { describe, expect, it } from 'vitest';
import type { Review } from '@shared/domain/records';
import { FigureTallies, figuresBy } from '../../../renderer/features/reviews/review-figures';
import { libraryReview } from '../forms/review-fixture';

function review(id: number, unit: string, overrides: Partial<Review> = {}): Review {
  return { ...libraryReview, id: `R${id}`, submittingUnitId: unit, createdAt: '2026-03-01T02:00:00.000Z', publishedAt: undefined, corrections: [], returnedRounds: [], steps: [], ...overrides };
}

describe('figuresBy (000 第十二条 year-end assessment)', () => {
  it('counts reviewed, published, returned and corrected items and the average and longest days to publish per group', () => {
    const rows = figuresBy(
      [
        review(1, 'A', { publishedAt: '2026-03-03T02:00:00.000Z' }),
        review(2, 'A', { publishedAt: '2026-03-02T02:00:00.000Z', corrections: [{ at: '2026-03-05T00:00:00.000Z', action: '删除', reason: '错字' }] }),
        review(3, 'A', { returnedRounds: [[]] }),
        review(4, 'B'),
      ],
      (r) => r.submittingUnitId ?? '',
      (key) => `单位${key}`,
    );
    expect(rows).toEqual([
      { key: 'A', name: '单位A', reviewed: 3, published: 2, returned: 1, corrected: 1, averageDays: 1.5, maxDays: 2 },
      { key: 'B', name: '单位B', reviewed: 1, published: 0, returned: 0, corrected: 0 },
    ]);
  });

  it('handles 200,000 items in one group (no per-item copies, no argument-count limit on the longest time)', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => review(i, 'A', { publishedAt: i === 7 ? '2026-04-01T02:00:00.000Z' : '2026-03-02T02:00:00.000Z' }));
    const [row] = figuresBy(many, () => 'A', () => '单位A');
    expect(row).toMatchObject({ reviewed: 200_000, published: 200_000, maxDays: 31 });
  });
});

describe('FigureTallies (the figures counted a chunk at a time)', () => {
  it('gives the one-pass figures whatever the chunks and their order', () => {
    const units = ['A', 'B', 'C', ''];
    const many = Array.from({ length: 5_000 }, (_, i) =>
      review(i, units[i % 4]!, {
        publishedAt: i % 3 === 0 ? `2026-03-${String(2 + (i % 20)).padStart(2, '0')}T02:00:00.000Z` : undefined,
        returnedRounds: i % 7 === 0 ? [[]] : [],
        corrections: i % 11 === 0 ? [{ at: '2026-04-01T00:00:00.000Z', action: '删除', reason: '错字' }] : [],
      }),
    );
    const keyOf = (r: Review) => r.submittingUnitId ?? '';
    // Two units with one name: the order between them must not depend on the order read.
    const nameOf = (key: string) => (key === 'B' || key === 'C' ? '同名单位' : `单位${key}`);
    const onePass = figuresBy(many, keyOf, nameOf);
    expect(onePass.map((r) => r.reviewed)).toEqual([1_250, 1_250, 1_250, 1_250]);
    for (const size of [1, 999, 2_000, 4_999]) {
      const tallies = new FigureTallies(keyOf);
      const reversed = [...many].reverse();
      for (let i = 0; i < reversed.length; i += size) tallies.add(reversed.slice(i, i + size));
      expect(tallies.rows(nameOf)).toEqual(onePass);
    }
  });
});
