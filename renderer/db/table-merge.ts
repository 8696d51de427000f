// A restore's replace writes only what differs. A table is made equal to the backup's rows by
// comparing them, page by page, with the rows stored under the same keys: a row stored exactly as
// in the file is left alone, a changed or missing one is put, and a stored row the file does not
// have is deleted. Restoring yesterday's backup over today's ledger then writes the day's changes,
// not the whole database again: IndexedDB's cost is per row written (and LevelDB's reads stay slow
// after a whole database was deleted and written again until it compacts, see README).
//
// The app's backups list every table by primary key, so each page continues where the last one
// ended: the rows stored between the two pages' last keys are read with one range read and merged
// with the page. From a page out of that order on (a file written otherwise), the rest of the
// table is compared key by key and its keys are kept; at the end, the stored rows above the last
// key reached in order that the file does not have are deleted. Whatever the order, every row of
// the file ends up stored as in the file. That the table holds nothing else is checked by
// counting: the file's keys are unique (the reader refuses a duplicate), so a table holding
// exactly as many rows as the file lists holds nothing else.
//
// A restore that has just written a snapshot of the stored rows, in its own transaction, knows
// them byte for byte: the file's pages from the table's start that equal the snapshot's (the
// same prefix) are taken as they are (`known`), with nothing read or written.
import { cmp, type Table } from 'dexie';
import { BackupError, idKeyOf, type BackupTable } from '@shared/backup/format';
import type { Row } from '@shared/backup/rows';

/** What writing one page changed. */
export interface PageWrites {
  put: number;
  deleted: number;
}

/**
 * Same row: the same JSON text (a row read back from the database keeps its keys' order). Values
 * JSON cannot tell apart (a key holding undefined and no key, NaN and null) are left as stored;
 * the app stores only what JSON carries, and a backup holds nothing else.
 */
const sameRow = (stored: Row, row: Row): boolean => JSON.stringify(stored) === JSON.stringify(row);

export class TableMerge {
  private readonly key: 'id' | 'seq';
  /** The highest key up to which the stored rows were merged with the file's (in key order). */
  private reached: unknown;
  private started = false;
  /** The keys of the pages from the first one out of order on (undefined while all were in order). */
  private unordered: Set<unknown> | undefined;
  /** Rows of the file seen so far. */
  private rows = 0;
  /** Whether every page so far was known (see `known`). */
  private knownOnly = true;

  constructor(
    readonly name: BackupTable,
    private readonly table: Table<Row, unknown, unknown>,
  ) {
    this.key = idKeyOf(name);
  }

  /**
   * Compares one page of the file's rows with the stored ones and starts writing the differences.
   * Resolves, once the stored rows are read and compared, to the writes (still going on; awaiting
   * them throws a failed write).
   */
  async page(rows: readonly Row[]): Promise<{ writes: Promise<PageWrites> }> {
    this.knownOnly = false;
    this.rows += rows.length;
    if (rows.length === 0) return { writes: Promise.resolve({ put: 0, deleted: 0 }) };
    const sorted = inKeyOrder(rows, this.key);
    const first = sorted[0]![this.key];
    const last = sorted[sorted.length - 1]![this.key];
    const put: Row[] = [];
    const deleted: unknown[] = [];
    if (this.started && !this.unordered && cmp(first, this.reached) <= 0) this.unordered = new Set();
    if (!this.unordered) {
      const range = this.started ? this.table.where(':id').between(this.reached, last, false, true) : this.table.where(':id').belowOrEqual(last);
      const stored = await range.toArray();
      this.started = true;
      this.reached = last;
      let s = 0;
      for (const row of sorted) {
        const id = row[this.key];
        // Stored rows before this one that the file does not have.
        while (s < stored.length && cmp(stored[s]![this.key], id) < 0) deleted.push(stored[s++]![this.key]);
        if (s < stored.length && cmp(stored[s]![this.key], id) === 0) {
          if (!sameRow(stored[s]!, row)) put.push(row);
          s += 1;
        } else put.push(row);
      }
      while (s < stored.length) deleted.push(stored[s++]![this.key]);
    } else {
      const keys = sorted.map((row) => row[this.key]);
      for (const key of keys) this.unordered.add(key);
      const stored = await this.table.bulkGet(keys);
      sorted.forEach((row, i) => {
        const was = stored[i];
        if (!was || !sameRow(was, row)) put.push(row);
      });
    }
    const writes = Promise.all([deleted.length > 0 && this.table.bulkDelete(deleted), put.length > 0 && this.table.bulkPut(put)]).then(() => ({
      put: put.length,
      deleted: deleted.length,
    }));
    // Awaited by the caller; a failure must not be reported as unhandled before then.
    writes.catch(() => undefined);
    return { writes };
  }

  /**
   * The file's next `rows` rows are the stored rows up to the key `last` and no others, exactly as
   * stored: what the caller knows when the file's table up to there holds the same bytes as a
   * backup of the stored rows written in this transaction. Only while every page before was known
   * too, so the stored rows up to `last` are these and the ones known before.
   */
  known(rows: number, last: unknown): void {
    if (!this.knownOnly || (this.started && cmp(last, this.reached) <= 0)) throw new Error(`table ${this.name}: a known page after another kind of page, or out of order`);
    this.rows += rows;
    this.started = true;
    this.reached = last;
  }

  /**
   * Deletes the stored rows the file does not have after the last key reached in order (all of
   * them when the file has no row of this table) and checks that the table now holds exactly the
   * file's rows. Throws a BackupError when it does not (the transaction is then rolled back).
   */
  async finish(): Promise<number> {
    let deleted: number;
    if (!this.started) deleted = await clearCounted(this.table);
    else if (!this.unordered) deleted = await this.table.where(':id').above(this.reached).delete();
    else {
      const kept = this.unordered;
      const extra = (await this.table.where(':id').above(this.reached).primaryKeys()).filter((key) => !kept.has(key));
      await this.table.bulkDelete(extra);
      deleted = extra.length;
    }
    const count = await this.table.count();
    if (count !== this.rows) throw new BackupError('恢复时数据核对不一致，未做任何更改。请重新选择备份文件后再试。', `table ${this.name}: ${count} rows stored after the merge, ${this.rows} in the file`);
    return deleted;
  }
}

async function clearCounted(table: Table<Row, unknown, unknown>): Promise<number> {
  const count = await table.count();
  await table.clear();
  return count;
}

/** The rows in primary-key order (the same array when they already are). */
function inKeyOrder(rows: readonly Row[], key: 'id' | 'seq'): readonly Row[] {
  for (let i = 1; i < rows.length; i++) {
    if (cmp(rows[i - 1]![key], rows[i]![key]) >= 0) return [...rows].sort((a, b) => cmp(a[key], b[key]));
  }
  return rows;
}
