// Which records each form can be printed from, for the print center's pick list.
import { getForm, IMPLEMENTED_FORMS, type FormId, type FormRecordMap } from '@shared/forms/registry';
import { buildSearchKey } from '@shared/search/pinyin-search';
import { db } from '../../db/database';

export interface FormRecordChoice {
  key: string;
  label: string;
  searchKey: string;
  record: FormRecordMap[FormId];
}

export const PRINTABLE_FORMS = IMPLEMENTED_FORMS.map((f) => ({ id: f.id as FormId, title: f.title }));

export async function loadFormRecords(formId: FormId): Promise<FormRecordChoice[]> {
  const def = getForm(formId);
  if (!def.recordTable) return [];
  const rows = (await db.table(def.recordTable).toArray()) as FormRecordMap[FormId][];
  return rows
    .filter((r) => !(r as { deletedAt?: string }).deletedAt && def.appliesTo(r))
    .map((record) => {
      const label = def.describe(record);
      return { key: def.recordId(record) ?? label, label, searchKey: buildSearchKey([label]), record };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'zh'));
}
