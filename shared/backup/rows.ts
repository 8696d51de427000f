// Parsing and shape checks of a table's rows, shared by the writer (never write what the reader
// would refuse) and the reader (never hand a restore anything but plain objects with valid ids).
import { RECORD_TABLES } from '../domain/tables';
import { BackupError, idKeyOf, type BackupTable } from './format';
import { utf8Decode } from './web-platform';

export type Row = Record<string, unknown>;

/** Keys that could reach Object.prototype if a later step merged a row into another object. */
export const HOSTILE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse that drops prototype-polluting keys at every depth (the reviver runs bottom-up). */
export function parseJsonSafely(bytes: Uint8Array): unknown {
  return JSON.parse(utf8Decode(bytes), (key, value: unknown) => (HOSTILE_KEYS.has(key) ? undefined : value));
}

const invalid = (table: string, detail: string) =>
  new BackupError(`备份文件中“${table}”表的内容不符合格式要求，不能使用。请换用另一份备份。`, detail);

/** Checks that `rows` is an array of plain objects with unique, well-formed ids; returns it typed. */
export function checkRows(table: BackupTable, rows: unknown): Row[] {
  if (!Array.isArray(rows)) throw invalid(table, `table ${table}: expected a JSON array`);
  return new RowChecker(table).check(rows);
}

/**
 * checkRows over a table read (or written) in pages: the shape of each row, ids unique across
 * every page, and whether a restore could use the rows (see checkRestorable). Only the ids are
 * kept between pages, never the rows.
 */
export class RowChecker {
  private readonly key: 'id' | 'seq';
  private readonly seen = new Set<unknown>();
  /** Rows checked so far. */
  count = 0;
  /** The first reason a restore could not use these rows, if any (checked by `restorable()`). */
  private unrestorable: BackupError | undefined;

  constructor(readonly table: BackupTable) {
    this.key = idKeyOf(table);
  }

  /** Checks one page of rows (throws the first malformed one); returns the page typed. */
  check(rows: readonly unknown[]): Row[] {
    const { table, key } = this;
    for (const row of rows) {
      const index = this.count;
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        throw invalid(table, `table ${table}, row ${index}: not an object`);
      }
      const id = (row as Row)[key];
      const good = key === 'seq' ? Number.isSafeInteger(id) && (id as number) > 0 : typeof id === 'string' && id.length > 0 && id.length <= 255;
      if (!good) throw invalid(table, `table ${table}, row ${index}: ${key} missing or malformed`);
      if (this.seen.has(id)) throw invalid(table, `table ${table}, row ${index}: duplicate ${key} ${String(id)}`);
      this.seen.add(id);
      this.count += 1;
      if (!this.unrestorable) this.unrestorable = restorableProblem(table, row as Row, this.count);
    }
    return rows as Row[];
  }

  /**
   * Counts `rows` rows that are not checked here: a restore's rows it knows are stored already,
   * byte for byte (their ids are not seen; the restore counts the rows it ends up with).
   */
  skip(rows: number): void {
    this.count += rows;
  }

  /** The ids seen so far. */
  ids(): ReadonlySet<unknown> {
    return this.seen;
  }

  /** Throws the first reason a restore could not use the rows checked so far. */
  restorable(): void {
    if (this.unrestorable) throw this.unrestorable;
  }
}

const RECORD_TABLE_SET: ReadonlySet<string> = new Set(RECORD_TABLES);

/** Why a restore could not use this row (the `count`-th of its table), or undefined. */
function restorableProblem(table: BackupTable, row: Row, count: number): BackupError | undefined {
  if (RECORD_TABLE_SET.has(table) && (typeof row.createdAt !== 'string' || typeof row.updatedAt !== 'string' || (row.deletedAt != null && typeof row.deletedAt !== 'string'))) {
    return new BackupError(`备份文件中“${table}”表的记录缺少必要信息，不能恢复。请换用另一份备份。`, `${table}/${String(row.id)} lacks createdAt/updatedAt`);
  }
  if (table === 'settings' && (count > 1 || row.id !== 'main' || typeof row.institutionName !== 'string' || typeof row.profile !== 'object' || row.profile === null)) {
    return new BackupError('备份文件中的设置记录不符合要求，不能恢复。请换用另一份备份。', `settings: ${count} rows, or not the one 'main' row`);
  }
  if (table === 'attachments' && (!Number.isSafeInteger(row.size) || typeof row.sha256 !== 'string')) {
    return new BackupError(ATTACHMENT_MISMATCH, `attachment row ${String(row.id)} lacks size or sha256`);
  }
  return undefined;
}

/** The order in which a verified file's tables are held to checkRestorable (record tables first). */
export const RESTORABLE_ORDER: readonly BackupTable[] = [...RECORD_TABLES, 'settings'];

/**
 * What a restore relies on beyond the rows' ids, checked while a file is verified so that a file
 * called good is one the app can restore: every record has its bookkeeping fields, the settings
 * table holds at most the app's one 'main' row, and each attachment row records a size and a
 * SHA-256 (the reader compares them with the bytes).
 */
export function checkRestorable(tables: Record<BackupTable, readonly Row[]>): void {
  for (const table of RESTORABLE_ORDER) {
    const checker = new RowChecker(table);
    checker.check(tables[table]);
    checker.restorable();
  }
}

export const ATTACHMENT_MISMATCH = '备份文件与其中记录的附件信息不一致，不能恢复。请换用另一份备份。';
