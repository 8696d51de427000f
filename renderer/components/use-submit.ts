// The one way a dialog saves: check → save → say so, or show why not. Field messages go to their
// fields through one `applyFieldErrors` (what was typed stays), a message about the record as a
// whole or the summary goes out once (a repeated failed save replaces it, never stacks), and a
// field's message disappears as soon as that field becomes valid. The keyboard works the same in
// every dialog: Enter saves, Esc closes (antd's Modal), the first field has the focus.
import type { FormInstance, FormProps, ModalProps } from 'antd';
import { App as AntApp, Form } from 'antd';
import type { KeyboardEvent } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { showError } from '../app/errors';
import { RuleError } from '../db/repository';

/** A message per field path ('a.b.0' for nested fields); `_` is about the record as a whole. */
export type FieldErrors = Record<string, string>;

/** Summary shown when fields are marked; one at a time (same key). */
export const SUMMARY_TEXT = '有内容需要修改，请查看标红的栏目。';
const SUMMARY_KEY = 'form-summary';

type MessageApi = ReturnType<typeof AntApp.useApp>['message'];

/** What a successful save says: a success text, a warning, or nothing (e.g. a cancelled confirm). */
export type SaveOutcome = string | { warning: string } | void;

export interface SubmitOptions<V> {
  /**
   * The rule check of the typed values (a pure function from shared/). Runs before saving, and
   * again whenever a marked field changes, so its message goes as soon as the field is valid.
   */
  check?: (values: V) => FieldErrors | undefined;
  /** What failed, for an unexpected error (e.g. 登记启封失败); the clerk is told to retry. */
  fallback?: string;
}

function fieldName(path: string): (string | number)[] {
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function pathOf(name: (string | number)[]): string {
  return name.join('.');
}

/** Reads a nested value by field path, for comparing a marked field before and after a change. */
function valueAt(values: unknown, name: (string | number)[]): unknown {
  let v: unknown = values;
  for (const key of name) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

const snapshot = (v: unknown) => JSON.stringify(v ?? null);

/**
 * Marks each field with its message and clears the marks of fields no longer refused; a `_`
 * message, or else the summary, goes out as the one form message.
 */
export function applyFieldErrors(form: FormInstance, errors: FieldErrors, message: MessageApi, marked?: Map<string, string>): void {
  const { _: whole, ...fields } = errors;
  const values: unknown = form.getFieldsValue(true);
  const stale = form
    .getFieldsError()
    .filter((f) => f.errors.length > 0 && !(pathOf(f.name) in fields))
    .map((f) => ({ name: f.name, errors: [] }));
  form.setFields([...stale, ...Object.entries(fields).map(([path, msg]) => ({ name: fieldName(path), errors: [msg] }))]);
  if (marked) {
    marked.clear();
    for (const path of Object.keys(fields)) marked.set(path, snapshot(valueAt(values, fieldName(path))));
  }
  void message.open({ key: SUMMARY_KEY, type: 'error', content: whole ?? SUMMARY_TEXT });
}

export function useSubmit<V>(form: FormInstance<V>, save: (values: V) => Promise<SaveOutcome>, options: SubmitOptions<V> = {}) {
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  // Fields marked by a refused save, with the value they had then.
  const marked = useRef(new Map<string, string>());
  const formElement = useRef<HTMLElement | null>(null);
  const { check, fallback = '保存失败' } = options;

  // A marked field that changes is checked again: its message goes when it is valid (or is
  // replaced by the new reason). Watching the whole form keeps each dialog free of wiring.
  const watched: unknown = Form.useWatch((all: V) => all, form);
  useEffect(() => {
    if (marked.current.size === 0) return;
    const values = form.getFieldsValue(true);
    const errors = check?.(values) ?? {};
    const updates: { name: (string | number)[]; errors: string[] }[] = [];
    for (const [path, before] of marked.current) {
      const name = fieldName(path);
      const now = snapshot(valueAt(values, name));
      if (now === before) continue;
      const still = errors[path];
      updates.push({ name, errors: still ? [still] : [] });
      if (still) marked.current.set(path, now);
      else marked.current.delete(path);
    }
    if (updates.length > 0) form.setFields(updates as Parameters<typeof form.setFields>[0]);
    if (marked.current.size === 0) message.destroy(SUMMARY_KEY);
  }, [watched, form, check, message]);

  const submit = useCallback(async (): Promise<void> => {
    if (busy.current) return;
    try {
      await form.validateFields();
    } catch {
      // antd's own rules marked the fields; say so once.
      void message.open({ key: SUMMARY_KEY, type: 'error', content: SUMMARY_TEXT });
      return;
    }
    const values = form.getFieldsValue(true);
    const refused = check?.(values);
    if (refused && Object.keys(refused).length > 0) {
      applyFieldErrors(form, refused, message, marked.current);
      return;
    }
    busy.current = true;
    setSaving(true);
    try {
      const outcome = await save(values);
      message.destroy(SUMMARY_KEY);
      if (typeof outcome === 'string') void message.success(outcome);
      else if (outcome) void message.warning(outcome.warning);
    } catch (e) {
      if (e instanceof RuleError) applyFieldErrors(form, e.fields, message, marked.current);
      else showError(e, fallback);
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }, [form, check, save, message, fallback]);

  /** Enter saves, except where Enter means something else (a text area, an open list, a date field, a button, typing Chinese). */
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing || e.defaultPrevented) return;
    const target = e.target as HTMLElement;
    // In a date field Enter takes the typed date (the clerk then sees e.g. the due date it gives).
    if (target.tagName === 'TEXTAREA' || target.closest('button, .ant-picker') || target.getAttribute('aria-expanded') === 'true') return;
    e.preventDefault();
    void submit();
  };

  /**
   * Puts the focus on the dialog's first field once it is shown, unless the clerk is already in
   * a field (typing while the dialog still opened: the focus must not jump back mid-entry).
   */
  const focusFirstField = (open: boolean) => {
    if (!open || formElement.current?.contains(document.activeElement)) return;
    const first = formElement.current?.querySelector<HTMLElement>(
      'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]), input[role=combobox]',
    );
    first?.focus();
  };

  const formProps = {
    ref: (r: { nativeElement?: HTMLElement } | null) => {
      formElement.current = r?.nativeElement ?? null;
    },
    onKeyDown,
  } satisfies Partial<FormProps> & { ref: unknown };

  const modalProps = { onOk: () => void submit(), confirmLoading: saving, afterOpenChange: focusFirstField } satisfies Partial<ModalProps>;

  return { submit, saving, formProps, modalProps, focusFirstField };
}

/** The field messages of a rule check from shared/rules (undefined when it passes). */
export function refusals(check: { ok: true } | { ok: false; errors: FieldErrors }): FieldErrors | undefined {
  return check.ok ? undefined : check.errors;
}
