// Administrator handovers (000 第六条 2: 管理员工作调整时，要与接任人员做好交接，交接后要及时更换
// 密码、口令): the checklist, the checks before recording one, when it counts as complete, and the
// registry change it triggers (001 第五条 / 004 第六条: a change filing).
import type { Id, IsoDate } from '../domain/common';
import type { Person } from '../domain/person';
import type { Platform } from '../domain/platform';
import type { FieldChange, Handover } from '../domain/records';
import { leftMessage, toRuleCheck, type RuleCheck } from './envelope-state';

/** What is handed over, item by item. */
export const HANDOVER_CHECKLIST = [
  '密码密封存档信封',
  '绑定手机、邮箱已改为接收人',
  '管理员、运营者权限已移交',
  '双重验证（二次验证）设备',
  '待审核、待发布稿件',
  '工作资料及文档',
] as const;

export type HandoverState = '待更换密码' | '已完成';

/** Complete only once the password change after it is recorded (000 第六条 2). */
export function handoverState(h: Pick<Handover, 'passwordChangedOn' | 'passwordChangeConfirmedById'>): HandoverState {
  return h.passwordChangedOn && h.passwordChangeConfirmedById ? '已完成' : '待更换密码';
}

export interface HandoverInput {
  platformId?: Id;
  outgoingId?: Id;
  incomingId?: Id;
  supervisorId?: Id;
  date?: IsoDate;
}

export function checkHandover(
  input: HandoverInput,
  platform: Pick<Platform, 'chiefAdminId' | 'status'> | undefined,
  people: ReadonlyMap<Id, Person>,
  today: IsoDate,
): RuleCheck {
  const e: Record<string, string | undefined> = {};
  if (!input.platformId || !platform) e.platformId = '请选择平台。';
  else if (platform.status === '已注销') e.platformId = '该平台已注销，无需交接。';
  if (!input.outgoingId) e.outgoingId = '请选择移交人。';
  else if (platform?.chiefAdminId && platform.chiefAdminId !== input.outgoingId) {
    const chief = people.get(platform.chiefAdminId)?.name ?? '（已删除的人员）';
    e.outgoingId = `移交人须为该平台登记的总管理员（${chief}）。如台账有误，请先在平台台账中更正。`;
  }
  if (!input.incomingId) e.incomingId = '请选择接收人。';
  else if (input.incomingId === input.outgoingId) e.incomingId = '移交人和接收人不能是同一人。';
  else e.incomingId = leftMessage(people, input.incomingId, '接收人（新任管理员）');
  if (!input.supervisorId) e.supervisorId = '请选择监交人。';
  else if (input.supervisorId === input.outgoingId || input.supervisorId === input.incomingId) e.supervisorId = '监交人须是移交人、接收人以外的第三人。';
  else e.supervisorId = leftMessage(people, input.supervisorId, '监交人');
  if (!input.date) e.date = '请选择交接日期。';
  else if (input.date > today) e.date = '交接日期不能晚于今天。';
  return toRuleCheck(e);
}

export interface PasswordChangeInput {
  date?: IsoDate;
  confirmedById?: Id;
}

export function checkPasswordChange(
  handover: Pick<Handover, 'date' | 'outgoingId' | 'incomingId' | 'supervisorId' | 'passwordChangedOn' | 'passwordChangeConfirmedById'>,
  input: PasswordChangeInput,
  people: ReadonlyMap<Id, Person>,
  today: IsoDate,
): RuleCheck {
  if (handoverState(handover) === '已完成') {
    return { ok: false, errors: { _: `该交接已于${handover.passwordChangedOn}确认更换密码，无需重复登记。` } };
  }
  const e: Record<string, string | undefined> = {};
  if (!input.date) e.date = '请选择更换密码的日期。';
  else if (input.date < handover.date) e.date = '更换密码的日期不能早于交接日期。';
  else if (input.date > today) e.date = '更换密码的日期不能晚于今天。';
  if (!input.confirmedById) e.confirmedById = '请选择确认人。';
  // The point of changing is that the outgoing administrator no longer knows the password.
  else if (input.confirmedById === handover.outgoingId) e.confirmedById = '确认人不能是移交人：请由接收人或监交人确认。';
  // 000 第六条: the people of this handover vouch for the change; anyone else cannot know it happened.
  else if (input.confirmedById !== handover.incomingId && input.confirmedById !== handover.supervisorId) {
    e.confirmedById = '确认人须为本次交接的接收人或监交人（000 第六条）。请改选接收人或监交人。';
  }
  else e.confirmedById = leftMessage(people, input.confirmedById, '确认人');
  return toRuleCheck(e);
}

/** The registry change the handover makes: 总管理员 before → after, by name as on the filing form. */
export function chiefAdminChange(beforeId: Id | undefined, afterId: Id, people: ReadonlyMap<Id, Person>): FieldChange {
  return {
    field: '总管理员',
    before: beforeId ? (people.get(beforeId)?.name ?? '') : '（未登记）',
    after: people.get(afterId)?.name ?? '',
  };
}
