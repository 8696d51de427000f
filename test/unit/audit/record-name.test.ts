// The audit log names the record: the display name is kept in the entry at write time (so it
// survives deletion), covered by the hash for new entries, while entries written before the name
// existed still verify; changed fields read in Chinese with their values before → after.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerDb } from '../../../renderer/db/schema';
import { createRecord, saveSettings, softDelete, updateRecord } from '../../../renderer/db/repository';
import { entryHash, sealEntry, verifyChain } from '../../../shared/audit/hash-chain';
import { canonicalJson, sha256Hex } from '../../../shared/domain/canonical-json';
import { changeLines, describeChange, recordDisplayName } from '../../../shared/audit/record-labels';
import type { Person } from '../../../shared/domain/person';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { Platform } from '../../../shared/domain/platform';
import type { Unit } from '../../../shared/domain/unit';
import { PRESET_PROFILES } from '../../../shared/profiles/presets';

let db: LedgerDb;
let n = 0;

beforeEach(async () => {
  db = new LedgerDb(`audit-name-test-${++n}`);
  await db.open();
  await saveSettings(db, { institutionName: '东湖示范大学', profileId: PRESET_PROFILES[0]!.id, profile: PRESET_PROFILES[0]!, operatorName: '王𠮷' });
});

afterEach(async () => {
  await db.delete();
});

describe('the record named in the audit log', () => {
  it('keeps the name of a record through edit and deletion, and the chain verifies', async () => {
    const unit = await createRecord<Unit>(db, 'units', { name: '宣传部', kind: '职能部门' });
    await updateRecord<Unit>(db, 'units', unit.id, { name: '党委宣传部' });
    await softDelete(db, 'units', unit.id);
    const log = await db.auditLog.where('recordId').equals(unit.id).sortBy('seq');
    expect(log.map((e) => [e.action, e.recordName])).toEqual([
      ['create', '宣传部'],
      ['update', '党委宣传部'],
      ['delete', '党委宣传部'],
    ]);
    expect(verifyChain(await db.auditLog.orderBy('seq').toArray())).toEqual({ ok: true, count: 4 });
  });

  it('covers the name by the hash: changing it afterwards breaks the chain at that entry', async () => {
    await createRecord<Unit>(db, 'units', { name: '宣传部', kind: '职能部门' });
    const entries = await db.auditLog.orderBy('seq').toArray();
    const forged = entries.map((e) => (e.table === 'units' ? { ...e, recordName: '图书馆' } : e));
    expect(verifyChain(forged)).toMatchObject({ ok: false, brokenAt: entries[1]!.seq });
  });

  it('still verifies entries written before the name existed, hashed without it', () => {
    // The hash exactly as it was computed before recordName was added.
    const oldHash = (e: Omit<AuditEntry, 'hash' | 'seq'>) =>
      sha256Hex(canonicalJson({ at: e.at, operator: e.operator, table: e.table, recordId: e.recordId, action: e.action, changes: e.changes, prevHash: e.prevHash }));
    const first = { at: '2025-01-01T00:00:00.000Z', operator: '王𠮷', table: 'units', recordId: 'u1', action: 'create' as const, changes: { name: [null, '宣传部'] as [unknown, unknown] }, prevHash: '0'.repeat(64) };
    const old1: AuditEntry = { ...first, seq: 1, hash: oldHash(first) };
    expect(entryHash(old1)).toBe(old1.hash);
    const next = sealEntry({ at: '2025-01-02T00:00:00.000Z', operator: '王𠮷', table: 'units', recordId: 'u1', recordName: '宣传部', action: 'update', changes: { note: [null, '新'] } }, old1.hash);
    expect(verifyChain([old1, { ...next, seq: 2 }])).toEqual({ ok: true, count: 2 });
  });

  it('names records by what the clerk knows them by, and fields in Chinese with before → after', () => {
    expect(recordDisplayName('platforms', { name: '东湖示范大学宣传部' } satisfies Partial<Platform>)).toBe('东湖示范大学宣传部');
    expect(recordDisplayName('envelopes', { number: 'MF-2026-003' })).toBe('信封 MF-2026-003');
    expect(recordDisplayName('inspections', { year: 2026 })).toBe('2026年度检查');
    const names = new Map([['u1', '宣传部'], ['u2', '图书馆']]);
    expect(describeChange('platforms', 'hostUnitId', ['u1', 'u2'], { name: (id) => names.get(id) })).toBe('主办单位：宣传部 → 图书馆');
    expect(describeChange('platforms', 'deletedAt', [null, '2026-06-15T02:00:00.000Z'])).toBe('回收站：（空） → 已移入回收站（2026-06-15）');
    // A change the summary of a value leaves out still shows as a change.
    expect(describeChange('settings', 'profile', [{ name: '高校', timeZone: 'Asia/Shanghai' }, { name: '高校', timeZone: 'Asia/Urumqi' }])).toBe('规则方案内容：高校 → 高校（其中细节有改动）');
    expect(describeChange('settings', 'profile', [null, { name: '高校' }])).toBe('规则方案内容：（空） → 高校');
    // An id the page has no name for reads as it is.
    expect(describeChange('platforms', 'hostUnitId', [null, 'u9'], { name: (id) => names.get(id) })).toBe('主办单位：（空） → u9');
  });

  it("lists a new record's fields without its own id, each as its table names it", async () => {
    const person = await createRecord<Person>(db, 'people', { name: '王𠮷', title: '科长', rank: '科级', isTeacher: true, status: '在岗' });
    const [created] = await db.auditLog.where('recordId').equals(person.id).toArray();
    expect(Object.keys(created!.changes)).toContain('id');
    const lines = changeLines(created!);
    expect(lines.map((l) => l.field)).not.toContain('id');
    expect(lines.map((l) => l.text)).toEqual(expect.arrayContaining(['姓名：（空） → 王𠮷', '职务/岗位：（空） → 科长', '职级：（空） → 科级']));
  });

  it('names a platform’s accountId for its kind where the entry holds the kind', () => {
    const lines = (changes: Record<string, readonly [unknown, unknown]>) => changeLines({ table: 'platforms', changes }).map((l) => l.text);
    expect(lines({ kind: [undefined, 'QQ群'], accountId: [undefined, '123456'] })).toContain('群号：（空） → 123456');
    expect(lines({ kind: [undefined, '官方网站'], accountId: [undefined, 'https://www.dhsf.edu.cn'] })).toContain('网址：（空） → https://www.dhsf.edu.cn');
    // A deleted record's kind is its kind before; a change of kind names the field by the new one.
    expect(lines({ kind: ['微信公众号', undefined], accountId: ['dhsf', undefined] })).toContain('微信号/原始ID：dhsf → （空）');
    expect(lines({ kind: ['微博', '钉钉群'], accountId: ['weibo-1', 'dd-1'] })).toContain('群号：weibo-1 → dd-1');
    // An edit of the id alone does not say the kind: the field's own label.
    expect(lines({ accountId: ['1', '2'] })).toEqual(['账号 / 微信号 / 网址：1 → 2']);
    expect(changeLines({ table: 'people', changes: { name: ['甲', '乙'] } })[0]!.text).toBe('姓名：甲 → 乙');
  });
});
