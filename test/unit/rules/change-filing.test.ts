// Entering a change for filing (001 第五条, 004 第六条): the before → after rows, the registry
// patch, and the date checks shown at the fields.
import { describe, expect, it } from 'vitest';
import { buildChanges, checkChangeDate, checkFiledOn } from '../../../shared/rules/change-filing';

const names: Record<string, string> = { p1: '黄晓峰', p2: '覃海涛' };
const personName = (id: string | undefined) => (id ? (names[id] ?? '（已删除）') : '');

describe('recording a change (001 第五条: 分管领导或管理员变更; 004 第六条: 账号名、后台管理人员或维护方式)', () => {
  it('turns an administrator change into a named before → after row and a registry patch', () => {
    const r = buildChanges([{ key: 'chiefAdminId', before: 'p1', after: 'p2' }, { key: 'maintenance', before: '自行维护', after: '委托信息化处维护' }], personName);
    expect(r).toEqual({
      ok: true,
      changes: [
        { field: '总管理员', before: '黄晓峰', after: '覃海涛' },
        { field: '维护方式', before: '自行维护', after: '委托信息化处维护' },
      ],
      // 维护方式 has no registry field: only the filing records it.
      platformPatch: { chiefAdminId: 'p2' },
    });
  });

  it('a renamed account updates the registry name; an empty before prints as （未登记）', () => {
    const r = buildChanges([{ key: 'name', after: '东湖青年' }], personName);
    expect(r).toMatchObject({ ok: true, changes: [{ field: '账号名称', before: '（未登记）', after: '东湖青年' }], platformPatch: { name: '东湖青年' } });
  });

  it('refuses nothing selected, a missing after value and an unchanged value, at the field', () => {
    expect(buildChanges([], personName)).toEqual({ ok: false, errors: { changes: '请至少选择一项变更内容。' } });
    expect(buildChanges([{ key: 'chiefAdminId', before: 'p1' }], personName)).toEqual({ ok: false, errors: { 'after.chiefAdminId': '请选择变更后的总管理员。' } });
    expect(buildChanges([{ key: 'name', before: '东湖青年', after: ' 东湖青年 ' }], personName)).toEqual({ ok: false, errors: { 'after.name': '变更后的账号名称与变更前相同。' } });
  });

  it('a change date must be a real date, not in the future; a filing date not before the change nor after today', () => {
    expect(checkChangeDate('2026-11-23', '2026-11-22')).toContain('不能晚于今天');
    expect(checkChangeDate(undefined, '2026-11-22')).toContain('请选择');
    expect(checkChangeDate('2026-11-20', '2026-11-22')).toBeUndefined();
    expect(checkFiledOn('2026-09-29', '2026-09-30', '2026-11-22')).toBe('报备日期不能早于变更日期（2026-09-30）。');
    expect(checkFiledOn('2026-11-23', '2026-09-30', '2026-11-22')).toBe('报备日期不能晚于今天。');
    expect(checkFiledOn('2026-10-09', '2026-09-30', '2026-11-22')).toBeUndefined();
  });
});
