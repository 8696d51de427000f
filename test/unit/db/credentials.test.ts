// Sealing, opening and handing over in the database: each step writes all its records or none.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerDb } from '../../../renderer/db/schema';
import { createRecord, saveSettings } from '../../../renderer/db/repository';
import { openEnvelope, recordHandover, recordPasswordChange, sealEnvelope } from '../../../renderer/db/credentials';
import { verifyChain } from '../../../shared/audit/hash-chain';
import type { Person } from '../../../shared/domain/person';
import type { Platform } from '../../../shared/domain/platform';
import { getPreset } from '../../../shared/profiles/presets';
import { HANDOVER_CHECKLIST } from '../../../shared/rules/handover-state';
import { platformDraft } from '../../fixtures/platform';
import type { Envelope } from '../../../shared/domain/records';
import { logReads, type ReadLog } from './read-log';

let db: LedgerDb;
let n = 0;
let ids: Record<'li' | 'sun' | 'wu' | 'liu' | 'xu', string>;
let platform: Platform;
let reads: ReadLog;
const TODAY = '2026-11-20';

async function snapshot() {
  return JSON.stringify(await Promise.all([db.envelopes.toArray(), db.handovers.toArray(), db.platforms.toArray(), db.approvals.toArray(), db.auditLog.count()]));
}

beforeEach(async () => {
  db = new LedgerDb(`credentials-test-${++n}`);
  reads = logReads(db);
  await db.open();
  await saveSettings(db, { institutionName: '东湖示范大学', profileId: 'vocational-three-level-review', profile: getPreset('vocational-three-level-review')!, operatorName: '王𠮷' });
  const add = (name: string, left = false) =>
    createRecord<Person>(db, 'people', { name, isTeacher: true, status: left ? '离岗' : '在岗', ...(left ? { statusDate: '2026-06-30' } : {}) }).then((p) => p.id);
  ids = { li: await add('李赟'), sun: await add('孙丽华'), wu: await add('吴芳'), liu: await add('刘思远'), xu: await add('许志明', true) };
  platform = await createRecord<Platform>(db, 'platforms', platformDraft({ kind: '官方网站', name: '图书馆网站', accountId: 'lib.dhsf.edu.cn', certification: '不适用', chiefAdminId: ids.li }));
});

afterEach(async () => {
  await db.delete();
});

const seal = (over: object = {}) =>
  sealEnvelope(db, { platformId: platform.id, items: ['登录账号', '密码'], sealedOn: TODAY, sealedById: ids.li, witnessId: ids.sun, custodianId: ids.wu, location: '保密柜', ...over }, TODAY);

describe('envelopes in the database (003 第十七条)', () => {
  it('seal → open → new envelope: numbered, the opened one replaced, the due date from the profile', async () => {
    const first = await seal();
    expect(first).toMatchObject({ number: 'XF-2026-0001', passwordChangedOn: TODAY, nextChangeDue: '2027-05-19', openings: [] });
    await openEnvelope(db, first.id, { at: '2026-11-20T03:00:00.000Z', byId: ids.li, reason: '更换绑定手机', approvedById: ids.sun }, '2026-11-20T04:00:00.000Z');
    // Opening twice is refused and nothing changes.
    const before = await snapshot();
    await expect(
      openEnvelope(db, first.id, { at: '2026-11-20T03:30:00.000Z', byId: ids.li, reason: '再次登录', approvedById: ids.sun }, '2026-11-20T04:00:00.000Z'),
    ).rejects.toMatchObject({ name: 'LedgerError', message: '该信封已于2026-11-20启封，不能重复启封。请更换密码后封存新信封。' });
    expect(await snapshot()).toBe(before);

    const second = await seal();
    expect(second.number).toBe('XF-2026-0002');
    expect((await db.envelopes.get(first.id))?.replacedById).toBe(second.id);
    const audit = await db.auditLog.orderBy('seq').toArray();
    expect(verifyChain(audit).ok).toBe(true);
    expect(audit.filter((e) => e.table === 'envelopes').map((e) => e.action)).toEqual(['create', 'update', 'create', 'update']);
  });

  it('a refused seal writes nothing and says why at the field', async () => {
    const before = await snapshot();
    await expect(seal({ witnessId: ids.li })).rejects.toMatchObject({ fields: { witnessId: '监封人不能与封存人是同一人。' } });
    expect(await snapshot()).toBe(before);
  });
});

describe('envelope numbers at scale (003 第十七条: a number is never reused)', () => {
  const AT = '2026-01-01T00:00:00.000Z';
  const stored = (platformId: string, number: string, extra: Partial<Envelope> = {}): Envelope => ({
    id: `env-${number}`, platformId, number, items: ['登录账号', '密码'], sealedOn: `${number.slice(3, 7)}-03-01`, location: '保密柜', openings: [], createdAt: AT, updatedAt: AT, ...extra,
  });

  it('takes the next number of the sealing year, counting trashed and replaced envelopes, and reads no other year\'s envelope', async () => {
    const seq = (year: number, count: number, from = 1) => Array.from({ length: count }, (_, i) => `XF-${year}-${String(from + i).padStart(4, '0')}`);
    await db.envelopes.bulkAdd([
      ...seq(2025, 300).map((num) => stored('other', num)),
      ...seq(2027, 40).map((num) => stored('other', num)),
      ...seq(2026, 11).map((num) => stored('other', num, { replacedById: 'env-later' })),
      // The highest number of 2026 is in the trash: it still counts.
      stored('other', 'XF-2026-0012', { deletedAt: AT }),
      // Past 9999 the number grows a digit; it sorts before XF-2026-9999 as text but counts as 10000.
      stored('gone', 'XF-2024-10000'),
      // This platform's current envelope, sealed last year: the new one replaces it.
      stored(platform.id, 'XF-2025-0301'),
    ]);
    reads.records.clear();
    reads.keys.clear();

    const sealed = await seal();
    expect(sealed.number).toBe('XF-2026-0013');
    expect((await db.envelopes.get('env-XF-2025-0301'))?.replacedById).toBe(sealed.id);
    // From the index, this year's numbers only; records only of this platform.
    const keys = (reads.keys.get('envelopes') ?? []).map(String);
    expect(new Set(keys)).toEqual(new Set(seq(2026, 12)));
    const records = (reads.records.get('envelopes') ?? []) as Envelope[];
    expect(records.length).toBeGreaterThan(0);
    expect(records.filter((e) => e.platformId !== platform.id)).toEqual([]);

    const next = await seal({ sealedOn: '2024-12-30' });
    expect(next.number).toBe('XF-2024-10001');
  });
});

describe('handovers in the database (000 第六条 2)', () => {
  const checklist = HANDOVER_CHECKLIST.map((item) => ({ item, done: true }));

  it('handover → password change → complete: the chief administrator changes and a change filing is due in 5 working days', async () => {
    const { handover, filing, holidayDataMissingYear } = await recordHandover(
      db, { platformId: platform.id, outgoingId: ids.li, incomingId: ids.liu, supervisorId: ids.sun, date: '2026-11-20', checklist }, TODAY,
    );
    expect(holidayDataMissingYear).toBeUndefined();
    expect((await db.platforms.get(platform.id))?.chiefAdminId).toBe(ids.liu);
    expect(await db.approvals.get(filing.id)).toMatchObject({
      platformId: platform.id, kind: '变更备案', changes: [{ field: '总管理员', before: '李赟', after: '刘思远' }], changeDate: '2026-11-20', dueDate: '2026-11-27',
    });
    await recordPasswordChange(db, handover.id, { date: '2026-11-20', confirmedById: ids.sun }, TODAY);
    expect(await db.handovers.get(handover.id)).toMatchObject({ passwordChangedOn: '2026-11-20', passwordChangeConfirmedById: ids.sun });
    await expect(recordPasswordChange(db, handover.id, { date: '2026-11-20', confirmedById: ids.sun }, TODAY)).rejects.toMatchObject({ message: expect.stringContaining('无需重复登记') });
  });

  it('a password change confirmed by someone outside the handover is refused in the write and nothing changes (000 第六条)', async () => {
    const { handover } = await recordHandover(
      db, { platformId: platform.id, outgoingId: ids.li, incomingId: ids.liu, supervisorId: ids.sun, date: '2026-11-20', checklist }, TODAY,
    );
    const before = await snapshot();
    await expect(recordPasswordChange(db, handover.id, { date: '2026-11-20', confirmedById: ids.wu }, TODAY)).rejects.toMatchObject({
      fields: { confirmedById: '确认人须为本次交接的接收人或监交人（000 第六条）。请改选接收人或监交人。' },
    });
    expect(await snapshot()).toBe(before);
    await recordPasswordChange(db, handover.id, { date: '2026-11-20', confirmedById: ids.liu }, TODAY);
    expect(await db.handovers.get(handover.id)).toMatchObject({ passwordChangedOn: '2026-11-20', passwordChangeConfirmedById: ids.liu });
  });

  it('a handover to the same person or to someone who left is refused and nothing changes', async () => {
    const before = await snapshot();
    const base = { platformId: platform.id, outgoingId: ids.li, supervisorId: ids.sun, date: '2026-11-20', checklist };
    await expect(recordHandover(db, { ...base, incomingId: ids.li }, TODAY)).rejects.toMatchObject({ message: '移交人和接收人不能是同一人。' });
    await expect(recordHandover(db, { ...base, incomingId: ids.xu }, TODAY)).rejects.toMatchObject({ message: '许志明已于2026-06-30离岗，不能担任接收人（新任管理员）。' });
    expect(await snapshot()).toBe(before);
  });

  it('the handover\'s change filing is due in the profile\'s working days, not a fixed 5 (001 第五条)', async () => {
    await saveSettings(db, { institutionName: '东湖示范大学', profileId: 'custom', profile: { ...getPreset('custom')!, changeFilingWorkingDays: 3 }, operatorName: '王𠮷' });
    const { filing } = await recordHandover(
      db, { platformId: platform.id, outgoingId: ids.li, incomingId: ids.liu, supervisorId: ids.sun, date: '2026-11-20', checklist }, TODAY,
    );
    expect((await db.approvals.get(filing.id))?.dueDate).toBe('2026-11-25');
  });

  it('without the holiday schedule of the year the filing is saved without a due date and the year is reported', async () => {
    // 1999 is before the bundled State Council schedules begin.
    const old = await recordHandover(
      db, { platformId: platform.id, outgoingId: ids.li, incomingId: ids.wu, supervisorId: ids.sun, date: '1999-03-01', checklist }, TODAY,
    );
    expect(old.holidayDataMissingYear).toBe(1999);
    expect(old.filing.dueDate).toBeUndefined();
    expect((await db.platforms.get(platform.id))?.chiefAdminId).toBe(ids.wu);
  });
});
