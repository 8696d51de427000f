// What the start page shows, computed in one place from the database: the registry's counts, the
// people who left but still hold a role, and every reminder (compliance calendar, password
// custody, work-group rosters), overdue first. Runs in the home worker (home-worker.ts), never on
// the UI thread: at a university's scale it reads tens of thousands of records. It reads through
// indexes where the rules need only part of a table (this and last year's inspections, printouts
// still 待签回, people who left).
import type { LedgerDb } from '../../db/schema';
import type { ChangedIds } from '../../db/ledger-mark';
import type { RecordTable } from '@shared/domain/tables';
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

type HomeTables = Omit<HomeRecords, 'settings'>;
type RecordOf<K extends keyof HomeTables> = HomeTables[K][number];

/**
 * What the start page reads of each table: all of it, or the part an index selects. `wanted` is
 * the same selection tested on one record (a record changed since a kept read is taken or left
 * by it), and `order` the order the read returns (primary key; within an index key, the key first).
 */
interface HomeRead<K extends keyof HomeTables> {
  table: RecordTable;
  read: (db: LedgerDb, year: number) => Promise<RecordOf<K>[]>;
  wanted?: (record: RecordOf<K>, year: number) => boolean;
  order?: (a: RecordOf<K>, b: RecordOf<K>) => number;
}

const byKey = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

const HOME_READS: { [K in keyof HomeTables]: HomeRead<K> } = {
  units: { table: 'units', read: (db) => db.units.toArray() },
  leftPeople: { table: 'people', read: (db) => db.people.where('status').equals('离岗').toArray(), wanted: (p) => p.status === '离岗' },
  platforms: { table: 'platforms', read: (db) => db.platforms.toArray() },
  approvals: { table: 'approvals', read: (db) => db.approvals.toArray() },
  // The annual inspection looks at this year's campaign and last year's (003 第二十五条).
  inspections: {
    table: 'inspections',
    read: (db, year) => db.inspections.where('year').between(year - 1, year, true, true).toArray(),
    wanted: (i, year) => i.year === year - 1 || i.year === year,
    order: (a, b) => byKey(a.year, b.year) || byKey(a.id, b.id),
  },
  trainings: { table: 'trainings', read: (db) => db.trainings.toArray() },
  // Only forms still waiting for signatures can be overdue.
  printouts: { table: 'printouts', read: (db) => db.printouts.where('paperStatus').equals('待签回').toArray(), wanted: (p) => p.paperStatus === '待签回' },
  envelopes: { table: 'envelopes', read: (db) => db.envelopes.toArray() },
  handovers: { table: 'handovers', read: (db) => db.handovers.toArray() },
};

const HOME_KEYS = Object.keys(HOME_READS) as (keyof HomeTables)[];

/**
 * The records the start page's figures and rules read. Only Dexie calls, so that a liveQuery over
 * it knows every range it depends on; the computation is done apart (homeSnapshotOf).
 */
export async function readHomeRecords(db: LedgerDb, today: string): Promise<HomeRecords> {
  const year = Number(today.slice(0, 4));
  const [settings, ...tables] = await Promise.all([db.settings.get('main'), ...HOME_KEYS.map((key) => HOME_READS[key].read(db, year))]);
  return { settings, ...(Object.fromEntries(HOME_KEYS.map((key, i) => [key, tables[i]])) as unknown as HomeTables) };
}

/**
 * Brings records read for `today` up to date with the records changed since (ledger-mark.ts's
 * changesSince), re-reading just those: afterwards they equal what readHomeRecords reads now.
 * False when they cannot be (a whole table changed: a restore).
 */
export async function catchUpHomeRecords(db: LedgerDb, records: HomeRecords, changes: ChangedIds, today: string): Promise<boolean> {
  const year = Number(today.slice(0, 4));
  if (changes.settings === 'all' || HOME_KEYS.some((key) => changes[HOME_READS[key].table] === 'all')) return false;
  if (changes.settings) records.settings = await db.settings.get('main');
  const tables = records as unknown as Record<keyof HomeTables, { id: string }[]>;
  for (const key of HOME_KEYS) {
    const spec = HOME_READS[key] as unknown as HomeRead<'units'>;
    const ids = changes[spec.table];
    if (!ids || ids === 'all') continue;
    const changed = new Set(ids);
    const found = (await db.table(spec.table).bulkGet(ids)) as (Unit | undefined)[];
    const now = found.filter((r): r is Unit => r !== undefined && (spec.wanted?.(r, year) ?? true));
    tables[key] = [...(tables[key] as Unit[]).filter((r) => !changed.has(r.id)), ...now].sort(spec.order ?? ((a, b) => byKey(a.id, b.id)));
  }
  return true;
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

/**
 * The versions of the start page's data within one visit. A snapshot equal to the last one (one
 * computed from the records the last start kept, confirmed by reading them; a write that changes
 * nothing shown) keeps the last version, so the window is not sent it and does not draw the page
 * again (at 100,000 reviews a trace showed that drawing as one task of 135 ms, seconds after the
 * start).
 */
export class SnapshotVersions {
  /**
   * The last snapshot given, as its text once it has been compared with another. The first is
   * kept as it is: its text (every reminder, not only the page shown) is made only when the next
   * one is compared with it, not before the first is sent at the start. A snapshot given here is
   * never changed afterwards.
   */
  private last: HomeSnapshot | string | undefined;
  /** The version of the last snapshot that differed from the one before; 0 before the first. */
  version = 0;

  /** Whether `snapshot` differs from the last one given (then it gets the next version). */
  changed(snapshot: HomeSnapshot): boolean {
    if (this.last !== undefined) {
      const last = typeof this.last === 'string' ? this.last : JSON.stringify(this.last);
      const text = JSON.stringify(snapshot);
      this.last = text;
      if (text === last) return false;
    } else this.last = snapshot;
    this.version += 1;
    return true;
  }
}
