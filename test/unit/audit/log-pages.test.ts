// 审计日志 导出 over a long log: read a page at a time in seq order, the sheet still holds every
// entry, oldest first, as the one-shot export did.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerDb } from '../../../renderer/db/schema';
import { auditLogSheet, eachLogPage } from '../../../renderer/features/audit/log-pages';
import { auditTable } from '../../../renderer/features/export/list-tables';
import type { AuditEntry } from '../../../shared/domain/audit';
import { logReads, type ReadLog } from '../db/read-log';

let db: LedgerDb;
let reads: ReadLog;
let n = 0;
const label = (a: AuditEntry['action']) => ({ create: '新建', update: '修改', delete: '删除', restore: '恢复', merge: '合并导入' })[a];

beforeEach(async () => {
  db = new LedgerDb(`audit-pages-test-${++n}`);
  reads = logReads(db);
  await db.open();
  const entries: AuditEntry[] = Array.from({ length: 4_500 }, (_, i) => ({
    at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    operator: i % 2 ? '王𠮷' : '李赟',
    table: i % 3 ? 'platforms' : 'people',
    recordId: `R${i % 50}`,
    recordName: `记录${i % 50}`,
    action: i % 5 ? 'update' : 'create',
    changes: { name: [`旧名${i}`, `新名${i}`] },
    prevHash: '',
    hash: `h${i}`,
  }));
  await db.auditLog.bulkAdd(entries);
  reads.records.clear();
  reads.largest.clear();
});

afterEach(async () => {
  await db.delete();
});

describe('the audit log a page at a time', () => {
  it('exports every entry in seq order, never reading more than a page at once', async () => {
    const sheet = await auditLogSheet(db, label);
    expect(reads.largest.get('auditLog')).toBe(2_000);
    const whole = auditTable(await db.auditLog.orderBy('seq').toArray(), label);
    expect(sheet.rows).toHaveLength(4_500);
    expect(sheet).toEqual(whole);
    expect(sheet.rows.map((r) => r[0])).toEqual(Array.from({ length: 4_500 }, (_, i) => i + 1));
  });

  it('hands over pages of the size asked, in order, and nothing for an empty log', async () => {
    const sizes: number[] = [];
    let last = 0;
    await eachLogPage(db, 1_000, (page) => {
      sizes.push(page.length);
      expect(page[0]!.seq).toBe(last + 1);
      last = page[page.length - 1]!.seq!;
    });
    expect(sizes).toEqual([1_000, 1_000, 1_000, 1_000, 500]);
    await db.auditLog.clear();
    const none: number[] = [];
    await eachLogPage(db, 1_000, (page) => none.push(page.length));
    expect(none).toEqual([]);
  });
});
