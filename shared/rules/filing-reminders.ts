// Filing reminders: change and closure filings due N working days after the change (001 第五条,
// 004 第六条), and back-filing for accounts that have no opening approval or filing on record
// (003 第二十五条: 补办审批手续 within 10 days; 004 第七条: 补充填写备案表).
import type { RuleProfile } from '../profiles/types';
import { changeFilingDeadline } from './deadlines';
import { clauseFor } from '../profiles/clauses';
import type { Approval } from '../domain/records';
import { existedBeforeLedger, type Platform } from '../domain/platform';
import { addCalendarDays } from '../domain/calendar-days';
import type { HolidayCalendar } from './working-days';
import { recordDay, isClosed, live, platformLabel, platformNames, reminderFor, type ComplianceData, type ComplianceReminder } from './compliance-reminder';


export function isChangeOrClosure(a: Pick<Approval, 'kind'>): boolean {
  return a.kind === '变更备案' || a.kind === '注销备案';
}

/** "总管理员、账号名称" — what a filing changes, for titles and lists. */
export function changeSummary(a: Pick<Approval, 'kind' | 'changes'>): string {
  if (a.kind === '注销备案') return '注销';
  const fields = [...new Set(a.changes.map((c) => c.field))];
  return fields.length ? `${fields.join('、')}变更` : '变更';
}

/**
 * Change and closure filings not yet filed. The due date is recomputed from the profile and the
 * calendar (a stored one may predate a newly entered schedule). A closed account keeps only its
 * closure filing: its other pending changes no longer matter.
 */
export function changeFilingReminders(data: Pick<ComplianceData, 'platforms' | 'approvals'>, profile: RuleProfile, today: string, calendar?: HolidayCalendar): ComplianceReminder[] {
  const platforms = platformNames(live(data.platforms));
  const n = profile.changeFilingWorkingDays;
  const office = profile.texts.filingOffice;
  const out: ComplianceReminder[] = [];
  for (const a of live(data.approvals)) {
    if (!isChangeOrClosure(a) || a.filedOn || !a.changeDate) continue;
    const p = platforms.get(a.platformId);
    if (!p) continue;
    if (isClosed(p) && a.kind !== '注销备案') continue;
    const { dueDate, missingYear } = changeFilingDeadline(a.changeDate, profile, calendar);
    const what = a.kind === '注销备案' ? '注销' : changeSummary(a);
    out.push(
      reminderFor(
        { kind: 'change-filing', title: `${platformLabel(p)}：${what}后${n}个工作日内报${office}备案`, dueDate, source: clauseFor(profile, 'changeFiling'), table: 'approvals', recordId: a.id },
        today,
        missingYear,
      ),
    );
  }
  return out;
}

/**
 * Accounts without a filed opening approval (开通审批) or filing (备案). The seeds set the clock at
 * the rules' publication (003 第二十五条) — a date the app does not know — so the clock starts
 * when the account was entered in the ledger: from then the clerk knows it must be back-filed,
 * within the profile's backFilingDays (calendar days: the seed says 10日, not 工作日). An account
 * still 申请中 whose application is pending counts from the application instead. Only accounts
 * that existed before the ledger owe it: one registered here as new is approved or filed before
 * it opens, which the registration itself is part of.
 */
export function backFilingReminders(data: Pick<ComplianceData, 'platforms' | 'approvals'>, profile: RuleProfile, today: string): ComplianceReminder[] {
  const byPlatform = openingApprovalsByPlatform(data.approvals);
  const days = profile.backFilingDays;
  const out: ComplianceReminder[] = [];
  for (const p of live(data.platforms)) {
    if (isClosed(p) || !existedBeforeLedger(p)) continue;
    const own = byPlatform.get(p.id) ?? [];
    if (own.some((a) => a.filedOn)) continue;
    out.push(backFiling(p, earliest(own), days, today, clauseFor(profile, 'backFiling'), profile));
  }
  return out;
}

/** The live opening approvals (开通审批) and filings (备案) of each platform, in one pass: a ledger holds tens of thousands. */
function openingApprovalsByPlatform(approvals: readonly Approval[]): Map<string, Approval[]> {
  const byPlatform = new Map<string, Approval[]>();
  for (const a of approvals) {
    if (a.deletedAt || (a.kind !== '开通审批' && a.kind !== '备案')) continue;
    const own = byPlatform.get(a.platformId);
    if (own) own.push(a);
    else byPlatform.set(a.platformId, [a]);
  }
  return byPlatform;
}

/** The first-created approval (the first in the list among equal times), or undefined for none. */
function earliest(approvals: readonly Approval[]): Approval | undefined {
  let first: Approval | undefined;
  for (const a of approvals) if (!first || a.createdAt.localeCompare(first.createdAt) < 0) first = a;
  return first;
}

function backFiling(p: Platform, pending: Approval | undefined, days: number, today: string, source: string, profile: Pick<RuleProfile, 'timeZone'>): ComplianceReminder {
  const from = recordDay((pending ?? p).createdAt, profile);
  const title = pending
    ? `${platformLabel(p)}：${pending.kind}已提交，尚未办结（应在${days}日内办完）`
    : `${platformLabel(p)}：尚无开通审批或备案记录，应在登记后${days}日内补办`;
  return reminderFor(
    { kind: 'back-filing', title, dueDate: addCalendarDays(from, days), source, table: pending ? 'approvals' : 'platforms', recordId: pending?.id ?? p.id },
    today,
  );
}
