// The forms the app can print. Each entry pins the template version that is written to the
// printout record, names its source appendix, and builds a pdfmake document from a record (or
// null for a blank form). A new form adds a line to FormRecordMap and to FORM_REGISTRY.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Platform } from '../domain/platform';
import type { Approval, Envelope, Handover, Incident, Inspection, Review, Training } from '../domain/records';
import type { Unit } from '../domain/unit';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { F01_FORM } from './f01-publication-register';
import { F02_FORM } from './f02-website-columns';
import { F03_FORM } from './f03-wechat-columns';
import { F04_FORM } from './f04-account-filing';
import { F05_FORM } from './f05-article-review';
import { F06_FORM } from './f06-three-level-review';
import { F07_FORM } from './f07-opening-approval';
import { F08_FORM } from './f08-account-registration';
import { F09_FORM } from './f09-unit-platform-list';
import { F10_FORM } from './f10-change-filing';
import { F11_FORM } from './f11-annual-inspection';
import { F11S_FORM, type InspectionYear } from './f11s-inspection-summary';
import { F12_FORM } from './f12-envelope';
import { F12C_FORM } from './f12c-envelope-cover';
import { F12I_FORM } from './f12i-credential-sheet';
import { F13_FORM } from './f13-admin-handover';
import { F14_FORM } from './f14-work-group-filing';
import { F15_FORM, type ProblemLog } from './f15-problem-log';
import { F16_FORM } from './f16-training-sign-in';
import { F17_FORM } from './f17-complaint-handling';

export type { FormDefinition } from './form-definition';
export type { InspectionYear, ProblemLog };

/** The record type each form is built from. */
export interface FormRecordMap {
  F01: Review;
  F02: Platform;
  F03: Platform;
  F04: Platform;
  F05: Review;
  F06: Review;
  F07: Approval;
  F08: Platform;
  F09: Unit;
  F10: Approval;
  F11: Inspection;
  F11S: InspectionYear;
  F12: Envelope;
  F12C: Envelope;
  F12I: Envelope;
  F13: Handover;
  F14: Platform;
  F15: ProblemLog;
  F16: Training;
  F17: Incident;
}

export type FormId = keyof FormRecordMap;

export const FORM_REGISTRY: { readonly [K in FormId]: FormDefinition<FormRecordMap[K]> & { id: K } } = {
  F01: { ...F01_FORM, id: 'F01' },
  F02: { ...F02_FORM, id: 'F02' },
  F03: { ...F03_FORM, id: 'F03' },
  F04: { ...F04_FORM, id: 'F04' },
  F05: { ...F05_FORM, id: 'F05' },
  F06: { ...F06_FORM, id: 'F06' },
  F07: { ...F07_FORM, id: 'F07' },
  F08: { ...F08_FORM, id: 'F08' },
  F09: { ...F09_FORM, id: 'F09' },
  F10: { ...F10_FORM, id: 'F10' },
  F11: { ...F11_FORM, id: 'F11' },
  F11S: { ...F11S_FORM, id: 'F11S' },
  F12: { ...F12_FORM, id: 'F12' },
  F12C: { ...F12C_FORM, id: 'F12C' },
  F12I: { ...F12I_FORM, id: 'F12I' },
  F13: { ...F13_FORM, id: 'F13' },
  F14: { ...F14_FORM, id: 'F14' },
  F15: { ...F15_FORM, id: 'F15' },
  F16: { ...F16_FORM, id: 'F16' },
  F17: { ...F17_FORM, id: 'F17' },
};

/** Every implemented form, in id order. */
export const IMPLEMENTED_FORMS: readonly FormDefinition<FormRecordMap[FormId]>[] = (Object.keys(FORM_REGISTRY) as FormId[])
  .sort()
  .map((id) => FORM_REGISTRY[id] as FormDefinition<FormRecordMap[FormId]>);

export function isFormId(value: string): value is FormId {
  return Object.hasOwn(FORM_REGISTRY, value);
}

/**
 * Whether the print center may offer to attach a scan of this form. Never for a sheet with
 * handwritten credentials (F12I); a form id this version does not know is treated as scannable.
 */
export function scanAllowed(formId: string): boolean {
  return !isFormId(formId) || FORM_REGISTRY[formId].neverScan !== true;
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
