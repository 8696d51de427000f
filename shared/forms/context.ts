// What a form builder knows besides its record: the institution, the rule profile in force (its
// review chain, deadlines, printed texts and time zone), the holiday calendar, the form number and
// print time, and lookups for the people and units a record points to. FormContextData is the
// same as plain, cloneable data, so it can be posted to the PDF worker; formContextData() is the
// one way to assemble it (the app, the samples script and the tests all use it).
import type { Id, IsoDateTime } from '../domain/common';
import type { Person } from '../domain/person';
import type { Platform } from '../domain/platform';
import { profileZone } from '../domain/time-zone';
import type { Unit } from '../domain/unit';
import type { FormTexts, RuleProfile } from '../profiles/types';
import type { HolidayCalendar } from '../rules/working-days';

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
  /** The rule profile in force: review chain, deadlines, printed texts, time zone. */
  profile: RuleProfile;
  /** The profile's printed texts (short for profile.texts). */
  texts: FormTexts;
  /** The profile's time zone, checked: times print on this clock. */
  timeZone: string;
  /** The clerk's holiday entries, for working-day deadlines. */
  holidays: HolidayCalendar;
  /** e.g. 'BA-2026-0007'; '' on a blank form. */
  formNumber: string;
  printedAt: IsoDateTime;
  lookups: FormLookups;
}

/** FormContext as plain data: what the renderer posts to the PDF worker. */
export interface FormContextData {
  institutionName: string;
  profile: RuleProfile;
  holidays: HolidayCalendar;
  formNumber: string;
  printedAt: IsoDateTime;
  people: readonly Person[];
  units: readonly Unit[];
  /** Platforms the record refers to (may be all of them); optional for forms that need none. */
  platforms?: readonly Platform[];
}

/** What a caller has at hand; the number, print time and holidays have neutral defaults. */
export interface FormContextSource {
  institutionName: string;
  profile: RuleProfile;
  holidays?: HolidayCalendar;
  formNumber?: string;
  printedAt?: IsoDateTime;
  people: readonly Person[];
  units: readonly Unit[];
  platforms?: readonly Platform[];
}

/** The one place a form context is assembled from settings, records and the profile in force. */
export function formContextData(source: FormContextSource): FormContextData {
  return {
    institutionName: source.institutionName,
    profile: source.profile,
    holidays: source.holidays ?? [],
    formNumber: source.formNumber ?? '',
    printedAt: source.printedAt ?? new Date().toISOString(),
    people: source.people,
    units: source.units,
    ...(source.platforms ? { platforms: source.platforms } : {}),
  };
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
    profile: data.profile,
    texts: data.profile.texts,
    timeZone: profileZone(data.profile),
    holidays: data.holidays,
    formNumber: data.formNumber,
    printedAt: data.printedAt,
    lookups: createLookups(data.people, data.units, data.platforms),
  };
}
