// The forms the app can print. Each entry pins the template version that is written to the
// printout record, names its source appendix, and builds a pdfmake document from a record (or
// null for a blank form). Later forms (F01–F17) add a line to FormRecordMap and FORM_REGISTRY.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Platform } from '../domain/platform';
import type { FormContext } from './context';
import { buildF04, F04_META, f04AppliesTo } from './f04-account-filing';

/** The record type each form is built from. */
export interface FormRecordMap {
  F04: Platform;
}

export type FormId = keyof FormRecordMap;

export interface FormDefinition<K extends FormId = FormId> {
  id: K;
  /** Title without the institution name, e.g. '微信、微博账号备案信息表'. */
  title: string;
  /** Template version, printed in the footer and stored with each printout. */
  version: string;
  /** Seed clause or appendix the layout is taken from, e.g. '001 附件1'. */
  source: string;
  /** Prefix of the form numbers, e.g. 'BA' → BA-2026-0007. */
  numberPrefix: string;
  /** Whether the form fits this record (e.g. F04 only for WeChat and Weibo accounts). */
  appliesTo(record: FormRecordMap[K]): boolean;
  /** null → a clean blank form for filling in by hand. */
  build(record: FormRecordMap[K] | null, ctx: FormContext): TDocumentDefinitions;
}

export const FORM_REGISTRY: { readonly [K in FormId]: FormDefinition<K> } = {
  F04: { ...F04_META, appliesTo: f04AppliesTo, build: buildF04 },
};

/** Every implemented form, in id order. */
export const IMPLEMENTED_FORMS: readonly FormDefinition[] = (Object.keys(FORM_REGISTRY) as FormId[])
  .sort()
  .map((id) => FORM_REGISTRY[id]);

export function isFormId(value: string): value is FormId {
  return Object.hasOwn(FORM_REGISTRY, value);
}

export function getForm<K extends FormId>(id: K): FormDefinition<K> {
  return FORM_REGISTRY[id];
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
