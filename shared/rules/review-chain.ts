// 先审后发 (000 第七条, 001 第七条, 002 第六条, 003 第十四条, 004 通知 二): the profile's review
// chain laid out as steps, what may be recorded at each step, when an item may be published,
// 重发重审 (a new review linked to the original) and 纠错 (001 第九条). Pure: the database layer
// and the UI ask these functions and show the Chinese reason they return.
import type { Draft, Id, IsoDate, IsoDateTime } from '../domain/common';
import type { Person } from '../domain/person';
import { dayOf, profileZone } from '../domain/time-zone';
import type { Rank } from '../domain/unit';
import type { Correction, Review, ReviewDecision, ReviewStepRecord } from '../domain/records';
import type { ReviewStepRule, RuleProfile } from '../profiles/types';

/** Which field a refusal belongs to, so the UI can show it at that field. */
export type ReviewField = 'step' | 'reviewerIds' | 'decision' | 'opinion' | 'date' | 'publishedAt' | 'publishedUrl' | 'publishedById' | 'action' | 'at' | 'reason';

export type RuleResult = { ok: true } | { ok: false; reason: string; field?: ReviewField };

const OK: RuleResult = { ok: true };
const refuse = (reason: string, field?: ReviewField): RuleResult => ({ ok: false, reason, field });

export const REVIEW_STATUSES = ['待审', '审核中', '退回修改', '已通过', '已发布', '已纠错'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const LEVEL_NAMES = ['第一级', '第二级', '第三级', '第四级', '第五级', '第六级'];

/** '第二级（部门负责人）' — how a step is named in every message. */
export function stepName(stepIndex: number, roleLabel: string): string {
  return `${LEVEL_NAMES[stepIndex] ?? `第${stepIndex + 1}级`}（${roleLabel}）`;
}

/** The clause a step's constraints come from, or 本单位规定 where the profile names none. */
export function stepSource(rule: Pick<ReviewStepRule, 'source'>): string {
  return rule.source?.trim() || '本单位规定';
}

/** Ranks that satisfy a step's minimum (副处级 is a 处级 cadre; 其他 satisfies none). */
const RANKS_AT_LEAST: Record<NonNullable<ReviewStepRule['minRank']>, readonly Rank[]> = {
  处级: ['处级', '副处级'],
  科级: ['处级', '副处级', '科级'],
};

/** What a step requires of its signers, for the form's level list, e.g. '，须为处级及以上'. */
export function stepRequirements(rule: ReviewStepRule): string {
  return `${rule.minSigners > 1 ? `，至少${rule.minSigners}人` : ''}${rule.mustBeTeacher ? '，须为教师' : ''}${rule.minRank ? `，须为${rule.minRank}及以上` : ''}`;
}

/**
 * Why this person may not sign this step (rank, teacher), naming the clause; undefined when they
 * may (001 第七条 负责宣传的处级领导; 004 通知 二 本单位教师).
 */
export function signerProblem(rule: ReviewStepRule, name: string, person: Pick<Person, 'name' | 'isTeacher' | 'rank'>): string | undefined {
  const clause = stepSource(rule);
  if (rule.mustBeTeacher && !person.isTeacher) return `${person.name}不是教师：${name}的审核人必须为本单位教师（${clause}）。`;
  if (rule.minRank && !(person.rank && RANKS_AT_LEAST[rule.minRank].includes(person.rank))) {
    const held = person.rank ? `的职级为${person.rank}` : '未登记职级';
    return `${person.name}${held}：${name}的审核人须为${rule.minRank}及以上（${clause}）。请改选审核人；如职级有误，请先在“人员”中更正。`;
  }
  return undefined;
}

/** The steps this item needs: the escalation step only for a major item (000 第七条 3, 002 第六条 (一)). */
export function chainFor(profile: RuleProfile, major: boolean): ReviewStepRule[] {
  return profile.reviewChain.filter((rule) => !rule.onlyForMajor || major);
}

/** Empty steps for a new review or a new round: one per rule, in order. */
export function layOutSteps(profile: RuleProfile, major: boolean): ReviewStepRecord[] {
  return chainFor(profile, major).map((rule, stepIndex) => ({ stepIndex, roleLabel: rule.roleLabel, reviewerIds: [] }));
}

/** The recorded step at this position of the current round (steps are stored by index). */
export function stepAt(review: Pick<Review, 'steps'>, stepIndex: number): ReviewStepRecord | undefined {
  return review.steps.find((s) => s.stepIndex === stepIndex);
}

const decided = (step: ReviewStepRecord | undefined): step is ReviewStepRecord & { decision: ReviewDecision } => Boolean(step?.decision);

/** A step of the current round was 退回修改: the item is back with its author. */
export function isReturned(review: Pick<Review, 'steps'>): boolean {
  return review.steps.some((s) => s.decision === '退回修改');
}

export function reviewStatus(review: Review, profile: RuleProfile): ReviewStatus {
  if (review.publishedAt) return review.corrections.length > 0 ? '已纠错' : '已发布';
  if (isReturned(review)) return '退回修改';
  if (canPublish(review, profile).ok) return '已通过';
  return review.steps.some(decided) ? '审核中' : '待审';
}

/** The first step of the chain not yet passed, or undefined when every step passed. */
export function nextStepIndex(review: Review, profile: RuleProfile): number | undefined {
  const chain = chainFor(profile, review.major);
  const index = chain.findIndex((_, i) => stepAt(review, i)?.decision !== '通过');
  return index < 0 ? undefined : index;
}

/** People who signed a passed step of the current round (for minReviewers and 谁审签谁负责). */
export function currentReviewers(review: Pick<Review, 'steps'>): Id[] {
  return [...new Set(review.steps.filter((s) => s.decision === '通过').flatMap((s) => s.reviewerIds))];
}

export interface StepEntry {
  reviewerIds: Id[];
  opinion?: string;
  decision?: ReviewDecision;
  date?: IsoDate;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * May this entry be recorded as step `stepIndex` of the current round? Refuses, with the reason:
 * a published or returned item, a step skipped or out of order, a step already recorded, a
 * reviewer who is unknown, 离岗, not a teacher where the step requires one (004 通知 二) or who
 * already signed another step of this round, too few signers for the step, and — at the last
 * step — too few reviewers overall for the profile (004: at least three).
 */
export function canRecordStep(
  review: Review,
  stepIndex: number,
  entry: StepEntry,
  people: readonly Person[],
  profile: RuleProfile,
  today?: IsoDate,
): RuleResult {
  if (review.publishedAt) return refuse('该信息已发布，审核记录不能再修改；如需再次发布，请“重发重审”。', 'step');
  if (isReturned(review)) return refuse('该信息已退回修改，请作者修改后点击“修改后重新送审”，开始新一轮审核。', 'step');
  const chain = chainFor(profile, review.major);
  const rule = chain[stepIndex];
  if (!rule) return refuse(`本规则的审核流程只有${chain.length}级，没有${LEVEL_NAMES[stepIndex] ?? `第${stepIndex + 1}级`}。`, 'step');
  const name = stepName(stepIndex, rule.roleLabel);
  if (decided(stepAt(review, stepIndex))) return refuse(`${name}已经记录，不能重复记录。`, 'step');
  for (let i = 0; i < stepIndex; i++) {
    if (stepAt(review, i)?.decision !== '通过') {
      return refuse(`请先记录${stepName(i, chain[i]!.roleLabel)}的审核：不能跳级审核，须逐级审核通过后再报下一级。`, 'step');
    }
  }

  const ids = entry.reviewerIds;
  if (ids.length === 0) return refuse(`请填写${name}的审核人。`, 'reviewerIds');
  if (new Set(ids).size !== ids.length) return refuse('同一审核人选了两次，请检查。', 'reviewerIds');
  const byId = new Map(people.map((p) => [p.id, p]));
  const earlier = new Map<Id, number>();
  for (const s of review.steps) if (s.stepIndex !== stepIndex && decided(s)) for (const id of s.reviewerIds) earlier.set(id, s.stepIndex);
  for (const id of ids) {
    const person = byId.get(id);
    if (!person || person.deletedAt) return refuse('找不到所选审核人（可能已被删除），请重新选择。', 'reviewerIds');
    if (person.status === '离岗') return refuse(`${person.name}已离岗${person.statusDate ? `（${person.statusDate}）` : ''}，不能担任审核人。`, 'reviewerIds');
    const problem = signerProblem(rule, name, person);
    if (problem) return refuse(problem, 'reviewerIds');
    const other = earlier.get(id);
    if (other !== undefined) {
      return refuse(`${person.name}已在${stepName(other, chain[other]?.roleLabel ?? '')}签审，同一人不能在同一轮中审核两级（逐级把关，谁审签谁负责）。`, 'reviewerIds');
    }
  }
  if (ids.length < rule.minSigners) return refuse(`${name}至少需要${rule.minSigners}名审核人签审（${stepSource(rule)}），目前只有${ids.length}名。`, 'reviewerIds');

  if (!entry.decision) return refuse('请选择审核结论（通过或退回修改）。', 'decision');
  // 002 第六条 (二): 对存在问题的信息，审核人应提出修改意见，退回信息发布人进行修改完善.
  if (entry.decision === '退回修改' && !entry.opinion?.trim()) return refuse('退回修改时请填写修改意见（002 第六条（二））。', 'opinion');

  if (!entry.date || !ISO_DATE.test(entry.date)) return refuse('请填写审核日期。', 'date');
  if (today && entry.date > today) return refuse('审核日期不能晚于今天。', 'date');
  const previous = stepIndex > 0 ? stepAt(review, stepIndex - 1)?.date : undefined;
  if (previous && entry.date < previous) return refuse(`审核日期不能早于上一级的审核日期（${previous}）。`, 'date');

  const last = stepIndex === chain.length - 1;
  if (last && entry.decision === '通过') {
    const total = new Set([...currentReviewers(review), ...ids]).size;
    if (total < profile.minReviewers) {
      return refuse(`本规则要求至少${profile.minReviewers}名审核人${chain.some((r) => r.mustBeTeacher) ? '（均为教师）' : ''}，本轮只有${total}名。`, 'reviewerIds');
    }
  }
  return OK;
}

/** The steps after recording an entry that {@link canRecordStep} allowed. */
export function withStep(review: Review, stepIndex: number, entry: StepEntry, profile: RuleProfile): ReviewStepRecord[] {
  const rule = chainFor(profile, review.major)[stepIndex]!;
  const recorded: ReviewStepRecord = {
    stepIndex,
    roleLabel: rule.roleLabel,
    reviewerIds: [...entry.reviewerIds],
    ...(entry.opinion?.trim() ? { opinion: entry.opinion.trim() } : {}),
    ...(entry.decision ? { decision: entry.decision } : {}),
    ...(entry.date ? { date: entry.date } : {}),
  };
  return [...review.steps.filter((s) => s.stepIndex !== stepIndex), recorded].sort((a, b) => a.stepIndex - b.stepIndex);
}

export function canStartNewRound(review: Review): RuleResult {
  if (review.publishedAt) return refuse('该信息已发布。');
  if (!isReturned(review)) return refuse('只有退回修改的信息才需要重新送审。');
  return OK;
}

/**
 * A returned item after its author revised it: the returned round goes to history (every
 * signature stays on record) and the chain starts again from the first step.
 */
export function newRound(review: Review, profile: RuleProfile): Pick<Review, 'steps' | 'returnedRounds'> {
  const done = review.steps.filter((s) => decided(s) || s.reviewerIds.length > 0);
  return { steps: layOutSteps(profile, review.major), returnedRounds: [...(review.returnedRounds ?? []), done] };
}

/** Only when every step this item needs passed with enough signers and reviewers (先审后发). */
export function canPublish(review: Review, profile: RuleProfile): RuleResult {
  if (review.publishedAt) return refuse('该信息已经发布。');
  if (isReturned(review)) return refuse('该信息已退回修改，修改后须重新送审，审核通过后才能发布。');
  const chain = chainFor(profile, review.major);
  for (const [i, rule] of chain.entries()) {
    const step = stepAt(review, i);
    if (step?.decision !== '通过') {
      const escalation = rule.onlyForMajor ? '重大事项须经此级审批；' : '';
      return refuse(`未经审核的信息不得发布（先审后发）：${escalation}${stepName(i, rule.roleLabel)}尚未审核通过。`);
    }
    if (step.reviewerIds.length < rule.minSigners) return refuse(`${stepName(i, rule.roleLabel)}至少需要${rule.minSigners}名审核人签审。`);
  }
  const total = currentReviewers(review).length;
  if (total < profile.minReviewers) return refuse(`本规则要求至少${profile.minReviewers}名审核人，本轮只有${total}名，不能发布。`);
  return OK;
}

export interface PublicationEntry {
  publishedAt?: IsoDateTime;
  publishedUrl?: string;
  publishedById?: Id;
}

/** 发布: the item must be fully approved, and the time, link and publisher are all on record. */
export function canMarkPublished(review: Review, entry: PublicationEntry, profile: RuleProfile): RuleResult {
  const allowed = canPublish(review, profile);
  if (!allowed.ok) return allowed;
  if (!entry.publishedAt) return refuse('请填写发布时间。', 'publishedAt');
  const lastDate = review.steps.map((s) => s.date ?? '').sort().at(-1);
  if (lastDate && dayOf(entry.publishedAt, profileZone(profile)) < lastDate) return refuse(`发布时间不能早于审核通过的日期（${lastDate}）。`, 'publishedAt');
  if (!entry.publishedUrl?.trim()) return refuse('请填写发布链接（网址）。', 'publishedUrl');
  if (!entry.publishedById) return refuse('请选择发布人（管理员）。', 'publishedById');
  return OK;
}

/** 重发重审 (000 第七条): an item already published is published again only after a new review. */
export function canRepublish(review: Review): RuleResult {
  if (!review.publishedAt) return refuse('该信息尚未发布，不需要重发重审。');
  return OK;
}

/** The new review for re-publishing: the same item, an empty chain, linked to the original. */
export function republishDraft(review: Review, profile: RuleProfile): Draft<Review> {
  const keep: (keyof Review)[] = ['column', 'content', 'copywriterId', 'editorId', 'imageSource', 'submittingUnitId'];
  const copied = Object.fromEntries(keep.filter((k) => review[k] !== undefined).map((k) => [k, review[k]])) as Partial<Review>;
  return {
    ...copied,
    platformId: review.platformId,
    title: review.title,
    major: review.major,
    steps: layOutSteps(profile, review.major),
    corrections: [],
    originalReviewId: review.id,
  };
}

/** 纠错 (001 第九条): what was done to a published item, when and why. */
export function canCorrect(review: Review, correction: Partial<Correction>): RuleResult {
  if (!review.publishedAt) return refuse('该信息尚未发布，不需要纠错。');
  if (!correction.action) return refuse('请选择处理方式（删除、屏蔽或更正）。', 'action');
  if (!correction.at) return refuse('请填写处理时间。', 'at');
  if (correction.at < review.publishedAt) return refuse('处理时间不能早于发布时间。', 'at');
  if (!correction.reason?.trim()) return refuse('请填写纠错原因。', 'reason');
  return OK;
}

/** What an item waits for and from whom, for the list (谁审签谁负责). */
export function waitingOn(review: Review, profile: RuleProfile, personName: (id: Id | undefined) => string): string {
  const status = reviewStatus(review, profile);
  switch (status) {
    case '待审':
    case '审核中': {
      const index = nextStepIndex(review, profile);
      if (index === undefined) return '';
      const rule = chainFor(profile, review.major)[index]!;
      const names = (stepAt(review, index)?.reviewerIds ?? []).map(personName).filter(Boolean);
      return `待${stepName(index, rule.roleLabel)}审核${names.length ? `：${names.join('、')}` : ''}`;
    }
    case '退回修改': {
      const author = personName(review.copywriterId) || personName(review.editorId);
      return `待作者修改后重新送审${author ? `：${author}` : ''}`;
    }
    case '已通过':
      return '待管理员发布';
    default:
      return '';
  }
}

/** Whole days from submission (createdAt) to publication, for the year-end figures; undefined if unpublished. */
export function daysToPublish(review: Review): number | undefined {
  if (!review.publishedAt) return undefined;
  const ms = Date.parse(review.publishedAt) - Date.parse(review.createdAt);
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 86_400_000)) : undefined;
}
