// Live queries the pages read from. Components re-render when the data changes.
import { Dexie, type ObservabilitySet } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Person } from '@shared/domain/person';
import type { Settings } from '@shared/domain/settings';
import { profileZone } from '@shared/domain/time-zone';
import { setTodayZone } from '@shared/domain/today';
import type { Unit } from '@shared/domain/unit';
import { db } from './database';
import { changedTables } from './paged-read';
import { lookupsOf, namesReader, readLiveUnits, type Lookups, type ReadNames } from './lookups';

// Pure parts of the lookups, read here by the pages and by workers there.
export { deletedName, lookupsOf, type Lookups } from './lookups';

/** The settings as the newest read of useSettings found them (the window's frame keeps reading them). */
let lastSettings: Settings | false | undefined;

/**
 * The institution's clock (the profile's time zone, China time before setup or while loading):
 * every instant on screen and in an export reads on it, never on the machine's.
 */
export function useTimeZone(): string {
  const settings = useSettings();
  return profileZone(settings ? settings.profile : undefined);
}

/**
 * The settings, `false` before setup has stored any, `null` while loading. A page opened later
 * starts with the settings as last read (its own read then confirms them): a page that waits for
 * settings no longer renders empty first and then everything one read later.
 */
export function useSettings(): Settings | false | null {
  return useLiveQuery(
    async () => {
      const settings = (await db.settings.get('main')) ?? false;
      lastSettings = settings;
      setTodayZone(settings ? settings.profile.timeZone : undefined);
      return settings;
    },
    [],
    lastSettings ?? null,
  );
}

/** Every unit not in the trash, by name (readLiveUnits). */
function readUnits(): Promise<Unit[]> {
  return readLiveUnits(db);
}

let unitsRead: Promise<Unit[]> | undefined;

// Any write of a unit (by this window, a worker or another window) makes the next read a new one.
Dexie.on('storagemutated', (parts: ObservabilitySet) => {
  if (changedTables(parts).has('units')) unitsRead = undefined;
});

/**
 * The units for a page read (readPageLookups), shared by the reads until a unit is written: the
 * registers read a page at every key typed in their search box, and units seldom change.
 * The array is shared: callers never change it.
 */
export function liveUnits(): Promise<readonly Unit[]> {
  const read = (unitsRead ??= readUnits());
  read.catch(() => {
    if (unitsRead === read) unitsRead = undefined;
  });
  return read;
}

export function useUnits(): Unit[] | undefined {
  return useLiveQuery(readUnits, []);
}

/**
 * Lookups for the rows of one page or one record: every unit (a few hundred) but only the people
 * those rows name, read by id — a university has thousands of people and a page shows 25 rows.
 * No hook reads every person: a field that chooses people uses PersonPicker (the people worker's
 * search), and an export the clerk clicks reads them with readLookups.
 */
export function usePageLookups(personIds: readonly (string | undefined)[]): Lookups {
  const units = useUnits();
  const ids = [...new Set(personIds.filter((id): id is string => Boolean(id)))].sort();
  const key = ids.join();
  const named = useLiveQuery(async () => (await db.people.bulkGet(ids)).filter((p): p is Person => p !== undefined), [key]);
  return useMemo(() => lookupsOf(units, named), [units, named]);
}

/**
 * True once every id given has been read into the lookups (as a live or a trashed person): a rule
 * check that names people waits for that rather than call someone not yet read 已删除.
 */
export function lookupsHold(lookups: Lookups, ids: readonly (string | undefined)[]): boolean {
  return lookups.loaded && ids.every((id) => !id || lookups.people.has(id) || lookups.deletedPeople.has(id));
}

/** Lookups for one page's rows, read in one go: every unit and the people named, by id. */
export const readPageLookups: ReadNames = namesReader(db, liveUnits);

/** Lookups over every unit and person, read when asked: for an export the clerk clicked. */
export async function readLookups(): Promise<Lookups> {
  const [units, people] = await Promise.all([liveUnits(), db.people.toArray()]);
  return lookupsOf(units, people);
}
