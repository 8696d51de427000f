// Data derived from the ledger (the registers' indexes, the records the start page computes
// from), kept between sessions in a database of their own (media-ledger-indexes), each with the
// ledger mark it was exact at (ledger-mark.ts) and the code that built it. Reading a kept value is
// one record holding its JSON text (a list of rows in parts of PART_ROWS, each parsed in a task of
// its own); reading its tables again means every record of them (at 100,000 reviews, seconds). Derived data: never part of a backup, and whatever goes wrong with it
// costs only time, never a wrong row: the caller catches up from the mark or reads the tables.
import { Dexie, type Table } from 'dexie';
import type { LedgerMark } from './ledger-mark';

interface KeptIndex {
  id: string;
  /** What built the rows (the worker's file and anything else their content depends on). */
  code: string;
  mark: LedgerMark;
  /**
   * The value as JSON: one string is read and written far faster than as many objects. A list of
   * rows is kept as the JSON of consecutive parts of it.
   */
  rows: string | string[];
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

/**
 * Rows of a kept list per JSON text. Parsing the index of 100,000 reviews (34 MB of JSON) took
 * 807 ms in one task of a worker in Chromium 156, and the register worker answered nothing
 * meanwhile (平台台账 opened right after the start waited for it); a part of 10,000 rows parses in
 * about a tenth of that, and the worker answers between parts.
 */
export const PART_ROWS = 10_000;

/** The value kept under `id` if `code` built it, else undefined (also when the store cannot be read). */
export async function readKept<T>(store: KeptIndexDb, id: string, code: string): Promise<Kept<T> | undefined> {
  try {
    const hit = await store.indexes.get(id);
    if (!hit || hit.code !== code) return undefined;
    return { mark: hit.mark, value: await parseKept<T>(hit.rows), ...(hit.extra !== undefined && { extra: hit.extra }) };
  } catch {
    return undefined;
  }
}

async function parseKept<T>(rows: string | string[]): Promise<T> {
  if (typeof rows === 'string') return JSON.parse(rows) as T;
  const value: unknown[] = [];
  for (const [i, part] of rows.entries()) {
    // Each part in a task of its own: messages waiting for the thread are handled in between.
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    for (const row of JSON.parse(part) as unknown[]) value.push(row);
  }
  return value as T;
}

/** The JSON kept for a value: a list of rows in parts of PART_ROWS, anything else whole. */
function keptJson(value: unknown): string | string[] {
  if (!Array.isArray(value)) return JSON.stringify(value);
  const parts: string[] = [];
  for (let at = 0; at < value.length; at += PART_ROWS) parts.push(JSON.stringify(value.slice(at, at + PART_ROWS)));
  return parts;
}

/** Keeps `value` as exact at `mark`; a full disk or a blocked store leaves the next start to read the tables. */
export async function keepValue<T>(store: KeptIndexDb, id: string, code: string, kept: Kept<T>): Promise<void> {
  try {
    await store.indexes.put({ id, code, mark: kept.mark, rows: keptJson(kept.value), ...(kept.extra !== undefined && { extra: kept.extra }) });
  } catch {
    // Nothing lost: the value is derived from the ledger again.
  }
}
