// The messages between the window (home-client.ts) and the home worker (home-worker.ts). Kept
// apart from the worker so that the window imports none of the worker's code.
import type { ReminderKind } from '@shared/rules/reminder';
import type { ComplianceReminder } from '@shared/rules/reminders';
import type { FlaggedPerson, HomeStats, ReminderSummary } from './home-snapshot';

/** Reminders per page of the panel's list. */
export const REMINDER_PAGE_SIZE = 10;

export type HomeWorkerRequest =
  /** Start (or restart with another day) watching; `session` tags every answer. */
  | { type: 'watch'; session: number; today: string }
  | { type: 'unwatch' }
  | { type: 'page'; id: number; kind?: ReminderKind; page: number };

export interface HomeSummary {
  session: number;
  /** Increases with every computation in the session: a page asked for an older one is asked again. */
  version: number;
  stats: HomeStats;
  flagged: FlaggedPerson[];
  hasRules: boolean;
  reminders: ReminderSummary;
  /** Page 1 of the list, all kinds. */
  firstPage: ComplianceReminder[];
}

export type HomeWorkerResponse =
  | { type: 'summary'; summary: HomeSummary }
  | { type: 'page'; id: number; version: number; items: ComplianceReminder[]; total: number }
  | { type: 'error'; session: number; detail: string };

