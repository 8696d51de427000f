// The plain data a form is built with: institution, the rule profile in force, the holiday
// calendar and the people, units and platforms the records to print refer to. Read once per print
// job, by id (bulkGet) rather than whole tables: a preview at a university's scale posts a few
// records to the PDF worker, not ten thousand.
import type { Person } from '@shared/domain/person';
import type { Platform } from '@shared/domain/platform';
import type { Unit } from '@shared/domain/unit';
import { formContextData, type FormContextData } from '@shared/forms/context';
import { getForm, type FormId } from '@shared/forms/registry';
import { CUSTOM_PROFILE_ID, getPreset } from '@shared/profiles/presets';
import { db } from '../../db/database';
import { eachRecord } from '../../db/chunked-reads';

/**
 * How deep references are followed: record → platform → unit → its 第一责任人 (F04's 负责人 falls
 * back to the host unit's, record-cells.ts), or record → person → unit (F16's 单位).
 */
const REFERENCE_DEPTH = 4;

/** A field naming another record: `platformId`, `sectionAdminIds`, `reviewerId`… and the record's own `id`. */
const REFERENCE_KEY = /^(id|.+Ids?)$/;

/** Every id a value (a record, a list of them, nested rosters and review steps) refers to. */
export function referencedIds(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencedIds(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (REFERENCE_KEY.test(key)) {
        if (typeof v === 'string' && v) into.add(v);
        else if (Array.isArray(v)) for (const id of v) if (typeof id === 'string' && id) into.add(id);
      }
      if (v !== null && typeof v === 'object') referencedIds(v, into);
    }
  }
  return into;
}

interface Referenced {
  people: Map<string, Person>;
  units: Map<string, Unit>;
  platforms: Map<string, Platform>;
}

/** The people, units and platforms `records` refer to, following references REFERENCE_DEPTH deep. */
async function loadReferenced(records: readonly unknown[]): Promise<Referenced> {
  const found: Referenced = { people: new Map(), units: new Map(), platforms: new Map() };
  const asked = new Set<string>();
  let next = referencedIds(records);
  for (let depth = 0; depth < REFERENCE_DEPTH && next.size > 0; depth++) {
    const ids = [...next].filter((id) => !asked.has(id));
    if (ids.length === 0) break;
    for (const id of ids) asked.add(id);
    // An id belongs to one table; asking all three is three cheap key lookups.
    const [people, units, platforms] = await Promise.all([db.people.bulkGet(ids), db.units.bulkGet(ids), db.platforms.bulkGet(ids)]);
    const fresh: unknown[] = [];
    const keep = <T extends { id: string }>(rows: (T | undefined)[], into: Map<string, T>) => {
      for (const row of rows) {
        if (!row || into.has(row.id)) continue;
        into.set(row.id, row);
        fresh.push(row);
      }
    };
    keep(people, found.people);
    keep(units, found.units);
    keep(platforms, found.platforms);
    next = referencedIds(fresh);
  }
  return found;
}

/** The platforms a unit hosts or sponsors (F09 lists them), read through the host index. */
async function platformsOfUnits(unitIds: readonly string[]): Promise<Platform[]> {
  if (unitIds.length === 0) return [];
  const wanted = new Set(unitIds);
  const sponsored: Platform[] = [];
  const [hosted] = await Promise.all([
    db.platforms.where('hostUnitId').anyOf(unitIds).toArray(),
    // The sponsor has no index of its own: every platform is read, 2,000 per request (a filtered
    // read walks a cursor, one request per platform: 10,000 round trips at a university's scale).
    eachRecord(db.platforms, (rows) => void sponsored.push(...rows.filter((p) => p.sponsorUnitId !== undefined && wanted.has(p.sponsorUnitId)))),
  ]);
  return [...hosted, ...sponsored];
}

/**
 * The context for printing `records` (one for a preview, many for a batch; none for a blank form)
 * of form `formId`: the settings in force and only the records they refer to.
 */
export async function loadFormContext(formNumber: string, formId: FormId, records: readonly unknown[]): Promise<FormContextData> {
  const def = getForm(formId);
  // A unit's list (F09) prints every platform the unit hosts or sponsors, which it does not name;
  // their people are followed like the record's own.
  const unitIds = def.recordTable === 'units' ? records.flatMap((r) => (r && typeof r === 'object' && 'id' in r && typeof r.id === 'string' ? [r.id] : [])) : [];
  const unitPlatforms = await platformsOfUnits(unitIds);
  const [settings, referenced] = await Promise.all([db.settings.get('main'), loadReferenced([...records, ...unitPlatforms])]);
  // Setup always stores a profile; before it has run, print with the neutral custom profile.
  const profile = settings?.profile ?? getPreset(CUSTOM_PROFILE_ID);
  if (!profile) throw new Error('custom profile missing');
  const byId = <T extends { id: string }>(rows: Iterable<T>) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return formContextData({
    institutionName: settings?.institutionName ?? '',
    profile,
    holidays: settings?.holidayOverrides ?? [],
    formNumber,
    people: byId(referenced.people.values()),
    units: byId(referenced.units.values()),
    // In registry (primary key) order, as a whole-table read gave them: F09 lists them so.
    platforms: byId(referenced.platforms.values()),
  });
}
