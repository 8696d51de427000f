// A reminder on the start page's compliance calendar: what is due or overdue, by when, under
// which clause, and which record to open. Every obligation's rule returns these.
import { compareZh } from '../domain/collate';

export type ReminderKind =
  | 'change-filing'
  | 'back-filing'
  | 'annual-inspection'
  | 'password-rotation'
  | 'password-after-handover'
  | 'envelope-open'
  | 'zombie-account'
  | 'update-frequency'
  | 'training'
  | 'real-name-check'
  | 'paper-unsigned';

export interface Reminder {
  kind: ReminderKind;
  /** What to do, in Chinese, e.g. '东湖图书馆公众号：管理员变更后5个工作日内报备'. */
  title: string;
  /** 'YYYY-MM-DD' by which it must be done. */
  dueDate: string;
  /** Negative: days overdue; computed against the "today" the rule was given. */
  daysLeft: number;
  /** The clause that sets the obligation, e.g. '001 第五条'. */
  source: string;
  /** The record to open: table and id (e.g. 'platforms', 'envelopes'). */
  table: string;
  recordId: string;
}

/** Overdue first (most overdue on top), then by due date; equal dates by title in pinyin order. */
export function sortReminders(list: readonly Reminder[]): Reminder[] {
  // Dates are 'YYYY-MM-DD': plain string order is date order.
  return [...list].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : compareZh(a.title, b.title)));
}

