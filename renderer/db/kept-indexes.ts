// Data derived from the ledger (the registers' indexes, the records the start page computes
// from), kept between sessions in a database of their own (media-ledger-indexes), each with the
// ledger mark it was exact at (ledger-mark.ts) and the code that built it. Reading a kept value is
// reading its JSON text (a list of rows: one record per PART_ROWS rows, each read and parsed in
// tasks of its own); reading its tables again means every record of them (at 100,000 reviews,
// seconds). Derived data: never part of a backup, and whatever goes wrong with it costs only
// time, never a wrong row: the caller catches up from the mark or reads the tables.
import { Dexie, type Table } from 'dexie';
import type { LedgerMark } from './ledger-mark';
import { nextTurn } from '../app/next-turn';

interface KeptIndex {
  /** The value's id; a part of a list: the list's id, '#' and the part's number. */
  id: string;
  /** What built the rows (the worker's file and anything else their content depends on). */
  code: string;
  mark: LedgerMark;
  /** The value as JSON (one string is read and written far faster than as many objects); a list's head has none. */
  rows?: string;
  /** A list's head: how many part records hold its rows. */
  parts?: number;
  /** What else the value was built with (e.g. the rule profile the review states follow). */
  extra?: string;
  /** Which keeping wrote the record: a list's head and parts carry the same one. */
  written?: string;
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
 * Rows of a kept list per record. The index of 100,000 reviews is 34 MB of JSON: in a worker of
 * Chromium 156, parsing it took 807 ms in one task, and reading it as one record (ten texts) 614 ms
 * in one task more, while the register worker answered nothing (平台台账 opened right after the
 * start waited for it). A record of 10,000 rows is read, and parsed, in about a tenth of that, and
 * the worker answers between them.
 */
export const PART_ROWS = 10_000;

const partId = (id: string, part: number) => `${id}#${part}`;

/** The value kept under `id` if `code` built it, else undefined (also when the store cannot be read). */
export async function readKept<T>(store: KeptIndexDb, id: string, code: string): Promise<Kept<T> | undefined> {
  try {
    const head = await store.indexes.get(id);
    if (!head || head.code !== code) return undefined;
    let value: T;
    if (head.parts !== undefined) {
      const rows = await readParts(store, head);
      if (!rows) return undefined;
      value = rows as T;
    } else if (head.rows !== undefined) value = JSON.parse(head.rows) as T;
    else return undefined;
    return { mark: head.mark, value, ...(head.extra !== undefined && { extra: head.extra }) };
  } catch {
    return undefined;
  }
}

/**
 * A list's parts, each read on its own after the one before is parsed, and each parsed in a task
 * of its own: a query posted to the worker meanwhile is answered between two parts. (Asked for all
 * at once, the ten parts of 100,000 reviews arrived one after another, 510 ms of the worker's
 * time in a profile, and a query waited up to 269 ms behind them.) Undefined when a part is
 * missing or belongs to another keeping than the head (`written`: a list kept again while this
 * one was read).
 */
async function readParts(store: KeptIndexDb, head: KeptIndex): Promise<unknown[] | undefined> {
  const value: unknown[] = [];
  for (let i = 0; i < head.parts!; i++) {
    const part = await store.indexes.get(partId(head.id, i));
    if (part?.rows === undefined || part.code !== head.code || part.written !== head.written) return undefined;
    await nextTurn();
    for (const row of JSON.parse(part.rows) as unknown[]) value.push(row);
  }
  return value;
}

/** Keeps `value` as exact at `mark`; a full disk or a blocked store leaves the next start to read the tables. */
export async function keepValue<T>(store: KeptIndexDb, id: string, code: string, kept: Kept<T>): Promise<void> {
  const written = `${Date.now()}-${Math.random()}`;
  const head: KeptIndex = { id, code, mark: kept.mark, written, ...(kept.extra !== undefined && { extra: kept.extra }) };
  const parts: KeptIndex[] = [];
  const value: unknown = kept.value;
  if (Array.isArray(value)) {
    // A part's text per task: the worker answers between them (100,000 reviews are ten parts, 34 MB of JSON).
    for (let at = 0; at < value.length; at += PART_ROWS) {
      if (at > 0) await nextTurn();
      parts.push({ id: partId(id, parts.length), code, mark: kept.mark, written, rows: JSON.stringify(value.slice(at, at + PART_ROWS)) });
    }
    head.parts = parts.length;
  } else head.rows = JSON.stringify(value);
  try {
    await store.transaction('rw', store.indexes, async () => {
      // The parts of what was kept before (a longer list leaves more).
      await store.indexes.where(':id').between(`${id}#`, `${id}#\uffff`).delete();
      await store.indexes.bulkPut([head, ...parts]);
    });
  } catch {
    // Nothing lost: the value is derived from the ledger again.
  }
}
