// The start page's last computed snapshot, kept so that the next start shows it at once when the
// ledger has not changed since. Every change of a record appends to the hash-chained audit log, so
// the chain's last entry (with the day and the code that computed it) says whether a snapshot
// computed then is still exact. Derived data in a database of its own, never part of a backup.
import { Dexie, type Table } from 'dexie';
import type { LedgerDb } from '../../db/schema';
import { ledgerMark, markText } from '../../db/ledger-mark';
import type { HomeSnapshot } from './home-snapshot';

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
  return [code, today, markText(await ledgerMark(db))].join('|');
}

/** The kept snapshot if it was computed from the ledger as it is now, else undefined. */
export async function cachedSnapshot(db: LedgerDb, cache: HomeCacheDb, today: string, code: string): Promise<HomeSnapshot | undefined> {
  try {
    const [key, hit] = await Promise.all([ledgerKey(db, today, code), cache.snapshots.get('main')]);
    return hit?.key === key ? hit.snapshot : undefined;
  } catch {
    // Without the cache the start page waits for the computation: slower, never wrong.
    return undefined;
  }
}

/** Keeps `snapshot` as computed from the ledger when its key was `key` (read before the records). */
export async function keepSnapshot(cache: HomeCacheDb, key: string, snapshot: HomeSnapshot): Promise<void> {
  try {
    await cache.snapshots.put({ id: 'main', key, snapshot });
  } catch {
    // A full disk or a blocked database: the next start computes it again.
  }
}
