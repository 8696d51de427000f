// The people index that the people worker (people-worker.ts) keeps: every live person as a short
// sorted row with a pinyin search key, and the roles each person holds across units and platforms
// (rolesHeldBy), both built from the database a page of rows at a time and dropped when the tables
// they come from change. Kept apart from the worker's message handling so tests can drive it.
import { rolesHeldBy } from '@shared/domain/roles';
import type { Unit } from '@shared/domain/unit';
import { comparePersonRows, personTexts, queryPeople, type PeopleFilter, type PeoplePage, type PersonIndexRow } from '@shared/search/people-index';
import { buildSearchKey } from '@shared/search/pinyin-search';
import { searchTerms } from '@shared/search/search-match';
import { eachLive, readLive } from './chunked-reads';
import type { LedgerDb } from './schema';
import { nextTurn } from '../app/next-turn';

/** Keys built between two looks at the message queue (a query without text need not wait). */
const KEYS_PER_TURN = 200;

/** A unit's search keys (pinyin-search.ts buildSearchKey) of its name and of its kind. */
export interface UnitKeys {
  name: string;
  kind: string;
}

/** 离岗 people who still hold a role (人员's warning), in name order. */
export interface FlaggedPerson {
  id: string;
  name: string;
}

interface Built {
  rows: PersonIndexRow[];
  /** Resolves when every row has its search key. */
  keyed: Promise<void>;
}

async function liveUnits(db: LedgerDb): Promise<Unit[]> {
  const units = await readLive(db.units);
  // Units in name order, as 人员 always listed a person's unit roles.
  return units.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function buildRows(db: LedgerDb): Promise<Built> {
  const unitName = new Map((await liveUnits(db)).map((u) => [u.id, u.name]));
  const rows: PersonIndexRow[] = [];
  const texts = new Map<string, (string | undefined)[]>();
  await eachLive(db.people, (batch) => {
    for (const p of batch) {
      rows.push({ id: p.id, name: p.name, status: p.status, key: '' });
      texts.set(p.id, personTexts(p, p.unitId ? unitName.get(p.unitId) : undefined));
    }
  });
  rows.sort(comparePersonRows);
  const keyed = (async () => {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      row.key = buildSearchKey(texts.get(row.id) ?? []);
      if ((i + 1) % KEYS_PER_TURN === 0) await nextTurn();
    }
  })();
  return { rows, keyed };
}

async function buildRoles(db: LedgerDb): Promise<Map<string, string[]>> {
  const roles = rolesHeldBy([], await liveUnits(db));
  await eachLive(db.platforms, (batch) => {
    for (const [id, held] of rolesHeldBy(batch, [])) roles.set(id, [...(roles.get(id) ?? []), ...held]);
  });
  return roles;
}

/** The people index of one database: built when first asked, rebuilt after `changed`. */
export function peopleSearch(db: LedgerDb) {
  let built: Promise<Built> | undefined;
  let roles: Promise<Map<string, string[]>> | undefined;
  let unitKeys: Promise<Record<string, UnitKeys>> | undefined;
  const rows = () => {
    built ??= buildRows(db).catch((e: unknown) => {
      built = undefined;
      throw e;
    });
    return built;
  };
  const rolesNow = () => {
    roles ??= buildRoles(db).catch((e: unknown) => {
      roles = undefined;
      throw e;
    });
    return roles;
  };
  return {
    /** Starts building while the clerk looks at the page (keys included). */
    warm(): void {
      void rows().catch(() => undefined);
    },
    /** Drops what the changed tables feed; the next question builds it again. */
    changed(tables: readonly string[]): void {
      if (tables.includes('people') || tables.includes('units')) built = undefined;
      if (tables.includes('platforms') || tables.includes('units')) roles = undefined;
      if (tables.includes('units')) unitKeys = undefined;
    },
    async query(filter: PeopleFilter, offset: number, limit: number): Promise<PeoplePage> {
      const index = await rows();
      if (searchTerms(filter.query ?? '').length > 0) await index.keyed;
      return queryPeople(index.rows, filter, offset, limit);
    },
    /** The roles these people hold (units first, in name order, then platforms). */
    async roles(ids: readonly string[]): Promise<Record<string, string[]>> {
      const held = await rolesNow();
      return Object.fromEntries(ids.map((id) => [id, held.get(id) ?? []]));
    },
    /**
     * The search keys of every live unit's name and kind, by id: the window matches the few
     * hundred units itself (UnitSelect, 单位), without the pinyin dictionary.
     */
    async unitKeys(): Promise<Record<string, UnitKeys>> {
      unitKeys ??= liveUnits(db).then(
        (units) => Object.fromEntries(units.map((u) => [u.id, { name: buildSearchKey([u.name]), kind: buildSearchKey([u.kind]) }])),
        (e: unknown) => {
          unitKeys = undefined;
          throw e;
        },
      );
      return unitKeys;
    },
    async flagged(): Promise<FlaggedPerson[]> {
      const [index, held] = await Promise.all([rows(), rolesNow()]);
      return index.rows.filter((r) => r.status === '离岗' && (held.get(r.id)?.length ?? 0) > 0).map((r) => ({ id: r.id, name: r.name }));
    },
  };
}
