// The start page's compliance calendar (the seeds' deadlines, e.g. 报备 within 5 working days
// of a change, 001 第五条, 004 第六条): every obligation's reminders for a
// fixed `today`, overdue first. Envelope and password reminders come from credentials.ts and are
// merged by the caller.
import type { RuleProfile } from '../profiles/types';
import { clauseFor } from '../profiles/clauses';
import { sortReminders } from './reminder';
import type { HolidayCalendar } from './working-days';
import type { ComplianceData, ComplianceReminder } from './compliance-reminder';
import { backFilingReminders, changeFilingReminders } from './filing-reminders';
import { annualInspectionReminders, realNameCheckReminders, updateFrequencyReminders, zombieReminders } from './account-reminders';
import { trainingReminders, unsignedPaperReminders } from './office-reminders';

export type { ComplianceData, ComplianceReminder } from './compliance-reminder';

/**
 * All reminders of the ledger on `today` ('YYYY-MM-DD'). A deadline that runs into a year without
 * holiday data is listed with `dueUnknownReason` and `missingYear` rather than guessed.
 */
export function computeReminders(data: ComplianceData, profile: RuleProfile, today: string, calendar?: HolidayCalendar): ComplianceReminder[] {
  const all: ComplianceReminder[] = [
    ...changeFilingReminders(data, profile, today, calendar),
    ...backFilingReminders(data, profile, today),
    ...annualInspectionReminders(data, profile, today),
    ...zombieReminders(data, profile, today),
    ...updateFrequencyReminders(data, profile, today),
    ...trainingReminders(data, profile, today),
    ...realNameCheckReminders(data, today, profile, undefined, clauseFor(profile, 'realNameCheck')),
    ...unsignedPaperReminders(data, today, profile),
  ];
  // sortReminders reorders the same objects; only its declared element type is the narrower Reminder.
  return sortReminders(all) as ComplianceReminder[];
}

/** Years whose missing holiday schedule leaves some deadline unknown, ascending. */
export function missingHolidayYears(reminders: readonly { missingYear?: number }[]): number[] {
  return [...new Set(reminders.flatMap((r) => (r.missingYear === undefined ? [] : [r.missingYear])))].sort((a, b) => a - b);
}
