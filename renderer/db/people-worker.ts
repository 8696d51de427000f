// Module Web Worker that keeps the people index (people-search.ts) off the UI thread: 人员's list,
// its search with pinyin, the roles each person holds and every person picker ask it which people
// match, then read only those people. The window forwards which tables changed.
import type { PeopleFilter, PeoplePage } from '@shared/search/people-index';
import { peopleSearch, type FlaggedPerson, type UnitKeys } from './people-search';
import { LedgerDb } from './schema';
import { serveRequests, type WorkerAnswer } from '../app/worker-channel';

export type PeopleWorkerRequest =
  | { id: number; type: 'changed'; tables: string[] }
  | { id: number; type: 'warm' }
  | { id: number; type: 'people'; filter: PeopleFilter; offset: number; limit: number }
  | { id: number; type: 'roles'; ids: string[] }
  | { id: number; type: 'flagged' }
  | { id: number; type: 'unitKeys' };

export type PeopleWorkerValue = PeoplePage | Record<string, string[]> | Record<string, UnitKeys> | FlaggedPerson[] | undefined;

export type PeopleWorkerResponse = WorkerAnswer<PeopleWorkerValue>;

const search = peopleSearch(new LedgerDb());

async function handle(request: PeopleWorkerRequest): Promise<PeopleWorkerValue> {
  switch (request.type) {
    case 'changed':
      search.changed(request.tables);
      return undefined;
    case 'warm':
      search.warm();
      return undefined;
    case 'people':
      return search.query(request.filter, request.offset, request.limit);
    case 'roles':
      return search.roles(request.ids);
    case 'flagged':
      return search.flagged();
    case 'unitKeys':
      return search.unitKeys();
  }
}

// Each request is handled as it arrives: a change is applied before any later question is read
// (the index is dropped synchronously).
serveRequests(handle);
