// Module Web Worker that keeps the search index of the large registers (平台台账, 发布审核) off the
// UI thread. It reads the ledger through its own Dexie connection in pages of rows, keeps one
// small sorted row per record (shared/search/register-index.ts), and answers "which ids are on
// page N of this filter and query, and how many match" with one pass over those rows. The UI
// thread then reads just those records.
//
// It stays current through the changes the UI thread forwards (every write of this app, the
// restore worker's and another window's reach the UI thread as Dexie's storagemutated event):
// a few changed rows are re-read by id, a bulk change (restore, import) rebuilds the index.
//
// Pinyin keys cost about 0.1 ms per text; a ledger of 100,000 reviews would need 10 s to key
// again at every start. The keys of texts are kept in a database of their own
// (media-ledger-search), a pure function of the text, so it is never stale: a restored backup,
// an import or an old backup without any key ends up searchable the same way.
import { Dexie, type Table } from 'dexie';
import type { Platform } from '@shared/domain/platform';
import type { Review } from '@shared/domain/records';
import type { RuleProfile } from '@shared/profiles/types';
import { reviewStatus } from '@shared/rules/review-chain';
import { buildSearchKey, textSearchKey } from '@shared/search/pinyin-search';
import {
  comparePlatformRows,
  compareReviewRows,
  queryPlatforms,
  queryReviews,
  upsertSorted,
  type IndexPage,
  type PlatformFilter,
  type PlatformIndexRow,
  type PlatformOfReview,
  type ReviewFilter,
  type ReviewIndexRow,
} from '@shared/search/register-index';
import { LedgerDb } from './schema';

/** Changed ids per table, or 'all' when a bulk write or a cleared table leaves no list of ids. */
export type ChangedRows = Partial<Record<IndexedTable, string[] | 'all'>>;
export type IndexedTable = 'platforms' | 'reviews' | 'units' | 'people' | 'settings';

export type RegisterWorkerRequest =
  | { id: number; type: 'changed'; changes: ChangedRows }
  | { id: number; type: 'warm'; table: 'platforms' | 'reviews' }
  | { id: number; type: 'platforms'; filter: PlatformFilter; offset: number; limit: number }
  | { id: number; type: 'reviews'; filter: ReviewFilter; offset: number; limit: number };

export type RegisterWorkerResponse = { id: number; ok: true; page?: IndexPage } | { id: number; ok: false; error: string };

const PAGE = 2_000;
const db = new LedgerDb();

// ---- Keys of texts, kept between sessions -------------------------------------------------------

interface StoredKey {
  text: string;
  key: string;
}

class KeyStore extends Dexie {
  texts!: Table<StoredKey, string>;
  constructor() {
    super('media-ledger-search');
    this.version(1).stores({ texts: 'text' });
  }
}

const keyStore = new KeyStore();
const keys = new Map<string, string>();
let fresh: StoredKey[] = [];
let keysLoaded: Promise<void> | undefined;

function loadKeys(): Promise<void> {
  keysLoaded ??= (async () => {
    try {
      await keyStore.texts.each((k) => void keys.set(k.text, k.key));
    } catch {
      // Without the store every key is computed again: slower, never wrong.
    }
  })();
  return keysLoaded;
}

function keyOf(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    key = textSearchKey(text);
    keys.set(text, key);
    fresh.push({ text, key });
  }
  return key;
}

async function saveFreshKeys(): Promise<void> {
  const batch = fresh;
  fresh = [];
  for (let i = 0; i < batch.length; i += PAGE) {
    try {
      await keyStore.texts.bulkPut(batch.slice(i, i + PAGE));
    } catch {
      return;
    }
  }
}

// ---- Reading a table a page at a time -------------------------------------------------------------

/** Every live row of a table, PAGE rows per read by primary key, handed on page by page. */
async function eachLive<T extends { id: string; deletedAt?: string }>(table: Table<T, string, unknown>, visit: (rows: T[]) => void): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const batch = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(PAGE).toArray();
    if (batch.length === 0) return;
    visit(batch.filter((r) => !r.deletedAt));
    after = batch[batch.length - 1]!.id;
    if (batch.length < PAGE) return;
  }
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
}

function ensureKeys<R extends { id: string; key: string }>(index: Keyed<R>): Promise<void> {
  if (index.pending.size === 0) return index.keying ?? Promise.resolve();
  index.keying ??= (async () => {
    await loadKeys();
    let done = 0;
    for (const [id, texts] of index.pending) {
      const row = index.byId.get(id);
      if (row) row.key = buildSearchKey(texts, keyOf);
      index.pending.delete(id);
      if (++done % 1_000 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    index.keying = undefined;
    void saveFreshKeys();
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

function platformRow(p: Platform): PlatformIndexRow {
  return { id: p.id, kind: p.kind, name: p.name, hostUnitId: p.hostUnitId, sponsorUnitId: p.sponsorUnitId, status: p.status, key: '' };
}

function loadPlatforms(): Promise<PlatformIndex> {
  platformIndex ??= (async () => {
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
    const index: PlatformIndex = { rows, byId: new Map(rows.map((r) => [r.id, r])), pending };
    void ensureKeys(index);
    return index;
  })();
  return platformIndex;
}

// ---- Reviews --------------------------------------------------------------------------------------

interface ReviewIndex extends Keyed<ReviewIndexRow> {
  profile: string;
}

let reviewIndex: Promise<ReviewIndex> | undefined;

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM in this computer's time zone, as the list's month picker counts. */
function localMonth(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

function reviewRow(r: Review, profile: RuleProfile): ReviewIndexRow {
  return {
    id: r.id,
    createdAt: r.createdAt,
    month: localMonth(r.createdAt),
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
  reviewIndex ??= (async () => {
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
    const index: ReviewIndex = { rows, byId: new Map(rows.map((r) => [r.id, r])), pending, profile: JSON.stringify(profile ?? null) };
    void ensureKeys(index);
    return index;
  })();
  return reviewIndex;
}

/** A review's platform as the review list filters and searches it. */
function platformsOfReviews(index: PlatformIndex): (id: string) => PlatformOfReview | undefined {
  const cache = new Map<string, PlatformOfReview>();
  return (id) => {
    let hit = cache.get(id);
    if (!hit) {
      const p = index.byId.get(id);
      if (!p) return undefined;
      hit = { hostUnitId: p.hostUnitId, nameKey: buildSearchKey([p.name], keyOf) };
      cache.set(id, hit);
    }
    return hit;
  };
}

// ---- Changes --------------------------------------------------------------------------------------

async function applyChanges(changes: ChangedRows): Promise<void> {
  // Names inside platform keys: a renamed unit or person re-keys the platforms.
  if (changes.units || changes.people) {
    names = undefined;
    platformIndex = undefined;
  } else if (changes.platforms && platformIndex) {
    const ids = changes.platforms;
    if (ids === 'all') platformIndex = undefined;
    else {
      const index = await platformIndex;
      const found = await db.platforms.bulkGet(ids);
      const live = found.filter((p): p is Platform => p !== undefined && !p.deletedAt);
      const n = await loadNames();
      const rows = live.map((p) => ({ ...platformRow(p), key: buildSearchKey(platformTexts(p, n), keyOf) }));
      replaceRows(index, rows, ids, comparePlatformRows);
    }
  }
  if (changes.settings && reviewIndex) {
    const index = await reviewIndex;
    if (JSON.stringify((await profileNow()) ?? null) !== index.profile) reviewIndex = undefined;
  }
  if (changes.reviews && reviewIndex) {
    const ids = changes.reviews;
    if (ids === 'all') reviewIndex = undefined;
    else {
      const index = await reviewIndex;
      const profile = await profileNow();
      const found = await db.reviews.bulkGet(ids);
      const live = profile ? found.filter((r): r is Review => r !== undefined && !r.deletedAt) : [];
      const rows = live.map((r) => ({ ...reviewRow(r, profile!), key: buildSearchKey([r.title, r.column], keyOf) }));
      replaceRows(index, rows, ids, compareReviewRows);
    }
  }
}

// ---- Messages -------------------------------------------------------------------------------------

// One message at a time, in order: a query posted after a change sees that change.
let queue: Promise<unknown> = Promise.resolve();

async function handle(request: RegisterWorkerRequest): Promise<IndexPage | undefined> {
  switch (request.type) {
    case 'changed':
      await applyChanges(request.changes);
      return undefined;
    case 'warm':
      // Loading in the background: later messages need not wait for it.
      void (request.table === 'platforms' ? loadPlatforms() : Promise.all([loadPlatforms(), loadReviews()]));
      return undefined;
    case 'platforms': {
      const index = await loadPlatforms();
      if (request.filter.query) await ensureKeys(index);
      return queryPlatforms(index.rows, request.filter, request.offset, request.limit);
    }
    case 'reviews': {
      const [platforms, reviews] = await Promise.all([loadPlatforms(), loadReviews()]);
      if (request.filter.query) await Promise.all([loadKeys(), ensureKeys(reviews)]);
      return queryReviews(reviews.rows, platformsOfReviews(platforms), request.filter, request.offset, request.limit);
    }
  }
}

self.addEventListener('message', (event: MessageEvent<RegisterWorkerRequest>) => {
  const request = event.data;
  queue = queue.then(async () => {
    let response: RegisterWorkerResponse;
    try {
      const page = await handle(request);
      response = { id: request.id, ok: true, ...(page && { page }) };
    } catch (e) {
      // A failed read must not leave a broken index behind: the next query builds it again.
      platformIndex = undefined;
      reviewIndex = undefined;
      names = undefined;
      response = { id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    self.postMessage(response);
  });
});
