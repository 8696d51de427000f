// The search index of 人员 and of the person pickers: one small row per live person with the fields
// the list filters and sorts by and the person's search key (name, title, unit, phone, with pinyin).
// The rows are sorted once when built; a query only filters them, so a key press costs one pass
// over 3,000 short rows and the page then reads only the people it shows.
import type { Person } from '../domain/person';
import { searchTerms } from './search-match';

export interface PersonIndexRow {
  id: string;
  name: string;
  status: string;
  /** buildSearchKey of name, title, unit name and phone; '' until built. */
  key: string;
}

export interface PeopleFilter {
  status?: string;
  query?: string;
}

/** One page of a filtered list: how many match and the ids on the page asked for. */
export interface PeoplePage {
  total: number;
  ids: string[];
}

/** The texts a person is found by (the 人员 search box and every person picker). */
export function personTexts(p: Pick<Person, 'name' | 'title' | 'phone'>, unitName: string | undefined): (string | undefined)[] {
  return [p.name, p.title, unitName, p.phone];
}

/** By name (code points, as the name index orders it), then id: the order 人员 has always shown. */
export function comparePersonRows(a: Pick<PersonIndexRow, 'id' | 'name'>, b: Pick<PersonIndexRow, 'id' | 'name'>): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One pass over the sorted rows: the count of matches and the ids from `offset`, at most `limit`. */
export function queryPeople(rows: readonly PersonIndexRow[], f: PeopleFilter, offset: number, limit: number): PeoplePage {
  const terms = searchTerms(f.query ?? '');
  const ids: string[] = [];
  let total = 0;
  for (const row of rows) {
    if (f.status && row.status !== f.status) continue;
    if (terms.length > 0 && !terms.every((t) => row.key.includes(t))) continue;
    if (total >= offset && ids.length < limit) ids.push(row.id);
    total++;
  }
  return { total, ids };
}
