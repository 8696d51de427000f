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
  const key = idKeyOf(table);
  const seen = new Set<unknown>();
  rows.forEach((row: unknown, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw invalid(table, `table ${table}, row ${index}: not an object`);
    }
    const id = (row as Row)[key];
    const good = key === 'seq' ? Number.isSafeInteger(id) && (id as number) > 0 : typeof id === 'string' && id.length > 0 && id.length <= 255;
    if (!good) throw invalid(table, `table ${table}, row ${index}: ${key} missing or malformed`);
    if (seen.has(id)) throw invalid(table, `table ${table}, row ${index}: duplicate ${key} ${String(id)}`);
    seen.add(id);
  });
  return rows as Row[];
}

/**
 * What a restore relies on beyond the rows' ids, checked while a file is verified so that a file
 * called good is one the app can restore: every record has its bookkeeping fields, the settings
 * table holds at most the app's one 'main' row, and each attachment row records a size and a
 * SHA-256 (the reader compares them with the bytes).
 */
export function checkRestorable(tables: Record<BackupTable, readonly Row[]>): void {
  for (const table of RECORD_TABLES) {
    const bad = tables[table].find((row) => typeof row.createdAt !== 'string' || typeof row.updatedAt !== 'string' || (row.deletedAt != null && typeof row.deletedAt !== 'string'));
    if (bad) {
      throw new BackupError(`备份文件中“${table}”表的记录缺少必要信息，不能恢复。请换用另一份备份。`, `${table}/${String(bad.id)} lacks createdAt/updatedAt`);
    }
  }
  const settings = tables.settings;
  if (settings.length > 1 || settings.some((row) => row.id !== 'main' || typeof row.institutionName !== 'string' || typeof row.profile !== 'object' || row.profile === null)) {
    throw new BackupError('备份文件中的设置记录不符合要求，不能恢复。请换用另一份备份。', `settings: ${settings.length} rows, or not the one 'main' row`);
  }
  const attachment = tables.attachments.find((row) => !Number.isSafeInteger(row.size) || typeof row.sha256 !== 'string');
  if (attachment) throw new BackupError(ATTACHMENT_MISMATCH, `attachment row ${String(attachment.id)} lacks size or sha256`);
}

export const ATTACHMENT_MISMATCH = '备份文件与其中记录的附件信息不一致，不能恢复。请换用另一份备份。';
