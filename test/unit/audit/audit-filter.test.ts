// 审计日志's filters: each keeps exactly the entries its conditions name, newest first, whichever
// index serves it; a filter the index answers alone (a record, a table, a range of days) is counted
// by the index without reading an entry, and pages are read without the entries before them.
import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/database';
import { auditEntries, countEntries, type AuditFilter } from '../../../renderer/features/audit/audit-filter';
import type { AuditEntry } from '../../../shared/domain/audit';
import { dayBounds } from '../../../shared/domain/time-zone';
import { logReads, type ReadLog } from '../db/read-log';

const TZ = 'Asia/Shanghai';
const ENTRIES = 3_000;
let reads: ReadLog;

const entry = (i: number): AuditEntry => ({
  // About three hours apart, over a year: days begin at 16:00 UTC on the institution's clock.
  at: new Date(Date.UTC(2025, 0, 1) + i * 10_700_000).toISOString(),
  operator: ['王𠮷', '李赟', '宣传部王芳'][i % 3]!,
  table: ['platforms', 'people', 'reviews', 'units'][i % 4]!,
  recordId: `R${i % 37}`,
  recordName: `记录${i % 37}`,
  action: 'update',
  changes: {},
  prevHash: '',
  hash: `h${i}`,
});

/** What a filter keeps, by its conditions on each entry, newest first. */
function expected(all: readonly AuditEntry[], f: AuditFilter): number[] {
  const from = f.from ? dayBounds(f.from, TZ).from : undefined;
  const to = f.to ? dayBounds(f.to, TZ).to : undefined;
  return all
    .filter((e) => (!f.recordId || e.recordId === f.recordId) && (!f.table || e.table === f.table) && (!f.operator || e.operator.includes(f.operator)) && (!from || e.at >= from) && (!to || e.at <= to))
    .map((e) => e.seq!)
    .sort((a, b) => b - a);
}

beforeAll(async () => {
  reads = logReads(db);
  await db.delete();
  await db.open();
  await db.auditLog.bulkAdd(Array.from({ length: ENTRIES }, (_, i) => entry(i)));
});

beforeEach(() => {
  for (const log of Object.values(reads)) log.clear();
});

describe('auditEntries', () => {
  const filters: AuditFilter[] = [
    {},
    { recordId: 'R5' },
    { table: 'reviews' },
    { operator: '王' },
    { from: '2025-03-01', to: '2025-03-31' },
    { from: '2025-06-15' },
    { to: '2025-01-10' },
    { recordId: 'R5', table: 'people' },
    { table: 'platforms', operator: '李', from: '2025-02-01', to: '2025-08-31' },
    { operator: '宣传部', to: '2025-05-01' },
  ];

  it('keeps what each filter names, newest first, whichever index serves it', async () => {
    const all = await db.auditLog.toArray();
    for (const f of filters) {
      const want = expected(all, f);
      const got = (await auditEntries(db, f, TZ).toArray()).map((e) => e.seq!);
      // An index keeps seq order within its key; the page sorts newest first whichever index served it.
      expect([...got].sort((a, b) => b - a), JSON.stringify(f)).toEqual(want);
      expect(await auditEntries(db, f, TZ).count(), JSON.stringify(f)).toBe(want.length);
      if (!f.from && !f.to) expect(got, JSON.stringify(f)).toEqual(want);
    }
  });

  it('counts a record’s, a table’s or a range of days’ entries by the index, reading none', async () => {
    for (const f of [{}, { recordId: 'R5' }, { table: 'reviews' }, { from: '2025-03-01', to: '2025-03-31' }] satisfies AuditFilter[]) {
      reads.records.clear();
      expect(await auditEntries(db, f, TZ).count()).toBeGreaterThan(0);
      expect(reads.records.get('auditLog') ?? [], JSON.stringify(f)).toEqual([]);
    }
    // A condition the index does not answer is checked on each entry the index covers.
    reads.records.clear();
    await auditEntries(db, { table: 'reviews', operator: '王' }, TZ).count();
    expect(reads.records.get('auditLog')?.length).toBe(ENTRIES / 4);
  });

  it('reads a later page of a table’s entries without the entries before it', async () => {
    const page = await auditEntries(db, { table: 'reviews' }, TZ).offset(500).limit(50).toArray();
    // The page's entries (and the one the cursor stops on), not the 500 before them.
    expect(reads.records.get('auditLog')?.length).toBeLessThanOrEqual(51);
    expect(page.map((e) => e.seq)).toEqual(expected(await db.auditLog.toArray(), { table: 'reviews' }).slice(500, 550));
  });

  it('ends a walk that checks entries once told it is not wanted, and never turns a count by the index into a walk', async () => {
    // 操作员 alone: every entry is checked. Told to stop after 100 entries, it reads no further.
    let asked = 0;
    const partial = await auditEntries(db, { operator: '王' }, TZ, () => ++asked > 100).count();
    expect(reads.records.get('auditLog')?.length).toBeLessThanOrEqual(101);
    expect(partial).toBeLessThan(expected(await db.auditLog.toArray(), { operator: '王' }).length);
    // A table alone is counted by its index whatever the stop says: no entry read, the whole count.
    reads.records.clear();
    expect(await auditEntries(db, { table: 'reviews' }, TZ, () => true).count()).toBe(ENTRIES / 4);
    expect(reads.records.get('auditLog') ?? []).toEqual([]);
    // Not told to stop, the walk is whole.
    expect(await auditEntries(db, { operator: '王' }, TZ, () => false).count()).toBe(expected(await db.auditLog.toArray(), { operator: '王' }).length);
  });

  it('counts the whole log a slice of seqs at a time, and stops between slices when told', async () => {
    expect(await countEntries(db, {}, TZ, undefined, 700)).toBe(ENTRIES);
    expect(await countEntries(db, {}, TZ, undefined, ENTRIES)).toBe(ENTRIES);
    expect(await countEntries(db, {}, TZ, undefined, 1)).toBe(ENTRIES);
    let slices = 0;
    expect(await countEntries(db, {}, TZ, () => ++slices > 2, 700)).toBe(1_400);
    // A filter is counted as before: by its index, or by its walk.
    expect(await countEntries(db, { table: 'reviews' }, TZ)).toBe(ENTRIES / 4);
    expect(reads.records.get('auditLog') ?? []).toEqual([]);
  });

  it('counts the whole log in as many requests as it has slices of entries, whatever gaps its seqs have', async () => {
    // A restore keeps the seqs of the backup, which may be any positive whole numbers.
    const far = [80_000_000, Number.MAX_SAFE_INTEGER];
    await db.auditLog.bulkAdd(far.map((seq, i) => ({ ...entry(ENTRIES + i), seq })));
    try {
      reads.keys.clear();
      expect(await countEntries(db, {}, TZ, undefined, 700)).toBe(ENTRIES + 2);
      // Four slices of 700 and what is left: the cursor stands on each slice's first key and jumps to its
      // last (two keys a slice, not 700), and no entry is read.
      expect(reads.keys.get('auditLog')?.length).toBeLessThanOrEqual(10);
      expect(reads.records.get('auditLog') ?? []).toEqual([]);
      expect(await countEntries(db, {}, TZ, undefined, 1)).toBe(ENTRIES + 2);
    } finally {
      await db.auditLog.bulkDelete(far);
    }
  });
});
