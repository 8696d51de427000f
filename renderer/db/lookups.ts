// Names for the ids a list's rows hold (units, people), as plain functions of the records read:
// the window's pages read them through queries.ts, the export worker through the same functions.
import type { Person } from '@shared/domain/person';
import type { Unit } from '@shared/domain/unit';
import type { LedgerDb } from './schema';

export interface Lookups {
  units: Map<string, Unit>;
  people: Map<string, Person>;
  /** People in the trash, so that a record still naming one shows who it was: 王𠮷（已删除）. */
  deletedPeople: Map<string, Person>;
  /** False until units and people have been read: an empty map then means "not read yet". */
  loaded: boolean;
  unitName: (id: string | undefined) => string;
  personName: (id: string | undefined) => string;
}

/** A name as shown once its record is in the trash. */
export function deletedName(name: string | undefined): string {
  return `${name ?? ''}（已删除）`;
}

export function lookupsOf(units: readonly Unit[] | undefined, allPeople: Person[] | undefined): Lookups {
  const u = new Map((units ?? []).map((x) => [x.id, x]));
  const p = new Map((allPeople ?? []).filter((x) => !x.deletedAt).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((x) => [x.id, x]));
  const gone = new Map((allPeople ?? []).filter((x) => x.deletedAt).map((x) => [x.id, x]));
  return {
    units: u,
    people: p,
    deletedPeople: gone,
    loaded: units !== undefined && allPeople !== undefined,
    unitName: (id) => (id ? (u.get(id)?.name ?? '（已删除）') : ''),
    personName: (id) => (id ? (p.get(id)?.name ?? deletedName(gone.get(id)?.name)) : ''),
  };
}

/**
 * Every unit not in the trash, by name. Read with one request (getAll): a filtered read walks a
 * cursor, one request per unit, and IndexedDB answers each in turn (300 units: 300 round trips).
 */
export async function readLiveUnits(db: LedgerDb): Promise<Unit[]> {
  return (await db.units.toArray()).filter((u) => !u.deletedAt).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Names for the people given: every unit and those people, read by id. */
export type ReadNames = (personIds: readonly (string | undefined)[]) => Promise<Lookups>;

/**
 * ReadNames over `db`, the units taken from `units` (a few hundred: read once, or from a kept read).
 * With `known` (an export's slices), each person is read once however many reads name them: those
 * read before, or found to be none, are taken from it.
 */
export function namesReader(db: LedgerDb, units: () => Promise<readonly Unit[]>, known?: Map<string, Person | undefined>): ReadNames {
  return async (personIds) => {
    const ids = [...new Set(personIds.filter((id): id is string => Boolean(id)))];
    const unread = known ? ids.filter((id) => !known.has(id)) : ids;
    const [unitRows, read] = await Promise.all([units(), db.people.bulkGet(unread)]);
    if (!known) return lookupsOf(unitRows, read.filter((p): p is Person => p !== undefined));
    unread.forEach((id, i) => known.set(id, read[i]));
    return lookupsOf(unitRows, ids.map((id) => known.get(id)).filter((p): p is Person => p !== undefined));
  };
}
