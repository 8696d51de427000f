// The registers' search index: rows sorted once, a query only filters and pages them.
import { describe, expect, it } from 'vitest';
import { buildSearchKey } from '@shared/search/pinyin-search';
import {
  compareApprovalRows,
  compareEnvelopeRows,
  compareGroupRows,
  compareInspectionRows,
  comparePlatformRows,
  compareReviewRows,
  compareRotationRows,
  isEmptyFilter,
  queryApprovals,
  queryEnvelopes,
  queryGroups,
  queryInspections,
  queryPlatforms,
  queryReviews,
  queryRotation,
  upsertSorted,
  type ApprovalIndexRow,
  type EnvelopeIndexRow,
  type GroupIndexRow,
  type InspectionIndexRow,
  type PlatformIndexRow,
  type PlatformOfReview,
  type ReviewIndexRow,
  type RotationIndexRow,
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

describe('the orders of the other registers', () => {
  it('开通与备案: newest change first, a change date and a creation time compared as dates', () => {
    const rows = (
      [
        { id: 'a', at: '2026-03-01', kind: '变更备案', platformId: 'p', state: 'filed' },
        { id: 'b', at: '2026-03-02T08:00:00.000Z', kind: '开通审批', platformId: 'p', state: 'pending' },
        { id: 'c', at: '2026-03-01', kind: '变更备案', platformId: 'p', state: 'open', dueDate: '2026-03-08' },
      ] satisfies ApprovalIndexRow[]
    ).sort(compareApprovalRows);
    expect(rows.map((r) => r.id)).toEqual(['b', 'a', 'c']);
    // Overdue is decided against the query's today; a filing is found through its platform's key.
    const key = () => buildSearchKey(['东湖示范大学图书馆']);
    expect(queryApprovals(rows, key, { status: '已逾期', today: '2026-03-09' }, 0, 10).ids).toEqual(['c']);
    expect(queryApprovals(rows, key, { status: '已逾期', today: '2026-03-08' }, 0, 10).ids).toEqual([]);
    expect(queryApprovals(rows, key, { query: 'tsg', kind: '变更备案' }, 0, 10).total).toBe(2);
  });

  it('密码密封存档: newest sealed first, then the higher number', () => {
    const rows = (
      [
        { id: 'x', sealedOn: '2026-01-01', number: 'XF-2026-0001', platformId: 'p', replaced: true },
        { id: 'y', sealedOn: '2026-01-01', number: 'XF-2026-0002', platformId: 'p', replaced: false },
        { id: 'z', sealedOn: '2026-02-01', number: 'XF-2026-0003', platformId: 'q', replaced: false },
      ] satisfies EnvelopeIndexRow[]
    ).sort(compareEnvelopeRows);
    expect(queryEnvelopes(rows, {}, 0, 10)).toEqual({ total: 2, ids: ['z', 'y'] });
    expect(queryEnvelopes(rows, { showReplaced: true }, 0, 10).ids).toEqual(['z', 'y', 'x']);
  });

  it('工作群: groups in use first, each part in pinyin order', () => {
    const rows = (
      [
        { id: 'g1', name: '招生工作群', disbanded: false },
        { id: 'g2', name: '奥运志愿者群', disbanded: true },
        { id: 'g3', name: '保卫处值班群', disbanded: false },
      ] satisfies GroupIndexRow[]
    ).sort(compareGroupRows);
    expect(queryGroups(rows, { showDisbanded: true }, 0, 10).ids).toEqual(['g3', 'g1', 'g2']);
    expect(queryGroups(rows, { onlyDisbanded: true }, 0, 10)).toEqual({ total: 1, ids: ['g2'] });
  });

  it('各平台密码修改情况: the earliest due first, accounts without a due date last, then by name', () => {
    const rows = (
      [
        { id: 'p1', name: '招生网' },
        { id: 'p2', name: '图书馆', nextDueOn: '2026-05-01' },
        { id: 'p3', name: '阿里山茶社' },
        { id: 'p4', name: '新闻网', nextDueOn: '2026-04-01' },
      ] satisfies RotationIndexRow[]
    ).sort(compareRotationRows);
    expect(queryRotation(rows, 0, 10).ids).toEqual(['p4', 'p2', 'p3', 'p1']);
  });

  it('年度检查: a year by platform name in pinyin order', () => {
    const rows = (
      [
        { id: 'i1', year: 2026, platformId: 'p1', name: '新闻网' },
        { id: 'i2', year: 2025, platformId: 'p1', name: '新闻网' },
        { id: 'i3', year: 2026, platformId: 'p2', name: '阿里山茶社' },
      ] satisfies InspectionIndexRow[]
    ).sort(compareInspectionRows);
    expect(queryInspections(rows, { year: 2026 }, 0, 10)).toEqual({ total: 2, ids: ['i3', 'i1'] });
  });
});
