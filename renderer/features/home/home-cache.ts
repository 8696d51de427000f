// The start page's last computed snapshot, kept so that the next start shows it at once when the
// ledger has not changed since. Every change of a record appends to the hash-chained audit log, so
// the chain's last entry (with the day and the code that computed it) says whether a snapshot
// computed then is still exact. Derived data in a database of its own, never part of a backup.
//
// On another day (or after a change) the snapshot is computed again, from the records it reads: at
// a university's scale some 50,000 of them, seconds of reading. Those records are kept too
// (kept-indexes.ts), with the mark they were read at; the next start reads them in one record and
// re-reads only the records written since (ledger-mark.ts).
import { Dexie, type Table } from 'dexie';
import type { LedgerDb } from '../../db/schema';
import { keepValue, type KeptIndexDb, readKept } from '../../db/kept-indexes';
import { changesSince, ledgerMark, markText, type LedgerMark } from '../../db/ledger-mark';
import { catchUpHomeRecords, readHomeRecords, type HomeRecords, type HomeSnapshot } from './home-snapshot';

interface CachedSnapshot {
  id: 'main';
  key: string;
  snapshot: HomeSnapshot;
}

export class HomeCacheDb extends Dexie {
  snapshots!: Table<CachedSnapshot, 'main'>;
  constructor(name = 'media-ledger-home') {
    super(name);
    this.version(1).stores({ snapshots: 'id' });
  }
}

/** What a snapshot computed for `today` by `code` depends on: the day, the code and the audit chain's last entry. */
export async function ledgerKey(db: LedgerDb, today: string, code: string): Promise<string> {
  return snapshotKey(await ledgerMark(db), today, code);
}

/** The key of a snapshot computed for `today` by `code` from the ledger at `mark`. */
export function snapshotKey(mark: LedgerMark, today: string, code: string): string {
  return [code, today, markText(mark)].join('|');
}

/** The kept snapshot if it was computed from the ledger as it is now, with the ledger's mark it is exact at; else undefined. */
export async function cachedSnapshotAt(db: LedgerDb, cache: HomeCacheDb, today: string, code: string): Promise<{ snapshot: HomeSnapshot; mark: LedgerMark } | undefined> {
  try {
    const [mark, hit] = await Promise.all([ledgerMark(db), cache.snapshots.get('main')]);
    return hit?.key === snapshotKey(mark, today, code) ? { snapshot: hit.snapshot, mark } : undefined;
  } catch {
    // Without the cache the start page waits for the computation: slower, never wrong.
    return undefined;
  }
}

/**
 * What the start page's live query reads: the ledger's mark, and the records unless the mark is
 * still `exactAt` (that of a kept snapshot, which is then still exact: every write of a record
 * appends to the audit log, so the first write moves the mark and the query reads them). Read
 * at every start, the records held the database for a second or more at 100,000 reviews while
 * the registers' worker waited to load its indexes.
 */
export async function readHomeUpdate(db: LedgerDb, today: string, exactAt?: LedgerMark): Promise<{ mark: LedgerMark; records?: HomeRecords }> {
  const mark = await ledgerMark(db);
  if (exactAt && markText(mark) === markText(exactAt)) return { mark };
  return { mark, records: await readHomeRecords(db, today) };
}

/** Keeps `snapshot` as computed from the ledger when its key was `key` (read before the records). */
export async function keepSnapshot(cache: HomeCacheDb, key: string, snapshot: HomeSnapshot): Promise<void> {
  try {
    await cache.snapshots.put({ id: 'main', key, snapshot });
  } catch {
    // A full disk or a blocked database: the next start computes it again.
  }
}

const RECORDS_ID = 'home-records';
/** More entries than this since the records were kept, and reading the tables is quicker. */
const MAX_CATCH_UP = 5_000;

/**
 * The start page's records as kept by an earlier start, brought up to date with the ledger, and
 * the mark they were kept at; undefined when there are none for this year (the inspections read
 * are this year's and last year's) or they cannot be caught up.
 */
export async function keptHomeRecords(db: LedgerDb, store: KeptIndexDb, today: string, code: string): Promise<{ records: HomeRecords; keptAt: LedgerMark } | undefined> {
  try {
    const kept = await readKept<HomeRecords>(store, RECORDS_ID, code);
    if (!kept || kept.extra !== today.slice(0, 4)) return undefined;
    const since = await changesSince(db, kept.mark, MAX_CATCH_UP);
    if (!since || !(await catchUpHomeRecords(db, kept.value, since.changes, today))) return undefined;
    return { records: kept.value, keptAt: kept.mark };
  } catch {
    return undefined;
  }
}

/** Keeps the records read for `today` from the ledger at `mark` (read before them). */
export function keepHomeRecords(store: KeptIndexDb, records: HomeRecords, mark: LedgerMark, today: string, code: string): Promise<void> {
  return keepValue(store, RECORDS_ID, code, { mark, value: records, extra: today.slice(0, 4) });
}
