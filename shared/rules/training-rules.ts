// Training sessions (003 第十五条: 每学期至少举行一次; 004 第十条): the checks before a session is
// saved. A session may lie ahead — the sign-in sheet (F16) is printed before it — but attendance
// can only be recorded for one that has taken place. Pure functions.
import type { Id, IsoDate } from '../domain/common';
import { TRAINING_TEAMS, type Training } from '../domain/records';
import type { RuleCheck } from './envelope-state';

export interface TrainingInput {
  date?: IsoDate;
  topic?: string;
  speaker?: string;
  location?: string;
  team?: (typeof TRAINING_TEAMS)[number];
  attendeeIds?: Id[];
}

/** Longest place name the sign-in sheet prints in its 地点 cell. */
export const TRAINING_LOCATION_MAX = 60;

export function checkTraining(input: TrainingInput, today: IsoDate): RuleCheck {
  const errors: Record<string, string> = {};
  if (!input.date) errors.date = '请填写培训日期。';
  else if (input.date > today && (input.attendeeIds ?? []).length > 0) errors.attendeeIds = '培训尚未举行，不能登记签到人员；可先打印空白签到表，培训后再登记。';
  if (!input.topic?.trim()) errors.topic = '请填写培训主题。';
  else if (input.topic.trim().length > 100) errors.topic = '培训主题不能超过100字。';
  if ((input.location ?? '').trim().length > TRAINING_LOCATION_MAX) errors.location = `培训地点不能超过${TRAINING_LOCATION_MAX}字。`;
  if (input.team && !TRAINING_TEAMS.includes(input.team)) errors.team = '请选择培训对象（队伍）。';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true };
}

export function trainingDraft(input: TrainingInput): Omit<Training, 'id' | 'createdAt' | 'updatedAt'> {
  const draft: Omit<Training, 'id' | 'createdAt' | 'updatedAt'> = {
    date: input.date!,
    topic: input.topic!.trim(),
    // One signature line per person, whatever the select gave twice.
    attendeeIds: [...new Set(input.attendeeIds ?? [])],
  };
  if (input.speaker?.trim()) draft.speaker = input.speaker.trim();
  if (input.location?.trim()) draft.location = input.location.trim();
  if (input.team) draft.team = input.team;
  return draft;
}
