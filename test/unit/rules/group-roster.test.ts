// 003 第二十条 / 000 第五条: a work group's roster, its departed members and the owner's reminder.
import { describe, expect, it } from 'vitest';
import type { Person } from '@shared/domain/person';
import type { Platform } from '@shared/domain/platform';
import { validatePlatform } from '@shared/domain/validation';
import { departedMemberReminders, departedMembers, memberLabel, rosterSource, rosterWithout } from '@shared/rules/group-roster';
import { platformRecord } from '../../fixtures/platform';

const stamp = { createdAt: '', updatedAt: '' };
const person = (id: string, over: Partial<Person> = {}): Person => ({ id, name: `人员${id}`, isTeacher: true, status: '在岗', ...stamp, ...over });
const group = (id: string, over: Partial<Platform> = {}): Platform =>
  platformRecord(id, {
    kind: '微信群',
    name: `群${id}`,
    accountId: '',
    certification: '不适用',
    group: { realNameCheckDates: [], members: [{ personId: 'cao' }, { personId: 'li' }, { department: '后勤保障处', name: '刘建' }] },
    ...over,
  });
const people = new Map([
  ['cao', person('cao', { name: '曹宁', status: '离岗', statusDate: '2026-09-01' })],
  ['li', person('li', { name: '李明' })],
]);

describe('003 第二十条: departed staff on a roster are to be removed', () => {
  it('finds the departed registry members and drops them from the roster', () => {
    const g = group('g1');
    expect(departedMembers(g, people).map((p) => p.name)).toEqual(['曹宁']);
    expect(rosterWithout(g.group!.members!, ['cao'])).toEqual([{ personId: 'li' }, { department: '后勤保障处', name: '刘建' }]);
  });

  it('reminds the owner of every group in use that lists a departed person, due the day they left', () => {
    const reminders = departedMemberReminders([group('g1'), group('g2', { group: { realNameCheckDates: [], disbandedOn: '2026-10-01', members: [{ personId: 'cao' }] } }), group('g3', { deletedAt: '2026-10-01T00:00:00.000Z' })], people, '2026-11-22', '003 第二十条');
    expect(reminders.map((r) => [r.recordId, r.kind, r.dueDate, r.daysLeft, r.source])).toEqual([['g1', 'real-name-check', '2026-09-01', -82, '003 第二十条']]);
    expect(reminders[0]!.title).toBe('群g1：成员曹宁已离岗（2026-09-01），请群主将其移出群并从成员名单中删除');
  });

  it('reads each entry as 姓名（部门）', () => {
    expect(memberLabel({ department: '后勤保障处', name: '刘建' }, people, () => '')).toBe('刘建（后勤保障处）');
    expect(memberLabel({ personId: 'li' }, new Map([['li', person('li', { name: '李明', unitId: 'u' })]]), () => '计算机学院')).toBe('李明（计算机学院）');
  });

  it('cites the clause of the profile in force', () => {
    expect(rosterSource('003 某职业技术学院新媒体管理办法')).toBe('003 第二十条');
    expect(rosterSource('000 图书馆网络平台管理实施细则')).toBe('000 第五条');
    expect(rosterSource('001 新媒体管理办法')).toBe('本单位规定');
  });

  it('refuses a roster entry that is neither a registry person nor 部门+姓名', () => {
    const { createdAt: _c, updatedAt: _u, id: _i, ...draft } = group('g1', { group: { realNameCheckDates: [], members: [{ name: '刘建' }] } });
    const r = validatePlatform({ ...draft, hostUnitId: '01KAZ0K5R0D5YS0FACPNH3DYVK' }, { today: '2026-11-22' });
    expect(r.ok ? '' : Object.values(r.errors).join()).toContain('部门+姓名');
  });
});
