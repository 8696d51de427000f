// The search index of the large registers (平台台账, 发布审核, 开通与备案, 年度检查, 密码密封存档,
// 工作群): one small row per record with the fields the lists filter and sort by and, where the
// list is searched, the record's search key. The index is sorted once when
// it is built or changed; a query only filters it (never sorts), so a key press costs one pass
// over short rows and the page then reads only the 25 records it shows.
import { compareZh } from '../domain/collate';
import { searchTerms } from './search-match';
import type { FilingState, FilingStatusFilter } from '../rules/filing-state';
import type { InspectionResult, PaperStatus } from '../domain/records';
import type { IncidentKind, IncidentState } from '../rules/incident-rules';

export interface PlatformIndexRow {
  id: string;
  kind: string;
  name: string;
  /** The account id (开通与备案 finds a filing by its platform's name, kind and account). */
  accountId?: string;
  hostUnitId?: string;
  sponsorUnitId?: string;
  /** The responsible person, whose name the key holds (a renamed person re-keys these rows). */
  responsibleId?: string;
  status: string;
  /** buildSearchKey of name, account, kind, host unit and responsible person; '' until built. */
  key: string;
  /** Where the name's part of `key` ends (set with the key). */
  nameEnd?: number;
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

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const descending = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);

/** The registry's order: by kind, then name, in pinyin order. */
export function comparePlatformRows(a: PlatformIndexRow, b: PlatformIndexRow): number {
  return compareZh(a.kind, b.kind) || compareZh(a.name, b.name) || byId(a, b);
}

/** Newest first (as the createdAt index read backwards gives them: equal times by id, descending). */
export function compareReviewRows(a: ReviewIndexRow, b: ReviewIndexRow): number {
  return descending(a.createdAt, b.createdAt) || descending(a.id, b.id);
}

/** True when every term occurs in the key. A plain loop: this runs once per row and key press. */
function keyHolds(terms: readonly string[], key: string): boolean {
  for (const term of terms) if (!key.includes(term)) return false;
  return true;
}

export interface IndexPage {
  total: number;
  ids: string[];
}

/** One pass over the sorted rows: how many match, and the ids of the page asked for (every match into `matches` when given). */
function page<T extends { id: string }>(rows: Iterable<T>, matches: (row: T) => boolean, offset: number, limit: number, matched?: T[]): IndexPage {
  const ids: string[] = [];
  let total = 0;
  for (const row of rows) {
    if (!matches(row)) continue;
    if (total >= offset && ids.length < limit) ids.push(row.id);
    matched?.push(row);
    total++;
  }
  return { total, ids };
}

/**
 * True when every row that holds each term of `next` holds each term of `last` too: each earlier
 * term lies inside one of the new ones ('dh' after 'd', 'dhsf' after 'dhs', 'tsg dh' after 'tsg').
 */
export function narrows(last: readonly string[], next: readonly string[]): boolean {
  return last.every((term) => next.some((n) => n.includes(term)));
}

/**
 * The rows a register's last searches matched. The clerk types a query a key at a time, and each
 * key mostly narrows it: the next query then passes over an earlier one's matches (5,150 of
 * 100,000 reviews after 'dh') instead of every row; a key taken back ('dhs' after 'dhsf') finds
 * the search it returns to. A search is remembered with the state it was exact in (the caller's
 * version of the rows and their keys, and every filter but the text) and used only in that state.
 */
export class SearchMemory<T> {
  private searches: { state: string; terms: readonly string[]; matches: readonly T[] }[] = [];

  constructor(private readonly size = 8) {}

  /** The rows a search for `terms` in `state` must pass over: the fewest an earlier search it narrows matched, else every row. */
  candidates(rows: readonly T[], state: string, terms: readonly string[]): readonly T[] {
    let fewest = rows;
    for (const s of this.searches) if (s.matches.length < fewest.length && s.state === state && narrows(s.terms, terms)) fewest = s.matches;
    return fewest;
  }

  remember(state: string, terms: readonly string[], matches: readonly T[]): void {
    // The newest first. Searches in another state are dropped: another version of the rows makes
    // them useless, and another filter starts afresh.
    const same = this.searches.filter((s) => s.state === state && s.terms.join(' ') !== terms.join(' '));
    this.searches = [{ state, terms, matches }, ...same].slice(0, this.size);
  }
}

/** A memory of searches and the version of the rows it is asked about (see SearchMemory). */
export interface Remembered<T> {
  memory: SearchMemory<T>;
  version: string;
}

/**
 * A page of the rows that pass `filter` and hold the query's `terms` (`holds`). With a memory, a
 * query that narrows an earlier one passes over that one's matches only.
 */
function searchPage<T extends { id: string }, F extends { query?: string }>(
  rows: readonly T[],
  f: F,
  filter: (row: T) => boolean,
  holds: (row: T, terms: readonly string[]) => boolean,
  offset: number,
  limit: number,
  remembered?: Remembered<T>,
): IndexPage {
  const terms = searchTerms(f.query ?? '');
  if (terms.length === 0) return page(rows, filter, offset, limit);
  const matches = (row: T) => filter(row) && holds(row, terms);
  if (!remembered) return page(rows, matches, offset, limit);
  const state = `${remembered.version}|${JSON.stringify({ ...f, query: undefined })}`;
  const matched: T[] = [];
  const result = page(remembered.memory.candidates(rows, state, terms), matches, offset, limit, matched);
  remembered.memory.remember(state, terms, matched);
  return result;
}

export function queryPlatforms(rows: readonly PlatformIndexRow[], f: PlatformFilter, offset: number, limit: number, remembered?: Remembered<PlatformIndexRow>): IndexPage {
  return searchPage(
    rows,
    f,
    (p) => (!f.kind || p.kind === f.kind) && (!f.unitId || p.hostUnitId === f.unitId || p.sponsorUnitId === f.unitId) && (!f.status || p.status === f.status),
    (p, terms) => keyHolds(terms, p.key),
    offset,
    limit,
    remembered,
  );
}

/**
 * `platformOf` gives a review's platform (its host unit and its name's key); a term is found in
 * the review's own key or in its platform's name (a term never spans the two).
 */
export function queryReviews(
  rows: readonly ReviewIndexRow[],
  platformOf: (id: string) => PlatformOfReview | undefined,
  f: ReviewFilter,
  offset: number,
  limit: number,
  remembered?: Remembered<ReviewIndexRow>,
): IndexPage {
  // Whether a platform's name holds a term, per term: asked only for rows whose own key lacks it.
  const named = new Map<string, Map<string, boolean>>();
  const nameHolds = (platformId: string, term: string): boolean => {
    let ofTerm = named.get(term);
    if (!ofTerm) named.set(term, (ofTerm = new Map()));
    let hit = ofTerm.get(platformId);
    if (hit === undefined) {
      hit = platformOf(platformId)?.nameKey.includes(term) ?? false;
      ofTerm.set(platformId, hit);
    }
    return hit;
  };
  return searchPage(
    rows,
    f,
    (r) =>
      (!f.platformId || r.platformId === f.platformId) &&
      (!f.status || r.status === f.status) &&
      (!f.month || r.month === f.month) &&
      (!f.unitId || (r.submittingUnitId ?? platformOf(r.platformId)?.hostUnitId) === f.unitId),
    (r, terms) => {
      for (const term of terms) if (!r.key.includes(term) && !nameHolds(r.platformId, term)) return false;
      return true;
    },
    offset,
    limit,
    remembered,
  );
}

/** Whether a filter asks for anything (an empty one lists every row in the index's order). */
export function isEmptyFilter(f: object): boolean {
  return Object.values(f).every((v) => v === undefined || v === '');
}

/** Inserts or replaces rows by id and keeps the order: for the few rows one change touches. */
export function upsertSorted<T>(
  rows: T[],
  changed: readonly T[],
  removedIds: readonly string[],
  compare: (a: T, b: T) => number,
  idOf: (row: T) => string = (row) => (row as { id: string }).id,
): T[] {
  const drop = new Set([...removedIds, ...changed.map(idOf)]);
  const kept = drop.size === 0 ? rows : rows.filter((r) => !drop.has(idOf(r)));
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

// ---- Registers of the other tables --------------------------------------------------------------


/** 开通与备案: one filing, its date, and its state as far as it does not depend on today. */
export interface ApprovalIndexRow {
  id: string;
  /** The change date, else the creation time: the list's order. */
  at: string;
  kind: string;
  platformId: string;
  state: FilingState['state'];
  /** The due date of an open filing ('YYYY-MM-DD'): overdue is decided against the query's today. */
  dueDate?: string;
}

export interface ApprovalFilter {
  kind?: string;
  status?: FilingStatusFilter;
  /** Matched against the platform's name, kind and account. */
  query?: string;
  /** 'YYYY-MM-DD', for 已逾期. */
  today?: string;
}

/** Newest change first (equal dates in the order the records were read: by id). */
export function compareApprovalRows(a: ApprovalIndexRow, b: ApprovalIndexRow): number {
  return descending(a.at, b.at) || byId(a, b);
}

function approvalStatusMatches(r: ApprovalIndexRow, status: FilingStatusFilter | undefined, today: string): boolean {
  switch (status) {
    case undefined:
      return true;
    case '待报备':
      return r.state === 'open' || r.state === 'unknown' || r.state === 'pending';
    case '已逾期':
      return r.state === 'open' && r.dueDate !== undefined && r.dueDate < today;
    case '已报备':
      return r.state === 'filed' || r.state === 'done';
    case '期限待定':
      return r.state === 'unknown';
  }
}

/** `platformKey` gives the search key of a platform's name, kind and account ('' for a deleted one). */
export function queryApprovals(
  rows: readonly ApprovalIndexRow[],
  platformKey: (id: string) => string,
  f: ApprovalFilter,
  offset: number,
  limit: number,
  remembered?: Remembered<ApprovalIndexRow>,
): IndexPage {
  const today = f.today ?? '';
  return searchPage(
    rows,
    f,
    (r) => (!f.kind || r.kind === f.kind) && approvalStatusMatches(r, f.status, today),
    (r, terms) => keyHolds(terms, platformKey(r.platformId)),
    offset,
    limit,
    remembered,
  );
}

/** 年度检查: one inspection, listed within its year by its platform's name. */
export interface InspectionIndexRow {
  id: string;
  year: number;
  platformId: string;
  /** The platform's name ('' once it is deleted). */
  name: string;
  /** The inspection's result, once it has one: which years are finished (campaignYears). */
  result?: InspectionResult;
}

export interface InspectionFilter {
  year?: number;
}

export function compareInspectionRows(a: InspectionIndexRow, b: InspectionIndexRow): number {
  return compareZh(a.name, b.name) || byId(a, b);
}

export function queryInspections(rows: readonly InspectionIndexRow[], f: InspectionFilter, offset: number, limit: number): IndexPage {
  return page(rows, (r) => f.year === undefined || r.year === f.year, offset, limit);
}

/** 密码密封存档: one envelope. */
export interface EnvelopeIndexRow {
  id: string;
  sealedOn: string;
  number: string;
  platformId: string;
  /** Replaced by a newer envelope (hidden unless the clerk asks for them). */
  replaced: boolean;
}

export interface EnvelopeFilter {
  showReplaced?: boolean;
}

/** Newest sealed first, then by number, descending. */
export function compareEnvelopeRows(a: EnvelopeIndexRow, b: EnvelopeIndexRow): number {
  return descending(a.sealedOn, b.sealedOn) || descending(a.number, b.number) || byId(a, b);
}

export function queryEnvelopes(rows: readonly EnvelopeIndexRow[], f: EnvelopeFilter, offset: number, limit: number): IndexPage {
  return page(rows, (r) => Boolean(f.showReplaced) || !r.replaced, offset, limit);
}

/** 打印与签回: one printout, by when it was printed. */
export interface PrintoutIndexRow {
  id: string;
  printedAt: string;
  paperStatus: PaperStatus;
}

export interface PrintoutFilter {
  status?: PaperStatus;
  /** Oldest first: 待签回, the forms to chase first. Newest first otherwise (全部打印记录 and its export). */
  oldestFirst?: boolean;
}

/** Newest printed first (as the printedAt index read backwards gives them: equal times by id, descending). */
export function comparePrintoutRows(a: PrintoutIndexRow, b: PrintoutIndexRow): number {
  return descending(a.printedAt, b.printedAt) || descending(a.id, b.id);
}

function* backwards<T>(rows: readonly T[]): Generator<T> {
  for (let i = rows.length - 1; i >= 0; i--) yield rows[i]!;
}

export function queryPrintouts(rows: readonly PrintoutIndexRow[], f: PrintoutFilter, offset: number, limit: number): IndexPage {
  return page(f.oldestFirst ? backwards(rows) : rows, (r) => !f.status || r.paperStatus === f.status, offset, limit);
}

/** 问题与舆情: one incident, by its date and whether it is closed. */
export interface IncidentIndexRow {
  id: string;
  date: string;
  kind: IncidentKind;
  state: IncidentState;
}

export interface IncidentFilter {
  kind?: IncidentKind;
  state?: IncidentState;
}

/** The ones still 处理中 first (the work still to do), then the closed ones; each part newest first (a day's by id, descending, as the date index read backwards gives them). */
export function compareIncidentRows(a: IncidentIndexRow, b: IncidentIndexRow): number {
  return Number(a.state === '已办结') - Number(b.state === '已办结') || descending(a.date, b.date) || descending(a.id, b.id);
}

export function queryIncidents(rows: readonly IncidentIndexRow[], f: IncidentFilter, offset: number, limit: number): IndexPage {
  return page(rows, (r) => (!f.kind || r.kind === f.kind) && (!f.state || r.state === f.state), offset, limit);
}

/** 工作群: one platform of a group kind. */
export interface GroupIndexRow {
  id: string;
  name: string;
  disbanded: boolean;
}

export interface GroupFilter {
  showDisbanded?: boolean;
  /** Only the disbanded groups (for the count beside the switch). */
  onlyDisbanded?: boolean;
}

/** Groups still in use first, each part by name in pinyin order. */
export function compareGroupRows(a: GroupIndexRow, b: GroupIndexRow): number {
  return Number(a.disbanded) - Number(b.disbanded) || compareZh(a.name, b.name) || byId(a, b);
}

export function queryGroups(rows: readonly GroupIndexRow[], f: GroupFilter, offset: number, limit: number): IndexPage {
  return page(rows, (r) => (f.onlyDisbanded ? r.disbanded : Boolean(f.showDisbanded) || !r.disbanded), offset, limit);
}

/** 各平台密码修改情况: one account (not a work group, not closed) and when its password is due. */
export interface RotationIndexRow {
  /** The platform's id. */
  id: string;
  name: string;
  nextDueOn?: string;
}

/** Earliest due date first, accounts without one last ('YYYY-MM-DD' strings sort as dates), then by name. */
export function compareRotationRows(a: RotationIndexRow, b: RotationIndexRow): number {
  const x = a.nextDueOn ?? '9999';
  const y = b.nextDueOn ?? '9999';
  return (x < y ? -1 : x > y ? 1 : 0) || compareZh(a.name, b.name) || byId(a, b);
}

export function queryRotation(rows: readonly RotationIndexRow[], offset: number, limit: number): IndexPage {
  return page(rows, () => true, offset, limit);
}
