// Work groups (000 第五条, 003 第五章): real-name checks, departed staff, disbanding.
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain/person';
import type { Platform } from '../../../shared/domain/platform';
import { checkDisband, checkRealNameCheck, departedStaffOf, groupAfterCheck, realNameCheckFinding, realNameCheckStatus, REAL_NAME_CHECK_INTERVAL_DAYS } from '../../../shared/rules/group-rules';
import { REAL_NAME_CHECK_INTERVAL_DAYS as REMINDER_INTERVAL } from '../../../shared/rules/account-reminders';

const TODAY = '2026-11-22';
const group = (over: Partial<Platform> = {}, g: Partial<NonNullable<Platform['group']>> = {}): Platform => ({
  id: 'g1', kind: 'QQ群', name: '计算机学院教职工群', accountId: '782034561', hostUnitId: 'u1', purpose: '', contentScope: '', openedOn: '2026-03-01',
  certification: '不适用', followers: [], server: { involvesData: false }, sectionAdminIds: [], measures: '', columns: [], status: '运行中',
  statusHistory: [], createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '', group: { ownerId: 'a', memberCount: 80, realNameCheckDates: ['2026-06-01'], ...g }, ...over,
});
const person = (id: string, unitId: string, left: boolean, statusDate?: string): Person => ({
  id, name: id, isTeacher: true, unitId, status: left ? '离岗' : '在岗', ...(statusDate ? { statusDate } : {}), createdAt: '', updatedAt: '',
});

describe('real-name checks (003 第二十条 群主要定期对群内人员予以认定)', () => {
  it('is overdue once the last check is older than the start page’s interval (the same 90-day default)', () => {
    expect(REAL_NAME_CHECK_INTERVAL_DAYS).toBe(REMINDER_INTERVAL);
    expect(realNameCheckStatus(group({}, { realNameCheckDates: ['2026-08-24'] }), TODAY, 'Asia/Shanghai')).toEqual({ last: '2026-08-24', dueDate: '2026-11-22', overdue: false });
    expect(realNameCheckStatus(group({}, { realNameCheckDates: ['2026-08-23', '2026-05-01'] }), TODAY, 'Asia/Shanghai')).toMatchObject({ last: '2026-08-23', overdue: true });
    // Never checked: counted from the day the group was opened.
    expect(realNameCheckStatus(group({ openedOn: '2026-01-05' }, { realNameCheckDates: [] }), TODAY, 'Asia/Shanghai')).toMatchObject({ overdue: true, dueDate: '2026-04-05' });
  });

  it('a disbanded group is no longer due (003 第十九条)', () => {
    expect(realNameCheckStatus(group({}, { realNameCheckDates: [], disbandedOn: '2026-10-01' }), TODAY, 'Asia/Shanghai')).toEqual({ last: undefined, overdue: false });
  });

  it('a check is dated between the group’s opening and today, once a day, and removes no more than the members', () => {
    expect(checkRealNameCheck(group(), { date: '2026-11-23' }, TODAY)).toEqual({ ok: false, errors: { date: '核查日期不能晚于今天。' } });
    expect(checkRealNameCheck(group(), { date: '2026-02-28' }, TODAY)).toEqual({ ok: false, errors: { date: '核查日期不能早于建群日期（2026-03-01）。' } });
    expect(checkRealNameCheck(group(), { date: '2026-06-01' }, TODAY)).toEqual({ ok: false, errors: { date: '2026-06-01已记录过一次实名核查。' } });
    expect(checkRealNameCheck(group(), { date: TODAY, removedCount: 81 }, TODAY)).toEqual({ ok: false, errors: { removedCount: '移出人数不能多于登记的群成员数（80人）。' } });
    expect(checkRealNameCheck(group(), { date: TODAY, removedCount: -1 }, TODAY)).toEqual({ ok: false, errors: { removedCount: '移出人数须为不小于0的整数。' } });
    expect(checkRealNameCheck(group(), { date: TODAY, removedCount: 2 }, TODAY)).toEqual({ ok: true });
    expect(checkRealNameCheck(group({}, { disbandedOn: '2026-10-01' }), { date: TODAY }, TODAY)).toMatchObject({ ok: false, errors: { _: '该群已于2026-10-01解散，不能再记录实名核查。' } });
  });

  it('appends the date (sorted) and lowers the member count by those removed; removals go to the problem log (003 第二十三条)', () => {
    expect(groupAfterCheck(group(), { date: '2026-04-01', removedCount: 3 })).toMatchObject({ memberCount: 77, realNameCheckDates: ['2026-04-01', '2026-06-01'] });
    expect(realNameCheckFinding({ removedCount: 2, note: '移出曹宁。' })).toBe('群成员实名核查（部门+姓名）：移出离岗或非实名人员2人。移出曹宁。');
    expect(realNameCheckFinding({ removedCount: 0, note: ' ' })).toBeUndefined();
  });

  it('lists the departed staff of the group’s unit, latest first, as the people to remove (003 第二十条 离职（岗）人员及时移出)', () => {
    const people = [person('曹宁', 'u1', true, '2026-09-01'), person('许志明', 'u1', true, '2026-10-01'), person('唐慧敏', 'u1', false), person('别处', 'u2', true)];
    expect(departedStaffOf(group(), people).map((p) => p.name)).toEqual(['许志明', '曹宁']);
    expect(departedStaffOf(group({ hostUnitId: undefined }), people)).toEqual([]);
  });
});

describe('disbanding (003 第十九条 因工作结束…群主主动解散)', () => {
  it('needs a date between the group’s opening and today, and happens once', () => {
    expect(checkDisband(group(), TODAY, TODAY)).toEqual({ ok: true });
    expect(checkDisband(group(), undefined, TODAY)).toEqual({ ok: false, errors: { date: '请填写解散日期。' } });
    expect(checkDisband(group(), '2026-11-30', TODAY)).toEqual({ ok: false, errors: { date: '解散日期不能晚于今天。' } });
    expect(checkDisband(group(), '2026-01-01', TODAY)).toEqual({ ok: false, errors: { date: '解散日期不能早于建群日期（2026-03-01）。' } });
    expect(checkDisband(group({}, { disbandedOn: '2026-10-01' }), TODAY, TODAY)).toEqual({ ok: false, errors: { _: '该群已于2026-10-01解散。' } });
  });
});
