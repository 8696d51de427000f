// Recording a change or closure of an account for filing (001 第五条: 分管领导或管理员变更; 004 第六条:
// 账号名、后台管理人员或维护方式变更): which items can change, the before → after rows of the
// filing, the registry fields the change updates, and checks on the dates the clerk types in.
import type { FieldChange } from '../domain/records';
import type { Platform } from '../domain/platform';
import { isIsoDate } from './working-days';

/** The items a change filing covers, as printed on F10, and the registry field each updates. */
export const CHANGE_ITEMS = [
  { key: 'name', label: '账号名称', type: 'text', platformField: 'name' },
  { key: 'chiefAdminId', label: '总管理员', type: 'person', platformField: 'chiefAdminId' },
  { key: 'businessLeadId', label: '分管领导', type: 'person', platformField: 'businessLeadId' },
  { key: 'responsibleId', label: '责任人', type: 'person', platformField: 'responsibleId' },
  { key: 'technicalLeadId', label: '技术负责人', type: 'person', platformField: 'technicalLeadId' },
  // The registry has no field for it: the filing records it, the registry keeps its 管理措施.
  { key: 'maintenance', label: '维护方式', type: 'text', platformField: undefined },
] as const satisfies readonly { key: string; label: string; type: 'text' | 'person'; platformField: keyof Platform | undefined }[];

export type ChangeItemKey = (typeof CHANGE_ITEMS)[number]['key'];

/** One changed item as entered: text values, or person ids for the person items. */
export interface ChangeInput {
  key: ChangeItemKey;
  before?: string;
  after?: string;
}

export type ChangeCheck =
  | { ok: true; changes: FieldChange[]; platformPatch: Partial<Pick<Platform, 'name' | 'chiefAdminId' | 'businessLeadId' | 'responsibleId' | 'technicalLeadId'>> }
  | { ok: false; errors: Record<string, string> };

/**
 * The filing's before → after rows (person ids shown by name) and the registry patch. Errors are
 * keyed by form field ('changes', 'after.<key>') and worded for the clerk.
 */
export function buildChanges(inputs: readonly ChangeInput[], personName: (id: string | undefined) => string): ChangeCheck {
  if (inputs.length === 0) return { ok: false, errors: { changes: '请至少选择一项变更内容。' } };
  const errors: Record<string, string> = {};
  const changes: FieldChange[] = [];
  const platformPatch: Record<string, string> = {};
  for (const input of inputs) {
    const item = CHANGE_ITEMS.find((i) => i.key === input.key);
    if (!item) continue;
    const after = input.after?.trim() ?? '';
    const before = input.before?.trim() ?? '';
    if (!after) {
      errors[`after.${item.key}`] = item.type === 'person' ? `请选择变更后的${item.label}。` : `请填写变更后的${item.label}。`;
      continue;
    }
    if (after === before) {
      errors[`after.${item.key}`] = `变更后的${item.label}与变更前相同。`;
      continue;
    }
    const show = (v: string) => (item.type === 'person' ? (v ? personName(v) : '（未登记）') : v || '（未登记）');
    changes.push({ field: item.label, before: show(before), after: show(after) });
    if (item.platformField) platformPatch[item.platformField] = after;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, changes, platformPatch };
}

/** A change date: a real date, not in the future (a filing records what has happened). */
export function checkChangeDate(date: string | undefined, today: string): string | undefined {
  if (!date || !isIsoDate(date)) return '请选择变更（注销）日期。';
  if (date > today) return '变更日期不能晚于今天：请在变更发生后再登记。';
  return undefined;
}

/** The date the filing was handed in: on or after the change, not in the future. */
export function checkFiledOn(filedOn: string | undefined, changeDate: string | undefined, today: string): string | undefined {
  if (!filedOn || !isIsoDate(filedOn)) return '请选择报备日期。';
  if (filedOn > today) return '报备日期不能晚于今天。';
  if (changeDate && filedOn < changeDate) return `报备日期不能早于变更日期（${changeDate}）。`;
  return undefined;
}
