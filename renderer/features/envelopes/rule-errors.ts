// Shows a refused credential step where it belongs: each field's reason at the field (the typed
// values stay), a reason about the record as a whole as a message; anything else via showError.
import type { FormInstance } from 'antd';
import { message } from 'antd';
import { showError } from '../../app/errors';
import { RuleError } from '../../db/repository';
import type { RuleCheck } from '@shared/rules/envelope-state';

/** Puts the rule's messages at the form's fields; returns true when there were any. */
export function showRuleCheck(form: FormInstance, check: RuleCheck): boolean {
  if (check.ok) return false;
  const { _: whole, ...fields } = check.errors;
  form.setFields(Object.entries(fields).map(([name, msg]) => ({ name, errors: [msg] })));
  void message.error(whole ?? '有内容需要修改，请查看标红的栏目。');
  return true;
}

export function showCredentialError(form: FormInstance, e: unknown, fallback: string): void {
  if (e instanceof RuleError) showRuleCheck(form, { ok: false, errors: e.fields });
  else showError(e, fallback);
}
