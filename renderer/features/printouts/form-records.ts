// Which records each form can be printed from, for the print center's pick list. Each form
// declares that itself (FormDefinition.samples picks from the ledger's records), so the print
// center hands it the live database's records and lists what it picks.
import type { LedgerRecords } from '@shared/domain/ledger-records';
import { getForm, IMPLEMENTED_FORMS, type FormId, type FormRecordMap } from '@shared/forms/registry';
import { buildSearchKey } from '@shared/search/pinyin-search';
import { db } from '../../db/database';
import { compareZh } from '@shared/domain/collate';

export interface FormRecordChoice {
  key: string;
  label: string;
  searchKey: string;
  record: FormRecordMap[FormId];
}

export const PRINTABLE_FORMS = IMPLEMENTED_FORMS.map((f) => ({ id: f.id as FormId, title: f.title }));

const live = <T extends { deletedAt?: string }>(rows: T[]) => rows.filter((r) => !r.deletedAt);

/** The live (not trashed) records of the database, table by table. */
async function loadLiveData(): Promise<LedgerRecords> {
  const [units, people, platforms, approvals, reviews, envelopes, handovers, inspections, incidents, trainings] = await Promise.all([
    db.units.toArray(),
    db.people.toArray(),
    db.platforms.toArray(),
    db.approvals.toArray(),
    db.reviews.toArray(),
    db.envelopes.toArray(),
    db.handovers.toArray(),
    db.inspections.toArray(),
    db.incidents.toArray(),
    db.trainings.toArray(),
  ]);
  return {
    units: live(units),
    people: live(people),
    platforms: live(platforms),
    approvals: live(approvals),
    reviews: live(reviews),
    envelopes: live(envelopes),
    handovers: live(handovers),
    inspections: live(inspections),
    incidents: live(incidents),
    trainings: live(trainings),
  };
}

export async function loadFormRecords(formId: FormId): Promise<FormRecordChoice[]> {
  const def = getForm(formId);
  const data = await loadLiveData();
  const records = def.samples(data);
  return records
    .map((record, i) => {
      const label = def.describe(record);
      return { key: def.recordId(record) ?? `${formId}-${i}-${label}`, label, searchKey: buildSearchKey([label]), record };
    })
    .sort((a, b) => compareZh(a.label, b.label));
}
