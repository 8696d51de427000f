// Work groups in the database: recording a real-name check (with the removals left in the group's
// problem log, F15) and disbanding a group (003 第十九条). Each step checks its rule against the
// stored group and writes every record it touches in one transaction.
import type { Id, IsoDate } from '@shared/domain/common';
import { isGroupKind, type Platform } from '@shared/domain/platform';
import type { Person } from '@shared/domain/person';
import type { Incident } from '@shared/domain/records';
import { checkDisband, checkRealNameCheck, departedStaffOf, groupAfterCheck, realNameCheckFinding, type RealNameCheckInput } from '@shared/rules/group-rules';
import { departedMembers, rosterWithout } from '@shared/rules/group-roster';
import type { GroupMember } from '@shared/domain/platform';
import type { LedgerDb } from './schema';
import { localToday } from '@shared/domain/today';
import { createRecord, enforce, LedgerError, updateRecord } from './repository';

async function liveGroup(ledger: LedgerDb, id: Id): Promise<Platform> {
  const p = await ledger.platforms.get(id);
  if (!p || p.deletedAt) throw new LedgerError('该工作群已不存在，可能已被移入回收站。');
  if (!isGroupKind(p.kind)) throw new LedgerError('该平台不是工作群。', `${p.kind} is not a group kind`);
  return p;
}

/** What 记录实名核查 shows beside the form: whom to look for in the group, and whom to remove from its roster. */
export interface RealNameHints {
  /** The group's unit's name ('' when the group names none). */
  unitName: string;
  /** Staff of the group's unit who have left (离岗), newest departure first. */
  departed: Person[];
  /** People on the group's roster who have left, in roster order. */
  onRoster: Person[];
}

/**
 * The people a real-name check names (003 第二十条), read by the unit index and by the roster's ids:
 * a university keeps thousands of people, and a check concerns one unit's staff and one roster.
 */
export async function readRealNameHints(ledger: LedgerDb, group: Pick<Platform, 'hostUnitId' | 'group'>): Promise<RealNameHints> {
  const rosterIds = (group.group?.members ?? []).flatMap((m) => (m.personId ? [m.personId] : []));
  const [unit, staff, members] = await Promise.all([
    group.hostUnitId ? ledger.units.get(group.hostUnitId) : undefined,
    group.hostUnitId ? ledger.people.where('unitId').equals(group.hostUnitId).toArray() : [],
    ledger.people.bulkGet(rosterIds),
  ]);
  const rostered = new Map(members.filter((p): p is Person => p !== undefined).map((p) => [p.id, p]));
  return {
    unitName: !group.hostUnitId ? '' : unit && !unit.deletedAt ? unit.name : '（已删除）',
    departed: departedStaffOf(group, staff),
    onRoster: departedMembers(group, rostered),
  };
}

/**
 * Appends the check's date to the group; members removed shrink the member count, and removals or a
 * note are logged as a closed 问题登记 of the group (action 移出), so the check shows on F15.
 */
export async function recordRealNameCheck(
  ledger: LedgerDb,
  groupId: Id,
  input: RealNameCheckInput,
  today: IsoDate = localToday(),
  /** Departed people the check removed from the roster (003 第二十条: 离职（岗）人员及时移出). */
  removedFromRoster: readonly Id[] = [],
): Promise<{ group: Platform; logged?: Incident }> {
  let result: { group: Platform; logged?: Incident } | undefined;
  await ledger.transaction('rw', [ledger.platforms, ledger.incidents, ledger.auditLog, ledger.settings], async () => {
    const p = await liveGroup(ledger, groupId);
    enforce(checkRealNameCheck(p, input, today));
    const date = input.date!;
    const checked = groupAfterCheck(p, { ...input, date });
    const members = p.group?.members;
    const group = await updateRecord<Platform>(ledger, 'platforms', p.id, {
      group: members && removedFromRoster.length > 0 ? { ...checked, members: rosterWithout(members, removedFromRoster) } : checked,
    });
    const found = realNameCheckFinding(input);
    const logged = found
      ? await createRecord<Incident>(ledger, 'incidents', {
          kind: '问题登记',
          date,
          platformId: p.id,
          found,
          actions: input.removedCount ? ['移出'] : [],
          closedOn: date,
        })
      : undefined;
    result = { group, ...(logged ? { logged } : {}) };
  });
  return result!;
}

/** Disbands a group: group.disbandedOn, status 已停用 and a dated status entry, together. */
export async function disbandGroup(ledger: LedgerDb, groupId: Id, date: IsoDate | undefined, reason: string | undefined, today: IsoDate = localToday()): Promise<Platform> {
  let saved: Platform | undefined;
  await ledger.transaction('rw', [ledger.platforms, ledger.auditLog, ledger.settings], async () => {
    const p = await liveGroup(ledger, groupId);
    enforce(checkDisband(p, date, today));
    const note = reason?.trim() ? `解散：${reason.trim()}` : '工作结束，群主解散（003 第十九条）';
    saved = await updateRecord<Platform>(ledger, 'platforms', p.id, {
      group: { ...(p.group ?? { realNameCheckDates: [] }), disbandedOn: date },
      status: '已停用',
      statusHistory: [...p.statusHistory, { date: date!, value: '已停用', note }],
    });
  });
  return saved!;
}

/** Replaces a group's roster (部门+姓名 of every member, 003 第二十条); the member count follows it. */
export async function saveRoster(ledger: LedgerDb, groupId: Id, members: GroupMember[]): Promise<Platform> {
  let saved: Platform | undefined;
  await ledger.transaction('rw', [ledger.platforms, ledger.auditLog, ledger.settings], async () => {
    const p = await liveGroup(ledger, groupId);
    for (const m of members) {
      if (!m.personId && !(m.department?.trim() && m.name?.trim())) {
        throw new LedgerError('不在人员名单中的成员须填写部门和姓名（003 第二十条：部门+姓名实名）。', 'roster entry without person or 部门+姓名');
      }
    }
    saved = await updateRecord<Platform>(ledger, 'platforms', p.id, {
      group: { ...(p.group ?? { realNameCheckDates: [] }), members, memberCount: members.length },
    });
  });
  return saved!;
}
