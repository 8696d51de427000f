// Work groups (工作群, 000 第五条, 003 第五章): the periodic real-name check of members (003 第二十条:
// 群主要定期对群内人员予以认定，对离职（岗）人员及时移出), the departed staff to remove, and
// disbanding a group when its work ends (003 第十九条: 因工作结束…群主主动解散). Pure functions; the
// overdue rule is the start page's reminder rule itself, so the page and the reminders never differ.
import type { IsoDate } from '../domain/common';
import type { Person } from '../domain/person';
import type { Platform } from '../domain/platform';
import { realNameCheckReminders, REAL_NAME_CHECK_INTERVAL_DAYS } from './account-reminders';
import type { RuleCheck } from './envelope-state';

export { REAL_NAME_CHECK_INTERVAL_DAYS };

export interface RealNameCheckInput {
  date?: IsoDate;
  /** Members removed at the check (departed staff, names not 部门+姓名). */
  removedCount?: number;
  note?: string;
}

export interface RealNameCheckStatus {
  last?: IsoDate;
  /** When the next check is due; undefined for a disbanded or stopped group. */
  dueDate?: IsoDate;
  /** The last check is older than the interval (or there never was one and the interval has passed). */
  overdue: boolean;
}

export function lastRealNameCheck(p: Pick<Platform, 'group'>): IsoDate | undefined {
  return [...(p.group?.realNameCheckDates ?? [])].sort().at(-1);
}

export function isDisbanded(p: Pick<Platform, 'group'>): boolean {
  return Boolean(p.group?.disbandedOn);
}

/** The group's check status as the start page's reminder rule sees it (same interval, same dates). */
export function realNameCheckStatus(p: Platform, today: IsoDate, timeZone: string, intervalDays = REAL_NAME_CHECK_INTERVAL_DAYS): RealNameCheckStatus {
  const last = lastRealNameCheck(p);
  const reminder = realNameCheckReminders({ platforms: [p] }, today, { timeZone }, intervalDays)[0];
  if (!reminder) return { last, overdue: false };
  return { last, dueDate: reminder.dueDate, overdue: reminder.daysLeft < 0 };
}

/**
 * Staff of the group's unit who have left (离岗): a hint of whom to remove. The app cannot see the
 * members, so the owner checks the list against the group.
 */
export function departedStaffOf(p: Pick<Platform, 'hostUnitId'>, people: Iterable<Person>): Person[] {
  if (!p.hostUnitId) return [];
  return [...people].filter((x) => !x.deletedAt && x.status === '离岗' && x.unitId === p.hostUnitId).sort((a, b) => (b.statusDate ?? '').localeCompare(a.statusDate ?? ''));
}

/** Checks a real-name check before it is recorded. */
export function checkRealNameCheck(p: Pick<Platform, 'openedOn' | 'group'>, input: RealNameCheckInput, today: IsoDate): RuleCheck {
  const errors: Record<string, string> = {};
  const { date, removedCount } = input;
  if (p.group?.disbandedOn) errors._ = `该群已于${p.group.disbandedOn}解散，不能再记录实名核查。`;
  if (!date) errors.date = '请填写核查日期。';
  else if (date > today) errors.date = '核查日期不能晚于今天。';
  else if (p.openedOn && date < p.openedOn) errors.date = `核查日期不能早于建群日期（${p.openedOn}）。`;
  else if (p.group?.realNameCheckDates.includes(date)) errors.date = `${date}已记录过一次实名核查。`;
  if (removedCount !== undefined && (!Number.isInteger(removedCount) || removedCount < 0)) errors.removedCount = '移出人数须为不小于0的整数。';
  else if (removedCount !== undefined && p.group?.memberCount !== undefined && removedCount > p.group.memberCount) {
    errors.removedCount = `移出人数不能多于登记的群成员数（${p.group.memberCount}人）。`;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true };
}

/** The group after a check: the date joins the list (kept sorted), the member count drops by those removed. */
export function groupAfterCheck(p: Pick<Platform, 'group'>, input: Required<Pick<RealNameCheckInput, 'date'>> & RealNameCheckInput): NonNullable<Platform['group']> {
  const group = p.group ?? { realNameCheckDates: [] };
  const next = { ...group, realNameCheckDates: [...group.realNameCheckDates, input.date].sort() };
  if (group.memberCount !== undefined && input.removedCount) next.memberCount = Math.max(0, group.memberCount - input.removedCount);
  return next;
}

/** The 问题登记 text a check with removals leaves in the group's log (F15), or undefined when nothing was found. */
export function realNameCheckFinding(input: RealNameCheckInput): string | undefined {
  const parts: string[] = [];
  if (input.removedCount) parts.push(`群成员实名核查（部门+姓名）：移出离岗或非实名人员${input.removedCount}人。`);
  if (input.note?.trim()) parts.push(input.removedCount ? input.note.trim() : `群成员实名核查（部门+姓名）：${input.note.trim()}`);
  return parts.length > 0 ? parts.join('') : undefined;
}

/** Checks disbanding: a date not in the future nor before the group was opened, once. */
export function checkDisband(p: Pick<Platform, 'openedOn' | 'group' | 'status'>, date: IsoDate | undefined, today: IsoDate): RuleCheck {
  if (p.group?.disbandedOn) return { ok: false, errors: { _: `该群已于${p.group.disbandedOn}解散。` } };
  if (!date) return { ok: false, errors: { date: '请填写解散日期。' } };
  if (date > today) return { ok: false, errors: { date: '解散日期不能晚于今天。' } };
  if (p.openedOn && date < p.openedOn) return { ok: false, errors: { date: `解散日期不能早于建群日期（${p.openedOn}）。` } };
  return { ok: true };
}

