// Registering and closing problems, complaints and opinion events (002 第十条, 003 第十六、二十三条).
import { describe, expect, it } from 'vitest';
import { checkClose, checkIncident, FEEDBACK_REQUIRED_MESSAGE, incidentDraft, incidentState, type IncidentInput } from '../../../shared/rules/incident-rules';

const TODAY = '2026-11-22';
const complaint: IncidentInput = { kind: '举报投诉', date: '2026-11-20', found: '举报邮箱反映帖子公开他人手机号码。', actions: ['删除'] };

describe('complaints and opinion events (002 第十条)', () => {
  it('a complaint cannot be closed before the result is fed back to the complainant (002 第十条(二))', () => {
    expect(checkClose({ kind: '举报投诉', date: '2026-11-20' }, '2026-11-21', '  ', TODAY)).toEqual({ ok: false, errors: { feedback: FEEDBACK_REQUIRED_MESSAGE } });
    expect(checkClose({ kind: '举报投诉', date: '2026-11-20' }, '2026-11-21', '已电话告知举报人处理结果。', TODAY)).toEqual({ ok: true });
    // Registered as closed in one go: the same rule.
    expect(checkIncident({ ...complaint, closedOn: '2026-11-21' }, TODAY)).toEqual({ ok: false, errors: { feedback: FEEDBACK_REQUIRED_MESSAGE } });
    expect(checkIncident({ ...complaint, closedOn: '2026-11-21', feedback: '已告知。' }, TODAY)).toEqual({ ok: true });
  });

  it('problems and opinion events are closed without a complainant to answer (002 第十条(一))', () => {
    expect(checkClose({ kind: '舆情', date: '2026-11-20' }, '2026-11-22', undefined, TODAY)).toEqual({ ok: true });
    expect(checkClose({ kind: '问题登记', date: '2026-11-20' }, '2026-11-22', undefined, TODAY)).toEqual({ ok: true });
  });

  it('closing dates lie between the day it was found and today; a closed record is not closed twice', () => {
    expect(checkClose({ kind: '舆情', date: '2026-11-20' }, '2026-11-23', undefined, TODAY)).toEqual({ ok: false, errors: { closedOn: '办结日期不能晚于今天。' } });
    expect(checkClose({ kind: '舆情', date: '2026-11-20' }, '2026-11-19', undefined, TODAY)).toEqual({ ok: false, errors: { closedOn: '办结日期不能早于发现（受理）日期。' } });
    expect(checkClose({ kind: '舆情', date: '2026-11-20' }, undefined, undefined, TODAY)).toEqual({ ok: false, errors: { closedOn: '请填写办结日期。' } });
    expect(checkClose({ kind: '舆情', date: '2026-11-20', closedOn: '2026-11-21' }, '2026-11-22', undefined, TODAY)).toEqual({ ok: false, errors: { _: '该记录已于2026-11-21办结。' } });
    expect(incidentState({ closedOn: '2026-11-21' })).toBe('已办结');
    expect(incidentState({})).toBe('处理中');
  });
});

describe('registering (003 第十六条, 第二十三条)', () => {
  it('needs a kind, a date not in the future and what was found, each at its field', () => {
    const r = checkIncident({ date: '2026-11-23', found: ' ' }, TODAY);
    expect(r).toEqual({ ok: false, errors: { kind: '请选择类别（问题登记/举报投诉/舆情）。', date: '发现（受理）日期不能晚于今天。', found: '请填写发现的问题（举报、舆情的内容）。' } });
  });

  it('a 问题登记 names the platform or group where it was found (003 第二十三条 群主每天查看群内动态)', () => {
    const r = checkIncident({ kind: '问题登记', date: TODAY, found: '转发推销链接。' }, TODAY);
    expect(r).toEqual({ ok: false, errors: { platformId: '问题登记须选择发现问题的平台或工作群。' } });
    expect(checkIncident({ kind: '舆情', date: TODAY, found: '冒用学校名义的账号。' }, TODAY)).toEqual({ ok: true });
  });

  it('an incident reported upwards (上报) says to whom (003 第十六条 及时上报)', () => {
    expect(checkIncident({ ...complaint, actions: ['上报'] }, TODAY)).toEqual({ ok: false, errors: { reportedTo: '选择了“上报”，请填写上报对象。' } });
    expect(checkIncident({ ...complaint, actions: ['上报'], reportedTo: '党委宣传部' }, TODAY)).toEqual({ ok: true });
  });

  it('stores trimmed text, the actions in their fixed order and no empty optional fields', () => {
    expect(incidentDraft({ ...complaint, found: ' 内容 ', actions: ['上报', '劝阻'], reportedTo: ' 宣传部 ', feedback: ' ' })).toEqual({
      kind: '举报投诉', date: '2026-11-20', found: '内容', actions: ['劝阻', '上报'], reportedTo: '宣传部',
    });
  });
});

describe('the complainant (002 第十条(二) 将处理结果反馈给举报人)', () => {
  const complaint: IncidentInput = { kind: '举报投诉', date: '2026-10-25', found: '读者来信反映截图外传', actions: [] };

  it('keeps who complained and how to reach them, trimmed; both optional for an anonymous complaint', () => {
    const draft = incidentDraft({ ...complaint, complainant: ' 读者吉𠮷龘 ', complainantContact: ' 029-88460000 ' });
    expect(draft.complainant).toBe('读者吉𠮷龘');
    expect(draft.complainantContact).toBe('029-88460000');
    const anonymous = incidentDraft({ ...complaint, complainant: '  ', complainantContact: '' });
    expect('complainant' in anonymous).toBe(false);
    expect('complainantContact' in anonymous).toBe(false);
    expect(checkIncident(complaint, '2026-11-01')).toEqual({ ok: true });
  });

  it('refuses an overlong name or contact at its field', () => {
    const check = checkIncident({ ...complaint, complainant: '吉'.repeat(51), complainantContact: '1'.repeat(101) }, '2026-11-01');
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.errors.complainant).toBe('举报人不能超过 50 个字，请删减。');
      expect(check.errors.complainantContact).toBe('联系方式不能超过 100 个字，请删减。');
    }
  });
});
