// Parsing and shape checks of a table's rows, shared by the writer (never write what the reader
// would refuse) and the reader (never hand a restore anything but plain objects with valid ids).
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
