// Work-group rosters (003 第二十条: 群成员须为本校教职工，实行“部门+姓名”实名，离职（岗）人员
// 及时移出，群主定期认定; 000 第五条: 人员离岗的，及时移出工作群): who on a group's roster has left
// their post, and the reminder to the owner of every group that still lists them. Pure functions.
import type { Id, IsoDate } from '../domain/common';
import type { Person } from '../domain/person';
import { isClosed, isGroupKind, type GroupMember, type Platform } from '../domain/platform';
import { live, reminderFor, type ComplianceReminder } from './compliance-reminder';

/** The clause a roster reminder cites: the seed of the profile in force, or 本单位规定. */
export function rosterSource(profileSource: string): string {
  if (profileSource.startsWith('003')) return '003 第二十条';
  if (profileSource.startsWith('000')) return '000 第五条';
  return '本单位规定';
}

/** How a roster entry reads: 姓名（部门）, the registry's name for a person of the registry. */
export function memberLabel(m: GroupMember, people: ReadonlyMap<Id, Person>, unitName: (id: Id | undefined) => string): string {
  const person = m.personId ? people.get(m.personId) : undefined;
  if (person) return person.unitId ? `${person.name}（${unitName(person.unitId)}）` : person.name;
  return m.department ? `${m.name ?? ''}（${m.department}）` : (m.name ?? '');
}

/** The registry people on a group's roster who have left their post (离岗). */
export function departedMembers(group: Pick<Platform, 'group'>, people: ReadonlyMap<Id, Person>): Person[] {
  const out: Person[] = [];
  for (const m of group.group?.members ?? []) {
    const p = m.personId ? people.get(m.personId) : undefined;
    if (p && !p.deletedAt && p.status === '离岗') out.push(p);
  }
  return out;
}

/** The roster without the given people: what a 实名核查 that removed them leaves. */
export function rosterWithout(members: readonly GroupMember[], removedIds: readonly Id[]): GroupMember[] {
  const removed = new Set(removedIds);
  return members.filter((m) => !m.personId || !removed.has(m.personId));
}

/**
 * One reminder per group in use and departed member: the owner is to remove them. Due on the day
 * the person left (removal is due at once), or today when that day is not recorded.
 */
export function departedMemberReminders(platforms: readonly Platform[], people: ReadonlyMap<Id, Person>, today: IsoDate, source: string): ComplianceReminder[] {
  const out: ComplianceReminder[] = [];
  for (const g of live(platforms)) {
    if (!isGroupKind(g.kind) || g.group?.disbandedOn || isClosed(g)) continue;
    for (const p of departedMembers(g, people)) {
      out.push(
        reminderFor(
          {
            kind: 'real-name-check',
            title: `${g.name}：成员${p.name}已离岗${p.statusDate ? `（${p.statusDate}）` : ''}，请群主将其移出群并从成员名单中删除`,
            dueDate: p.statusDate && p.statusDate <= today ? p.statusDate : today,
            source,
            table: 'platforms',
            recordId: g.id,
          },
          today,
        ),
      );
    }
  }
  return out;
}
