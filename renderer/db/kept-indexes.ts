// The registers' indexes as last built, kept between sessions in a database of their own
// (media-ledger-indexes), each with the ledger mark it was exact at (ledger-mark.ts) and the code
// that built it. Reading a kept index is one record; reading its table again means every record
// of it (at 100,000 reviews, seconds). Derived data: never part of a backup, and whatever goes
// wrong with it costs only time, never a wrong row: the caller catches up from the mark or builds
// the index again.
import { Dexie, type Table } from 'dexie';
import type { LedgerMark } from './ledger-mark';

interface KeptIndex {
  id: string;
  /** What built the rows (the worker's file and anything else their content depends on). */
  code: string;
  mark: LedgerMark;
  /** The rows as JSON: one string is read and written far faster than as many objects. */
  rows: string;
  /** What else the rows were built with (e.g. the rule profile the review states follow). */
  extra?: string;
}

export class KeptIndexDb extends Dexie {
  indexes!: Table<KeptIndex, string>;
  constructor(name = 'media-ledger-indexes') {
    super(name);
    this.version(1).stores({ indexes: 'id' });
  }
}

export interface KeptRows<R> {
  mark: LedgerMark;
  rows: R[];
  extra?: string;
}

/** The index kept under `id` if `code` built it, else undefined (also when the store cannot be read). */
export async function readKept<R>(store: KeptIndexDb, id: string, code: string): Promise<KeptRows<R> | undefined> {
  try {
    const hit = await store.indexes.get(id);
    if (!hit || hit.code !== code) return undefined;
    return { mark: hit.mark, rows: JSON.parse(hit.rows) as R[], ...(hit.extra !== undefined && { extra: hit.extra }) };
  } catch {
    return undefined;
  }
}

/** Keeps `rows` as exact at `mark`; a full disk or a blocked store leaves the next start to build them. */
export async function keepRows<R>(store: KeptIndexDb, id: string, code: string, kept: KeptRows<R>): Promise<void> {
  try {
    await store.indexes.put({ id, code, mark: kept.mark, rows: JSON.stringify(kept.rows), ...(kept.extra !== undefined && { extra: kept.extra }) });
  } catch {
    // Nothing lost: the index is built from the ledger again.
  }
}
