// What a form builder knows besides its record: the institution, the profile's printed texts,
// the form number and print time, and lookups for the people and units a record points to.
// FormContextData is the same as plain, cloneable data, so it can be posted to the PDF worker.
import type { Id, IsoDateTime } from '../domain/common';
import type { Person } from '../domain/person';
import type { Platform } from '../domain/platform';
import type { Unit } from '../domain/unit';
import type { FormTexts } from '../profiles/types';

/** Printed texts used when no profile is at hand (seed 001 附件1). */
export const DEFAULT_FORM_TEXTS: FormTexts = {
  tabulatingOffice: '党委宣传部网宣室',
  filingOffice: '党委宣传部',
  keepingOffice: '综合办公室',
};

export interface FormLookups {
  person(id: Id | undefined): Person | undefined;
  unit(id: Id | undefined): Unit | undefined;
  platform(id: Id | undefined): Platform | undefined;
  /** Live platforms hosted or sponsored by the unit, in registry order. */
  platformsOfUnit(unitId: Id | undefined): Platform[];
}

export interface FormContext {
  /** Inserted into every form title, e.g. '西北工业大学'. */
  institutionName: string;
  texts: FormTexts;
  /** e.g. 'BA-2026-0007'; '' on a blank form. */
  formNumber: string;
  printedAt: IsoDateTime;
  lookups: FormLookups;
}

/** FormContext as plain data: what the renderer posts to the PDF worker. */
export interface FormContextData {
  institutionName: string;
  texts: FormTexts;
  formNumber: string;
  printedAt: IsoDateTime;
  people: readonly Person[];
  units: readonly Unit[];
  /** Platforms the record refers to (may be all of them); optional for forms that need none. */
  platforms?: readonly Platform[];
}

export function createLookups(people: readonly Person[], units: readonly Unit[], platforms: readonly Platform[] = []): FormLookups {
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const unitsById = new Map(units.map((u) => [u.id, u]));
  const platformsById = new Map(platforms.map((p) => [p.id, p]));
  return {
    person: (id) => (id ? peopleById.get(id) : undefined),
    unit: (id) => (id ? unitsById.get(id) : undefined),
    platform: (id) => (id ? platformsById.get(id) : undefined),
    platformsOfUnit: (unitId) =>
      unitId ? platforms.filter((p) => !p.deletedAt && (p.hostUnitId === unitId || p.sponsorUnitId === unitId)) : [],
  };
}

export function createFormContext(data: FormContextData): FormContext {
  return {
    institutionName: data.institutionName,
    texts: data.texts,
    formNumber: data.formNumber,
    printedAt: data.printedAt,
    lookups: createLookups(data.people, data.units, data.platforms),
  };
}
