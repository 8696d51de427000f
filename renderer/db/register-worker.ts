// Module Web Worker that keeps the search index of the large registers (平台台账, 发布审核, and the
// lists of 开通与备案, 年度检查, 密码密封存档, 工作群 and 打印与签回) off the UI thread. It reads the ledger through its own Dexie connection in pages of rows, keeps one
// small sorted row per record (shared/search/register-index.ts), and answers "which ids are on
// page N of this filter and query, and how many match" with one pass over those rows. The UI
// thread then reads just those records.
//
// It stays current through the changes the UI thread forwards (every write of this app, the
// restore worker's and another window's reach the UI thread as Dexie's storagemutated event):
// a few changed rows are re-read by id, a bulk change (restore, import) rebuilds the index.
//
// Pinyin keys of texts are kept between sessions (search-keys.ts), and so are the indexes of
// 平台台账 and 发布审核 and the rows of the other registers (kept-indexes.ts): the next session
// reads each kept value and catches up with the records the audit log names as written since
// (ledger-mark.ts), instead of reading ten thousand platforms, a hundred thousand reviews or
// thirty thousand inspections again.
import type { Table } from 'dexie';
import { GROUP_KINDS, isClosed, isGroupKind, type Platform } from '@shared/domain/platform';
import { dayOf, profileZone } from '@shared/domain/time-zone';
import type { Approval, Envelope, Handover, Incident, Inspection, Printout, Review } from '@shared/domain/records';
import { incidentState } from '@shared/rules/incident-rules';
import type { RuleProfile } from '@shared/profiles/types';
import { reviewStatus } from '@shared/rules/review-chain';
import { filingState } from '@shared/rules/filing-state';
import { passwordStatuses } from '@shared/rules/credentials';
import { campaignAccounts, campaignProgress, closureCandidates, compareWithLastYear } from '@shared/rules/inspection-campaign';
import { campaignYears, type CampaignYears } from '@shared/rules/campaign-year';
import { platformLabel, type CampaignSummary } from '@shared/rules/campaign-summary';
import { buildSearchKey } from '@shared/search/pinyin-search';
import {
  compareApprovalRows,
  compareEnvelopeRows,
  compareGroupRows,
  compareIncidentRows,
  compareInspectionRows,
  comparePrintoutRows,
  comparePlatformRows,
  compareReviewRows,
  compareRotationRows,
  queryApprovals,
  queryEnvelopes,
  queryGroups,
  queryIncidents,
  queryInspections,
  queryPrintouts,
  queryPlatforms,
  queryReviews,
  queryRotation,
  SearchMemory,
  upsertSorted,
  type ApprovalFilter,
  type ApprovalIndexRow,
  type EnvelopeFilter,
  type EnvelopeIndexRow,
  type GroupFilter,
  type GroupIndexRow,
  type IncidentFilter,
  type IncidentIndexRow,
  type IndexPage,
  type InspectionFilter,
  type InspectionIndexRow,
  type PlatformFilter,
  type PlatformIndexRow,
  type PlatformOfReview,
  type PrintoutFilter,
  type PrintoutIndexRow,
  type ReviewFilter,
  type ReviewIndexRow,
  type RotationIndexRow,
} from '@shared/search/register-index';
import { eachLive, readByIndexKeys } from './chunked-reads';
import type { IndexedTable } from './indexed-tables';
import { keepValue, KeptIndexDb, readKept } from './kept-indexes';
import { platformPageRecords, reviewPageRecords, type PageRecords, type ReviewPageRecords } from './page-records';
import { changesSince, ledgerMark, type LedgerMark } from './ledger-mark';
import { LedgerDb } from './schema';
import { searchKeys } from './search-keys';
import { serveRequests, type WorkerAnswer } from '../app/worker-channel';
import { nextTurn } from '../app/next-turn';

/** Changed ids per table, or 'all' when a bulk write or a cleared table leaves no list of ids. */
export type ChangedRows = Partial<Record<IndexedTable, string[] | 'all'>>;

/** The registers of the other tables, each with its filter (answered by the 'page' message). */
export interface RegisterFilters {
  approvals: ApprovalFilter;
  inspections: InspectionFilter;
  envelopes: EnvelopeFilter;
  groups: GroupFilter;
  /** 各平台密码修改情况 (ids are platform ids). */
  rotation: Record<string, never>;
  /** 打印与签回's 待签回 and 全部打印记录. */
  printouts: PrintoutFilter;
  /** 问题与舆情. */
  incidents: IncidentFilter;
}
export type RegisterName = keyof RegisterFilters;

/** A page of one of those registers. */
export type PageRequest = { [K in RegisterName]: { type: 'page'; register: K; filter: RegisterFilters[K]; offset: number; limit: number } }[RegisterName];

export type RegisterWorkerRequest =
  | { id: number; type: 'changed'; changes: ChangedRows }
  | { id: number; type: 'warm'; table: 'platforms' | 'reviews' | 'approvals' }
  /** With `read`, the answer also holds the page's records and what they name (page-records.ts). */
  | { id: number; type: 'platforms'; filter: PlatformFilter; offset: number; limit: number; read?: boolean }
  | { id: number; type: 'reviews'; filter: ReviewFilter; offset: number; limit: number; read?: boolean }
  | ({ id: number } & PageRequest)
  | { id: number; type: 'campaign'; year: number; asOf: string }
  | { id: number; type: 'campaignYears'; thisYear: number };

/** What a request is answered with: a page of ids (with its records when asked: page-records.ts), a campaign's figures or years, or nothing (a change). */
export type RegisterAnswer = { page?: IndexPage; platforms?: PageRecords<Platform>; reviews?: ReviewPageRecords; campaign?: CampaignSummary; years?: CampaignYears };

export type RegisterWorkerResponse = WorkerAnswer<RegisterAnswer>;

const db = new LedgerDb();

const searchKeyStore = searchKeys();
const loadKeys = searchKeyStore.load;
const keyOf = searchKeyStore.keyOf;
const saveFreshKeys = searchKeyStore.save;

const kept = new KeptIndexDb();
/** What the kept indexes depend on besides the ledger: this worker's code (its file name changes with it). The profile (its time zone counts the months) is kept with the reviews' index. */
const CODE = import.meta.url;
/** More entries than this since a kept index was exact, and reading the table again is quicker. */
const MAX_CATCH_UP = 5_000;
/** A changed index is kept again this long after the last change (a burst of edits is written once). */
const KEEP_AFTER_CHANGE_MS = 20_000;
/** A newly built index is kept this long after its search keys are built. */
const KEEP_AFTER_BUILD_MS = 1_000;

// Messages are handled one at a time, and so is keeping the indexes, which catches them up first.
let serial: Promise<unknown> = Promise.resolve();
function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const run = serial.then(task);
  serial = run.catch(() => undefined);
  return run;
}

// ---- Keys built after the rows ---------------------------------------------------------------------

type Texts = (string | undefined)[];

/**
 * An index whose rows answer filters and order at once, while their search keys are built after
 * them, a thousand rows at a time (other messages are answered in between); a query with search
 * text waits for the keys.
 */
interface Keyed<R extends { id: string; key: string }> {
  rows: R[];
  byId: Map<string, R>;
  /** Texts of rows not keyed yet, by id. */
  pending: Map<string, Texts>;
  keying?: Promise<void>;
  /** Every record the audit log names up to this mark was read after it was written. */
  mark: LedgerMark;
  /** Changed since it was last kept. */
  dirty: boolean;
  /** Builds a row's key from its texts. */
  keyRow(row: R, texts: Texts): void;
  /** Raised whenever a row or key changes (and unique to this index): what a search remembered is exact only in the version it was made in. */
  version: number;
}

let versions = 0;

/** Rows put in the by-id map per task: 100,000 reviews at once were one task (81 ms in Node; 353 ms with the profiler on), which a query waited behind. */
const BY_ID_PER_TURN = 10_000;

const keyRow = (row: { key: string }, texts: Texts): void => {
  row.key = buildSearchKey(texts, keyOf);
};

async function keyed<R extends { id: string; key: string }>(
  rows: R[],
  mark: LedgerMark,
  pending = new Map<string, Texts>(),
  keyer: (row: R, texts: Texts) => void = keyRow,
): Promise<Keyed<R>> {
  const byId = new Map<string, R>();
  for (const [i, row] of rows.entries()) {
    if (i > 0 && i % BY_ID_PER_TURN === 0) await nextTurn();
    byId.set(row.id, row);
  }
  return { rows, byId, pending, mark, dirty: true, keyRow: keyer, version: ++versions };
}

function ensureKeys<R extends { id: string; key: string }>(index: Keyed<R>): Promise<void> {
  if (index.pending.size === 0) return index.keying ?? Promise.resolve();
  index.keying ??= (async () => {
    await loadKeys();
    let done = 0;
    for (const [id, texts] of index.pending) {
      const row = index.byId.get(id);
      if (row) index.keyRow(row, texts);
      index.pending.delete(id);
      if (++done % 1_000 === 0) await nextTurn();
    }
    index.version = ++versions;
    index.keying = undefined;
    void saveFreshKeys();
    if (index.dirty) scheduleKeep(KEEP_AFTER_BUILD_MS);
  })();
  return index.keying;
}

/** Puts changed rows (already keyed) in place of the old ones and drops removed ones. */
function replaceRows<R extends { id: string; key: string }>(index: Keyed<R>, rows: R[], ids: readonly string[], compare: (a: R, b: R) => number): void {
  index.rows = upsertSorted(index.rows, rows, ids, compare);
  for (const id of ids) {
    index.byId.delete(id);
    index.pending.delete(id);
  }
  for (const row of rows) index.byId.set(row.id, row);
  index.version = ++versions;
  index.dirty = true;
  scheduleKeep(KEEP_AFTER_CHANGE_MS);
  void saveFreshKeys();
}

// ---- Names the platform keys include --------------------------------------------------------------

let names: Promise<{ unit: Map<string, string>; person: Map<string, string> }> | undefined;

function loadNames() {
  names ??= (async () => {
    const unit = new Map<string, string>();
    const person = new Map<string, string>();
    await eachLive(db.units, (rows) => rows.forEach((u) => unit.set(u.id, u.name)));
    await eachLive(db.people, (rows) => rows.forEach((p) => person.set(p.id, p.name)));
    return { unit, person };
  })();
  return names;
}

// ---- Platforms ------------------------------------------------------------------------------------

type PlatformIndex = Keyed<PlatformIndexRow>;

let platformIndex: Promise<PlatformIndex> | undefined;

type Names = Awaited<ReturnType<typeof loadNames>>;

/** The texts a platform is found by: name, account, kind, host unit and responsible person. */
function platformTexts(p: Platform, n: Names): Texts {
  return [p.name, p.accountId, p.kind, p.hostUnitId ? n.unit.get(p.hostUnitId) : undefined, p.responsibleId ? n.person.get(p.responsibleId) : undefined];
}

/** A platform row's key, with where its name's part ends (a review is found by its platform's name). */
function keyPlatformRow(row: PlatformIndexRow, texts: Texts): void {
  row.key = buildSearchKey(texts, keyOf);
  // The name is the first text: its part is the key's first, unless the name is blank.
  row.nameEnd = texts[0]?.trim() ? keyOf(texts[0]).length : 0;
}

function platformRow(p: Platform): PlatformIndexRow {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    accountId: p.accountId,
    hostUnitId: p.hostUnitId,
    sponsorUnitId: p.sponsorUnitId,
    responsibleId: p.responsibleId,
    status: p.status,
    key: '',
  };
}

function loadPlatforms(): Promise<PlatformIndex> {
  platformIndex ??= (async () => (await keptIndex<PlatformIndexRow, PlatformIndex>('platforms', (rows, mark) => keyed(rows, mark, undefined, keyPlatformRow), platformChanges)) ?? buildPlatforms())();
  return platformIndex;
}

async function buildPlatforms(): Promise<PlatformIndex> {
  // The mark is read before the records: a write in between is caught up again, never missed.
  const mark = await ledgerMark(db);
  const n = await loadNames();
  const rows: PlatformIndexRow[] = [];
  const pending = new Map<string, Texts>();
  await eachLive(db.platforms, (batch) =>
    batch.forEach((p) => {
      rows.push(platformRow(p));
      pending.set(p.id, platformTexts(p, n));
    }),
  );
  rows.sort(comparePlatformRows);
  const index = await keyed(rows, mark, pending, keyPlatformRow);
  void ensureKeys(index);
  return index;
}

/**
 * Brings a platform index up to date with these changes by re-reading the changed platforms and
 * re-keying those whose host unit or responsible person changed (the keys hold their names);
 * false when it must be built again (a whole table changed).
 */
async function platformChanges(index: PlatformIndex, changes: ChangedRows): Promise<boolean> {
  if (changes.platforms === 'all' || changes.units === 'all' || changes.people === 'all') return false;
  const units = new Set(changes.units);
  const people = new Set(changes.people);
  // The names are read again: a kept key must never hold a name from before the change.
  if (units.size > 0 || people.size > 0) names = undefined;
  const named = units.size > 0 || people.size > 0 ? index.rows.filter((r) => (r.hostUnitId && units.has(r.hostUnitId)) || (r.responsibleId && people.has(r.responsibleId))) : [];
  const ids = [...new Set([...(changes.platforms ?? []), ...named.map((r) => r.id)])];
  if (ids.length === 0) return true;
  const found = await db.platforms.bulkGet(ids);
  const live = found.filter((p): p is Platform => p !== undefined && !p.deletedAt);
  const n = await loadNames();
  replaceRows(
    index,
    live.map((p) => {
      const row = platformRow(p);
      keyPlatformRow(row, platformTexts(p, n));
      return row;
    }),
    ids,
    comparePlatformRows,
  );
  return true;
}

// ---- Reviews --------------------------------------------------------------------------------------

interface ReviewIndex extends Keyed<ReviewIndexRow> {
  profile: string;
}

let reviewIndex: Promise<ReviewIndex> | undefined;


/** YYYY-MM on the institution's calendar (the profile's time zone), as the list's month picker counts. */
const monthOf = (iso: string, profile: RuleProfile): string => dayOf(iso, profileZone(profile)).slice(0, 7);

function reviewRow(r: Review, profile: RuleProfile): ReviewIndexRow {
  return {
    id: r.id,
    createdAt: r.createdAt,
    month: monthOf(r.createdAt, profile),
    platformId: r.platformId,
    submittingUnitId: r.submittingUnitId,
    status: reviewStatus(r, profile),
    key: '',
  };
}

async function profileNow(): Promise<RuleProfile | undefined> {
  return (await db.settings.get('main'))?.profile;
}

function loadReviews(): Promise<ReviewIndex> {
  reviewIndex ??= (async () =>
    (await keptIndex<ReviewIndexRow, ReviewIndex>('reviews', async (rows, mark, extra) => ({ ...(await keyed(rows, mark)), profile: extra ?? '' }), reviewChanges)) ?? buildReviews())();
  return reviewIndex;
}

async function buildReviews(): Promise<ReviewIndex> {
  const mark = await ledgerMark(db);
  const profile = await profileNow();
  const rows: ReviewIndexRow[] = [];
  const pending = new Map<string, Texts>();
  if (profile) {
    await eachLive(db.reviews, (batch) =>
      batch.forEach((r) => {
        rows.push(reviewRow(r, profile));
        pending.set(r.id, [r.title, r.column]);
      }),
    );
  }
  rows.sort(compareReviewRows);
  const index: ReviewIndex = { ...(await keyed(rows, mark, pending)), profile: JSON.stringify(profile ?? null) };
  void ensureKeys(index);
  return index;
}

/** Brings a review index up to date with these changes; false when it must be built again (another rule profile, a bulk change). */
async function reviewChanges(index: ReviewIndex, changes: ChangedRows): Promise<boolean> {
  if (changes.reviews === 'all') return false;
  const profile = await profileNow();
  if (changes.settings && JSON.stringify(profile ?? null) !== index.profile) return false;
  const ids = changes.reviews;
  if (!ids) return true;
  const found = await db.reviews.bulkGet(ids);
  const live = profile ? found.filter((r): r is Review => r !== undefined && !r.deletedAt) : [];
  replaceRows(
    index,
    live.map((r) => ({ ...reviewRow(r, profile!), key: buildSearchKey([r.title, r.column], keyOf) })),
    ids,
    compareReviewRows,
  );
  return true;
}

// ---- Indexes kept between sessions ---------------------------------------------------------------

/**
 * Catches an index up with the records written since its mark; false when it cannot be (the
 * chain was replaced, too many entries follow, or `apply` says it must be built again).
 */
async function catchUp<I extends { mark: LedgerMark; dirty: boolean }>(index: I, apply: (index: I, changes: ChangedRows) => Promise<boolean>): Promise<boolean> {
  const since = await changesSince(db, index.mark, MAX_CATCH_UP);
  if (!since || !(await apply(index, since.changes))) return false;
  // Kept again at the new mark even when none of its rows changed: else the entries to catch up
  // with would pile up from session to session.
  if (since.mark.seq !== index.mark.seq) {
    index.dirty = true;
    scheduleKeep(KEEP_AFTER_CHANGE_MS);
  }
  index.mark = since.mark;
  return true;
}

/** The index kept by an earlier session, caught up with the ledger, or undefined. */
async function keptIndex<R extends { id: string; key: string }, I extends Keyed<R>>(
  id: string,
  make: (rows: R[], mark: LedgerMark, extra: string | undefined) => Promise<I>,
  apply: (index: I, changes: ChangedRows) => Promise<boolean>,
): Promise<I | undefined> {
  const hit = await readKept<R[]>(kept, id, CODE);
  if (!hit) return undefined;
  const index = await make(hit.value, hit.mark, hit.extra);
  // Read just now: it needs keeping again only if catching up changed it.
  index.dirty = false;
  return (await catchUp(index, apply)) ? index : undefined;
}

let keepTimer: ReturnType<typeof setTimeout> | undefined;

function scheduleKeep(delay: number): void {
  clearTimeout(keepTimer);
  keepTimer = setTimeout(() => void keepIndexes().catch(() => undefined), delay);
}

/** An index taken to be kept: its rows (an array never changed in place: changes make a new one) and the mark they are exact at. */
type Taken = { id: string; kept: { mark: LedgerMark; value: unknown[]; extra?: string } };

/** The keeping under way: one at a time, so two never write the same index at once. */
let keeping: Promise<void> = Promise.resolve();

/**
 * Keeps each changed index. Catching up and taking its rows go in the order of the messages; the
 * writing does not: with the writing inside that order, pages asked of the worker waited 4.5–7.6 s
 * in bench runs while the 100,000 reviews' index (34 MB of JSON) was kept.
 */
function keepIndexes(): Promise<void> {
  keeping = keeping.then(async () => {
    const taken = await exclusive(async () => {
      const all = [await takeIndex('platforms', platformIndex, platformChanges, () => undefined), await takeIndex('reviews', reviewIndex, reviewChanges, (index) => index.profile)];
      for (const index of rowIndexes) all.push(await index.take());
      return all;
    });
    for (const t of taken) if (t) await keepValue(kept, t.id, CODE, t.kept);
  });
  return keeping;
}

/** A changed index caught up to the mark it is then exact at, to be kept; undefined when it need not or cannot be (one still being keyed waits for its keys). */
async function takeIndex<I extends Keyed<{ id: string; key: string }>>(
  id: string,
  loaded: Promise<I> | undefined,
  apply: (index: I, changes: ChangedRows) => Promise<boolean>,
  extra: (index: I) => string | undefined,
): Promise<Taken | undefined> {
  const index = await loaded?.catch(() => undefined);
  if (!index?.dirty || index.pending.size > 0) return undefined;
  // The changes forwarded so far are in the rows, but not which entries they came from: catching
  // up from the last known mark re-reads those records once more and gives the mark they are exact at.
  if (!(await catchUp(index, apply))) return undefined;
  index.dirty = false;
  return { id, kept: { mark: index.mark, value: index.rows, extra: extra(index) } };
}

/**
 * What a query needs of each platform (the keys 发布审核 and 开通与备案 find a platform by),
 * computed when first asked and kept while the platform index keeps the version it was computed
 * from (each query used to compute them anew, 10,000 platforms' at every key the clerk typed).
 */
function platformKeys<V>(make: (p: PlatformIndexRow) => V): (index: PlatformIndex) => (id: string) => V | undefined {
  let cache: { version: number; values: Map<string, V> } | undefined;
  return (index) => {
    if (cache?.version !== index.version) cache = { version: index.version, values: new Map() };
    const values = cache.values;
    return (id) => {
      let hit = values.get(id);
      if (hit === undefined) {
        const p = index.byId.get(id);
        if (!p) return undefined;
        hit = make(p);
        values.set(id, hit);
      }
      return hit;
    };
  };
}

/**
 * keyOf, but a keyed platform row's name is keyed already: its key begins with its name's. The
 * other texts (kind, account) are keyed when first asked rather than taken from the kept keys
 * after reading all of them: the first search of 发布审核 of every session waited for that read
 * (122,733 texts at full scale; that search took 4.0–5.1 s, and 0.8–1.0 s without).
 */
const keyOfPlatformText =
  (p: PlatformIndexRow) =>
  (text: string): string =>
    text === p.name && p.nameEnd !== undefined ? p.key.slice(0, p.nameEnd) : keyOf(text);

/** A review's platform as the review list filters and searches it. */
const platformsOfReviews = platformKeys<PlatformOfReview>((p) => ({ hostUnitId: p.hostUnitId, nameKey: buildSearchKey([p.name], keyOfPlatformText(p)) }));

/** The search key of a platform as 开通与备案 finds it: name, kind and account. */
const filingPlatformKeys = platformKeys((p) => buildSearchKey([p.name, p.kind, p.accountId], keyOfPlatformText(p)));

/** The last searches of 平台台账, 发布审核 and 开通与备案, to narrow as the clerk types on. */
const platformSearches = new SearchMemory<PlatformIndexRow>();
const reviewSearches = new SearchMemory<ReviewIndexRow>();
const approvalSearches = new SearchMemory<ApprovalIndexRow>();

// ---- Registers of the other tables ----------------------------------------------------------------

/** A register's rows, what they were derived with, and the mark of the ledger they are exact at. */
interface BuiltRows<R, C> {
  rows: R[];
  /** What the rows are derived with (the register's `context`), read when first needed: kept rows need it only for records changed since. */
  context: () => Promise<C>;
  mark: LedgerMark;
  /** Changed since it was last kept (or read from the kept store). */
  dirty: boolean;
}

/**
 * A sorted index of small rows over one table, built on the first query: a changed record is
 * re-read by id and put in place; a change of a table the rows are derived from (`rebuildOn`)
 * drops the index, and the next query builds it again. Kept between sessions like the platforms'
 * and reviews' (kept-indexes.ts) under `register:<name>`: the next session's first query reads
 * the kept rows and catches up with the records written since, instead of reading the table
 * (30,000 inspections: 年度检查's first opening of a session took about a second).
 */
class RowIndex<Rec extends { id: string; deletedAt?: string }, R extends { id: string }, C> {
  private built?: Promise<BuiltRows<R, C>>;
  /** Counts the rows' changes and rebuilds: a search remembered under another version is never used (SearchMemory). */
  version = 0;

  constructor(
    private readonly spec: {
      /** The register's name: its kept rows are `register:<name>`. */
      name: RegisterName;
      table: IndexedTable;
      read: () => Table<Rec, string, unknown>;
      /** Hands every live record the register may hold to `visit` (default: the whole table, a chunk at a time). */
      each?: (visit: (records: Rec[]) => void) => Promise<void>;
      /** Tables whose changes drop the rows (none by default). */
      rebuildOn?: readonly IndexedTable[];
      context: () => Promise<C>;
      /** The record's row, or undefined when the register leaves it out. */
      row: (record: Rec, context: C) => R | undefined;
      compare: (a: R, b: R) => number;
      /**
       * Follows changes of another table the rows show (a platform renamed in its inspections'
       * rows) in `built`: false when the rows must be built again.
       */
      follow?: (built: BuiltRows<R, C>, changes: ChangedRows) => Promise<boolean>;
    },
  ) {}

  private get keptId(): string {
    return `register:${this.spec.name}`;
  }

  rows(): Promise<R[]> {
    this.built ??= (async () => (await this.fromKept()) ?? (await this.build()))();
    return this.built.then((b) => b.rows);
  }

  /** The register's context, read once for these rows. */
  private contextOnce(): () => Promise<C> {
    let read: Promise<C> | undefined;
    return () => (read ??= this.spec.context());
  }

  private async build(): Promise<BuiltRows<R, C>> {
    // The mark is read before the context and the records: a write in between is caught up again, never missed.
    const mark = await ledgerMark(db);
    const context = await this.spec.context();
    const rows: R[] = [];
    const visit = (batch: Rec[]) => {
      for (const record of batch) {
        const row = this.spec.row(record, context);
        if (row) rows.push(row);
      }
    };
    await (this.spec.each ? this.spec.each(visit) : eachLive(this.spec.read(), visit));
    rows.sort(this.spec.compare);
    scheduleKeep(KEEP_AFTER_BUILD_MS);
    return { rows, context: () => Promise.resolve(context), mark, dirty: true };
  }

  /** The rows an earlier session kept, caught up with the ledger, or undefined. */
  private async fromKept(): Promise<BuiltRows<R, C> | undefined> {
    const hit = await readKept<R[]>(kept, this.keptId, CODE);
    if (!hit) return undefined;
    const built: BuiltRows<R, C> = { rows: hit.value, context: this.contextOnce(), mark: hit.mark, dirty: false };
    return (await this.catchUp(built)) ? built : undefined;
  }

  /** Re-reads the records written since the rows' mark; false when the rows must be built again. */
  private async catchUp(built: BuiltRows<R, C>): Promise<boolean> {
    const rows = built.rows;
    if (!(await catchUp(built, (b, changes) => this.apply(b, changes)))) return false;
    if (built.rows !== rows) this.version++;
    return true;
  }

  reset(): void {
    this.built = undefined;
    this.version++;
  }

  /** Whether these changes leave nothing to follow but a rebuild. */
  private mustRebuild(changes: ChangedRows): boolean {
    return changes[this.spec.table] === 'all' || (this.spec.rebuildOn ?? []).some((t) => changes[t]);
  }

  /** Puts the changed records' rows in place; false when the rows must be built again. */
  private async apply(built: BuiltRows<R, C>, changes: ChangedRows): Promise<boolean> {
    if (this.mustRebuild(changes)) return false;
    if (this.spec.follow && !(await this.spec.follow(built, changes))) return false;
    const ids = changes[this.spec.table] as string[] | undefined;
    if (!ids) return true;
    const [found, context] = await Promise.all([this.spec.read().bulkGet(ids), built.context()]);
    const rows: R[] = [];
    for (const record of found) {
      const row = record && !record.deletedAt ? this.spec.row(record, context) : undefined;
      if (row) rows.push(row);
    }
    built.rows = upsertSorted(built.rows, rows, ids, this.spec.compare);
    return true;
  }

  async changed(changes: ChangedRows): Promise<void> {
    if (!this.built) return;
    if (this.mustRebuild(changes)) {
      this.reset();
      return;
    }
    const before = this.built;
    const built = await before;
    const rows = built.rows;
    if (!(await this.apply(built, changes))) {
      if (this.built === before) this.reset();
      return;
    }
    if (built.rows !== rows) {
      this.version++;
      built.dirty = true;
      scheduleKeep(KEEP_AFTER_CHANGE_MS);
    }
  }

  /** The rows to keep, caught up to the mark they are then exact at; undefined when they need not or cannot be kept. */
  async take(): Promise<Taken | undefined> {
    const built = await this.built?.catch(() => undefined);
    if (!built?.dirty || !(await this.catchUp(built))) return undefined;
    built.dirty = false;
    return { id: this.keptId, kept: { mark: built.mark, value: built.rows } };
  }
}

/** The context of a register whose rows come from their record alone. */
const noContext = async (): Promise<undefined> => undefined;

async function deadlineRules() {
  const settings = await db.settings.get('main');
  return settings ? { profile: settings.profile, calendar: settings.holidayOverrides ?? [] } : undefined;
}

const approvals = new RowIndex<Approval, ApprovalIndexRow, Awaited<ReturnType<typeof deadlineRules>>>({
  name: 'approvals',
  table: 'approvals',
  read: () => db.approvals,
  rebuildOn: ['settings'],
  context: deadlineRules,
  row: (a, rules) => {
    if (!rules) return undefined;
    // The state does not depend on today: only 'open' does, through its due date.
    const s = filingState(a, rules, '');
    return { id: a.id, at: a.changeDate ?? a.createdAt, kind: a.kind, platformId: a.platformId, state: s.state, ...(s.state === 'open' && { dueDate: s.dueDate }) };
  },
  compare: compareApprovalRows,
});

/** Filings whose platforms are keyed per turn while 开通与备案's search is made ready: queries asked meanwhile are answered between turns. */
const KEYS_PER_TURN = 1_000;

/**
 * 开通与备案's filings and the keys its search finds their platforms by (name, kind and account),
 * made when the page opens: the first key typed used to key every platform a filing names (10,000
 * at full scale) before it could answer.
 */
async function warmApprovals(): Promise<void> {
  const [rows, platforms] = await Promise.all([approvals.rows(), loadPlatforms()]);
  // Keyed under the platforms' version once their names are keyed: keying the names raises the version, which would throw this work away.
  await ensureKeys(platforms);
  const keyOf = filingPlatformKeys(platforms);
  for (let i = 0; i < rows.length; i += KEYS_PER_TURN) {
    for (const r of rows.slice(i, i + KEYS_PER_TURN)) keyOf(r.platformId);
    await nextTurn();
  }
}

async function platformNames(): Promise<Map<string, string>> {
  const index = await loadPlatforms();
  return new Map(index.rows.map((p) => [p.id, p.name]));
}

/**
 * Follows changed platforms in 年度检查's rows: each inspection of a changed platform takes its
 * name again (the order is by platform name: a renamed platform moves its inspections). Rebuilding
 * instead read 30,000 inspections at every platform edit, and left a kept index useless once any
 * platform had changed since it was kept.
 */
async function renamedPlatforms(built: BuiltRows<InspectionIndexRow, Map<string, string>>, changes: ChangedRows): Promise<boolean> {
  const ids = changes.platforms;
  if (ids === 'all') return false;
  if (!ids) return true;
  const [found, names] = await Promise.all([db.platforms.bulkGet(ids), built.context()]);
  ids.forEach((id, i) => {
    const p = found[i];
    if (p && !p.deletedAt) names.set(id, p.name);
    else names.delete(id);
  });
  const changed = new Set(ids);
  if (built.rows.some((r) => changed.has(r.platformId))) {
    built.rows = built.rows.map((r) => (changed.has(r.platformId) ? { ...r, name: names.get(r.platformId) ?? '' } : r)).sort(compareInspectionRows);
  }
  return true;
}

const inspections = new RowIndex<Inspection, InspectionIndexRow, Map<string, string>>({
  name: 'inspections',
  table: 'inspections',
  read: () => db.inspections,
  follow: renamedPlatforms,
  context: platformNames,
  row: (i, names) => ({ id: i.id, year: i.year, platformId: i.platformId, name: names.get(i.platformId) ?? '', ...(i.result ? { result: i.result } : {}) }),
  compare: compareInspectionRows,
});

const envelopes = new RowIndex<Envelope, EnvelopeIndexRow, undefined>({
  name: 'envelopes',
  table: 'envelopes',
  read: () => db.envelopes,
  context: noContext,
  row: (e) => ({ id: e.id, sealedOn: e.sealedOn, number: e.number, platformId: e.platformId, replaced: Boolean(e.replacedById) }),
  compare: compareEnvelopeRows,
});

const groups = new RowIndex<Platform, GroupIndexRow, undefined>({
  name: 'groups',
  table: 'platforms',
  read: () => db.platforms,
  // The work groups alone, through the kind index: 3,136 of the 10,000 platforms at full scale, read in 177–339 ms against 358–703 ms for every platform.
  each: async (visit) => visit((await readByIndexKeys(db.platforms, 'kind', GROUP_KINDS)).filter((p) => !p.deletedAt)),
  context: noContext,
  row: (p) => (isGroupKind(p.kind) ? { id: p.id, name: p.name, disbanded: Boolean(p.group?.disbandedOn) } : undefined),
  compare: compareGroupRows,
});

/** Each platform's password status, from every live envelope and handover (one pass over each). */
async function passwordStatusOf() {
  const policy = (await db.settings.get('main'))?.profile.passwordPolicy;
  const env: Envelope[] = [];
  const hand: Handover[] = [];
  await eachLive(db.envelopes, (rows) => void env.push(...rows));
  await eachLive(db.handovers, (rows) => void hand.push(...rows));
  return policy ? passwordStatuses(env, hand, policy) : undefined;
}

const rotation = new RowIndex<Platform, RotationIndexRow, Awaited<ReturnType<typeof passwordStatusOf>>>({
  name: 'rotation',
  table: 'platforms',
  read: () => db.platforms,
  rebuildOn: ['envelopes', 'handovers', 'settings'],
  context: passwordStatusOf,
  // Work groups have an owner, not a shared account password to seal.
  row: (p, statusOf) => (statusOf && !isClosed(p) && !isGroupKind(p.kind) ? { id: p.id, name: p.name, nextDueOn: statusOf(p.id).nextDueOn } : undefined),
  compare: compareRotationRows,
});

const printouts = new RowIndex<Printout, PrintoutIndexRow, undefined>({
  name: 'printouts',
  table: 'printouts',
  read: () => db.printouts,
  context: noContext,
  row: (p) => ({ id: p.id, printedAt: p.printedAt, paperStatus: p.paperStatus }),
  compare: comparePrintoutRows,
});

const incidents = new RowIndex<Incident, IncidentIndexRow, undefined>({
  name: 'incidents',
  table: 'incidents',
  read: () => db.incidents,
  context: noContext,
  row: (i) => ({ id: i.id, date: i.date, kind: i.kind, state: incidentState(i) }),
  compare: compareIncidentRows,
});

const rowIndexes = [approvals, inspections, envelopes, groups, rotation, printouts, incidents];

async function registerPage(request: PageRequest): Promise<IndexPage> {
  const { offset, limit } = request;
  switch (request.register) {
    case 'approvals': {
      // Only a search needs the platforms' index: the first page of a large ledger does not wait for it.
      if (!request.filter.query) return queryApprovals(await approvals.rows(), () => '', request.filter, offset, limit);
      const [rows, platforms] = await Promise.all([approvals.rows(), loadPlatforms()]);
      const keyOfPlatform = filingPlatformKeys(platforms);
      return queryApprovals(rows, (id) => keyOfPlatform(id) ?? '', request.filter, offset, limit, { memory: approvalSearches, version: `${approvals.version}/${platforms.version}` });
    }
    case 'inspections':
      return queryInspections(await inspections.rows(), request.filter, offset, limit);
    case 'envelopes':
      return queryEnvelopes(await envelopes.rows(), request.filter, offset, limit);
    case 'groups':
      return queryGroups(await groups.rows(), request.filter, offset, limit);
    case 'rotation':
      return queryRotation(await rotation.rows(), offset, limit);
    case 'printouts':
      return queryPrintouts(await printouts.rows(), request.filter, offset, limit);
    case 'incidents':
      return queryIncidents(await incidents.rows(), request.filter, offset, limit);
  }
}

// ---- 年度检查: the campaign's figures -------------------------------------------------------------

/** Whole tables the campaign's comparison needs, read once and kept until one of them changes. */
type CampaignData = { platforms: Platform[]; inspections: Inspection[]; approvals: Approval[]; profile?: RuleProfile };
let campaignData: Promise<CampaignData> | undefined;
/**
 * The figures asked for, with the data they were computed from: 年度检查 opened again (or its year
 * asked again) computes nothing until a platform, inspection, filing or the settings change, which
 * reads the data anew.
 */
const summaries = new WeakMap<CampaignData, Map<string, CampaignSummary>>();

function loadCampaignData() {
  campaignData ??= (async () => {
    const data: CampaignData = { platforms: [], inspections: [], approvals: [], profile: await profileNow() };
    await eachLive(db.platforms, (rows) => void data.platforms.push(...rows));
    await eachLive(db.inspections, (rows) => void data.inspections.push(...rows));
    await eachLive(db.approvals, (rows) => void data.approvals.push(...rows));
    return data;
  })();
  return campaignData;
}

async function campaignSummary(year: number, asOf: string): Promise<CampaignSummary> {
  const data = await loadCampaignData();
  let kept = summaries.get(data);
  if (!kept) summaries.set(data, (kept = new Map()));
  const key = JSON.stringify([year, asOf]);
  let summary = kept.get(key);
  if (!summary) kept.set(key, (summary = computeSummary(data, year, asOf)));
  return summary;
}

function computeSummary(data: CampaignData, year: number, asOf: string): CampaignSummary {
  const yearOf = new Set(data.inspections.filter((i) => i.year === year).map((i) => i.platformId));
  const covered = campaignAccounts(data.platforms);
  const comparison = compareWithLastYear(data, year);
  const closure = data.profile ? closureCandidates({ ...data, profile: data.profile }, year, asOf) : [];
  // Labels of the platforms the comparison names by id only.
  const named = new Set([...comparison.adminChanges.map((c) => c.platformId), ...comparison.failed.map((f) => f.platformId)]);
  const labels: Record<string, string> = {};
  for (const p of data.platforms) if (named.has(p.id)) labels[p.id] = `${p.name}（${p.kind}）`;
  return {
    year,
    progress: campaignProgress(data.inspections, year),
    covered: covered.length,
    missing: covered.filter((p) => !yearOf.has(p.id)).length,
    comparison: { ...comparison, added: comparison.added.map(platformLabel), closed: comparison.closed.map((c) => ({ ...c, platform: platformLabel(c.platform) })) },
    closure: closure.map((c) => ({ ...c, platform: platformLabel(c.platform) })),
    labels,
  };
}

// ---- Changes --------------------------------------------------------------------------------------

async function applyChanges(changes: ChangedRows): Promise<void> {
  if (changes.platforms || changes.inspections || changes.approvals || changes.settings) campaignData = undefined;
  for (const index of rowIndexes) await index.changed(changes);
  // Names inside platform keys, also when no index is loaded (the next one is built with them).
  if (changes.units || changes.people) names = undefined;
  const platforms = platformIndex;
  if (platforms && !(await platformChanges(await platforms, changes)) && platformIndex === platforms) platformIndex = undefined;
  const reviews = reviewIndex;
  if (reviews && !(await reviewChanges(await reviews, changes)) && reviewIndex === reviews) reviewIndex = undefined;
}

// ---- Messages -------------------------------------------------------------------------------------

async function handle(request: RegisterWorkerRequest): Promise<IndexPage | CampaignSummary | CampaignYears | undefined> {
  switch (request.type) {
    case 'changed':
      await applyChanges(request.changes);
      return undefined;
    case 'warm':
      // Answered once the index is loaded; handled outside the order, so later messages do not
      // wait for it (the loads are shared: a query asked meanwhile uses the same one).
      await (request.table === 'platforms' ? loadPlatforms() : request.table === 'reviews' ? Promise.all([loadPlatforms(), loadReviews()]) : warmApprovals());
      return undefined;
    case 'platforms': {
      const index = await loadPlatforms();
      if (request.filter.query) await ensureKeys(index);
      return queryPlatforms(index.rows, request.filter, request.offset, request.limit, { memory: platformSearches, version: String(index.version) });
    }
    case 'reviews': {
      const [platforms, reviews] = await Promise.all([loadPlatforms(), loadReviews()]);
      if (request.filter.query) await ensureKeys(reviews);
      return queryReviews(reviews.rows, platformsOfReviews(platforms), request.filter, request.offset, request.limit, {
        memory: reviewSearches,
        version: `${reviews.version}/${platforms.version}`,
      });
    }
    case 'page':
      return registerPage(request);
    case 'campaign':
      return campaignSummary(request.year, request.asOf);
    case 'campaignYears':
      // From the register's index alone: the page's first rows wait for this, not for the whole tables of the figures.
      return campaignYears(await inspections.rows(), request.thisYear);
  }
}

async function answer(request: RegisterWorkerRequest): Promise<RegisterAnswer> {
  const value = await handle(request);
  if (request.type === 'campaign') return { campaign: value as CampaignSummary };
  if (request.type === 'campaignYears') return { years: value as CampaignYears };
  if (request.type === 'platforms' && request.read) return { page: value as IndexPage, platforms: await platformPageRecords(db, (value as IndexPage).ids) };
  if (request.type === 'reviews' && request.read) return { page: value as IndexPage, reviews: await reviewPageRecords(db, (value as IndexPage).ids) };
  return value ? { page: value as IndexPage } : {};
}

// One message at a time, in order: a query posted after a change sees that change. A warm-up
// is answered when its index is loaded, outside that order.
serveRequests((request: RegisterWorkerRequest) => (request.type === 'warm' ? answer(request) : exclusive(() => answer(request))), {
  inOrder: true,
  outOfOrder: (request) => request.type === 'warm',
  // A failed read must not leave a broken index behind: the next query builds it again.
  onFailure: () => {
    platformIndex = undefined;
    reviewIndex = undefined;
    names = undefined;
    campaignData = undefined;
    for (const index of rowIndexes) index.reset();
  },
});
