// Whether a record stored HERE belongs to a package's exporting unit, judged by this computer's
// own data. The reader (./package-reader.ts) refuses a package holding a record its unit's
// package would not hold, but it can only draw that unit's subtree from the package's own
// parentIds, which a forger controls (the checksum has no key): another unit moved under the
// exporting unit inside the package passes, and with it that unit's people, platforms and filings.
// What is stored here cannot be forged that way, so the plan (./plan.ts) also asks, of every
// incoming record already stored here, whether its STORED copy lies in the exporting unit's
// STORED subtree (the unit and every unit stored below it by the stored parentIds):
//   unit      it is in the subtree;
//   platform  its stored host unit is;
//   filing    its stored platform's stored host unit is;
//   person    their stored unit is. A person stored without a unit belongs to whoever names them
//             here: inside when a stored unit of the subtree, or a stored platform of the subtree
//             that the package also holds, names them.
// The subtree is rooted at the exporting unit's id even when that unit is not stored here (its
// first package): then only units stored below that id (e.g. from a sub-unit's earlier package)
// are inside, and any other record stored here that the package holds belongs to another unit.
import { recordKey, type ExchangeTable } from './format';
import type { Row } from './records';
import { referencesOf, unitSubtree } from './references';

/** Every unit stored here (records in the trash too: they keep their place in the tree), by id. */
export type StoredUnits = ReadonlyMap<string, Row>;

/** The stored record of a table by id, or undefined. */
export type StoredRecord = (table: ExchangeTable, id: string) => Row | undefined;

/**
 * The field of each table that says where a record belongs (the rest are mere references): a unit
 * hangs under its parent, a person in a unit, a platform at its host, a filing on its platform.
 */
export const OWNER_FIELDS = {
  units: { field: 'parentId', table: 'units' },
  people: { field: 'unitId', table: 'units' },
  platforms: { field: 'hostUnitId', table: 'units' },
  approvals: { field: 'platformId', table: 'platforms' },
} as const satisfies Record<ExchangeTable, { field: string; table: ExchangeTable }>;

export interface Ownership {
  /** The exporting unit's name as stored here (the package's name for it when it is not stored here). */
  unitName: string;
  /**
   * Undefined when `stored` (a record of `table` stored here) lies in the exporting unit's stored
   * subtree; otherwise where it belongs here, e.g. 在本机的主办单位是“马克思主义学院”.
   */
  outside(table: ExchangeTable, stored: Row): string | undefined;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * The stored-ownership judge of a package from `unit` (its header's exporting unit). `platforms`
 * are the stored platforms to look for names of unit-less people in (those the package holds).
 */
export function storedOwnership(unit: { id: string; name: string }, units: StoredUnits, storedOf: StoredRecord, platforms: Iterable<Row>): Ownership {
  const subtree = unitSubtree(units.values(), unit.id);
  const unitText = (id: string): string => {
    const name = text(units.get(id)?.name);
    return name ? `“${name}”` : `本机没有的单位（${id}）`;
  };
  let named: Set<string> | undefined;
  const namedInside = (personId: string): boolean => {
    if (!named) {
      named = new Set<string>();
      const owners: [ExchangeTable, Row][] = [];
      for (const id of subtree) {
        const u = units.get(id);
        if (u) owners.push(['units', u]);
      }
      for (const p of platforms) if (text(p.hostUnitId) && subtree.has(p.hostUnitId as string)) owners.push(['platforms', p]);
      for (const [table, record] of owners) for (const ref of referencesOf(table, record)) if (ref.table === 'people') named.add(ref.id);
    }
    return named.has(personId);
  };

  const outside = (table: ExchangeTable, stored: Row): string | undefined => {
    switch (table) {
      case 'units': {
        if (subtree.has(stored.id)) return undefined;
        const parent = text(stored.parentId);
        return parent ? `在本机隶属于${unitText(parent)}` : '在本机没有上级单位';
      }
      case 'platforms': {
        const host = text(stored.hostUnitId);
        if (host && subtree.has(host)) return undefined;
        return host ? `在本机的主办单位是${unitText(host)}` : '在本机没有主办单位';
      }
      case 'approvals': {
        const platformId = text(stored.platformId);
        const platform = platformId ? storedOf('platforms', platformId) : undefined;
        if (!platform) return `在本机所属的平台本机没有（${platformId ?? '—'}）`;
        const host = text(platform.hostUnitId);
        if (host && subtree.has(host)) return undefined;
        return `在本机属于平台“${String(platform.name)}”，${host ? `该平台的主办单位是${unitText(host)}` : '该平台没有主办单位'}`;
      }
      case 'people': {
        const unitId = text(stored.unitId);
        if (unitId) return subtree.has(unitId) ? undefined : `在本机的所在单位是${unitText(unitId)}`;
        return namedInside(stored.id) ? undefined : '在本机没有所在单位，本机中导出单位及其下级单位的单位和平台也没有登记此人';
      }
    }
  };
  return { unitName: text(units.get(unit.id)?.name) ?? unit.name, outside };
}

/** The stored platforms among `local`'s records (keys are recordKeys: 'platforms/…'). */
export function platformsAmong(records: Iterable<[string, { record: Row }]>): Row[] {
  const prefix = recordKey('platforms', '');
  const out: Row[] = [];
  for (const [key, { record }] of records) if (key.startsWith(prefix)) out.push(record);
  return out;
}
