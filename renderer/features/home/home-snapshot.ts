// What the start page shows, computed in one place from the database: the registry's counts, the
// people who left but still hold a role, and every reminder (compliance calendar, password
// custody, work-group rosters), overdue first. Runs in the home worker (home-worker.ts), never on
// the UI thread: at a university's scale it reads tens of thousands of records. It reads through
// indexes where the rules need only part of a table (this and last year's inspections, printouts
// still 待签回, people who left).
import type { LedgerDb } from '../../db/schema';
import { isClosed, isGroupKind } from '@shared/domain/platform';
import type { Person } from '@shared/domain/person';
import type { Platform } from '@shared/domain/platform';
import type { Approval, Envelope, Handover, Inspection, Printout, Training } from '@shared/domain/records';
import type { Settings } from '@shared/domain/settings';
import type { Unit } from '@shared/domain/unit';
import { rolesHeldBy } from '@shared/domain/roles';
import { sortReminders, type ReminderKind } from '@shared/rules/reminder';
import { computeReminders, missingHolidayYears, type ComplianceReminder } from '@shared/rules/reminders';
import { credentialReminders } from '@shared/rules/credentials';
import { departedMemberReminders, rosterSource } from '@shared/rules/group-roster';

export interface HomeStats {
  /** Live platforms of every kind and status: 0 shows the invitation to register the first account. */
  platforms: number;
  accounts: number;
  groups: number;
  pending: number;
  fixing: number;
}

/** A person who left (离岗) and still holds a role somewhere. */
export interface FlaggedPerson {
  id: string;
  name: string;
  /** The unit's name, 已删除 for a unit in the trash, '' for none. */
  unitName: string;
  statusDate: string;
  roles: string[];
}

/** The start page's data, computed: everything but the reminders themselves, which are paged. */
export interface HomeSnapshot {
  stats: HomeStats;
  flagged: FlaggedPerson[];
  /** Every reminder, overdue first (the order the panel lists them in). */
  reminders: ComplianceReminder[];
  /** False until settings exist (first-run setup): the profile says what is due. */
  hasRules: boolean;
}

const live = <T extends { deletedAt?: string }>(rows: readonly T[]): T[] => rows.filter((r) => !r.deletedAt);

/** Reads what the start page needs and computes it for `today` ('YYYY-MM-DD', the clerk's calendar). */
export async function readHomeSnapshot(db: LedgerDb, today: string): Promise<HomeSnapshot> {
  return homeSnapshotOf(await readHomeRecords(db, today), today);
}

/**
 * The records the start page's figures and rules read. Only Dexie calls, so that a liveQuery over
 * it knows every range it depends on; the computation is done apart (homeSnapshotOf).
 */
export async function readHomeRecords(db: LedgerDb, today: string): Promise<HomeRecords> {
  const year = Number(today.slice(0, 4));
  const [settings, units, leftPeople, platforms, approvals, inspections, trainings, printouts, envelopes, handovers] = await Promise.all([
    db.settings.get('main'),
    db.units.toArray(),
    db.people.where('status').equals('离岗').toArray(),
    db.platforms.toArray(),
    db.approvals.toArray(),
    // The annual inspection looks at this year's campaign and last year's (003 第二十五条).
    db.inspections.where('year').between(year - 1, year, true, true).toArray(),
    db.trainings.toArray(),
    // Only forms still waiting for signatures can be overdue.
    db.printouts.where('paperStatus').equals('待签回').toArray(),
    db.envelopes.toArray(),
    db.handovers.toArray(),
  ]);
  return { settings, units, leftPeople, platforms, approvals, inspections, trainings, printouts, envelopes, handovers };
}

export interface HomeRecords {
  settings: Settings | undefined;
  units: readonly Unit[];
  /** People whose status is 离岗 (live or trashed). */
  leftPeople: readonly Person[];
  platforms: readonly Platform[];
  approvals: readonly Approval[];
  inspections: readonly Inspection[];
  trainings: readonly Training[];
  printouts: readonly Printout[];
  envelopes: readonly Envelope[];
  handovers: readonly Handover[];
}

export function homeSnapshotOf(data: HomeRecords, today: string): HomeSnapshot {
  const platforms = live(data.platforms);
  const units = live(data.units);
  const left = live(data.leftPeople);
  const active = platforms.filter((p) => !isClosed(p));
  const stats: HomeStats = {
    platforms: platforms.length,
    accounts: active.filter((p) => !isGroupKind(p.kind)).length,
    groups: active.filter((p) => isGroupKind(p.kind)).length,
    pending: platforms.filter((p) => p.status === '申请中' || p.status === '已批准').length,
    fixing: platforms.filter((p) => p.status === '整改中').length,
  };

  const roles = rolesHeldBy(platforms, units);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const flagged = left
    .filter((p) => roles.has(p.id))
    // In name order as the people list reads (code-point order, as Dexie's sortBy).
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((p) => ({
      id: p.id,
      name: p.name,
      unitName: p.unitId ? (unitNames.get(p.unitId) ?? '（已删除）') : '',
      statusDate: p.statusDate ?? '',
      roles: roles.get(p.id) ?? [],
    }));

  const settings = data.settings;
  if (!settings) return { stats, flagged, reminders: [], hasRules: false };
  const profile = settings.profile;
  const compliance = computeReminders(
    { platforms: data.platforms, approvals: data.approvals, inspections: data.inspections, trainings: data.trainings, printouts: data.printouts },
    profile,
    today,
    settings.holidayOverrides ?? [],
  );
  const credentials = credentialReminders({ platforms, envelopes: live(data.envelopes), handovers: live(data.handovers), policy: profile.passwordPolicy, profile, today });
  // The owner of every group whose roster lists a person who left is to remove them (003 第二十条).
  const roster = departedMemberReminders(platforms, new Map(left.map((p) => [p.id, p])), today, rosterSource(profile.source));
  const reminders = sortReminders([...compliance, ...credentials, ...roster]) as ComplianceReminder[];
  return { stats, flagged, reminders, hasRules: true };
}

/** What the panel needs besides the list's current page. */
export interface ReminderSummary {
  total: number;
  overdue: number;
  /** Reminders per kind, kinds in the order they first appear in the list. */
  counts: [ReminderKind, number][];
  /** Years whose holiday schedule is missing, ascending. */
  missingYears: number[];
}

export function reminderSummary(reminders: readonly ComplianceReminder[]): ReminderSummary {
  const counts = new Map<ReminderKind, number>();
  let overdue = 0;
  for (const r of reminders) {
    counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
    if (r.daysLeft < 0 && !r.dueUnknownReason) overdue += 1;
  }
  return { total: reminders.length, overdue, counts: [...counts], missingYears: missingHolidayYears(reminders) };
}

/** One page (1-based) of the reminders of one kind (or all), and how many there are in all. */
export function reminderPage(
  reminders: readonly ComplianceReminder[],
  kind: ReminderKind | undefined,
  page: number,
  pageSize: number,
): { items: ComplianceReminder[]; total: number } {
  const shown = kind ? reminders.filter((r) => r.kind === kind) : reminders;
  const start = Math.max(0, (page - 1) * pageSize);
  return { items: shown.slice(start, start + pageSize), total: shown.length };
}
