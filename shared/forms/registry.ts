// The forms the app can print. Each entry pins the template version that is written to the
// printout record, names its source appendix, and builds a pdfmake document from a record (or
// null for a blank form). A new form adds a line to FormRecordMap and to FORM_REGISTRY.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Platform } from '../domain/platform';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { F04_FORM } from './f04-account-filing';

export type { FormDefinition } from './form-definition';

/** The record type each form is built from. */
export interface FormRecordMap {
  F04: Platform;
}

export type FormId = keyof FormRecordMap;

export const FORM_REGISTRY: { readonly [K in FormId]: FormDefinition<FormRecordMap[K]> & { id: K } } = {
  F04: { ...F04_FORM, id: 'F04' },
};

/** Every implemented form, in id order. */
export const IMPLEMENTED_FORMS: readonly FormDefinition<FormRecordMap[FormId]>[] = (Object.keys(FORM_REGISTRY) as FormId[])
  .sort()
  .map((id) => FORM_REGISTRY[id]);

export function isFormId(value: string): value is FormId {
  return Object.hasOwn(FORM_REGISTRY, value);
}

export function getForm<K extends FormId>(id: K): FormDefinition<FormRecordMap[K]> {
  return FORM_REGISTRY[id] as FormDefinition<FormRecordMap[K]>;
}

export function buildForm<K extends FormId>(
  id: K,
  record: FormRecordMap[K] | null,
  ctx: FormContext,
): TDocumentDefinitions {
  return getForm(id).build(record, ctx);
}

/** 'BA', 2026, 7 → 'BA-2026-0007'. */
export function formNumber(prefix: string, year: number, seq: number): string {
  if (!/^[A-Z]{1,8}$/.test(prefix)) throw new RangeError(`invalid form number prefix: ${prefix}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`invalid year: ${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`invalid sequence number: ${seq}`);
  return `${prefix}-${year}-${String(seq).padStart(4, '0')}`;
}
