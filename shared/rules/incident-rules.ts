// Problems, complaints and opinion events (002 第十条, 003 第十六、二十三条): the checks before an
// incident is registered or closed. A complaint (举报投诉) is closed only after the result has been
// fed back to the person who complained (002 第十条(二) 将处理结果反馈给举报人). Pure functions.
import type { Id, IsoDate } from '../domain/common';
import type { INCIDENT_KINDS } from '../domain/records';
import { INCIDENT_ACTIONS, type Incident } from '../domain/records';
import type { RuleCheck } from './envelope-state';

export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];
export type IncidentState = '处理中' | '已办结';

/** What the register dialog gives: every field may still be empty. */
export interface IncidentInput {
  kind?: IncidentKind;
  date?: IsoDate;
  platformId?: Id;
  found?: string;
  complainant?: string;
  complainantContact?: string;
  actions?: IncidentAction[];
  reportedTo?: string;
  feedback?: string;
  closedOn?: IsoDate;
}

/** Length limits of the complainant's name (a person or an organisation) and contact. */
export const COMPLAINANT_MAX = 50;
export const CONTACT_MAX = 100;

export const FEEDBACK_REQUIRED_MESSAGE = '举报投诉须先将处理结果反馈给举报人（002 第十条(二)），请填写对举报人的反馈后再办结。';

export function incidentState(i: Pick<Incident, 'closedOn'>): IncidentState {
  return i.closedOn ? '已办结' : '处理中';
}

/** Only complaints have a person to answer; problems and opinion events are closed by the office. */
export function needsFeedback(kind: IncidentKind | undefined): boolean {
  return kind === '举报投诉';
}

const filled = (s: string | undefined): s is string => Boolean(s && s.trim());

/** Checks a new or edited incident; `today` is the clerk's date, no date may lie after it. */
export function checkIncident(input: IncidentInput, today: IsoDate): RuleCheck {
  const errors: Record<string, string> = {};
  if (!input.kind) errors.kind = '请选择类别（问题登记/举报投诉/舆情）。';
  if (!input.date) errors.date = '请填写发现（受理）日期。';
  else if (input.date > today) errors.date = '发现（受理）日期不能晚于今天。';
  if (input.kind === '问题登记' && !input.platformId) errors.platformId = '问题登记须选择发现问题的平台或工作群。';
  if (!filled(input.found)) errors.found = '请填写发现的问题（举报、舆情的内容）。';
  if ((input.complainant ?? '').trim().length > COMPLAINANT_MAX) errors.complainant = `举报人不能超过 ${COMPLAINANT_MAX} 个字，请删减。`;
  if ((input.complainantContact ?? '').trim().length > CONTACT_MAX) errors.complainantContact = `联系方式不能超过 ${CONTACT_MAX} 个字，请删减。`;
  if ((input.actions ?? []).includes('上报') && !filled(input.reportedTo)) errors.reportedTo = '选择了“上报”，请填写上报对象。';
  if (input.closedOn) {
    if (input.closedOn > today) errors.closedOn = '办结日期不能晚于今天。';
    else if (input.date && input.closedOn < input.date) errors.closedOn = '办结日期不能早于发现（受理）日期。';
    else if (needsFeedback(input.kind) && !filled(input.feedback)) errors.feedback = FEEDBACK_REQUIRED_MESSAGE;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true };
}

/** Checks closing an open incident on `closedOn` with the feedback given (may be empty for non-complaints). */
export function checkClose(incident: Pick<Incident, 'kind' | 'date' | 'closedOn'>, closedOn: IsoDate | undefined, feedback: string | undefined, today: IsoDate): RuleCheck {
  if (incident.closedOn) return { ok: false, errors: { _: `该记录已于${incident.closedOn}办结。` } };
  const errors: Record<string, string> = {};
  if (!closedOn) errors.closedOn = '请填写办结日期。';
  else if (closedOn > today) errors.closedOn = '办结日期不能晚于今天。';
  else if (closedOn < incident.date) errors.closedOn = '办结日期不能早于发现（受理）日期。';
  if (needsFeedback(incident.kind) && !filled(feedback)) errors.feedback = FEEDBACK_REQUIRED_MESSAGE;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true };
}

/** The stored shape of a checked input: text trimmed, empty optional fields left out. */
export function incidentDraft(input: IncidentInput): Omit<Incident, 'id' | 'createdAt' | 'updatedAt'> {
  const opt = (s: string | undefined) => (filled(s) ? s.trim() : undefined);
  const draft: Omit<Incident, 'id' | 'createdAt' | 'updatedAt'> = {
    kind: input.kind!,
    date: input.date!,
    found: input.found!.trim(),
    // Kept in the order of INCIDENT_ACTIONS, so the printed list reads the same for every record.
    actions: INCIDENT_ACTIONS.filter((a) => (input.actions ?? []).includes(a)),
  };
  if (input.platformId) draft.platformId = input.platformId;
  const complainant = opt(input.complainant);
  if (complainant) draft.complainant = complainant;
  const contact = opt(input.complainantContact);
  if (contact) draft.complainantContact = contact;
  const reportedTo = opt(input.reportedTo);
  if (reportedTo) draft.reportedTo = reportedTo;
  const feedback = opt(input.feedback);
  if (feedback) draft.feedback = feedback;
  if (input.closedOn) draft.closedOn = input.closedOn;
  return draft;
}
