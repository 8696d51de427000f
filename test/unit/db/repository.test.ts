import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerDb } from '../../../renderer/db/schema';
import { createRecord, restoreRecord, RuleError, savePlatform, saveSettings, softDelete, updateRecord } from '../../../renderer/db/repository';
import { sealEntry, verifyChain } from '../../../shared/audit/hash-chain';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import type { Person } from '../../../shared/domain/person';
import type { Unit } from '../../../shared/domain/unit';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { Platform } from '../../../shared/domain/platform';
import type { Draft } from '../../../shared/domain/common';
import { PRESET_PROFILES } from '../../../shared/profiles/presets';
import { logReads, type ReadLog } from './read-log';

let db: LedgerDb;
let n = 0;
let reads: ReadLog;

beforeEach(async () => {
  db = new LedgerDb(`repo-test-${++n}`);
  reads = logReads(db);
  await db.open();
  await saveSettings(db, {
    institutionName: '东湖示范大学',
    profileId: PRESET_PROFILES[0]!.id,
    profile: PRESET_PROFILES[0]!,
    operatorName: '王𠮷',
  });
});

afterEach(async () => {
  await db.delete();
});

describe('repository', () => {
  it('creates a record with id and timestamps and logs it under the operator', async () => {
    const unit = await createRecord<Unit>(db, 'units', { name: '图书馆', kind: '直属单位' });
    expect(unit.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(await db.units.get(unit.id)).toMatchObject({ name: '图书馆' });
    const log = await db.auditLog.where('recordId').equals(unit.id).toArray();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'create', operator: '王𠮷', table: 'units' });
    expect(log[0]!.changes.name).toEqual([null, '图书馆']);
  });

  it('records field-level before/after on update and skips the log when nothing changed', async () => {
    const p = await createRecord<Person>(db, 'people', { name: '李堃', isTeacher: true, status: '在岗' });
    await updateRecord<Person>(db, 'people', p.id, { status: '离岗', statusDate: '2026-10-01' });
    await updateRecord<Person>(db, 'people', p.id, { status: '离岗' });
    const log = await db.auditLog.where('recordId').equals(p.id).sortBy('seq');
    expect(log.map((e) => e.action)).toEqual(['create', 'update']);
    expect(log[1]!.changes).toEqual({ status: ['在岗', '离岗'], statusDate: [null, '2026-10-01'] });
  });

  it('soft-deletes to the trash and restores, both audited', async () => {
    const u = await createRecord<Unit>(db, 'units', { name: '校团委', kind: '党组织' });
    await softDelete(db, 'units', u.id);
    expect((await db.units.get(u.id))?.deletedAt).toBeTruthy();
    await restoreRecord(db, 'units', u.id);
    expect((await db.units.get(u.id))?.deletedAt).toBeUndefined();
    const actions = (await db.auditLog.where('recordId').equals(u.id).sortBy('seq')).map((e) => e.action);
    expect(actions).toEqual(['create', 'delete', 'restore']);
  });

  it('keeps a verifiable hash chain and detects a tampered entry', async () => {
    for (const name of ['甲', '乙', '丙']) await createRecord<Unit>(db, 'units', { name, kind: '职能部门' });
    const entries = await db.auditLog.orderBy('seq').toArray();
    expect(verifyChain(entries)).toEqual({ ok: true, count: entries.length });
    const tampered = entries.map((e) => ({ ...e }));
    tampered[2]!.operator = '某人';
    const verdict = verifyChain(tampered);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok === false && verdict.brokenAt).toBe(tampered[2]!.seq);
    const removed = entries.filter((_, i) => i !== 1);
    expect(verifyChain(removed)).toMatchObject({ ok: false, brokenAt: entries[2]!.seq });
  });

  it('reports the first broken entry when entries are reordered, inserted, or the first one is edited or removed', async () => {
    for (const name of ['甲', '乙', '丙', '丁']) await createRecord<Unit>(db, 'units', { name, kind: '职能部门' });
    const entries = await db.auditLog.orderBy('seq').toArray();
    const [first, second, third] = entries as [AuditEntry, AuditEntry, AuditEntry];
    const [secondSeq, thirdSeq] = [second.seq!, third.seq!];

    // Two entries swapped in place (each keeps its content, the positions are exchanged).
    const swapped = entries.map((e) => ({ ...e }));
    swapped[1] = { ...third, seq: second.seq };
    swapped[2] = { ...second, seq: third.seq };
    expect(verifyChain(swapped)).toMatchObject({ ok: false, brokenAt: second.seq, reason: expect.stringContaining('链接不符') });

    // A forged entry chained correctly to the second one and slipped in behind it.
    const forged = { ...sealEntry({ at: second.at, operator: '某人', table: 'units', recordId: 'x', action: 'delete', changes: {} }, second.hash), seq: secondSeq + 0.5 };
    const inserted = [first, second, forged, ...entries.slice(2)];
    expect(verifyChain(inserted)).toMatchObject({ ok: false, brokenAt: secondSeq + 0.5, reason: expect.stringContaining('序号异常') });
    // The same forged entry given the next entry's position instead: caught at that position.
    const displaced = [first, second, { ...forged, seq: third.seq }, ...entries.slice(2).map((e) => ({ ...e, seq: e.seq! + 1 }))];
    expect(verifyChain(displaced)).toMatchObject({ ok: false, brokenAt: thirdSeq + 1 });

    expect(verifyChain([{ ...first, operator: '某人' }, ...entries.slice(1)])).toMatchObject({ ok: false, brokenAt: first.seq, reason: expect.stringContaining('哈希不符') });
    expect(verifyChain(entries.slice(1))).toMatchObject({ ok: false, brokenAt: second.seq });
    // A gap in the positions alone (as a restore leaves one) is no break.
    expect(verifyChain([first, ...entries.slice(1).map((e) => ({ ...e, seq: e.seq! + 10 }))])).toEqual({ ok: true, count: entries.length });
  });

  it('a platform is not restored from the trash beside a live copy of the same account', async () => {
    const base = { kind: '微信公众号', status: '运行中', hostUnitId: 'u1', followers: [], statusHistory: [], sectionAdminIds: [], columns: [], server: { involvesData: false } };
    const old = await createRecord<Platform>(db, 'platforms', { ...base, name: '旧号', accountId: 'dh_news' } as unknown as Draft<Platform>);
    await softDelete(db, 'platforms', old.id);
    await createRecord<Platform>(db, 'platforms', { ...base, name: '新号', accountId: ' DH_News ' } as unknown as Draft<Platform>);
    const before = await db.auditLog.count();
    await expect(restoreRecord(db, 'platforms', old.id)).rejects.toThrow('不能恢复：台账中已有同类型、同账号的平台“新号”');
    expect((await db.platforms.get(old.id))?.deletedAt).toBeTruthy();
    expect(await db.auditLog.count()).toBe(before);
  });

  describe('savePlatform refuses an account registered twice, inside its transaction', () => {
    const base = { kind: '微信公众号', status: '运行中', hostUnitId: 'u1', followers: [], statusHistory: [], sectionAdminIds: [], columns: [], server: { involvesData: false } };
    const draft = (name: string, accountId: string, kind = '微信公众号') => ({ ...base, kind, name, accountId }) as unknown as Draft<Platform>;
    const refusal = (name: string) => ({ fields: { accountId: `已登记过同类型、同账号的平台“${name}”，请勿重复登记。` } });
    const stored = async () => ({ platforms: await db.platforms.toArray(), audit: await db.auditLog.count() });

    it('on create: case, full-width forms, spaces, the scheme and a trailing slash make no other account; nothing is written', async () => {
      await savePlatform(db, draft('新闻中心', 'https://dh_news.example.cn/'));
      const before = await stored();
      for (const account of ['DH_NEWS.example.cn', '  ｈｔｔｐ：／／ＤＨ＿ＮＥＷＳ．ｅｘａｍｐｌｅ．ｃｎ／  ', 'http://dh_news.example.cn//']) {
        const refused = savePlatform(db, draft('新闻中心二号', account));
        await expect(refused).rejects.toBeInstanceOf(RuleError);
        await expect(refused).rejects.toMatchObject(refusal('新闻中心'));
      }
      expect(await stored()).toEqual(before);
      // Another kind, another account, or a copy in the trash is no duplicate.
      await savePlatform(db, draft('新闻中心网站', 'dh_news.example.cn', '官方网站'));
      await savePlatform(db, draft('新闻中心微博', 'dh_news.example.cn/weibo'));
      expect(await db.platforms.count()).toBe(3);
    });

    it('on edit: the record keeps its own account, but cannot take another live one; nothing is written', async () => {
      const a = await savePlatform(db, draft('甲号', 'dh_a'));
      const b = await savePlatform(db, draft('乙号', 'dh_b'));
      await savePlatform(db, { ...draft('甲号（改名）', 'DH_A') }, a.id);
      const before = await stored();
      await expect(savePlatform(db, draft('乙号', ' Dh_A '), b.id)).rejects.toMatchObject(refusal('甲号（改名）'));
      expect(await stored()).toEqual(before);
      await softDelete(db, 'platforms', a.id);
      expect(await savePlatform(db, draft('乙号', ' Dh_A '), b.id)).toMatchObject({ id: b.id, accountId: ' Dh_A ' });
    });

    it('among many platforms of the kind, reads whole only those whose account has the same key', async () => {
      const AT = '2026-01-01T00:00:00.000Z';
      await db.platforms.bulkAdd(
        Array.from({ length: 300 }, (_, i) => ({ ...draft(`号${i}`, `dh_${String(i).padStart(3, '0')}`), id: `p${String(i).padStart(3, '0')}`, createdAt: AT, updatedAt: AT }) as unknown as Platform),
      );
      // Spelled another way, in the trash, and one without an account: none of them is the live copy.
      await db.platforms.bulkAdd([
        { ...draft('旧号', 'DH_150'), id: 'old', deletedAt: AT, createdAt: AT, updatedAt: AT } as unknown as Platform,
        { ...draft('无账号', ''), id: 'none', accountId: undefined, createdAt: AT, updatedAt: AT } as unknown as Platform,
      ]);
      reads.records.clear();
      await expect(savePlatform(db, draft('重复号', ' ｄｈ＿１５０ '))).rejects.toMatchObject(refusal('号150'));
      const read = (reads.records.get('platforms') ?? []) as Platform[];
      expect(new Set(read.map((p) => p.id))).toEqual(new Set(['p150', 'old']));
      reads.records.clear();
      await savePlatform(db, draft('新号', 'dh_new'));
      expect(reads.records.get('platforms') ?? []).toEqual([]);
    });

    it('two saves of one account at the same moment store one platform (the check and the write are one transaction)', async () => {
      const results = await Promise.allSettled([savePlatform(db, draft('甲', 'dh_same')), savePlatform(db, draft('乙', 'DH_SAME'))]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(RuleError) });
      expect(await db.platforms.count()).toBe(1);
      expect(await db.auditLog.where('table').equals('platforms').count()).toBe(1);
    });
  });

  it('hashes a change whose field is literally named "__proto__" (it cannot slip out of the hash)', () => {
    const changes = JSON.parse('{"__proto__": [null, "甲"], "name": [null, "乙"]}') as Record<string, [unknown, unknown]>;
    expect(canonicalJson(changes)).toBe('{"__proto__":[null,"甲"],"name":[null,"乙"]}');
    const entry = sealEntry({ at: '2026-11-22T00:00:00.000Z', operator: '王𠮷', table: 'units', recordId: 'u1', action: 'update', changes }, undefined);
    const edited = { ...entry, changes: JSON.parse('{"__proto__": [null, "丙"], "name": [null, "乙"]}') as Record<string, [unknown, unknown]> };
    expect(verifyChain([entry])).toMatchObject({ ok: true });
    expect(verifyChain([edited])).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('stores nothing when the record write fails (record and audit are one transaction)', async () => {
    const u = await createRecord<Unit>(db, 'units', { name: '图书馆', kind: '直属单位' });
    const before = await db.auditLog.count();
    // A duplicate primary key makes the add fail inside the transaction.
    await expect(
      db.transaction('rw', [db.units, db.auditLog, db.settings], async () => {
        await db.auditLog.add({ ...(await db.auditLog.orderBy('seq').last())!, seq: undefined });
        await db.units.add({ ...u });
      }),
    ).rejects.toThrow();
    expect(await db.auditLog.count()).toBe(before);
  });

  it('refuses to update a record that does not exist, with a Chinese message', async () => {
    await expect(updateRecord<Unit>(db, 'units', 'NOPE', { name: 'x' })).rejects.toThrow('该记录已不存在');
  });
});
