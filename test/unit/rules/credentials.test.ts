// Envelope and handover state rules and the password-custody reminders.
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain/person';
import type { Envelope, Handover } from '../../../shared/domain/records';
import { credentialReminders, handoverPasswordReminders, openEnvelopeReminders, passwordRotationReminders, passwordStatus } from '../../../shared/rules/credentials';
import { checkOpening, checkSeal, envelopeChain, envelopeNumberHead, envelopeState, nextEnvelopeNumber } from '../../../shared/rules/envelope-state';
import { checkHandover, checkPasswordChange, chiefAdminChange, handoverState } from '../../../shared/rules/handover-state';
import type { PasswordPolicy } from '../../../shared/profiles/types';
import { getPreset } from '../../../shared/profiles/presets';

const person = (id: string, name: string, left = false): Person => ({
  id, name, isTeacher: true, status: left ? '离岗' : '在岗', ...(left ? { statusDate: '2026-06-30' } : {}), createdAt: '', updatedAt: '',
});
const people = new Map([person('a', '李赟'), person('b', '孙丽华'), person('c', '吴芳'), person('d', '刘思远'), person('x', '许志明', true)].map((p) => [p.id, p]));
const policy: PasswordPolicy = { minLength: 8, requireLetters: true, requireDigits: true, requireSymbols: true, rotationDays: 180, changeAfterHandover: true };
const TODAY = '2026-11-22';
const P000 = getPreset('secondary-unit-library')!;
const P002 = getPreset('vocational-three-level-review')!;
const P003 = getPreset('vocational-approval-sealed-archive')!;

const envelope = (over: Partial<Envelope>): Envelope => ({
  id: 'e1', platformId: 'p1', number: 'XF-2026-0001', items: ['登录账号', '密码'], sealedOn: '2026-06-01', location: '保密柜',
  openings: [], createdAt: '', updatedAt: '', ...over,
});
const handover = (over: Partial<Handover>): Handover => ({
  id: 'h1', platformId: 'p1', outgoingId: 'a', incomingId: 'd', supervisorId: 'b', date: '2026-11-10', checklist: [], createdAt: '', updatedAt: '', ...over,
});
const platform = { id: 'p1', name: '图书馆网站', kind: '官方网站' as const, status: '运行中' as const };

describe('sealed envelopes (003 第十七条)', () => {
  it('numbers envelopes XF-year-NNNN, never reusing one, per year (003 第十七条 密封存档)', () => {
    expect(nextEnvelopeNumber([], 2026)).toBe('XF-2026-0001');
    expect(nextEnvelopeNumber(['XF-2026-0001', 'XF-2026-0007', 'XF-2025-0009', 'TSG-MF-2026-01'], 2026)).toBe('XF-2026-0008');
    expect(nextEnvelopeNumber(['XF-2026-0008'], 2027)).toBe('XF-2027-0001');
    // Every number of a year starts with its head (the database reads a year's numbers by it).
    expect(envelopeNumberHead(2026)).toBe('XF-2026-');
    expect(nextEnvelopeNumber(['XF-2026-10000', 'XF-2026-9999'], 2026)).toBe('XF-2026-10001');
  });

  it('an envelope holds the account and the password, sealed before a second person (003 第十七条)', () => {
    const ok = { platformId: 'p1', items: ['登录账号', '密码'], sealedOn: TODAY, sealedById: 'a', witnessId: 'b', custodianId: 'c', location: '保密柜' };
    expect(checkSeal(ok, people, TODAY)).toEqual({ ok: true });
    expect(checkSeal({ ...ok, items: ['登录账号'] }, people, TODAY)).toMatchObject({ ok: false, errors: { items: expect.stringContaining('密码') } });
    expect(checkSeal({ ...ok, witnessId: 'a' }, people, TODAY)).toMatchObject({ errors: { witnessId: '监封人不能与封存人是同一人。' } });
    expect(checkSeal({ ...ok, custodianId: 'x' }, people, TODAY)).toMatchObject({ errors: { custodianId: '许志明已于2026-06-30离岗，不能担任保管人。' } });
    expect(checkSeal({ ...ok, sealedOn: '2026-11-23', location: ' ' }, people, TODAY)).toMatchObject({
      errors: { sealedOn: '封存日期不能晚于今天。', location: expect.stringContaining('存放位置') },
    });
  });

  it('an envelope is opened only with approval, and only once (003 第十七条; 非经批准不得启封)', () => {
    const now = `${TODAY}T08:00:00.000Z`;
    const ok = { at: `${TODAY}T07:00:00.000Z`, byId: 'a', reason: '更换绑定手机', approvedById: 'b' };
    expect(checkOpening(envelope({}), ok, people, now, 'Asia/Shanghai')).toEqual({ ok: true });
    expect(checkOpening(envelope({}), { ...ok, approvedById: undefined }, people, now, 'Asia/Shanghai')).toMatchObject({ errors: { approvedById: expect.stringContaining('非经批准不得启封') } });
    expect(checkOpening(envelope({}), { ...ok, approvedById: 'a' }, people, now, 'Asia/Shanghai')).toMatchObject({ errors: { approvedById: '批准人不能是启封人本人。' } });
    expect(checkOpening(envelope({}), { ...ok, at: '2026-05-01T00:00:00.000Z' }, people, now, 'Asia/Shanghai')).toMatchObject({ errors: { at: '启封时间不能早于封存日期。' } });
    const opened = envelope({ openings: [{ at: '2026-11-20T02:00:00.000Z', byId: 'a', reason: '…', approvedById: 'b' }] });
    expect(envelopeState(opened)).toBe('已启封');
    expect(checkOpening(opened, ok, people, now, 'Asia/Shanghai')).toEqual({ ok: false, errors: { _: '该信封已于2026-11-20启封，不能重复启封。请更换密码后封存新信封。' } });
    const replaced = envelope({ ...opened, replacedById: 'e2' });
    expect(envelopeState(replaced)).toBe('已替换');
    expect(checkOpening(replaced, ok, people, now, 'Asia/Shanghai')).toMatchObject({ ok: false, errors: { _: expect.stringContaining('已被新信封替换') } });
  });

  it('reads an opening’s day on the institution’s clock, not the machine’s', () => {
    const now = '2026-11-24T08:00:00.000Z';
    // 20:00 UTC on the 19th is 04:00 on the 20th in Beijing, still the 19th in Berlin.
    const opened = envelope({ openings: [{ at: '2026-11-19T20:00:00.000Z', byId: 'a', reason: '…', approvedById: 'b' }] });
    const ok = { at: now, byId: 'a', reason: '更换绑定手机', approvedById: 'b' };
    expect(checkOpening(opened, ok, people, now, 'Asia/Shanghai')).toMatchObject({ errors: { _: expect.stringContaining('该信封已于2026-11-20启封') } });
    expect(checkOpening(opened, ok, people, now, 'Europe/Berlin')).toMatchObject({ errors: { _: expect.stringContaining('该信封已于2026-11-19启封') } });
    // Sealed on the 22nd: opened at 01:00 on the 22nd in Beijing is allowed; in Berlin that instant is still the 21st.
    const early = { ...ok, at: '2026-11-21T17:00:00.000Z' };
    expect(checkOpening(envelope({ sealedOn: '2026-11-22' }), early, people, now, 'Asia/Shanghai')).toEqual({ ok: true });
    expect(checkOpening(envelope({ sealedOn: '2026-11-22' }), early, people, now, 'Europe/Berlin')).toMatchObject({ errors: { at: '启封时间不能早于封存日期。' } });
  });

  it('the history shows the chain of envelopes that replaced one another, oldest first', () => {
    const e1 = envelope({ id: 'e1', replacedById: 'e2' });
    const e2 = envelope({ id: 'e2', replacedById: 'e3' });
    const e3 = envelope({ id: 'e3' });
    const other = envelope({ id: 'o', platformId: 'p2' });
    expect(envelopeChain(e2, [e3, other, e1, e2]).map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(envelopeChain(other, [e1, e2, e3, other]).map((e) => e.id)).toEqual(['o']);
    // A corrupt cycle does not loop forever.
    expect(envelopeChain(envelope({ id: 'c1', replacedById: 'c1' }), [envelope({ id: 'c1', replacedById: 'c1' })]).map((e) => e.id)).toEqual(['c1']);
  });
});

describe('administrator handovers (000 第六条 2)', () => {
  const chief = { chiefAdminId: 'a', status: '运行中' as const };
  const ok = { platformId: 'p1', outgoingId: 'a', incomingId: 'd', supervisorId: 'b', date: TODAY };

  it('a handover goes to another person who is in post, before a third person (000 第六条 2)', () => {
    expect(checkHandover(ok, chief, people, TODAY)).toEqual({ ok: true });
    expect(checkHandover({ ...ok, incomingId: 'a' }, chief, people, TODAY)).toMatchObject({ errors: { incomingId: '移交人和接收人不能是同一人。' } });
    expect(checkHandover({ ...ok, incomingId: 'x' }, chief, people, TODAY)).toMatchObject({ errors: { incomingId: '许志明已于2026-06-30离岗，不能担任接收人（新任管理员）。' } });
    expect(checkHandover({ ...ok, supervisorId: 'd' }, chief, people, TODAY)).toMatchObject({ errors: { supervisorId: expect.stringContaining('第三人') } });
    expect(checkHandover({ ...ok, outgoingId: 'c' }, chief, people, TODAY)).toMatchObject({ errors: { outgoingId: expect.stringContaining('总管理员（李赟）') } });
    expect(checkHandover({ ...ok, date: '2026-11-23' }, chief, people, TODAY)).toMatchObject({ errors: { date: '交接日期不能晚于今天。' } });
    // Without a registered chief administrator any outgoing administrator is accepted.
    expect(checkHandover({ ...ok, outgoingId: 'c' }, { status: '运行中' }, people, TODAY)).toEqual({ ok: true });
  });

  it('a handover is complete only once the password change after it is confirmed (000 第六条 2 交接后要及时更换密码)', () => {
    const h = handover({});
    expect(handoverState(h)).toBe('待更换密码');
    expect(checkPasswordChange(h, { date: '2026-11-12', confirmedById: 'b' }, people, TODAY)).toEqual({ ok: true });
    expect(checkPasswordChange(h, { date: '2026-11-09', confirmedById: 'b' }, people, TODAY)).toMatchObject({ errors: { date: '更换密码的日期不能早于交接日期。' } });
    expect(checkPasswordChange(h, { date: '2026-11-12', confirmedById: 'a' }, people, TODAY)).toMatchObject({ errors: { confirmedById: expect.stringContaining('不能是移交人') } });
    const done = handover({ passwordChangedOn: '2026-11-12', passwordChangeConfirmedById: 'b' });
    expect(handoverState(done)).toBe('已完成');
    expect(checkPasswordChange(done, { date: '2026-11-13', confirmedById: 'b' }, people, TODAY)).toMatchObject({ ok: false, errors: { _: expect.stringContaining('无需重复登记') } });
  });

  it('only the incoming administrator or the supervisor of that handover confirms the password change (000 第六条)', () => {
    const h = handover({});
    expect(checkPasswordChange(h, { date: '2026-11-12', confirmedById: 'd' }, people, TODAY)).toEqual({ ok: true });
    expect(checkPasswordChange(h, { date: '2026-11-12', confirmedById: 'b' }, people, TODAY)).toEqual({ ok: true });
    // 吴芳 is neither 接收人 nor 监交人 of this handover (e.g. the technical lead).
    expect(checkPasswordChange(h, { date: '2026-11-12', confirmedById: 'c' }, people, TODAY)).toEqual({
      ok: false,
      errors: { confirmedById: '确认人须为本次交接的接收人或监交人（000 第六条）。请改选接收人或监交人。' },
    });
  });

  it('the change filing names the chief administrator before and after (001 第五条)', () => {
    expect(chiefAdminChange('a', 'd', people)).toEqual({ field: '总管理员', before: '李赟', after: '刘思远' });
    expect(chiefAdminChange(undefined, 'd', people)).toEqual({ field: '总管理员', before: '（未登记）', after: '刘思远' });
  });
});

describe('password custody reminders', () => {
  it('the password is due rotationDays after the newest recorded change (002 第九条(二) 定期修改)', () => {
    const envs = [envelope({ passwordChangedOn: '2026-03-01' }), envelope({ id: 'e0', sealedOn: '2025-01-01', passwordChangedOn: '2025-01-01', deletedAt: 'x' })];
    const hos = [handover({ passwordChangedOn: '2026-05-02', passwordChangeConfirmedById: 'b' })];
    expect(passwordStatus('p1', envs, hos, policy)).toEqual({ lastChangedOn: '2026-05-02', nextDueOn: '2026-10-29' });
    expect(passwordStatus('p1', envs, [], { rotationDays: 0 })).toEqual({ lastChangedOn: '2026-03-01' });
    expect(passwordStatus('p9', envs, hos, policy)).toEqual({});
    const due = passwordRotationReminders({ profile: P002, platforms: [platform], envelopes: envs, handovers: hos, policy, today: TODAY });
    expect(due).toEqual([
      {
        kind: 'password-rotation', title: '图书馆网站：密码每 180 天须修改一次，请修改并重新封存', dueDate: '2026-10-29', daysLeft: -24,
        source: '002 第九条（二）2', table: 'platforms', recordId: 'p1',
      },
    ]);
    // Not yet within 30 days of falling due; a retired platform needs nothing.
    expect(passwordRotationReminders({ profile: P002, platforms: [platform], envelopes: [envelope({ passwordChangedOn: '2026-11-01' })], handovers: [], policy, today: TODAY })).toEqual([]);
    expect(passwordRotationReminders({ profile: P002, platforms: [{ ...platform, status: '已注销' }], envelopes: envs, handovers: hos, policy, today: TODAY })).toEqual([]);
    // A work group has no shared password to rotate, even with an envelope on record.
    expect(passwordRotationReminders({ profile: P002, platforms: [{ ...platform, kind: '微信群' as const }], envelopes: envs, handovers: hos, policy, today: TODAY })).toEqual([]);
  });

  it('a handover without a confirmed password change stays on the calendar (000 第六条 2)', () => {
    const list = handoverPasswordReminders({ profile: P000, platforms: [platform], handovers: [handover({}), handover({ id: 'h2', passwordChangedOn: '2026-11-11', passwordChangeConfirmedById: 'b' })], policy, today: TODAY });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'password-after-handover', recordId: 'h1', table: 'handovers', dueDate: '2026-11-13', daysLeft: -9, source: '000 第六条 2' });
    expect(handoverPasswordReminders({ profile: P000, platforms: [platform], handovers: [handover({})], policy: { ...policy, changeAfterHandover: false }, today: TODAY })).toEqual([]);
  });

  it('an opened envelope stays on the calendar until a new one replaces it (003 第十七条)', () => {
    const opened = envelope({ passwordChangedOn: '2026-11-01', openings: [{ at: '2026-11-21T02:00:00.000Z', reason: '…' }] });
    expect(openEnvelopeReminders({ profile: P003, platforms: [platform], envelopes: [opened], today: TODAY })).toEqual([
      expect.objectContaining({ kind: 'envelope-open', title: '图书馆网站：信封 XF-2026-0001 已于 2026-11-21 启封，请更换密码并封存新信封', dueDate: '2026-11-24', daysLeft: 2, table: 'envelopes', recordId: 'e1' }),
    ]);
    expect(openEnvelopeReminders({ profile: P003, platforms: [platform], envelopes: [{ ...opened, replacedById: 'e2' }], today: TODAY })).toEqual([]);
    const all = credentialReminders({ profile: P003, platforms: [platform], envelopes: [opened, envelope({ id: 'e5', passwordChangedOn: '2026-01-01', replacedById: 'e1' })], handovers: [handover({})], policy, today: TODAY });
    expect(all.map((r) => r.kind)).toEqual(['password-after-handover', 'envelope-open']);
    // Each cites the clause of the profile in force; 003 has no clause on the change after a handover.
    expect(all.map((r) => r.source)).toEqual(['本单位规定', '003 第十七条']);
  });
});
