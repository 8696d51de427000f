// The large registers read a page at a time: the search worker (register-worker.ts) says which ids
// are on the page and how many match; this thread reads only those records. Changes reach the
// worker first and the pages second, so a page re-read after a change sees it.
import { Dexie, type Collection, type ObservabilitySet, type Table } from 'dexie';
import type { Platform } from '@shared/domain/platform';
import type { Review } from '@shared/domain/records';
import { isEmptyFilter, type IndexPage, type PlatformFilter, type ReviewFilter } from '@shared/search/register-index';
import { countInSlices } from './chunked-reads';
import { reviewsWithRelated, type ReviewPageRecords } from './page-records';
import { startPagedRead, usePaged, usePagedRows } from './paged-read';
import { db } from './database';
import { liveUnits, lookupsOf, readPageLookups, type Lookups } from './queries';
import type { CampaignSummary } from '@shared/rules/campaign-summary';
import type { CampaignYears } from '@shared/rules/campaign-year';
import type { ChangedRows, PageRequest, RegisterAnswer, RegisterFilters, RegisterName, RegisterWorkerRequest, RegisterWorkerResponse } from './register-worker';
import { DB_NAME } from './schema';
import { INDEXED_TABLES } from './indexed-tables';
import { workerChannel } from '../app/worker-channel';

/** More changed ids than this are re-read as a whole table. */
const MAX_IDS = 500;

type RequestBody = RegisterWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

const channel = workerChannel<RequestBody, RegisterWorkerResponse, RegisterAnswer>(
  () => new Worker(new URL('./register-worker.ts', import.meta.url), { type: 'module', name: 'registers' }),
  (r) => r,
);

async function post(body: RequestBody): Promise<IndexPage | undefined> {
  return (await channel.request(body)).page;
}

/** A Dexie range set, as the event holds it (a tree; plain objects when it came from another window). */
interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

/** The ids in a range set, or 'all' when it holds a range (a cleared table, a bulk write). */
function idsOf(set: RangeNode): string[] | 'all' {
  const ids: string[] = [];
  const stack: RangeNode[] = [set];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('from' in node)) continue;
    if (typeof node.from !== 'string' || node.from !== node.to || ids.length >= MAX_IDS) return 'all';
    ids.push(node.from);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return ids;
}

/** The changed rows of the indexed tables in one storagemutated event, if any. */
export function changedRows(parts: ObservabilitySet): ChangedRows | undefined {
  let changes: ChangedRows | undefined;
  for (const table of INDEXED_TABLES) {
    const set = parts[`idb://${DB_NAME}/${table}/`] as RangeNode | undefined;
    if (!set || !('from' in set)) continue;
    changes ??= {};
    changes[table] = idsOf(set);
  }
  return changes;
}

// Every write of this window, of a worker (restore) or of another window arrives here. The worker
// hears of it before any page asks again (one message port, in order; pages re-read through
// paged-read.ts after the event).
Dexie.on('storagemutated', (parts: ObservabilitySet) => {
  const changes = changedRows(parts);
  if (changes) channel.running()?.postMessage({ id: 0, type: 'changed', changes } satisfies RegisterWorkerRequest);
});

export interface PagedRows<T> {
  rows: T[];
  total: number;
  /** Names for the rows: every unit, and the people the rows name. */
  lookups: Lookups;
  /** The platforms the rows name (when the page asked for them), by id. */
  platforms?: Map<string, Platform>;
  /** Set by usePagedRows: see PagedRead.pending (paged-read.ts). */
  pending?: boolean;
}

const present = <T>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined);

/**
 * One page of the registry (平台台账) in its order (kind, then name in pinyin order), with the
 * names of the people each row names (platformPersonIds), all in one read so the page renders
 * once. The worker reads the records and people with the ids (PageRecords): this thread reads
 * only the units, kept between reads.
 */
export function usePlatformPage(filter: PlatformFilter, offset: number, limit: number): PagedRows<Platform> | undefined {
  return usePagedRows(JSON.stringify([filter, offset, limit]), ['platforms', 'units', 'people'], () => readPlatformPage(filter, offset, limit), samePage);
}

/**
 * Starts reading the first page of `filter` (a query just typed) before the list is drawn for it;
 * usePlatformPage then takes this read (startPagedRead).
 */
export function startPlatformPage(filter: PlatformFilter, limit: number): void {
  startPagedRead(JSON.stringify([filter, 0, limit]), () => readPlatformPage(filter, 0, limit));
}

async function readPlatformPage(filter: PlatformFilter, offset: number, limit: number): Promise<PagedRows<Platform>> {
  const [{ page, platforms }, units] = await Promise.all([channel.request({ type: 'platforms', filter, offset, limit, read: true }), liveUnits()]);
  return { rows: platforms!.rows, total: page!.total, lookups: lookupsOf(units, platforms!.people) };
}

type Saved = { id: string; updatedAt: string };

const sameSaved = (a: readonly Saved[], b: readonly Saved[]) => a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.updatedAt === b[i]!.updatedAt);

/**
 * The same page as shown: the same records as last saved, the same count, the same people and
 * units named (typing on in the search box often leaves the first page as it was).
 */
export function samePage<T extends Saved>(shown: PagedRows<T>, next: PagedRows<T>): boolean {
  const people = (l: Lookups) => [...l.people.values(), ...l.deletedPeople.values()];
  return (
    shown.total === next.total &&
    sameSaved(shown.rows, next.rows) &&
    sameSaved(people(shown.lookups), people(next.lookups)) &&
    sameSaved([...shown.lookups.units.values()], [...next.lookups.units.values()]) &&
    sameSaved([...(shown.platforms?.values() ?? [])], [...(next.platforms?.values() ?? [])])
  );
}

/** Live reviews newest first, straight from the createdAt index: the list before any filter. */
function newestReviews(offset: number, limit: number): Promise<Review[]> {
  return db.reviews.orderBy('createdAt').reverse().filter((r) => !r.deletedAt).offset(offset).limit(limit).toArray();
}

/** How many reviews are not in the trash (all of them counted a slice at a time: other reads go on meanwhile). */
async function liveReviewCount(): Promise<number> {
  const [all, deleted] = await Promise.all([countInSlices(db.reviews), db.reviews.where('deletedAt').above('').count()]);
  return all - deleted;
}

/**
 * One page of 发布审核, newest first, turned into the list's rows by `shape`, with the names of the
 * people the reviews name. A search's page comes read from the worker (ReviewPageRecords); the
 * newest page is read here, by the date index.
 */
export function useReviewPage<T>(
  filter: ReviewFilter,
  offset: number,
  limit: number,
  shape: (records: ReviewPageRecords, lookups: Lookups) => T[],
): (Omit<PagedRows<T>, 'total'> & { total: number | undefined }) | undefined {
  const unfiltered = isEmptyFilter(filter);
  const page = usePagedRows(JSON.stringify([filter, offset, limit]), ['reviews', 'platforms', 'settings', 'units', 'people'], async () => {
    let records: ReviewPageRecords;
    let total: number | undefined;
    if (unfiltered) records = await reviewsWithRelated(db, await newestReviews(offset, limit));
    else {
      const answer = await channel.request({ type: 'reviews', filter, offset, limit, read: true });
      records = answer.reviews!;
      total = answer.page!.total;
    }
    const lookups = lookupsOf(await liveUnits(), records.people);
    return { rows: shape(records, lookups), total, lookups };
  });
  // Counting a whole table takes a while (100,000 reviews: 0.4–0.5 s in IndexedDB, which answers
  // one request after another), so it is asked once the newest page is read, and that page is
  // shown without waiting for it.
  const count = usePaged(unfiltered && page ? 'live' : '', ['reviews'], async () => (unfiltered && page ? liveReviewCount() : undefined));
  return page && { ...page, total: page.total ?? (unfiltered ? count : undefined) };
}

/**
 * One page of a register read straight from an index, in the index's order (the collection is
 * ordered and filtered by the caller), with its total and the names of the people the rows name.
 * For the registers whose order is an index (交接 by date, 打印记录 by time, …).
 */
export function useIndexPage<T>({
  key,
  watch,
  collection,
  offset,
  limit,
  named,
  platformOf,
  count,
}: {
  /** Everything the collection depends on (its filters). */
  key: string;
  /** Tables whose changes re-read the page (the register's own table first). */
  watch: readonly string[];
  collection: () => Collection<T, string, unknown>;
  /** How many the collection holds, when the database can say so without reading them (liveCount). */
  count?: () => Promise<number>;
  offset: number;
  limit: number;
  named?: (row: T) => (string | undefined)[];
  /** The platform each row is of, when the page shows platform names. */
  platformOf?: (row: T) => string | undefined;
}): PagedRows<T> | undefined {
  return usePagedRows(JSON.stringify([key, offset, limit]), watch, async () => {
    const [total, rows] = await Promise.all([count ? count() : collection().count(), collection().offset(offset).limit(limit).toArray()]);
    return withNames(rows, total, named, platformOf);
  });
}

/** A page's rows with the names of the people they name and the platforms they are of. */
async function withNames<T>(rows: T[], total: number, named?: (row: T) => (string | undefined)[], platformOf?: (row: T) => string | undefined): Promise<PagedRows<T>> {
  const platformIds = platformOf ? [...new Set(rows.map(platformOf).filter((id): id is string => Boolean(id)))] : [];
  const [lookups, platforms] = await Promise.all([readPageLookups(named ? rows.flatMap(named) : []), db.platforms.bulkGet(platformIds)]);
  return { rows, total, lookups, platforms: new Map(present(platforms).filter((p) => !p.deletedAt).map((p) => [p.id, p])) };
}

/** The tables each register of the worker is read from (its ids are ids of that table). */
const REGISTER_TABLES = {
  approvals: () => db.approvals,
  inspections: () => db.inspections,
  envelopes: () => db.envelopes,
  groups: () => db.platforms,
  rotation: () => db.platforms,
  printouts: () => db.printouts,
  incidents: () => db.incidents,
} satisfies Record<RegisterName, () => Table<{ id: string }, string, unknown>>;

type RegisterRow<K extends RegisterName> = ReturnType<(typeof REGISTER_TABLES)[K]> extends Table<infer T, string, unknown> ? T : never;

function pageRequest<K extends RegisterName>(register: K, filter: RegisterFilters[K], offset: number, limit: number): PageRequest {
  // The mapped union does not narrow through a generic key; each member is this shape.
  return { type: 'page', register, filter, offset, limit } as PageRequest;
}

/**
 * One page of a register the worker sorts and filters (开通与备案, 年度检查, 密码密封存档, 工作群,
 * 各平台密码修改情况, 打印与签回, 问题与舆情): the ids come from the worker, the records from their table, with the names
 * of the people the rows name and the platforms they are of.
 */
export function useRegisterPage<K extends RegisterName>({
  register,
  filter,
  watch,
  offset,
  limit,
  named,
  platformOf,
}: {
  register: K;
  filter: RegisterFilters[K];
  /** Tables whose changes re-read the page (the register's own table first). */
  watch: readonly string[];
  offset: number;
  limit: number;
  named?: (row: RegisterRow<K>) => (string | undefined)[];
  platformOf?: (row: RegisterRow<K>) => string | undefined;
}): PagedRows<RegisterRow<K>> | undefined {
  return usePagedRows(JSON.stringify([register, filter, offset, limit]), watch, async () => {
    const found = (await post(pageRequest(register, filter, offset, limit)))!;
    const table = REGISTER_TABLES[register]() as unknown as Table<RegisterRow<K>, string, unknown>;
    return withNames(present(await table.bulkGet(found.ids)), found.total, named, platformOf);
  });
}

/** Every record of a register matching a filter, in the list's order, read in chunks: for a form of them all (年度检查's summary). */
export async function allOfRegister<K extends RegisterName>(register: K, filter: RegisterFilters[K]): Promise<RegisterRow<K>[]> {
  return readOfRegister(register, await registerIds(register, filter));
}

/** The ids of every record matching a filter, in the list's order: for an export, which reads them a slice at a time. */
export async function registerIds<K extends RegisterName>(register: K, filter: RegisterFilters[K]): Promise<string[]> {
  return (await post(pageRequest(register, filter, 0, Number.MAX_SAFE_INTEGER)))!.ids;
}

/** A register's records with these ids that are still there, in the order of `ids`. */
export function readOfRegister<K extends RegisterName>(register: K, ids: readonly string[]): Promise<RegisterRow<K>[]> {
  const table = REGISTER_TABLES[register]() as unknown as Table<RegisterRow<K>, string, unknown>;
  return readChunked(ids, (chunk) => table.bulkGet(chunk));
}

/** A register's records with these ids and the live platforms they are of: a slice of an export. */
export async function readWithPlatforms<K extends RegisterName>(register: K, ids: readonly string[], platformOf: (row: RegisterRow<K>) => string): Promise<{ rows: RegisterRow<K>[]; platforms: Map<string, Platform> }> {
  const rows = await readOfRegister(register, ids);
  return { rows, platforms: await readPlatformsById(rows.map(platformOf)) };
}

/** The live platforms with these ids, read by id in chunks: names for an export of a register. */
export async function readPlatformsById(ids: Iterable<string>): Promise<Map<string, Platform>> {
  const found = await readChunked([...new Set(ids)], (chunk) => db.platforms.bulkGet(chunk));
  return new Map(found.filter((p) => !p.deletedAt).map((p) => [p.id, p]));
}

/** The figures of a year's inspection campaign, computed in the worker; re-read when the data changes. */
export function useCampaignSummary(year: number, asOf: string, asked: boolean): CampaignSummary | undefined {
  // Asked for once the page's first rows are shown: its whole tables would hold back the rows' reads.
  return usePaged(asked ? JSON.stringify([year, asOf]) : '', ['inspections', 'platforms', 'approvals', 'settings'], async () => {
    if (!asked) return undefined;
    const { campaign } = await channel.request({ type: 'campaign', year, asOf });
    return campaign!;
  });
}

/** The years 年度检查 offers and the one it opens on, from the register's index (no whole table read). */
export function useCampaignYears(thisYear: number): CampaignYears | undefined {
  return usePaged(String(thisYear), ['inspections'], async () => (await channel.request({ type: 'campaignYears', thisYear })).years!);
}

/**
 * Starts the registers' worker without asking it anything. Started by a register's first request
 * instead, 工作群 opened soon after the start waited for it: in a trace, its thread began 423 ms
 * after the click, then compiled its code for 71 ms and evaluated it for 32 ms (681 ms to the
 * first rows, 104–196 ms in later openings).
 */
export function startRegisterWorker(): void {
  channel.start();
}

/** Asks the worker to load (or build) a register's index; resolves once it is loaded, or could not be. Queries meanwhile are answered as usual. */
export function warmRegister(table: 'platforms' | 'reviews' | 'approvals'): Promise<void> {
  return post({ type: 'warm', table }).then(
    () => undefined,
    () => undefined,
  );
}

const CHUNK = 2_000;

/** The ids of every platform matching a filter, in the registry's order: for an export, which reads them a slice at a time. */
export async function platformIds(filter: PlatformFilter): Promise<string[]> {
  return (await post({ type: 'platforms', filter, offset: 0, limit: Number.MAX_SAFE_INTEGER }))!.ids;
}

/** The platforms with these ids that are still there, in the order of `ids`. */
export function readPlatforms(ids: readonly string[]): Promise<Platform[]> {
  return readChunked(ids, (chunk) => db.platforms.bulkGet(chunk));
}

/** The ids of every review matching a filter, in the list's order: for an export, which reads them a slice at a time. */
export async function reviewIds(filter: ReviewFilter): Promise<string[]> {
  return (await post({ type: 'reviews', filter, offset: 0, limit: Number.MAX_SAFE_INTEGER }))!.ids;
}

async function readChunked<T>(ids: readonly string[], read: (ids: string[]) => Promise<(T | undefined)[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...present(await read(ids.slice(i, i + CHUNK))));
  return out;
}

/** The first platforms in the registry's order that match a query: for a picker's options. */
export async function findPlatforms(query: string, limit: number): Promise<Platform[]> {
  const { ids } = (await post({ type: 'platforms', filter: { query: query.trim() || undefined }, offset: 0, limit }))!;
  return present(await db.platforms.bulkGet(ids));
}
