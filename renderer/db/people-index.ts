// The window's side of the people worker (people-worker.ts): 人员 a page at a time with the roles
// of the people shown, the 离岗 warning, and the people a picker offers for what the clerk typed —
// each reading from IndexedDB only the people it shows.
import { Dexie, type ObservabilitySet } from 'dexie';
import type { Person } from '@shared/domain/person';
import type { PeopleFilter, PeoplePage } from '@shared/search/people-index';
import { workerChannel } from '../app/worker-channel';
import { db } from './database';
import type { FlaggedPerson, UnitKeys } from './people-search';
import type { PeopleWorkerRequest, PeopleWorkerResponse, PeopleWorkerValue } from './people-worker';
import { readByIds } from './chunked-reads';
import { readPageLookups } from './queries';
import type { PagedRows } from './register-index';
import { changedTables, usePaged, usePagedRows } from './paged-read';

type RequestBody = PeopleWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

const channel = workerChannel<RequestBody, PeopleWorkerResponse, PeopleWorkerValue>(
  () => new Worker(new URL('./people-worker.ts', import.meta.url), { type: 'module', name: 'people' }),
  (r) => r,
);

/** The tables the index and the roles are built from. */
const SOURCES = ['people', 'units', 'platforms'];

// Every write (this window's, a restore worker's, another window's) reaches the worker before any
// page asks again: one message port, in order (pages re-read through paged-read.ts after the event).
Dexie.on('storagemutated', (parts: ObservabilitySet) => {
  const sources = [...changedTables(parts)].filter((t) => SOURCES.includes(t));
  if (sources.length > 0) channel.running()?.postMessage({ id: 0, type: 'changed', tables: sources } satisfies PeopleWorkerRequest);
});

async function ask(filter: PeopleFilter, offset: number, limit: number): Promise<PeoplePage> {
  return (await channel.request({ type: 'people', filter, offset, limit })) as PeoplePage;
}

/** Re-reads whenever `key` changes or one of SOURCES does. */
function useSourcesRead<R>(key: string, read: () => Promise<R>): R | undefined {
  return usePaged(key, SOURCES, read);
}

/** One page of 人员 (its lookups: every unit, for the people's unit names). */
export type PeoplePageRows = PagedRows<Person>;

/** One page of 人员 in name order. */
export function usePeoplePage(filter: PeopleFilter, offset: number, limit: number): PeoplePageRows | undefined {
  return usePagedRows(JSON.stringify([filter, offset, limit]), SOURCES, async () => {
    const found = await ask(filter, offset, limit);
    const [rows, lookups] = await Promise.all([readByIds(db.people, found.ids), readPageLookups([])]);
    return { rows, total: found.total, lookups };
  });
}

/**
 * The roles the people shown hold, by id: asked after the page, so the rows show at once and
 * the roles (which read every platform the first time) follow.
 */
export function usePeopleRoles(ids: readonly string[]): Map<string, string[]> | undefined {
  return useSourcesRead(ids.join(), async () => new Map(Object.entries((await channel.request({ type: 'roles', ids: [...ids] })) as Record<string, string[]>)));
}

/**
 * The search keys of every live unit (name and kind), built by the people worker: the window
 * matches them (search-match.ts) without loading the pinyin dictionary itself.
 */
export function useUnitKeys(): Map<string, UnitKeys> | undefined {
  return useSourcesRead('unitKeys', async () => new Map(Object.entries((await channel.request({ type: 'unitKeys' })) as Record<string, UnitKeys>)));
}

/** 离岗 people who are still registered in a role (人员's warning). */
export function useFlaggedPeople(): FlaggedPerson[] | undefined {
  return useSourcesRead('flagged', async () => (await channel.request({ type: 'flagged' })) as FlaggedPerson[]);
}

/** The ids of every person matching a filter, in the list's order: for an export, which reads them a slice at a time. */
export async function peopleIds(filter: PeopleFilter): Promise<string[]> {
  return (await ask(filter, 0, Number.MAX_SAFE_INTEGER)).ids;
}

/** The first live people in name order that match what the clerk typed: a picker's options. */
export async function findPeople(query: string, limit: number): Promise<Person[]> {
  const { ids } = await ask({ query: query.trim() || undefined }, 0, limit);
  return readByIds(db.people, ids);
}

/** Starts building the index while the clerk looks at the page. */
export function warmPeople(): void {
  void channel.request({ type: 'warm' }).catch(() => undefined);
}
