// One list of tables (shared/domain/tables.ts): the Dexie schema declares exactly those tables
// (and, apart from them, the store of the scans' bytes), the backup carries exactly those, and
// every table has its one Chinese name.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerDb, STORAGE_STORES, STORES_V1, STORES_V2 } from '../../../renderer/db/schema';
import { BACKUP_TABLES } from '../../../shared/backup/format';
import { DB_TABLES, RECORD_TABLES, TABLE_LABELS, tableLabel } from '../../../shared/domain/tables';

const sorted = (names: Iterable<string>) => [...names].sort();
let db: LedgerDb | undefined;

afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('the tables of the database', () => {
  it('schema tables == backup tables == the one list (record tables, then the audit log and settings)', async () => {
    expect([...DB_TABLES]).toEqual([...RECORD_TABLES, 'auditLog', 'settings']);
    expect([...BACKUP_TABLES]).toEqual([...DB_TABLES]);
    expect(sorted(Object.keys(STORES_V1))).toEqual(sorted(DB_TABLES));
    expect(sorted(Object.keys(STORES_V2))).toEqual(sorted(DB_TABLES));
    db = new LedgerDb('tables-test');
    await db.open();
    // The scans' bytes (by their hash) are stored apart; a backup holds them with their rows.
    expect(Object.keys(STORAGE_STORES)).toEqual(['scanBytes']);
    expect(sorted(db.tables.map((t) => t.name))).toEqual(sorted([...DB_TABLES, ...Object.keys(STORAGE_STORES)]));
    expect(sorted(db.backendDB().objectStoreNames)).toEqual(sorted([...DB_TABLES, ...Object.keys(STORAGE_STORES)]));
  });

  it('names every table once, 平台台账 as in the menu, the audit log and trash alike', () => {
    expect(sorted(Object.keys(TABLE_LABELS))).toEqual(sorted(RECORD_TABLES));
    expect(DB_TABLES.map(tableLabel)).toEqual([...RECORD_TABLES.map((t) => TABLE_LABELS[t]), '审计日志', '设置']);
    expect(new Set(Object.values(TABLE_LABELS)).size).toBe(RECORD_TABLES.length);
    expect(tableLabel('platforms')).toBe('平台台账');
    expect(tableLabel('database')).toBe('全部数据');
    expect(tableLabel('constructor')).toBe('constructor');
  });
});
