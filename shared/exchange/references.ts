// Which records a record points at, and which records make up a unit's package. A package holds
// the unit with every unit below it, their platforms (work groups included), the filings of those
// platforms, and the people all of these name; references further out stay plain ids.
import type { BaseRecord } from '../domain/common';
import { fieldLabel } from '../domain/field-text';
import { GROUP_ROLES, PLATFORM_ROLE_FIELDS } from '../domain/roles';
import type { ExchangeRecords, ExchangeTable } from './format';

export interface Reference {
  table: ExchangeTable;
  id: string;
  /** The field's Chinese label, e.g. 主办单位. */
  label: string;
}

type Loose = Record<string, unknown>;

// The fields holding ids, and the table each points into; their labels are the record's own (field-text.ts).
const UNIT_REFS = [
  ['parentId', 'units'],
  ['firstResponsibleId', 'people'],
  ['partySecretaryId', 'people'],
  ['contactId', 'people'],
] as const;
const PERSON_REFS = [['unitId', 'units']] as const;
const PLATFORM_REFS = [
  ['hostUnitId', 'units'],
  ['sponsorUnitId', 'units'],
  ...PLATFORM_ROLE_FIELDS.map((field) => [field, 'people'] as const),
] as const;
const APPROVAL_REFS = [['platformId', 'platforms']] as const;

function fieldRefs(record: Loose, table: ExchangeTable, fields: readonly (readonly [string, ExchangeTable])[]): Reference[] {
  const out: Reference[] = [];
  for (const [field, target] of fields) {
    const id = record[field];
    if (typeof id === 'string' && id) out.push({ table: target, id, label: fieldLabel(table, field) });
  }
  return out;
}

/** Every id the record holds, with the table it points into. */
export function referencesOf(table: ExchangeTable, record: object): Reference[] {
  const r = record as Loose;
  switch (table) {
    case 'units':
      return fieldRefs(r, table, UNIT_REFS);
    case 'people':
      return fieldRefs(r, table, PERSON_REFS);
    case 'approvals':
      return fieldRefs(r, table, APPROVAL_REFS);
    case 'platforms': {
      const out = fieldRefs(r, table, PLATFORM_REFS);
      if (Array.isArray(r.sectionAdminIds)) {
        for (const id of r.sectionAdminIds) if (typeof id === 'string' && id) out.push({ table: 'people', id, label: fieldLabel(table, 'sectionAdminIds') });
      }
      const group = r.group && typeof r.group === 'object' ? (r.group as Loose) : undefined;
      for (const [key, , label] of GROUP_ROLES) {
        const id = group?.[key];
        if (typeof id === 'string' && id) out.push({ table: 'people', id, label });
      }
      return out;
    }
  }
}

/**
 * `unitId` and every unit below it at any depth, by the parentIds of `units` (whether or not
 * `unitId` itself is among them). A parent cycle in damaged data cannot loop forever.
 */
export function unitSubtree(units: Iterable<{ id: string; parentId?: string | undefined }>, unitId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (!u.parentId) continue;
    const list = children.get(u.parentId);
    if (list) list.push(u.id);
    else children.set(u.parentId, [u.id]);
  }
  const owned = new Set([unitId]);
  const queue = [unitId];
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (owned.has(child)) continue;
      owned.add(child);
      queue.push(child);
    }
  }
  return owned;
}

/**
 * The records of `unitId`'s package, picked from everything stored (records in the trash too, so
 * a deletion travels). Undefined when the unit does not exist.
 */
export function selectUnitRecords(all: ExchangeRecords, unitId: string): ExchangeRecords | undefined {
  if (!all.units.some((u) => u.id === unitId)) return undefined;
  const owned = unitSubtree(all.units, unitId);
  const units = all.units.filter((u) => owned.has(u.id));
  const platforms = all.platforms.filter((p) => p.hostUnitId !== undefined && owned.has(p.hostUnitId));
  const platformIds = new Set(platforms.map((p) => p.id));
  const approvals = all.approvals.filter((a) => platformIds.has(a.platformId));
  const named = peopleNamedBy(units, platforms);
  const people = all.people.filter((p) => (p.unitId !== undefined && owned.has(p.unitId)) || named.has(p.id));
  return { units, people, platforms, approvals };
}

/** The people a package's units and platforms name (besides the people of its units, who are in it too). */
export function peopleNamedBy(units: readonly object[], platforms: readonly object[]): Set<string> {
  const named = new Set<string>();
  for (const u of units) for (const ref of referencesOf('units', u)) if (ref.table === 'people') named.add(ref.id);
  for (const p of platforms) for (const ref of referencesOf('platforms', p)) if (ref.table === 'people') named.add(ref.id);
  return named;
}

/** A record of a package that its unit's package would not hold. */
export interface RecordOutside {
  table: ExchangeTable;
  /** Position in its table's list. */
  index: number;
  record: BaseRecord;
}

/** Units first: a person or platform is usually outside because its unit is, and that is the clearer thing to name. */
const OUTSIDE_ORDER = ['units', 'platforms', 'approvals', 'people'] as const satisfies readonly ExchangeTable[];

/**
 * The first record of `records` (a package of `unitId`, ids unique per table) that is not the
 * unit's own. It applies selectUnitRecords itself to the package: what a writer selected from
 * everything stored, selected again from itself, is all of it (the units below the unit are still
 * below it, their platforms, filings and named people still theirs), so a genuine package never
 * has a record outside, and one that does holds records someone else added. Undefined when none.
 */
export function recordOutsideUnit(records: ExchangeRecords, unitId: string): RecordOutside | undefined {
  const own = selectUnitRecords(records, unitId);
  for (const table of OUTSIDE_ORDER) {
    const ids = new Set((own?.[table] ?? []).map((r) => r.id));
    const list = records[table] as readonly BaseRecord[];
    const index = list.findIndex((r) => !ids.has(r.id));
    if (index >= 0) return { table, index, record: list[index]! };
  }
  return undefined;
}
