// Reading many records without cloning a whole table in one request: by id or in primary-key
// order, CHUNK rows per read. Plain Dexie, so the window and the workers share it.
import type { Table } from 'dexie';

/** Records read per request. */
const CHUNK = 2_000;

/** The records with these ids that exist, in the order of `ids`. */
export async function readByIds<T>(table: Table<T, string, unknown>, ids: readonly string[]): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const row of await table.bulkGet(ids.slice(i, i + CHUNK))) if (row !== undefined) out.push(row);
  }
  return out;
}

/** Hands every live (not trashed) record of a table to `visit`, a chunk at a time in primary-key order. */
export async function eachLive<T extends { id: string; deletedAt?: string }>(table: Table<T, string, unknown>, visit: (rows: T[]) => void): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const batch = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(CHUNK).toArray();
    visit(batch.filter((r) => !r.deletedAt));
    if (batch.length < CHUNK) return;
    after = batch[batch.length - 1]!.id;
  }
}

/** Every live record of a table: for an export the clerk clicked. */
export async function readLive<T extends { id: string; deletedAt?: string }>(table: Table<T, string, unknown>): Promise<T[]> {
  const out: T[] = [];
  await eachLive(table, (rows) => out.push(...rows));
  return out;
}
