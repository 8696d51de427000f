// Reminders about the office's own duties: training every semester (003 第十五条: 每学期至少举行一次)
// and printed forms still out for signatures and seals.
import type { RuleProfile } from '../profiles/types';
import { clauseFor } from '../profiles/clauses';
import { addCalendarDays } from '../domain/calendar-days';
import { recordDay, formatCnDate, live, reminderFor, type ComplianceData, type ComplianceReminder } from './compliance-reminder';

/** Not in any seed: two weeks is enough to collect signatures and a seal. Default. */
export const SIGN_BACK_DAYS = 14;
export const SIGN_BACK_SOURCE = '纸质表格签字盖章（本软件默认14天内签回）';

export interface Semester {
  /** e.g. '2026年春季学期', '2026年秋季学期'. */
  label: string;
  from: string;
  to: string;
}

/** Spring semester February–July, autumn August–January (the January belongs to the autumn before). */
export function semesterOf(date: string): Semester {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month >= 2 && month <= 7) return { label: `${year}年春季学期`, from: `${year}-02-01`, to: `${year}-07-31` };
  const start = month === 1 ? year - 1 : year;
  return { label: `${start}年秋季学期`, from: `${start}-08-01`, to: `${start + 1}-01-31` };
}

/** Fewer trainings this semester than the profile asks for: due by the semester's last day. */
export function trainingReminders(data: Pick<ComplianceData, 'trainings'>, profile: RuleProfile, today: string): ComplianceReminder[] {
  const needed = profile.trainingsPerSemester;
  if (needed <= 0) return [];
  const s = semesterOf(today);
  const held = live(data.trainings).filter((t) => t.date >= s.from && t.date <= s.to && t.date <= today).length;
  if (held >= needed) return [];
  return [
    reminderFor(
      {
        kind: 'training',
        title: `${s.label}已举行培训${held}次，每学期至少${needed}次，还需${needed - held}次`,
        dueDate: s.to,
        source: clauseFor(profile, 'training'),
        table: 'trainings',
        recordId: '',
      },
      today,
    ),
  ];
}

/** Printouts still 待签回 longer than the sign-back period. */
export function unsignedPaperReminders(data: Pick<ComplianceData, 'printouts'>, today: string, profile: Pick<RuleProfile, 'timeZone'>, days = SIGN_BACK_DAYS): ComplianceReminder[] {
  const out: ComplianceReminder[] = [];
  for (const p of live(data.printouts)) {
    if (p.paperStatus !== '待签回') continue;
    const printed = recordDay(p.printedAt, profile);
    const dueDate = addCalendarDays(printed, days);
    if (dueDate > today) continue;
    out.push(
      reminderFor(
        { kind: 'paper-unsigned', title: `${p.formId} ${p.formNumber}：${formatCnDate(printed)}打印，尚未签回`, dueDate, source: SIGN_BACK_SOURCE, table: 'printouts', recordId: p.id },
        today,
      ),
    );
  }
  return out;
}
