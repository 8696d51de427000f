// Where the ledger stands, told by its audit chain. Every write of a record appends an entry
// naming the table and the record in the same transaction (repository.ts, imports, merges, the
// demo data), and a restore appends one entry about the whole database. So data derived from the
// ledger when the chain ended at entry S (the start page's figures, the registers' indexes) is
// brought up to date by the records the entries after S name, and it is exact once it has re-read
// them. A chain that no longer holds entry S as it was (a restore replaced the log) leaves nothing
// to catch up from.
import type { LedgerDb } from './schema';
import type { DbTable } from '@shared/domain/tables';
import { DB_TABLES } from '@shared/domain/tables';

/** The chain's last entry: its position and hash (0 and '' for an empty chain). */
export interface LedgerMark {
  seq: number;
  hash: string;
}

/** Changed record ids per table; 'all' when an entry is about the whole database (a restore). */
export type ChangedIds = Partial<Record<DbTable, string[] | 'all'>>;

export async function ledgerMark(db: LedgerDb): Promise<LedgerMark> {
  const last = await db.auditLog.orderBy('seq').last();
  return { seq: last?.seq ?? 0, hash: last?.hash ?? '' };
}

/** The mark as text, e.g. for a cache key. */
export function markText(mark: LedgerMark): string {
  return `${mark.seq}|${mark.hash}`;
}

const TABLES: ReadonlySet<string> = new Set(DB_TABLES);

/**
 * The records written since `mark`, and the mark they bring the ledger to, read in one
 * transaction; undefined when the chain no longer continues from `mark` or more than `limit`
 * entries follow it (reading the tables again is then cheaper than catching up).
 */
export async function changesSince(db: LedgerDb, mark: LedgerMark, limit: number): Promise<{ changes: ChangedIds; mark: LedgerMark } | undefined> {
  return db.transaction('r', db.auditLog, async () => {
    if (mark.seq > 0 && (await db.auditLog.get(mark.seq))?.hash !== mark.hash) return undefined;
    const entries = await db.auditLog.where('seq').above(mark.seq).limit(limit + 1).toArray();
    if (entries.length > limit) return undefined;
    const changes: ChangedIds = {};
    for (const entry of entries) {
      if (!TABLES.has(entry.table)) {
        // An entry about the whole database: every table may differ.
        for (const table of DB_TABLES) changes[table] = 'all';
        continue;
      }
      const table = entry.table as DbTable;
      const ids = changes[table];
      if (ids === 'all') continue;
      if (ids) ids.push(entry.recordId);
      else changes[table] = [entry.recordId];
    }
    for (const [table, ids] of Object.entries(changes)) if (ids !== 'all') changes[table as DbTable] = [...new Set(ids)];
    const last = entries.at(-1);
    return { changes, mark: last ? { seq: last.seq!, hash: last.hash } : mark };
  });
}
