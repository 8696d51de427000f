// The search index of the large registers (平台台账, 发布审核): one small row per record with the
// fields the lists filter and sort by and the record's search key. The index is sorted once when
// it is built or changed; a query only filters it (never sorts), so a key press costs one pass
// over short rows and the page then reads only the 25 records it shows.
import { compareZh } from '../domain/collate';
import { searchTerms } from './pinyin-search';

export interface PlatformIndexRow {
  id: string;
  kind: string;
  name: string;
  hostUnitId?: string;
  sponsorUnitId?: string;
  status: string;
  /** buildSearchKey of name, account, kind, host unit and responsible person; '' until built. */
  key: string;
}

export interface PlatformFilter {
  kind?: string;
  /** Host or sponsoring unit. */
  unitId?: string;
  status?: string;
  query?: string;
}

export interface ReviewIndexRow {
  id: string;
  createdAt: string;
  /** YYYY-MM of createdAt in the clerk's time zone (the list's 提交月份 filter). */
  month: string;
  platformId: string;
  submittingUnitId?: string;
  status: string;
  /** buildSearchKey of title and column; the platform's name is matched through its own key. */
  key: string;
}

export interface ReviewFilter {
  platformId?: string;
  /** The submitting unit, else the platform's host unit. */
  unitId?: string;
  status?: string;
  month?: string;
  query?: string;
}

/** What a review row needs to know of its platform: the host unit and the name's search key. */
export interface PlatformOfReview {
  hostUnitId?: string;
  nameKey: string;
}

/** The registry's order: by kind, then name, in pinyin order. */
export function comparePlatformRows(a: PlatformIndexRow, b: PlatformIndexRow): number {
  return compareZh(a.kind, b.kind) || compareZh(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Newest first (as the createdAt index read backwards gives them: equal times by id, descending). */
export function compareReviewRows(a: ReviewIndexRow, b: ReviewIndexRow): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** True when every term occurs in one of the keys (a term never spans two keys). */
function keysMatch(terms: readonly string[], first: string, second = ''): boolean {
  return terms.every((t) => first.includes(t) || second.includes(t));
}

export interface IndexPage {
  total: number;
  ids: string[];
}

/** One pass over the sorted rows: how many match, and the ids of the page asked for. */
function page<T extends { id: string }>(rows: readonly T[], matches: (row: T) => boolean, offset: number, limit: number): IndexPage {
  const ids: string[] = [];
  let total = 0;
  for (const row of rows) {
    if (!matches(row)) continue;
    if (total >= offset && ids.length < limit) ids.push(row.id);
    total++;
  }
  return { total, ids };
}

export function queryPlatforms(rows: readonly PlatformIndexRow[], f: PlatformFilter, offset: number, limit: number): IndexPage {
  const terms = searchTerms(f.query ?? '');
  return page(
    rows,
    (p) =>
      (!f.kind || p.kind === f.kind) &&
      (!f.unitId || p.hostUnitId === f.unitId || p.sponsorUnitId === f.unitId) &&
      (!f.status || p.status === f.status) &&
      (terms.length === 0 || keysMatch(terms, p.key)),
    offset,
    limit,
  );
}

export function queryReviews(
  rows: readonly ReviewIndexRow[],
  platformOf: (id: string) => PlatformOfReview | undefined,
  f: ReviewFilter,
  offset: number,
  limit: number,
): IndexPage {
  const terms = searchTerms(f.query ?? '');
  return page(
    rows,
    (r) => {
      if (f.platformId && r.platformId !== f.platformId) return false;
      if (f.status && r.status !== f.status) return false;
      if (f.month && r.month !== f.month) return false;
      if (!f.unitId && terms.length === 0) return true;
      const platform = platformOf(r.platformId);
      if (f.unitId && (r.submittingUnitId ?? platform?.hostUnitId) !== f.unitId) return false;
      return terms.length === 0 || keysMatch(terms, r.key, platform?.nameKey);
    },
    offset,
    limit,
  );
}

/** Whether a filter asks for anything (an empty one lists every row in the index's order). */
export function isEmptyFilter(f: object): boolean {
  return Object.values(f).every((v) => v === undefined || v === '');
}

/** Inserts or replaces rows by id and keeps the order: for the few rows one change touches. */
export function upsertSorted<T extends { id: string }>(rows: T[], changed: readonly T[], removedIds: readonly string[], compare: (a: T, b: T) => number): T[] {
  const drop = new Set([...removedIds, ...changed.map((r) => r.id)]);
  const kept = drop.size === 0 ? rows : rows.filter((r) => !drop.has(r.id));
  for (const row of [...changed].sort(compare)) {
    // Binary search for the first row that sorts after the new one.
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(kept[mid]!, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, row);
  }
  return kept;
}
