// 回收站 read without loading the trash: a page of the list merges the record tables' `deletedAt`
// index keys (deletion time + id, no records) newest first and reads only the records shown, for
// their names; the totals come from counting the index. The export reads every trashed record,
// table by table in chunks, when the clerk asks for it.
import type { Table } from 'dexie';
import { RECORD_TABLES, type RecordTable } from '@shared/domain/tables';
import { recordDisplayName } from '@shared/audit/record-labels';
import { eachByIds } from './chunked-reads';
import type { LedgerDb } from './schema';

/** One line of the trash: which record, its name, and when it was deleted. */
export interface TrashRow {
  table: RecordTable;
  id: string;
  label: string;
  deletedAt: string;
}

/** One page of the trash, newest deletion first across the record tables. */
export interface TrashPage {
  /** The page shown (1-based): the one asked for, or the last one when fewer pages remain. */
  page: number;
  /** Trashed records in all record tables. */
  total: number;
  rows: TrashRow[];
}

type TrashedRecord = { id: string; deletedAt?: string } & Record<string, unknown>;
type TrashKey = Omit<TrashRow, 'label'>;

/** The name a trashed record is listed by: the one the audit log names it by, else its id. */
export function trashLabel(table: RecordTable, record: TrashedRecord): string {
  return recordDisplayName(table, record) ?? record.id;
}

function recordTable(db: LedgerDb, table: RecordTable): Table<TrashedRecord, string> {
  return db.table<TrashedRecord, string>(table);
}

/** A table's trashed records, by the `deletedAt` index (a live record has none, so is not in it). */
function trashed(db: LedgerDb, table: RecordTable) {
  return recordTable(db, table).where('deletedAt').above('');
}

const TABLE_ORDER = new Map<string, number>(RECORD_TABLES.map((t, i) => [t, i]));

/**
 * Newest deletion first; records deleted at the same moment by table (in the order of the record
 * tables), then by id descending, which is the order a table's reversed `deletedAt` index gives.
 */
function newestFirst(a: TrashKey, b: TrashKey): number {
  if (a.deletedAt !== b.deletedAt) return a.deletedAt < b.deletedAt ? 1 : -1;
  if (a.table !== b.table) return TABLE_ORDER.get(a.table)! - TABLE_ORDER.get(b.table)!;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function rowOf(table: RecordTable, record: TrashedRecord): TrashRow {
  return { table, id: record.id, label: trashLabel(table, record), deletedAt: record.deletedAt ?? '' };
}

/**
 * One page of the trash. The rows of page p are among the newest p × pageSize of each table, so
 * each table hands over at most that many index keys; only the page's records are read.
 */
export function readTrashPage(db: LedgerDb, page: number, pageSize: number): Promise<TrashPage> {
  const tables = RECORD_TABLES.map((t) => recordTable(db, t));
  return db.transaction('r', tables, async () => {
    const counts = await Promise.all(RECORD_TABLES.map((t) => trashed(db, t).count()));
    const total = counts.reduce((sum, n) => sum + n, 0);
    const shown = Math.min(Math.max(1, Math.floor(page)), Math.max(1, Math.ceil(total / pageSize)));
    const end = shown * pageSize;
    const keys: TrashKey[] = [];
    await Promise.all(
      RECORD_TABLES.map((table, i) =>
        counts[i] === 0
          ? undefined
          : trashed(db, table)
              .reverse()
              .limit(end)
              .eachKey((deletedAt, cursor) => void keys.push({ table, id: cursor.primaryKey, deletedAt: String(deletedAt) })),
      ),
    );
    const onPage = keys.sort(newestFirst).slice(end - pageSize, end);
    const byTable = new Map<RecordTable, string[]>();
    for (const k of onPage) byTable.set(k.table, [...(byTable.get(k.table) ?? []), k.id]);
    const labels = new Map<string, string>();
    await Promise.all(
      [...byTable].map(async ([table, ids]) => {
        const records = await recordTable(db, table).bulkGet(ids);
        for (const r of records) if (r) labels.set(`${table}/${r.id}`, trashLabel(table, r));
      }),
    );
    const rows = onPage.map((k) => ({ ...k, label: labels.get(`${k.table}/${k.id}`) ?? k.id }));
    return { page: shown, total, rows };
  });
}

/** Every trashed record, newest deletion first: for an export the clerk clicked. */
export async function readTrash(db: LedgerDb): Promise<TrashRow[]> {
  const out: TrashRow[] = [];
  for (const table of RECORD_TABLES) {
    const ids = await trashed(db, table).primaryKeys();
    // Read in chunks outside one transaction: a record restored meanwhile is left out.
    await eachByIds(recordTable(db, table), ids, (records) => {
      for (const r of records) if (r.deletedAt) out.push(rowOf(table, r));
    });
  }
  return out.sort(newestFirst);
}
