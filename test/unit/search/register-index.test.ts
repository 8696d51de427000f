// The registers' search index: rows sorted once, a query only filters and pages them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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
  narrows,
  queryApprovals,
  queryEnvelopes,
  queryGroups,
  queryInspections,
  queryPlatforms,
  queryReviews,
  queryRotation,
  SearchMemory,
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

describe('a query typed on, searched within the last matches', () => {
  it('narrows only when each earlier term lies inside a new one', () => {
    expect(narrows(['d'], ['dh'])).toBe(true);
    expect(narrows(['dh'], ['dhsf', 'tsg'])).toBe(true);
    expect(narrows(['tsg', 'dh'], ['dhsf', 'tsg'])).toBe(true);
    expect(narrows([], ['dh'])).toBe(true);
    expect(narrows(['dhsf'], ['dhs'])).toBe(false);
    expect(narrows(['dh', 'x'], ['dhsf'])).toBe(false);
    expect(narrows(['hd'], ['dh'])).toBe(false);
  });

  // Keys of letters only, so that random queries often match and often narrow one another.
  const letters = fc.stringMatching(/^[abcd]{0,6}$/);
  const query = fc.array(fc.stringMatching(/^[abcd]{0,3}$/), { maxLength: 2 }).map((terms) => terms.join(' '));

  it('answers exactly as a pass over every row, whatever the clerk types, takes back or filters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: letters, name: letters, platform: fc.constantFrom('p1', 'p2', 'p3'), status: fc.constantFrom('待审', '已发布') }), { maxLength: 40 }),
        fc.array(fc.record({ query, status: fc.constantFrom(undefined, '待审') }), { minLength: 1, maxLength: 12 }),
        (specs, queries) => {
          const rows = specs.map((s, i) => ({ ...review(`r${String(i).padStart(2, '0')}`, '2026-01-01T00:00:00.000Z', s.platform, ''), key: s.key, status: s.status })).sort(compareReviewRows);
          const names: Record<string, PlatformOfReview> = { p1: { nameKey: specs[0]?.name ?? 'ab' }, p2: { nameKey: 'cd' }, p3: { nameKey: '' } };
          const of = (id: string) => names[id];
          const memory = new SearchMemory<ReviewIndexRow>(3);
          const platformRows = rows.map((r) => platform(r.id, '网站', r.id, { key: r.key, status: r.status }));
          const platformMemory = new SearchMemory<PlatformIndexRow>(3);
          for (const { query: q, status } of queries) {
            const filter = { query: q, status };
            expect(queryReviews(rows, of, filter, 0, 5, { memory, version: '1' })).toEqual(queryReviews(rows, of, filter, 0, 5));
            expect(queryPlatforms(platformRows, filter, 1, 3, { memory: platformMemory, version: '1' })).toEqual(queryPlatforms(platformRows, filter, 1, 3));
          }
        },
      ),
    );
  });

  it('never uses a search of another version of the rows', () => {
    const rows = [review('r1', '2026-01-01T00:00:00.000Z', 'p', '东湖书坊'), review('r2', '2026-01-02T00:00:00.000Z', 'p', '图书馆')].sort(compareReviewRows);
    const memory = new SearchMemory<ReviewIndexRow>();
    const of = () => undefined;
    expect(queryReviews(rows, of, { query: 'dh' }, 0, 10, { memory, version: '1' }).ids).toEqual(['r1']);
    // r2 is renamed: its key changes in place, and the index's version with it. In version 1 the
    // memory still answers from the matches of 'dh' (which shows it is used); version 2 never does.
    rows.find((r) => r.id === 'r2')!.key = buildSearchKey(['东湖书院']);
    expect(queryReviews(rows, of, { query: 'dhs' }, 0, 10, { memory, version: '1' }).ids).toEqual(['r1']);
    expect(queryReviews(rows, of, { query: 'dhs' }, 0, 10, { memory, version: '2' }).ids).toEqual(['r2', 'r1']);
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
