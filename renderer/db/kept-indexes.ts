// Data derived from the ledger (the registers' indexes, the records the start page computes
// from), kept between sessions in a database of their own (media-ledger-indexes), each with the
// ledger mark it was exact at (ledger-mark.ts) and the code that built it. Reading a kept value is
// one record holding one JSON text; reading its tables again means every record of them (at
// 100,000 reviews, seconds). Derived data: never part of a backup, and whatever goes wrong with it
// costs only time, never a wrong row: the caller catches up from the mark or reads the tables.
import { Dexie, type Table } from 'dexie';
import type { LedgerMark } from './ledger-mark';

interface KeptIndex {
  id: string;
  /** What built the rows (the worker's file and anything else their content depends on). */
  code: string;
  mark: LedgerMark;
  /** The value as JSON: one string is read and written far faster than as many objects. */
  rows: string;
  /** What else the value was built with (e.g. the rule profile the review states follow). */
  extra?: string;
}

export class KeptIndexDb extends Dexie {
  indexes!: Table<KeptIndex, string>;
  constructor(name = 'media-ledger-indexes') {
    super(name);
    this.version(1).stores({ indexes: 'id' });
  }
}

export interface Kept<T> {
  mark: LedgerMark;
  value: T;
  extra?: string;
}

/** The value kept under `id` if `code` built it, else undefined (also when the store cannot be read). */
export async function readKept<T>(store: KeptIndexDb, id: string, code: string): Promise<Kept<T> | undefined> {
  try {
    const hit = await store.indexes.get(id);
    if (!hit || hit.code !== code) return undefined;
    return { mark: hit.mark, value: JSON.parse(hit.rows) as T, ...(hit.extra !== undefined && { extra: hit.extra }) };
  } catch {
    return undefined;
  }
}

/** Keeps `value` as exact at `mark`; a full disk or a blocked store leaves the next start to read the tables. */
export async function keepValue<T>(store: KeptIndexDb, id: string, code: string, kept: Kept<T>): Promise<void> {
  try {
    await store.indexes.put({ id, code, mark: kept.mark, rows: JSON.stringify(kept.value), ...(kept.extra !== undefined && { extra: kept.extra }) });
  } catch {
    // Nothing lost: the value is derived from the ledger again.
  }
}
