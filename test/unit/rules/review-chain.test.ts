// The publishing-review chain of each preset profile (先审后发): steps in order, the right
// reviewers, the escalation step for major items, rounds after 退回修改, publishing only when fully
// approved, 重发重审 and 纠错. Each test is named after the clause it implements.
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain/person';
import type { Review } from '../../../shared/domain/records';
import { getPreset } from '../../../shared/profiles/presets';
import type { RuleProfile } from '../../../shared/profiles/types';
import {
  canCorrect,
  canMarkPublished,
  canPublish,
  canRecordStep,
  canRepublish,
  daysToPublish,
  layOutSteps,
  newRound,
  republishDraft,
  reviewStatus,
  waitingOn,
  withStep,
  type StepEntry,
} from '../../../shared/rules/review-chain';

const T = '2026-05-01T08:00:00.000Z';

function person(id: string, name: string, extra: Partial<Person> = {}): Person {
  return { id, name, isTeacher: true, status: '在岗', createdAt: T, updatedAt: T, ...extra };
}

const PEOPLE: Person[] = [
  person('a', '王喆', { rank: '科级' }),
  person('b', '陈𠮷安', { rank: '副处级' }),
  person('c', '周立新', { rank: '处级' }),
  person('d', '杨建国', { rank: '处级' }),
  person('e', '郑堃', { rank: '副处级' }),
  person('clerk', '欧阳䶮', { rank: '其他' }),
  person('unranked', '覃海涛'),
  person('worker', '马骏', { isTeacher: false }),
  person('left', '李离', { status: '离岗', statusDate: '2026-03-01' }),
];

function profile(id: string): RuleProfile {
  const p = getPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
}

function review(p: RuleProfile, major = false, extra: Partial<Review> = {}): Review {
  return { id: 'r1', createdAt: T, updatedAt: T, platformId: 'pf', title: '测试', major, steps: layOutSteps(p, major), corrections: [], ...extra };
}

const pass = (reviewerIds: string[], date = '2026-05-02'): StepEntry => ({ reviewerIds, decision: '通过', opinion: '同意。', date });

/** Records entries in order, failing the test at the first refusal. */
function record(r: Review, p: RuleProfile, entries: StepEntry[]): Review {
  let current = r;
  entries.forEach((entry, i) => {
    expect(canRecordStep(current, i, entry, PEOPLE, p)).toEqual({ ok: true });
    current = { ...current, steps: withStep(current, i, entry, p) };
  });
  return current;
}

describe('000 高校二级单位（图书馆）', () => {
  const p = profile('secondary-unit-library');

  it('an ordinary item is 初审 by 部（室）主任或党支部书记 then 审签 by 分管领导 before it is published (000 第七条 3)', () => {
    const r = review(p);
    expect(r.steps.map((s) => s.roleLabel)).toEqual(['部（室）主任或党支部书记', '分管领导']);
    expect(canPublish(r, p)).toMatchObject({ ok: false, reason: expect.stringContaining('先审后发') });
    const done = record(r, p, [pass(['a']), pass(['b'])]);
    expect(canPublish(done, p)).toEqual({ ok: true });
    expect(reviewStatus(done, p)).toBe('已通过');
  });

  it('a major item needs 党总支书记或馆长 (000 第七条)', () => {
    const r = review(p, true);
    expect(r.steps.map((s) => s.roleLabel)).toEqual(['部（室）主任或党支部书记', '分管领导', '党总支书记或馆长']);
    const two = record(r, p, [pass(['a']), pass(['b'])]);
    expect(canPublish(two, p)).toMatchObject({ ok: false, reason: expect.stringContaining('第三级（党总支书记或馆长）') });
    expect(reviewStatus(two, p)).toBe('审核中');
    const three = { ...two, steps: withStep(two, 2, pass(['c']), p) };
    expect(canRecordStep(two, 2, pass(['c']), PEOPLE, p)).toEqual({ ok: true });
    expect(canPublish(three, p)).toEqual({ ok: true });
  });

  it('no step is skipped: 审签 before 初审 is refused (先审后发, 000 第七条)', () => {
    const r = review(p);
    expect(canRecordStep(r, 1, pass(['b']), PEOPLE, p)).toEqual({
      ok: false,
      field: 'step',
      reason: '请先记录第一级（部（室）主任或党支部书记）的审核：不能跳级审核，须逐级审核通过后再报下一级。',
    });
    // A step that exists only for major items is not there for an ordinary one.
    expect(canRecordStep(r, 2, pass(['c']), PEOPLE, p)).toMatchObject({ ok: false, field: 'step' });
  });

  it('谁审签谁负责: the same person cannot sign two steps of one round, and 离岗 people cannot sign (000 第七条)', () => {
    const one = record(review(p), p, [pass(['a'])]);
    expect(canRecordStep(one, 1, pass(['a']), PEOPLE, p)).toMatchObject({ ok: false, field: 'reviewerIds', reason: expect.stringContaining('同一人不能在同一轮中审核两级') });
    expect(canRecordStep(one, 1, pass(['left']), PEOPLE, p)).toMatchObject({ ok: false, field: 'reviewerIds', reason: '李离已离岗（2026-03-01），不能担任审核人。' });
    expect(canRecordStep(one, 1, pass(['ghost']), PEOPLE, p)).toMatchObject({ ok: false, field: 'reviewerIds' });
  });

  it('重发重审: re-publishing a published item creates a new review linked to the original (000 第七条)', () => {
    const done = record(review(p), p, [pass(['a']), pass(['b'])]);
    expect(canRepublish(done)).toMatchObject({ ok: false });
    const published: Review = { ...done, publishedAt: '2026-05-03T02:00:00.000Z', publishedUrl: 'lib.example/1', publishedById: 'a' };
    expect(canRepublish(published)).toEqual({ ok: true });
    const draft = republishDraft(published, p);
    expect(draft).toMatchObject({ originalReviewId: 'r1', platformId: 'pf', title: '测试', corrections: [] });
    expect(draft.steps.every((s) => !s.decision && s.reviewerIds.length === 0)).toBe(true);
    expect('publishedAt' in draft).toBe(false);
    // A published item's review is closed: nothing more is recorded on it.
    expect(canRecordStep(published, 0, pass(['c']), PEOPLE, p)).toMatchObject({ ok: false, reason: expect.stringContaining('重发重审') });
  });
});

describe('001 高校职能部门（信息化处）', () => {
  const p = profile('functional-department');

  it('one 负责宣传的处级领导 reviews before publication (001 第七条)', () => {
    const r = review(p);
    expect(r.steps).toEqual([{ stepIndex: 0, roleLabel: '负责宣传的处级领导', reviewerIds: [] }]);
    const done = record(r, p, [pass(['e'])]);
    expect(canPublish(done, p)).toEqual({ ok: true });
  });

  it('the reviewer is a 处级 leader: a 科员 or a person without a recorded rank is refused, naming the clause (001 第七条)', () => {
    const r = review(p);
    expect(canRecordStep(r, 0, pass(['clerk']), PEOPLE, p)).toEqual({
      ok: false,
      field: 'reviewerIds',
      reason: '欧阳䶮的职级为其他：第一级（负责宣传的处级领导）的审核人须为处级及以上（001 第七条）。请改选审核人；如职级有误，请先在“人员”中更正。',
    });
    expect(canRecordStep(r, 0, pass(['a']), PEOPLE, p)).toMatchObject({ ok: false, reason: expect.stringContaining('王喆的职级为科级') });
    expect(canRecordStep(r, 0, pass(['unranked']), PEOPLE, p)).toMatchObject({ ok: false, reason: expect.stringContaining('覃海涛未登记职级') });
    // 副处级 is a 处级 cadre.
    expect(canRecordStep(r, 0, pass(['e']), PEOPLE, p)).toEqual({ ok: true });
    expect(canRecordStep(r, 0, pass(['d']), PEOPLE, p)).toEqual({ ok: true });
  });

  it('a step without a clause in the profile cites 本单位规定 (custom profile)', () => {
    const custom = profile('custom');
    const edited: RuleProfile = { ...custom, reviewChain: [{ roleLabel: '部门负责人', minSigners: 2 }, ...custom.reviewChain.slice(1)] };
    expect(canRecordStep(review(edited), 0, pass(['a']), PEOPLE, edited)).toMatchObject({
      ok: false,
      reason: '第一级（部门负责人）至少需要2名审核人签审（本单位规定），目前只有1名。',
    });
  });

  it('未经审核的文章不得发布; published only with time, link and publisher on record (001 第七条)', () => {
    const r = review(p);
    expect(canMarkPublished(r, { publishedAt: '2026-05-03T02:00:00.000Z', publishedUrl: 'x', publishedById: 'a' }, p)).toMatchObject({ ok: false });
    const done = record(r, p, [pass(['e'])]);
    expect(canMarkPublished(done, { publishedUrl: 'x', publishedById: 'a' }, p)).toMatchObject({ ok: false, field: 'publishedAt' });
    expect(canMarkPublished(done, { publishedAt: '2026-05-03T02:00:00.000Z', publishedById: 'a' }, p)).toMatchObject({ ok: false, field: 'publishedUrl' });
    expect(canMarkPublished(done, { publishedAt: '2026-05-03T02:00:00.000Z', publishedUrl: 'x' }, p)).toMatchObject({ ok: false, field: 'publishedById' });
    expect(canMarkPublished(done, { publishedAt: '2026-04-30T02:00:00.000Z', publishedUrl: 'x', publishedById: 'a' }, p)).toMatchObject({ ok: false, field: 'publishedAt' });
    expect(canMarkPublished(done, { publishedAt: '2026-05-03T02:00:00.000Z', publishedUrl: 'x', publishedById: 'a' }, p)).toEqual({ ok: true });
  });

  it('reads the day a publication falls on by the profile’s clock, not the machine’s', () => {
    const done = record(review(p), p, [pass(['e'])]);
    // Approved on 2026-05-02; 17:00 UTC on the 1st is 01:00 on the 2nd in Beijing, still the 1st in Berlin.
    const entry = { publishedAt: '2026-05-01T17:00:00.000Z', publishedUrl: 'x', publishedById: 'a' };
    expect(canMarkPublished(done, entry, p)).toEqual({ ok: true });
    expect(canMarkPublished(done, entry, { ...p, timeZone: 'Europe/Berlin' })).toMatchObject({ ok: false, field: 'publishedAt', reason: '发布时间不能早于审核通过的日期（2026-05-02）。' });
  });

  it('纠错 records what was deleted or blocked, when and why, only on a published item (001 第九条)', () => {
    const done = record(review(p), p, [pass(['e'])]);
    expect(canCorrect(done, { action: '删除', at: '2026-05-04T01:00:00.000Z', reason: '数据有误' })).toMatchObject({ ok: false });
    const published: Review = { ...done, publishedAt: '2026-05-03T02:00:00.000Z' };
    expect(canCorrect(published, { at: '2026-05-04T01:00:00.000Z', reason: '数据有误' })).toMatchObject({ ok: false, field: 'action' });
    expect(canCorrect(published, { action: '屏蔽', at: '2026-05-04T01:00:00.000Z', reason: ' ' })).toMatchObject({ ok: false, field: 'reason' });
    expect(canCorrect(published, { action: '屏蔽', at: '2026-05-01T01:00:00.000Z', reason: '有害信息' })).toMatchObject({ ok: false, field: 'at' });
    expect(canCorrect(published, { action: '屏蔽', at: '2026-05-04T01:00:00.000Z', reason: '有害信息' })).toEqual({ ok: true });
    expect(reviewStatus({ ...published, corrections: [{ action: '屏蔽', at: '2026-05-04T01:00:00.000Z', reason: '有害信息' }] }, p)).toBe('已纠错');
  });
});

describe('002 高职院校（三级审核）', () => {
  const p = profile('vocational-three-level-review');

  it('三级审核: 管理员 → 部门负责人 → 宣传部负责人, in order, then publish (002 第六条 (一))', () => {
    const r = review(p);
    expect(r.steps.map((s) => s.roleLabel)).toEqual(['网络阵地管理员', '部门负责人', '党委宣传部负责人']);
    const two = record(r, p, [pass(['a']), pass(['b'])]);
    expect(waitingOn(two, p, (id) => PEOPLE.find((x) => x.id === id)?.name ?? '')).toBe('待第三级（党委宣传部负责人）审核');
    expect(canPublish(two, p)).toMatchObject({ ok: false, reason: '未经审核的信息不得发布（先审后发）：第三级（党委宣传部负责人）尚未审核通过。' });
    expect(canPublish(record(r, p, [pass(['a']), pass(['b']), pass(['c'])]), p)).toEqual({ ok: true });
  });

  it('重大决策、重要活动、重要事件 need 分管领导 as a fourth step (002 第六条 (一))', () => {
    const r = review(p, true);
    expect(r.steps.map((s) => s.roleLabel).at(-1)).toBe('分管领导');
    const three = record(r, p, [pass(['a']), pass(['b']), pass(['c'])]);
    expect(canPublish(three, p)).toMatchObject({ ok: false, reason: expect.stringContaining('重大事项须经此级审批') });
    expect(canPublish(record(r, p, [pass(['a']), pass(['b']), pass(['c']), pass(['d'])]), p)).toEqual({ ok: true });
  });

  it('退回修改 needs an opinion, sends the item back to its author, and a new round starts from the first level (002 第六条 (二))', () => {
    const one = record(review(p, false, { copywriterId: 'worker' }), p, [pass(['a'])]);
    expect(canRecordStep(one, 1, { reviewerIds: ['b'], decision: '退回修改', date: '2026-05-02' }, PEOPLE, p)).toMatchObject({ ok: false, field: 'opinion' });
    const returned: Review = { ...one, steps: withStep(one, 1, { reviewerIds: ['b'], decision: '退回修改', opinion: '数据需核实。', date: '2026-05-02' }, p) };
    expect(reviewStatus(returned, p)).toBe('退回修改');
    expect(waitingOn(returned, p, (id) => PEOPLE.find((x) => x.id === id)?.name ?? '')).toBe('待作者修改后重新送审：马骏');
    expect(canPublish(returned, p)).toMatchObject({ ok: false });
    expect(canRecordStep(returned, 2, pass(['c']), PEOPLE, p)).toMatchObject({ ok: false, reason: expect.stringContaining('重新送审') });

    const again: Review = { ...returned, ...newRound(returned, p) };
    expect(again.returnedRounds).toHaveLength(1);
    expect(again.returnedRounds![0]!.map((s) => s.decision)).toEqual(['通过', '退回修改']);
    expect(reviewStatus(again, p)).toBe('待审');
    // The new round is reviewed from the first level again; last round's reviewers may sign again.
    expect(canRecordStep(again, 1, pass(['b']), PEOPLE, p)).toMatchObject({ ok: false, field: 'step' });
    expect(canPublish(record(again, p, [pass(['a'], '2026-05-03'), pass(['b'], '2026-05-03'), pass(['c'], '2026-05-03')]), p)).toEqual({ ok: true });
  });

  it('a review date is not before the previous level and not in the future (002 第六条: 逐级审核)', () => {
    const one = record(review(p), p, [pass(['a'], '2026-05-05')]);
    expect(canRecordStep(one, 1, pass(['b'], '2026-05-04'), PEOPLE, p)).toMatchObject({ ok: false, field: 'date' });
    expect(canRecordStep(one, 1, pass(['b'], '2026-05-09'), PEOPLE, p, '2026-05-06')).toMatchObject({ ok: false, field: 'date', reason: '审核日期不能晚于今天。' });
    expect(canRecordStep(one, 1, { reviewerIds: ['b'], date: '2026-05-05' }, PEOPLE, p)).toMatchObject({ ok: false, field: 'decision' });
  });
});

describe('003 高职院校（审批+密封存档）', () => {
  const p = profile('vocational-approval-sealed-archive');

  it('本单位主管领导 signs, then 党委宣传部 approves, before the administrator publishes (003 第十四条)', () => {
    const r = review(p);
    expect(r.steps.map((s) => s.roleLabel)).toEqual(['本单位主管领导', '党委宣传部']);
    expect(canPublish(record(r, p, [pass(['a'])]), p)).toMatchObject({ ok: false });
    expect(canPublish(record(r, p, [pass(['a']), pass(['b'])]), p)).toEqual({ ok: true });
  });

  it('重大事件、突发事件及社会敏感问题 need 学院相关机构 approval (003 第十二条)', () => {
    const r = review(p, true);
    expect(r.steps.map((s) => s.roleLabel)).toEqual(['本单位主管领导', '党委宣传部', '学院相关机构']);
    expect(canPublish(record(r, p, [pass(['a']), pass(['b'])]), p)).toMatchObject({ ok: false });
    expect(canPublish(record(r, p, [pass(['a']), pass(['b']), pass(['c'])]), p)).toEqual({ ok: true });
  });
});

describe('004 本科院校（备案+三人审核）', () => {
  const p = profile('undergraduate-filing-three-reviewers');

  it('three teachers must review (004 notice)', () => {
    const r = review(p);
    expect(r.steps).toEqual([{ stepIndex: 0, roleLabel: '信息发布内容审核人（本单位教师）', reviewerIds: [] }]);
    expect(canRecordStep(r, 0, pass(['a', 'b']), PEOPLE, p)).toEqual({
      ok: false,
      field: 'reviewerIds',
      reason: '第一级（信息发布内容审核人（本单位教师））至少需要3名审核人签审（004 通知 二），目前只有2名。',
    });
    expect(canRecordStep(r, 0, pass(['a', 'b', 'worker']), PEOPLE, p)).toEqual({
      ok: false,
      field: 'reviewerIds',
      reason: '马骏不是教师：第一级（信息发布内容审核人（本单位教师））的审核人必须为本单位教师（004 通知 二）。',
    });
    expect(canRecordStep(r, 0, pass(['a', 'a', 'b']), PEOPLE, p)).toMatchObject({ ok: false, field: 'reviewerIds' });
    const done = record(r, p, [pass(['a', 'b', 'c'])]);
    expect(canPublish(done, p)).toEqual({ ok: true });
  });

  it('at least three reviewers overall, even when a profile is edited to ask fewer signers per step (004 通知 二)', () => {
    const edited: RuleProfile = { ...p, reviewChain: [{ roleLabel: '审核人', minSigners: 1, mustBeTeacher: true }] };
    const r = review(edited);
    expect(canRecordStep(r, 0, pass(['a']), PEOPLE, edited)).toMatchObject({ ok: false, reason: '本规则要求至少3名审核人（均为教师），本轮只有1名。' });
    expect(canPublish({ ...r, steps: withStep(r, 0, pass(['a']), edited) }, edited)).toMatchObject({ ok: false, reason: expect.stringContaining('至少3名审核人') });
  });
});

describe('year-end figures (000 第十二条, 002 第十一条)', () => {
  it('timeliness is whole days from submission to publication', () => {
    const p = profile('functional-department');
    expect(daysToPublish(review(p))).toBeUndefined();
    expect(daysToPublish(review(p, false, { createdAt: '2026-05-01T08:00:00.000Z', publishedAt: '2026-05-03T09:00:00.000Z' }))).toBe(2);
  });
});
