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

const LEDGER_TABLES = ['units', 'people', 'platforms', 'approvals', 'reviews', 'envelopes', 'handovers', 'inspections', 'incidents', 'trainings'] as const satisfies readonly (keyof LedgerRecords)[];
type LedgerTable = (typeof LEDGER_TABLES)[number];

/** The live (not trashed) records of one table. */
async function liveRows(table: LedgerTable): Promise<LedgerRecords[LedgerTable]> {
  const rows: { deletedAt?: string }[] = await db.table(table).toArray();
  return rows.filter((r) => !r.deletedAt) as LedgerRecords[LedgerTable];
}

/**
 * What `pick` returns from the live database, reading only the tables it looks at (F04 picks from
 * the platforms; it need not read a hundred thousand reviews). The tables it touches are learnt by
 * running it: a table not yet read looks empty and is noted; when the run noted one, that table is
 * read and `pick` runs again. The run that notes nothing new saw every table it read in full.
 */
async function pickFromLedger<R>(pick: (records: LedgerRecords) => R[]): Promise<R[]> {
  const read = new Map<LedgerTable, LedgerRecords[LedgerTable]>();
  for (;;) {
    const wanted = new Set<LedgerTable>();
    const view = Object.fromEntries(
      LEDGER_TABLES.map((table) => [
        table,
        {
          enumerable: true,
          get: () => {
            if (!read.has(table)) wanted.add(table);
            return read.get(table) ?? [];
          },
        },
      ]),
    );
    const picked = pick(Object.defineProperties({}, view) as LedgerRecords);
    if (wanted.size === 0) return picked;
    await Promise.all([...wanted].map(async (table) => read.set(table, await liveRows(table))));
  }
}

export async function loadFormRecords(formId: FormId): Promise<FormRecordChoice[]> {
  const def = getForm(formId);
  const records = await pickFromLedger((data) => def.samples(data));
  return records
    .map((record, i) => {
      const label = def.describe(record);
      return { key: def.recordId(record) ?? `${formId}-${i}-${label}`, label, searchKey: buildSearchKey([label]), record };
    })
    .sort((a, b) => compareZh(a.label, b.label));
}
