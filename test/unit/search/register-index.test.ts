// The registers' search index: rows sorted once, a query only filters and pages them.
import { describe, expect, it } from 'vitest';
import { buildSearchKey } from '@shared/search/pinyin-search';
import {
  comparePlatformRows,
  compareReviewRows,
  isEmptyFilter,
  queryPlatforms,
  queryReviews,
  upsertSorted,
  type PlatformIndexRow,
  type PlatformOfReview,
  type ReviewIndexRow,
} from '@shared/search/register-index';

const platform = (id: string, kind: string, name: string, extra: Partial<PlatformIndexRow> = {}): PlatformIndexRow => ({
  id,
  kind,
  name,
  status: '运行中',
  key: buildSearchKey([name, kind]),
  ...extra,
});

const registry = [
  platform('p1', '网站', '东湖示范大学图书馆', { hostUnitId: 'lib' }),
  platform('p2', '微信公众号', '东湖示范大学新闻网', { hostUnitId: 'news' }),
  platform('p3', '网站', '东湖示范大学新闻网', { hostUnitId: 'news', sponsorUnitId: 'lib', status: '已注销' }),
  platform('p4', '微博', '阿里山茶社', { sponsorUnitId: 'news' }),
].sort(comparePlatformRows);

describe('queryPlatforms', () => {
  it('keeps the registry order (kind, then name in pinyin order) and pages it', () => {
    const all = queryPlatforms(registry, {}, 0, 10);
    expect(all.total).toBe(4);
    const kinds = all.ids.map((id) => registry.find((r) => r.id === id)!.kind);
    expect([...kinds].sort(new Intl.Collator('zh').compare)).toEqual(kinds);
    expect(queryPlatforms(registry, {}, 1, 2).ids).toEqual(all.ids.slice(1, 3));
    expect(queryPlatforms(registry, {}, 1, 2).total).toBe(4);
  });

  it("finds by pinyin initials ('dhsf') and by several terms at once", () => {
    expect(queryPlatforms(registry, { query: 'dhsf' }, 0, 10).total).toBe(3);
    expect(queryPlatforms(registry, { query: 'dhsf tsg' }, 0, 10).ids).toEqual(['p1']);
    expect(queryPlatforms(registry, { query: 'weibo' }, 0, 10).ids).toEqual(['p4']);
    expect(queryPlatforms(registry, { query: 'dhsf weibo' }, 0, 10).ids).toEqual([]);
  });

  it('filters by kind, status and by host or sponsoring unit', () => {
    expect(queryPlatforms(registry, { kind: '网站' }, 0, 10).total).toBe(2);
    expect(queryPlatforms(registry, { status: '已注销' }, 0, 10).ids).toEqual(['p3']);
    expect(queryPlatforms(registry, { unitId: 'lib' }, 0, 10).ids.sort()).toEqual(['p1', 'p3']);
    expect(queryPlatforms(registry, { unitId: 'news', kind: '微博' }, 0, 10).ids).toEqual(['p4']);
  });
});

const review = (id: string, createdAt: string, platformId: string, title: string, extra: Partial<ReviewIndexRow> = {}): ReviewIndexRow => ({
  id,
  createdAt,
  month: createdAt.slice(0, 7),
  platformId,
  status: '待审',
  key: buildSearchKey([title]),
  ...extra,
});

describe('queryReviews', () => {
  const rows = [
    review('r1', '2026-03-01T08:00:00.000Z', 'p1', '图书馆开放时间调整', { submittingUnitId: 'office' }),
    review('r2', '2026-04-02T08:00:00.000Z', 'p2', '新生开学典礼', { status: '已发布' }),
    review('r3', '2026-04-03T08:00:00.000Z', 'gone', '校运会通知'),
  ].sort(compareReviewRows);
  const platforms: Record<string, PlatformOfReview> = {
    p1: { hostUnitId: 'lib', nameKey: buildSearchKey(['东湖示范大学图书馆']) },
    p2: { hostUnitId: 'news', nameKey: buildSearchKey(['东湖示范大学新闻网']) },
  };
  const of = (id: string) => platforms[id];

  it('lists newest first', () => {
    expect(queryReviews(rows, of, {}, 0, 10).ids).toEqual(['r3', 'r2', 'r1']);
  });

  it("matches the title or the platform's name, term by term", () => {
    expect(queryReviews(rows, of, { query: 'kxdl' }, 0, 10).ids).toEqual(['r2']);
    expect(queryReviews(rows, of, { query: 'xww' }, 0, 10).ids).toEqual(['r2']);
    expect(queryReviews(rows, of, { query: 'dhsf kfsj' }, 0, 10).ids).toEqual(['r1']);
    expect(queryReviews(rows, of, { query: 'dhsf xyh' }, 0, 10).ids).toEqual([]);
  });

  it("filters the unit by the submitting unit, else the platform's host unit", () => {
    expect(queryReviews(rows, of, { unitId: 'lib' }, 0, 10).ids).toEqual([]);
    expect(queryReviews(rows, of, { unitId: 'office' }, 0, 10).ids).toEqual(['r1']);
    expect(queryReviews(rows, of, { unitId: 'news' }, 0, 10).ids).toEqual(['r2']);
  });

  it('filters by platform, status and month', () => {
    expect(queryReviews(rows, of, { platformId: 'p1' }, 0, 10).ids).toEqual(['r1']);
    expect(queryReviews(rows, of, { status: '已发布' }, 0, 10).ids).toEqual(['r2']);
    expect(queryReviews(rows, of, { month: '2026-04' }, 0, 10).total).toBe(2);
  });
});

describe('upsertSorted', () => {
  it('replaces a changed row, adds a new one and drops a removed one, keeping the order', () => {
    const rows = [review('a', '2026-01-03T00:00:00Z', 'p', 'x'), review('b', '2026-01-02T00:00:00Z', 'p', 'x'), review('c', '2026-01-01T00:00:00Z', 'p', 'x')];
    const next = upsertSorted(rows, [review('c', '2026-01-05T00:00:00Z', 'p', 'x'), review('d', '2026-01-02T12:00:00Z', 'p', 'x')], ['a'], compareReviewRows);
    expect(next.map((r) => r.id)).toEqual(['c', 'd', 'b']);
  });
});

describe('isEmptyFilter', () => {
  it('is true only when no condition is set', () => {
    expect(isEmptyFilter({ query: undefined, kind: '' })).toBe(true);
    expect(isEmptyFilter({ query: 'tsg' })).toBe(false);
  });
});
