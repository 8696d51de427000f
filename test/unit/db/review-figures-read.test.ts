// 年终统计 over many reviews (000 第十二条, 002 第十一条): read a chunk at a time through the
// createdAt index, the figures equal those counted in one pass over every review of the year.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerDb } from '../../../renderer/db/schema';
import { platformLabel, readReviewFigures } from '../../../renderer/features/reviews/figures-read';
import { figuresBy } from '../../../renderer/features/reviews/review-figures';
import type { Platform } from '../../../shared/domain/platform';
import type { Review } from '../../../shared/domain/records';
import { libraryReview, websitePlatform } from '../forms/review-fixture';
import { logReads, type ReadLog } from './read-log';

let db: LedgerDb;
let reads: ReadLog;
let n = 0;
const AT = '2026-01-01T00:00:00.000Z';

const platforms: Platform[] = Array.from({ length: 30 }, (_, i) => ({
  ...websitePlatform,
  id: `P${String(i).padStart(2, '0')}`,
  name: i % 10 === 9 ? '同名网站' : `网站${i}`,
  hostUnitId: `U${i % 4}`,
  ...(i === 29 ? { deletedAt: AT } : {}),
}));

/** 5,000 reviews over three years; some trashed, some without a submitting unit, some on a platform no longer stored. */
const reviews: Review[] = Array.from({ length: 5_000 }, (_, i) => {
  const year = 2024 + (i % 3);
  const createdAt = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-15T02:00:00.000Z`;
  return {
    ...libraryReview,
    id: `R${String(i).padStart(5, '0')}`,
    platformId: i % 97 === 0 ? 'P-gone' : `P${String(i % 30).padStart(2, '0')}`,
    createdAt,
    updatedAt: createdAt,
    submittingUnitId: i % 5 === 0 ? undefined : `U${i % 7}`,
    publishedAt: i % 4 === 0 ? undefined : `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(16 + (i % 10))}T02:00:00.000Z`,
    returnedRounds: i % 6 === 0 ? [[]] : [],
    corrections: i % 13 === 0 ? [{ at: createdAt, action: '删除', reason: '错字' }] : [],
    ...(i % 17 === 0 ? { deletedAt: AT } : {}),
  };
});

const unitName = (id: string) => (id === 'U6' ? '（已删除）' : `单位${id}`);

/** The figures as counted in one pass over every live review of the year (or of every year). */
function onePass(year: number | undefined) {
  const chosen = reviews.filter((r) => !r.deletedAt && (year === undefined || new Date(r.createdAt).getFullYear() === year));
  const byId = new Map(platforms.map((p) => [p.id, p]));
  const unitOf = (r: Review) => r.submittingUnitId ?? byId.get(r.platformId)?.hostUnitId ?? '';
  return {
    year,
    byUnit: figuresBy(chosen, unitOf, (id) => (id ? unitName(id) : '（未填报送部门）')),
    byPlatform: figuresBy(chosen, (r) => r.platformId, (id) => platformLabel(byId.get(id))),
  };
}

beforeEach(async () => {
  db = new LedgerDb(`review-figures-test-${++n}`);
  reads = logReads(db);
  await db.open();
  await db.platforms.bulkAdd(platforms);
  await db.reviews.bulkAdd(reviews);
  reads.records.clear();
  reads.largest.clear();
});

afterEach(async () => {
  await db.delete();
});

describe('年终统计 read in chunks (000 第十二条)', () => {
  it('a year: the one-pass figures, reading only that year\'s reviews and never more than a chunk at once', async () => {
    const figures = await readReviewFigures(db, 2025, unitName);
    expect(figures).toEqual(onePass(2025));
    // Reviews on a platform no longer stored, without a submitting unit, count under 未填报送部门.
    expect(figures!.byUnit.find((r) => r.key === '')?.name).toBe('（未填报送部门）');
    const read = (reads.records.get('reviews') ?? []) as Review[];
    expect(read.length).toBe(reviews.filter((r) => r.createdAt.startsWith('2025')).length);
    expect(read.filter((r) => !r.createdAt.startsWith('2025'))).toEqual([]);
    expect(reads.largest.get('reviews')).toBeLessThanOrEqual(2_000);
  });

  it('every year: the one-pass figures over all live reviews, a chunk at a time', async () => {
    const figures = await readReviewFigures(db, undefined, unitName);
    expect(figures).toEqual(onePass(undefined));
    expect(figures!.byPlatform.reduce((sum, r) => sum + r.reviewed, 0)).toBe(reviews.filter((r) => !r.deletedAt).length);
    expect(figures!.byPlatform.find((r) => r.key === 'P-gone')?.name).toBe('（平台已删除）');
    expect(reads.largest.get('reviews')).toBeLessThanOrEqual(2_000);
    expect(reads.records.get('reviews')?.length).toBe(reviews.length);
  });

  it('stops after the chunk in hand once the figures are no longer wanted', async () => {
    expect(await readReviewFigures(db, undefined, unitName, () => false)).toBeUndefined();
    expect(reads.records.get('reviews')?.length).toBe(2_000);
  });
});
