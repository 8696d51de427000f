// Demo data for a fictitious university (东湖示范大学): units, people and a registry of online
// positions that exercises every platform kind, lifecycle status and the awkward cases the clerk
// meets in real ledgers (rare characters, people who left but still hold a role, stale accounts).
// Deterministic: the same `today` always gives the same ids and dates, so tests and screenshots agree.
import { ulid } from 'ulid';
import type { Dated, Id, IsoDate, IsoDateTime } from '../domain/common';
import type { LedgerRecords } from '../domain/ledger-records';
import type { Person } from '../domain/person';
import type { LifecycleStatus, Platform, WorkGroupInfo } from '../domain/platform';
import type { Unit } from '../domain/unit';
import { createDemoRecords } from './demo-records';
import { PERSON_SPECS, PLATFORM_SPECS, UNIT_ROLES, UNIT_SPECS, type PersonSpec, type PlatformSpec, type UnitSpec } from './demo-registry';

/** The demo's records, with the institution they belong to and the rule profile they fit. */
export interface DemoDataset extends LedgerRecords {
  institutionName: string;
  profileId: string;
}

export interface DemoDatasetOptions {
  /** 'YYYY-MM-DD'; every date in the dataset is placed relative to it. Default '2026-11-22'. */
  today?: string;
}

export const DEMO_INSTITUTION_NAME = '东湖示范大学';
/** The demo institution keeps a library, a functional department and student bodies: seed 004's rules fit. */
export const DEMO_PROFILE_ID = 'undergraduate-filing-three-reviewers';
const DEFAULT_TODAY = '2026-11-22';
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Dates, times and ids, all derived from `today` so the dataset never drifts into the future.

function parseToday(today: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== today) {
    throw new Error(`createDemoDataset: today must be a real date as YYYY-MM-DD, got "${today}"`);
  }
  return ms;
}

/** mulberry32: a tiny seeded PRNG so the random part of every ULID is the same on every call. */
function seededPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Optional fields are left out rather than set to undefined, as a stored record would be. */
function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Builds the demo dataset of the fictitious 东湖示范大学 (deterministic for a given `today`). */
export function createDemoDataset(options: DemoDatasetOptions = {}): DemoDataset {
  const todayMs = parseToday(options.today ?? DEFAULT_TODAY);
  const day = (daysAgo: number): IsoDate => new Date(todayMs - daysAgo * DAY_MS).toISOString().slice(0, 10);
  const prng = seededPrng(0x20261122);

  // The clerk typed the ledger in on one day 60 days ago: one record every 3 minutes from 09:00 (UTC+8).
  const entryStartMs = todayMs - 60 * DAY_MS + 60 * 60_000;
  let serial = 0;
  // A record about something that happened after that morning was typed in on the day itself
  // (from 10:00 UTC+8, one a minute); `notBefore` says when.
  const nextEntry = (notBefore?: IsoDate): { id: Id; createdAt: IsoDateTime } => {
    let ms = entryStartMs + serial * 3 * 60_000;
    if (notBefore) ms = Math.max(ms, Date.parse(`${notBefore}T02:00:00.000Z`) + (serial % 60) * 60_000);
    serial++;
    return { id: ulid(ms, prng), createdAt: new Date(ms).toISOString() };
  };
  /** Touched again when the last dated fact was recorded (at 10:00 UTC+8 on that day). */
  const touched = (createdAt: IsoDateTime, dates: (IsoDate | undefined)[]): IsoDateTime => {
    let latest = createdAt;
    for (const d of dates) {
      if (!d) continue;
      const at = `${d}T02:00:00.000Z`;
      if (at > latest) latest = at;
    }
    return latest;
  };

  // Units first (people belong to them), then people, then the unit roles that point at people.
  const unitIds = new Map<string, Id>();
  const units: Unit[] = UNIT_SPECS.map((spec: UnitSpec) => {
    const { id, createdAt } = nextEntry();
    unitIds.set(spec.key, id);
    return {
      id, createdAt, updatedAt: createdAt,
      name: spec.name, kind: spec.kind,
      ...definedOnly({ phone: spec.phone, note: spec.note }),
    };
  });
  const unitId = (key: string): Id => {
    const id = unitIds.get(key);
    if (!id) throw new Error(`demo dataset: unknown unit "${key}"`);
    return id;
  };
  UNIT_SPECS.forEach((spec: UnitSpec, i) => {
    if (spec.parent) units[i]!.parentId = unitId(spec.parent);
  });

  const personIds = new Map<string, Id>();
  const people: Person[] = PERSON_SPECS.map((spec: PersonSpec) => {
    const { id, createdAt } = nextEntry();
    personIds.set(spec.key, id);
    const left = spec.leftDaysAgo !== undefined;
    const statusDate = left ? day(spec.leftDaysAgo!) : undefined;
    return {
      id, createdAt, updatedAt: createdAt,
      name: spec.name, unitId: unitId(spec.unit), title: spec.title, ...('rank' in spec ? { rank: spec.rank } : {}),
      isTeacher: spec.isTeacher,
      status: left ? '离岗' : '在岗',
      ...definedOnly({ phone: spec.phone, statusDate, note: spec.note }),
    };
  });
  const personId = (key: string): Id => {
    const id = personIds.get(key);
    if (!id) throw new Error(`demo dataset: unknown person "${key}"`);
    return id;
  };
  const optionalPerson = (key: string | undefined): Id | undefined => (key ? personId(key) : undefined);

  for (const [key, roles] of Object.entries(UNIT_ROLES)) {
    const unit = units.find((u) => u.id === unitId(key));
    if (!unit || !roles) continue;
    if (roles.first) unit.firstResponsibleId = personId(roles.first);
    if (roles.rank) unit.firstResponsibleRank = roles.rank;
    if (roles.secretary) unit.partySecretaryId = personId(roles.secretary);
    if (roles.contact) unit.contactId = personId(roles.contact);
  }

  const platforms: Platform[] = PLATFORM_SPECS.map((spec: PlatformSpec) => {
    const { id, createdAt } = nextEntry();
    const statusHistory: Dated<LifecycleStatus>[] = spec.history.map(([value, daysAgo, note]) => ({
      date: day(daysAgo), value, ...(note ? { note } : {}),
    }));
    const followers: Dated<number>[] = (spec.followers ?? []).map(([daysAgo, value]) => ({ date: day(daysAgo), value }));
    const lastUpdateOn = spec.lastUpdateDaysAgo !== undefined ? day(spec.lastUpdateDaysAgo) : undefined;
    const group: WorkGroupInfo | undefined = spec.group && {
      ownerId: personId(spec.group.owner),
      memberCount: spec.group.members,
      realNameCheckDates: spec.group.checkedDaysAgo.map(day),
      supervisorId: personId(spec.group.supervisor),
      ...(spec.group.disbandedDaysAgo !== undefined ? { disbandedOn: day(spec.group.disbandedDaysAgo) } : {}),
    };
    return {
      id, createdAt,
      updatedAt: touched(createdAt, [lastUpdateOn, statusHistory.at(-1)?.date, followers.at(-1)?.date]),
      kind: spec.kind, name: spec.name, accountId: spec.accountId,
      hostUnitId: unitId(spec.host),
      purpose: spec.purpose, contentScope: spec.contentScope,
      certification: spec.certification,
      followers,
      server: spec.serverLocation ? { involvesData: true, location: spec.serverLocation } : { involvesData: false },
      sectionAdminIds: (spec.sectionAdmins ?? []).map(personId),
      measures: spec.measures,
      columns: spec.columns ?? [],
      status: spec.history.at(-1)?.[0] ?? '申请中',
      statusHistory,
      ...definedOnly({
        url: spec.url,
        sponsorUnitId: spec.sponsor && unitId(spec.sponsor),
        guidingTeacherId: optionalPerson(spec.guidingTeacher),
        openedOn: spec.openedDaysAgo !== undefined ? day(spec.openedDaysAgo) : undefined,
        responsibleId: optionalPerson(spec.responsible),
        businessLeadId: optionalPerson(spec.businessLead),
        technicalLeadId: optionalPerson(spec.technicalLead),
        chiefAdminId: optionalPerson(spec.chiefAdmin),
        lastUpdateOn,
        group,
        note: spec.note,
      }),
    };
  });

  const platformByKey = new Map(PLATFORM_SPECS.map((spec: PlatformSpec, i) => [spec.key, platforms[i]!]));
  const records = createDemoRecords({
    profileId: DEMO_PROFILE_ID,
    day,
    nextEntry,
    touched,
    unit: unitId,
    person: personId,
    personName: (key) => people.find((p) => p.id === personId(key))?.name ?? '',
    platform: (key) => {
      const platform = platformByKey.get(key);
      if (!platform) throw new Error(`demo dataset: unknown platform "${key}"`);
      return platform;
    },
    platforms,
  });

  return { institutionName: DEMO_INSTITUTION_NAME, profileId: DEMO_PROFILE_ID, units, people, platforms, ...records };
}
