// The demo's paper trail: approvals and filings, publishing reviews, sealed envelopes, handovers,
// annual inspections, incidents and trainings of 东湖示范大学, written against the platforms and
// people of demo-registry.ts. Each story is told consistently across tables (e.g. the 信息化 WeChat
// account: administrator handover → change filing → new envelope). Deterministic like the rest:
// every id and date comes from the `env` that createDemoDataset passes in.
//
// Envelopes and handovers record custody only: no credential value appears anywhere (the password is kept
// on paper in the sealed envelope, 003 第十七条, 002 第九条).
import type { Id, IsoDate, IsoDateTime } from '../domain/common';
import type { LedgerRecords } from '../domain/ledger-records';
import type { Platform } from '../domain/platform';
import { isGroupKind } from '../domain/platform';
import type {
  Approval,
  ApprovalKind,
  Correction,
  Envelope,
  FieldChange,
  Handover,
  Incident,
  INCIDENT_ACTIONS,
  INCIDENT_KINDS,
  Inspection,
  InspectionResult,
  Review,
  ReviewDecision,
  Training,
  TRAINING_TEAMS,
} from '../domain/records';
import { getPreset } from '../profiles/presets';
import { workingDayDeadline } from '../rules/deadlines';
import type { DemoPersonKey, DemoPlatformKey, DemoUnitKey } from './demo-registry';

/** What createDemoDataset hands over: its clock, its id source and its lookups by key. */
export interface DemoRecordsEnv {
  profileId: string;
  /** The date `daysAgo` days before today (negative: in the future). */
  day(daysAgo: number): IsoDate;
  nextEntry(notBefore?: IsoDate): { id: Id; createdAt: IsoDateTime };
  touched(createdAt: IsoDateTime, dates: (IsoDate | undefined)[]): IsoDateTime;
  unit(key: DemoUnitKey): Id;
  person(key: DemoPersonKey): Id;
  personName(key: DemoPersonKey): string;
  platform(key: DemoPlatformKey): Platform;
  platforms: readonly Platform[];
}

/** The records told here: every table of the ledger but the units, people and platforms. */
export type DemoRecords = Omit<LedgerRecords, 'units' | 'people' | 'platforms'>;

type UnitKey = DemoUnitKey;
type PersonKey = DemoPersonKey;
type PlatformKey = DemoPlatformKey;
type IncidentKind = (typeof INCIDENT_KINDS)[number];
type IncidentAction = (typeof INCIDENT_ACTIONS)[number];
type TrainingTeam = (typeof TRAINING_TEAMS)[number];

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' shifted by whole days. */
function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00.000Z`).getUTCDay();
}

/** The Friday before a weekend day; other days unchanged (meetings are held on working days). */
function onWorkingDay(date: IsoDate): IsoDate {
  const w = weekday(date);
  return w === 6 ? addDays(date, -1) : w === 0 ? addDays(date, -2) : date;
}

/** A moment given as a calendar day and China time, as ISO 8601 in UTC. */
function atTime(date: IsoDate, hhmm: string): IsoDateTime {
  return new Date(`${date}T${hhmm}:00+08:00`).toISOString();
}

/** Optional fields are left out rather than set to undefined, as a stored record would be. */
function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function createDemoRecords(env: DemoRecordsEnv): DemoRecords {
  /** Id and timestamps of a record typed in when its first fact happened and touched at its last. */
  const stamp = (first: IsoDate | undefined, later: (IsoDate | undefined)[] = []) => {
    const { id, createdAt } = env.nextEntry(first);
    return { id, createdAt, updatedAt: env.touched(createdAt, later) };
  };
  const optionalPerson = (key: PersonKey | undefined): Id | undefined => (key ? env.person(key) : undefined);
  const optionalDay = (daysAgo: number | undefined): IsoDate | undefined => (daysAgo === undefined ? undefined : env.day(daysAgo));

  const approvals = APPROVAL_SPECS.map((spec): Approval => {
    const changeDate = optionalDay(spec.changeDaysAgo);
    const signedOn = optionalDay(spec.signedDaysAgo);
    const filedOn = optionalDay(spec.filedDaysAgo);
    return {
      ...stamp(env.day(spec.startedDaysAgo), [signedOn, filedOn]),
      platformId: env.platform(spec.platform).id,
      kind: spec.kind,
      changes: (spec.changes ?? []).map((c) => ({ ...c })),
      ...definedOnly({
        changeDate,
        // 001 第五条 / 004 第六条: change and closure filings are due 5 working days after the change.
        dueDate: changeDate && filingDue(changeDate),
        signedBy: spec.signedBy && env.personName(spec.signedBy),
        signedOn,
        filedOn,
        note: spec.note,
      }),
    };
  });

  const reviews = createReviews(env, stamp);

  const rotationDays = getPreset(env.profileId)?.passwordPolicy.rotationDays ?? 0;
  const envelopes = ENVELOPE_SPECS.map((spec): Envelope => {
    const sealedOn = env.day(spec.sealedDaysAgo);
    const openings = (spec.openings ?? []).map((o) => ({
      at: atTime(env.day(o.daysAgo), o.time),
      byId: env.person(o.by),
      reason: o.reason,
      approvedById: env.person(o.approvedBy),
    }));
    return {
      ...stamp(sealedOn, openings.map((o) => o.at.slice(0, 10))),
      platformId: env.platform(spec.platform).id,
      number: spec.number,
      items: [...spec.items],
      sealedOn,
      sealedById: env.person(spec.sealedBy),
      witnessId: env.person(spec.witness),
      custodianId: env.person(spec.custodian),
      location: spec.location,
      // Each envelope is sealed the day its password was last changed.
      passwordChangedOn: sealedOn,
      ...definedOnly({ nextChangeDue: rotationDays > 0 ? addDays(sealedOn, rotationDays) : undefined }),
      openings,
    };
  });
  // An opened envelope is re-sealed as a new one; the old one points at its successor.
  ENVELOPE_SPECS.forEach((spec, i) => {
    if (!spec.replacedBy) return;
    const successor = envelopes[ENVELOPE_SPECS.findIndex((s) => s.number === spec.replacedBy)];
    if (!successor) throw new Error(`demo dataset: unknown envelope "${spec.replacedBy}"`);
    const old = envelopes[i]!;
    old.replacedById = successor.id;
    old.updatedAt = env.touched(old.createdAt, [successor.sealedOn]);
  });

  const handovers = HANDOVER_SPECS.map((spec): Handover => {
    const date = env.day(spec.daysAgo);
    const passwordChangedOn = optionalDay(spec.passwordChangedDaysAgo);
    return {
      ...stamp(date, [passwordChangedOn]),
      platformId: env.platform(spec.platform).id,
      outgoingId: env.person(spec.outgoing),
      incomingId: env.person(spec.incoming),
      supervisorId: env.person(spec.supervisor),
      date,
      checklist: spec.checklist.map(([item, done]) => ({ item, done })),
      ...definedOnly({
        passwordChangedOn,
        passwordChangeConfirmedById: passwordChangedOn ? optionalPerson(spec.passwordConfirmedBy) : undefined,
      }),
    };
  });

  const inspections = createInspections(env, stamp);

  const incidents = INCIDENT_SPECS.map((spec): Incident => {
    const date = env.day(spec.daysAgo);
    const closedOn = optionalDay(spec.closedDaysAgo);
    return {
      ...stamp(date, [closedOn]),
      kind: spec.kind,
      date,
      found: spec.found,
      actions: [...spec.actions],
      ...definedOnly({
        platformId: spec.platform && env.platform(spec.platform).id,
        reportedTo: spec.reportedTo,
        feedback: spec.feedback,
        closedOn,
      }),
    };
  });

  const trainings = TRAINING_SPECS.map((spec): Training => {
    const date = onWorkingDay(env.day(spec.daysAgo));
    return {
      ...stamp(date),
      date,
      topic: spec.topic,
      speaker: spec.speaker,
      team: spec.team,
      attendeeIds: spec.attendees.map(env.person),
    };
  });

  return { approvals, reviews, envelopes, handovers, inspections, incidents, trainings };
}

type Stamp = (first: IsoDate | undefined, later?: (IsoDate | undefined)[]) => { id: Id; createdAt: IsoDateTime; updatedAt: IsoDateTime };

// ---------------------------------------------------------------------------------------------
// Approvals: opening applications (003 第五条), filings (004 第五条, 第七条 补充备案) and change and
// closure filings (001 第五条, 004 第六条).

const CHANGE_FILING_WORKING_DAYS = 5;

/**
 * The due date by the one deadline rule on the bundled holiday calendar (调休 make-up days
 * included); none when that year's schedule is not bundled, as the handover write stores it.
 */
function filingDue(changeDate: IsoDate): IsoDate | undefined {
  const { dueDate, missingYear } = workingDayDeadline(changeDate, CHANGE_FILING_WORKING_DAYS, undefined);
  return missingYear === undefined ? dueDate : undefined;
}

interface ApprovalSpec {
  platform: PlatformKey;
  kind: ApprovalKind;
  /** When the paperwork started (application submitted, change made). */
  startedDaysAgo: number;
  changes?: FieldChange[];
  changeDaysAgo?: number;
  signedBy?: PersonKey;
  signedDaysAgo?: number;
  filedDaysAgo?: number;
  note?: string;
}

const APPROVAL_SPECS: readonly ApprovalSpec[] = [
  {
    platform: 'wgySph', kind: '开通审批', startedDaysAgo: 40, signedBy: 'xcbBz', signedDaysAgo: 20, filedDaysAgo: 20,
    note: '外国语学院党委会研究同意开通，报党委宣传部审批通过。',
  },
  {
    platform: 'dhsfXhs', kind: '开通审批', startedDaysAgo: 12,
    note: '已提交开通审批表，待党委宣传部审批；审批通过前不注册账号。',
  },
  {
    platform: 'syDy', kind: '备案', startedDaysAgo: 600, signedBy: 'twSj', signedDaysAgo: 599, filedDaysAgo: 598,
    note: '学生社团账号，挂靠校团委，指导教师罗龘；备案表由校团委书记签字并加盖校团委公章。',
  },
  {
    platform: 'libXxt', kind: '备案', startedDaysAgo: 1000, signedBy: 'libSj', signedDaysAgo: 996, filedDaysAgo: 995,
    note: '办法公布前已开设运营的账号，补充填写备案表（004 第七条）。',
  },
  {
    platform: 'nicWx', kind: '变更备案', startedDaysAgo: 45, changeDaysAgo: 45,
    changes: [{ field: '总管理员', before: '黄晓峰', after: '覃海涛' }],
    signedBy: 'xxhCz', signedDaysAgo: 43, filedDaysAgo: 42,
    note: '管理员交接后重新填写备案信息表，报党委宣传部备案。',
  },
  {
    platform: 'csWx', kind: '变更备案', startedDaysAgo: 85, changeDaysAgo: 85,
    changes: [{ field: '总管理员', before: '曹宁', after: '赵一鸣' }],
    note: '原管理员调离，已完成交接；备案表待学院党委书记签字，已逾期。',
  },
  {
    platform: 'youthWx', kind: '变更备案', startedDaysAgo: 400, changeDaysAgo: 400,
    changes: [
      { field: '账号名称', before: '东湖示范大学团委', after: '东湖青年' },
      { field: '业务负责人', before: '胡亚楠', after: '罗龘' },
    ],
    signedBy: 'twSj', signedDaysAgo: 398, filedDaysAgo: 397,
  },
  {
    platform: 'wgyWeibo', kind: '注销备案', startedDaysAgo: 700, changeDaysAgo: 700,
    changes: [{ field: '运行状态', before: '已停用', after: '已注销' }],
    signedBy: 'wgySj', signedDaysAgo: 699, filedDaysAgo: 698,
    note: '年检结论为关停注销；已向微博平台申请注销，历史内容截图存档。',
  },
];

// ---------------------------------------------------------------------------------------------
// Reviews: 先审后发 with the profile's review chain; 重发重审 links to the original (000 第三条).

interface ReviewSpec {
  key: string;
  platform: PlatformKey;
  column?: string;
  plannedDaysAgo: number;
  plannedTime: string;
  title: string;
  content: string;
  copywriter?: PersonKey;
  editor?: PersonKey;
  imageSource?: string;
  submitting?: UnitKey;
  major?: boolean;
  /** Taken in order, `minSigners` per step of the chain. */
  reviewers: PersonKey[];
  /** The last step's decision; earlier steps passed. Absent: still waiting for review. */
  verdict?: { decision: ReviewDecision; opinion: string; daysAgo: number };
  published?: { daysAgo: number; time: string; url: string; by: PersonKey };
  corrections?: { action: Correction['action']; daysAgo: number; time: string; reason: string }[];
  original?: string;
}

const REVIEW_SPECS: readonly ReviewSpec[] = [
  {
    key: 'lecture', platform: 'dhsfWx', plannedDaysAgo: 3, plannedTime: '20:30',
    title: '“东湖讲坛”第48期：人工智能时代的大学教育',
    content: '东湖讲坛第48期邀请计算机与人工智能学院高鹏教授主讲，介绍人工智能技术对课程教学和人才培养的影响，现场百余名师生参加。',
    copywriter: 'xcbBj', editor: 'xcbKy', imageSource: '党委宣传部新闻中心（摄影：单雪）', submitting: 'xcb',
    reviewers: ['xcbWxs', 'xcbFbz', 'xcbBz'],
    verdict: { decision: '通过', opinion: '内容属实，导向正确，同意发布。', daysAgo: 3 },
    published: { daysAgo: 3, time: '20:30', url: 'mp.weixin.qq.com/s/dHsF3kQ8vLx2Tn7aP1', by: 'xcbKy' },
  },
  {
    key: 'majors', platform: 'news', column: '东湖要闻', plannedDaysAgo: 15, plannedTime: '10:00',
    title: '我校3个专业获批国家级一流本科专业建设点',
    content: '教育部公布年度国家级一流本科专业建设点名单，我校计算机科学与技术等3个专业入选。',
    copywriter: 'xcbBj', editor: 'xcbWxs', imageSource: '无图片', submitting: 'xcb', major: true,
    reviewers: ['xcbWxs', 'xcbFbz', 'xcbBz'],
    verdict: { decision: '通过', opinion: '重大事项，数据已与教务处核对，经部长审签后发布。', daysAgo: 15 },
    published: { daysAgo: 15, time: '10:00', url: 'news.dhsf.edu.cn/info/1002/20931.htm', by: 'xcbBj' },
  },
  {
    key: 'singer', platform: 'suWx', plannedDaysAgo: 5, plannedTime: '18:00',
    title: '校园十佳歌手大赛决赛网络投票开启',
    content: '校园十佳歌手大赛决赛十强选手介绍及网络投票入口。',
    copywriter: 'stXshXc', editor: 'stXshZx', imageSource: '学生会宣传部原创设计', submitting: 'xsh',
    reviewers: ['twGs', 'twFsj', 'twSj'],
    verdict: { decision: '退回修改', opinion: '投票规则未写明防刷票措施和计票办法，奖项设置与活动方案不一致；修改后重新提交审核。', daysAgo: 6 },
  },
  {
    key: 'hours', platform: 'libWx', column: '本馆公告', plannedDaysAgo: 40, plannedTime: '17:00',
    title: '关于调整自习室开放时间的通知',
    content: '自下周一起，主馆及南湖校区分馆自习室开放时间调整如下……',
    copywriter: 'libBgs', editor: 'libGy2', imageSource: '无图片', submitting: 'lib',
    reviewers: ['libBgs', 'libFgz', 'libSj'],
    verdict: { decision: '通过', opinion: '同意发布。', daysAgo: 40 },
    published: { daysAgo: 40, time: '17:00', url: 'mp.weixin.qq.com/s/TsG7wQ2mKc9Lr4Yb0e', by: 'libGy2' },
    corrections: [
      { action: '删除', daysAgo: 39, time: '09:10', reason: '读者留言指出南湖校区分馆周六开放时间有误，删除原文，更正后重新审核发布。' },
    ],
  },
  {
    key: 'hoursAgain', platform: 'libWx', column: '本馆公告', plannedDaysAgo: 39, plannedTime: '12:00', original: 'hours',
    title: '关于调整自习室开放时间的通知（更正）',
    content: '自下周一起，主馆及南湖校区分馆自习室开放时间调整如下（南湖校区分馆周六开放时间已更正）……',
    copywriter: 'libBgs', editor: 'libGy2', imageSource: '无图片', submitting: 'lib',
    reviewers: ['libBgs', 'libFgz', 'libSj'],
    verdict: { decision: '通过', opinion: '已核对各分馆开放时间，同意重新发布。', daysAgo: 39 },
    published: { daysAgo: 39, time: '12:00', url: 'mp.weixin.qq.com/s/TsG9pR4nWd1Hs6Zc3f', by: 'libGy2' },
  },
  {
    key: 'phishing', platform: 'nicWx', column: '网络安全', plannedDaysAgo: 4, plannedTime: '16:00',
    title: '警惕“校园网账号升级”钓鱼邮件',
    content: '近期有不法分子冒充学校信息化部门发送“校园网账号升级”邮件，请师生不要点击邮件中的链接，发现可疑邮件请及时报告。',
    copywriter: 'xxhGcs', editor: 'xxhWb', imageSource: '信息化建设与管理处原创', submitting: 'xxh',
    reviewers: ['xxhKz', 'xxhFcz', 'xxhCz'],
    verdict: { decision: '通过', opinion: '提醒及时，同意发布。', daysAgo: 4 },
    published: { daysAgo: 4, time: '16:00', url: 'mp.weixin.qq.com/s/XxH2mN7bQe5Jr8Tc4k', by: 'xxhGcs' },
  },
  {
    key: 'icpc', platform: 'csSite', column: '学院新闻', plannedDaysAgo: 25, plannedTime: '09:30',
    title: '我院学子在国际大学生程序设计竞赛亚洲区域赛中获金奖',
    content: '我院ACM程序设计协会代表队在国际大学生程序设计竞赛亚洲区域赛中获得金奖，创学院参赛以来最好成绩。',
    copywriter: 'jsjFdy', editor: 'jsjBgs', imageSource: '参赛队提供', submitting: 'jsj',
    reviewers: ['jsjBgs', 'jsjFsj', 'jsjSj'],
    verdict: { decision: '通过', opinion: '获奖信息已与竞赛官网核对，同意发布。', daysAgo: 25 },
    published: { daysAgo: 25, time: '09:30', url: 'cs.dhsf.edu.cn/info/1021/6673.htm', by: 'jsjBgs' },
  },
  {
    key: 'reading', platform: 'libSite', column: '通知公告', plannedDaysAgo: -1, plannedTime: '09:00',
    title: '关于开展“书香东湖”阅读推广月系列活动的通知',
    content: '阅读推广月期间，图书馆将举办好书推荐、读书分享会、古籍修复体验等系列活动。',
    copywriter: 'libXx', editor: 'libGy1', imageSource: '信息部设计', submitting: 'lib',
    reviewers: ['libBgs', 'libFgz', 'libSj'],
  },
];

function createReviews(env: DemoRecordsEnv, stamp: Stamp): Review[] {
  const chain = getPreset(env.profileId)?.reviewChain ?? [];
  const ids = new Map<string, Id>();
  return REVIEW_SPECS.map((spec): Review => {
    const rules = chain.filter((rule) => !rule.onlyForMajor || spec.major);
    const verdictDate = spec.verdict && env.day(spec.verdict.daysAgo);
    let next = 0;
    const steps = rules.map((rule, stepIndex) => {
      const reviewerIds = spec.reviewers.slice(next, next + rule.minSigners).map(env.person);
      next += rule.minSigners;
      const last = stepIndex === rules.length - 1;
      return {
        stepIndex,
        roleLabel: rule.roleLabel,
        reviewerIds,
        ...(spec.verdict
          ? { opinion: last ? spec.verdict.opinion : '同意。', decision: last ? spec.verdict.decision : ('通过' as const), date: verdictDate }
          : {}),
      };
    });
    const publishedOn = spec.published && env.day(spec.published.daysAgo);
    const corrections = (spec.corrections ?? []).map((c) => ({ action: c.action, at: atTime(env.day(c.daysAgo), c.time), reason: c.reason }));
    // A pending review was typed in today; the others when they were submitted (a day before at most).
    const submitted = env.day(Math.max(0, spec.plannedDaysAgo));
    const review: Review = {
      ...stamp(submitted, [verdictDate, publishedOn, ...corrections.map((c) => c.at.slice(0, 10))]),
      platformId: env.platform(spec.platform).id,
      plannedAt: atTime(env.day(spec.plannedDaysAgo), spec.plannedTime),
      title: spec.title,
      content: spec.content,
      major: spec.major ?? false,
      steps,
      corrections,
      ...definedOnly({
        column: spec.column,
        copywriterId: spec.copywriter && env.person(spec.copywriter),
        editorId: spec.editor && env.person(spec.editor),
        imageSource: spec.imageSource,
        submittingUnitId: spec.submitting && env.unit(spec.submitting),
        publishedAt: spec.published && atTime(env.day(spec.published.daysAgo), spec.published.time),
        publishedUrl: spec.published?.url,
        publishedById: spec.published && env.person(spec.published.by),
        originalReviewId: spec.original && ids.get(spec.original),
      }),
    };
    ids.set(spec.key, review.id);
    return review;
  });
}

// ---------------------------------------------------------------------------------------------
// Envelopes (密码密封存档, 003 第十七条, 002 第九条): custody only. `items` names what is inside.

interface EnvelopeSpec {
  platform: PlatformKey;
  number: string;
  items: readonly string[];
  sealedDaysAgo: number;
  sealedBy: PersonKey;
  witness: PersonKey;
  custodian: PersonKey;
  location: string;
  openings?: { daysAgo: number; time: string; by: PersonKey; reason: string; approvedBy: PersonKey }[];
  /** The number of the envelope that replaced this one after it was opened. */
  replacedBy?: string;
}

const XCB_CABINET = '党委宣传部部长办公室保密柜（行政楼305室）';
const LIB_CABINET = '图书馆党政综合办公室保密柜（主馆二楼203室）';

const ENVELOPE_SPECS: readonly EnvelopeSpec[] = [
  {
    platform: 'dhsfWx', number: 'XCB-MF-2025-01', items: ['登录账号', '密码', '绑定手机', '管理员微信'],
    sealedDaysAgo: 400, sealedBy: 'xcbWxs', witness: 'xcbFbz', custodian: 'xcbBz', location: XCB_CABINET,
    openings: [{ daysAgo: 130, time: '15:20', by: 'xcbWxs', reason: '管理员绑定手机号更换，需登录后台重新绑定', approvedBy: 'xcbBz' }],
    replacedBy: 'XCB-MF-2026-02',
  },
  {
    platform: 'dhsfWx', number: 'XCB-MF-2026-02', items: ['登录账号', '密码', '绑定手机', '管理员微信'],
    sealedDaysAgo: 130, sealedBy: 'xcbWxs', witness: 'xcbFbz', custodian: 'xcbBz', location: XCB_CABINET,
  },
  {
    platform: 'dhsfWeibo', number: 'XCB-MF-2026-01', items: ['登录账号', '密码', '绑定手机', '绑定邮箱'],
    sealedDaysAgo: 160, sealedBy: 'xcbKy', witness: 'xcbWxs', custodian: 'xcbBz', location: XCB_CABINET,
  },
  {
    platform: 'libWx', number: 'TSG-MF-2026-01', items: ['登录账号', '密码', '绑定手机', '绑定邮箱', '管理员微信'],
    sealedDaysAgo: 150, sealedBy: 'libJs', witness: 'libFgz', custodian: 'libBgs', location: LIB_CABINET,
  },
  {
    platform: 'libSite', number: 'TSG-MF-2025-02', items: ['登录账号', '密码', '恢复码'],
    sealedDaysAgo: 210, sealedBy: 'libJs', witness: 'libFgz', custodian: 'libBgs', location: LIB_CABINET,
  },
  {
    platform: 'nicWx', number: 'XXH-MF-2026-01', items: ['登录账号', '密码', '绑定手机', '绑定邮箱', '管理员微信'],
    sealedDaysAgo: 42, sealedBy: 'xxhGcs', witness: 'xxhFcz', custodian: 'xxhCz', location: '信息化建设与管理处综合办公室保密柜',
  },
  {
    platform: 'youthWx', number: 'TW-MF-2026-01', items: ['登录账号', '密码', '绑定手机', '管理员微信', '恢复码'],
    sealedDaysAgo: 95, sealedBy: 'twGs', witness: 'twFsj', custodian: 'twSj', location: '校团委办公室文件柜（学生活动中心201室）',
  },
];

// ---------------------------------------------------------------------------------------------
// Handovers (000 第六条 2: 交接后要及时更换密码、口令).

interface HandoverSpec {
  platform: PlatformKey;
  outgoing: PersonKey;
  incoming: PersonKey;
  supervisor: PersonKey;
  daysAgo: number;
  checklist: readonly (readonly [string, boolean])[];
  passwordChangedDaysAgo?: number;
  passwordConfirmedBy?: PersonKey;
}

const HANDOVER_SPECS: readonly HandoverSpec[] = [
  {
    platform: 'nicWx', outgoing: 'xxhKz', incoming: 'xxhGcs', supervisor: 'xxhFcz', daysAgo: 45,
    checklist: [
      ['登录账号及管理权限', true],
      ['绑定手机、绑定邮箱改为接任人员', true],
      ['管理员微信解绑并重新绑定', true],
      ['待发推文、审核记录及素材', true],
      ['密封存档信封重新封存', true],
    ],
    passwordChangedDaysAgo: 42, passwordConfirmedBy: 'xxhFcz',
  },
  {
    platform: 'csWx', outgoing: 'jsjOld', incoming: 'jsjFdy', supervisor: 'jsjFsj', daysAgo: 85,
    checklist: [
      ['登录账号及管理权限', true],
      ['绑定手机改为接任人员', true],
      ['管理员微信解绑并重新绑定', true],
      ['待发推文、审核记录及素材', true],
    ],
    passwordChangedDaysAgo: 84, passwordConfirmedBy: 'jsjFsj',
  },
  {
    platform: 'libApp', outgoing: 'libOld', incoming: 'libJs', supervisor: 'libFgz', daysAgo: 2,
    checklist: [
      ['管理后台登录账号及权限', true],
      ['服务商联系人及服务合同', true],
      ['绑定手机改为接任人员（待服务商办理）', false],
      ['密封存档信封重新封存', false],
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Annual inspections (001 第六条, 004 第十一条; checks after 002 第十条 (一)): last year's campaign
// is closed; this year's self-assessments are in from November, results follow in December.

const INSPECTION_CHECKS = [
  '备案信息完整，变更按时报备',
  '信息发布先审后发，审核记录齐全',
  '内容按要求更新，无长期不更新',
  '账号安全管理到位，账号信息密封存档',
  '互动交流正常，无违规信息',
] as const;
type InspectionCheck = (typeof INSPECTION_CHECKS)[number];

const CLEAN_ASSESSMENT = '本年度运行正常，严格执行先审后发，管理员在岗履职，未发生违规信息和网络安全事件。';

/** This year's findings where they differ from a clean year. */
const THIS_YEAR_FINDINGS: Partial<Record<PlatformKey, {
  problems: Partial<Record<InspectionCheck, string>>;
  selfAssessment: string;
  result?: { value: InspectionResult; daysAgo: number; by: PersonKey };
}>> = {
  bbs: {
    problems: { '互动交流正常，无违规信息': '部分早期注册账号未完成实名认证' },
    selfAssessment: '版主每日巡查，违规帖子及时屏蔽并登记；部分早期注册账号未完成实名认证，正在组织补认证。',
    result: { value: '限期整改', daysAgo: 30, by: 'xcbBz' },
  },
  marxWx: {
    problems: { '内容按要求更新，无长期不更新': '超过半年未更新' },
    selfAssessment: '因人员调整，公众号较长时间未更新；已明确专人负责，恢复每月更新。',
    result: { value: '限期整改', daysAgo: 50, by: 'xcbBz' },
  },
  acmWx: {
    problems: { '备案信息完整，变更按时报备': '指导教师已调离，尚未重新指定', '内容按要求更新，无长期不更新': '超过半年未更新' },
    selfAssessment: '指导教师调离后尚未重新指定，账号更新较少；拟由学院党委副书记指定新的指导教师。',
  },
  libApp: {
    problems: { '账号安全管理到位，账号信息密封存档': '原总管理员已离岗，交接尚未办结' },
    selfAssessment: '服务商按合同维护，运行正常；原总管理员退休，管理后台交接正在办理。',
  },
  csWx: {
    problems: { '备案信息完整，变更按时报备': '管理员变更后未在5个工作日内报备' },
    selfAssessment: '管理员变更已完成交接并更换账号信息，变更备案表正在补办。',
  },
};

function createInspections(env: DemoRecordsEnv, stamp: Stamp): Inspection[] {
  const today = env.day(0);
  const year = Number(today.slice(0, 4));
  const active = env.platforms.filter((p) => !isGroupKind(p.kind) && (p.status === '运行中' || p.status === '整改中'));
  const keyOf = new Map<Id, PlatformKey>();
  for (const key of Object.keys(THIS_YEAR_FINDINGS) as PlatformKey[]) keyOf.set(env.platform(key).id, key);
  const inspections: Inspection[] = [];

  // The closure of 外国语学院's Weibo (see its status history) came out of that year's inspection.
  const closedOn = env.day(705);
  const weibo = env.platform('wgyWeibo');
  inspections.push({
    ...stamp(closedOn),
    year: Number(closedOn.slice(0, 4)),
    platformId: weibo.id,
    checks: INSPECTION_CHECKS.map((item) =>
      item === '内容按要求更新，无长期不更新' ? { item, ok: false, note: '停用超过一年' } : { item, ok: true }),
    selfAssessment: '账号已停止更新，内容整合至学院微信公众号，申请注销。',
    result: '关停注销',
    approvedById: env.person('xcbBz'),
    approvedOn: closedOn,
  });

  // Last year: approved by each unit's responsible person in the 004 window (12月中旬).
  const lastApproved = `${year - 1}-12-18`;
  for (const p of active.filter((p) => p.openedOn && p.openedOn < lastApproved)) {
    inspections.push({
      ...stamp(lastApproved),
      year: year - 1,
      platformId: p.id,
      checks: INSPECTION_CHECKS.map((item) => ({ item, ok: true })),
      selfAssessment: CLEAN_ASSESSMENT,
      result: '合格',
      ...definedOnly({ approvedById: p.responsibleId, approvedOn: lastApproved }),
    });
  }

  // This year: self-assessments filed in November (001 第六条); only once that month has come.
  const submitted = `${year}-11-10`;
  if (submitted > today) return inspections;
  for (const p of active.filter((p) => p.openedOn && p.openedOn < submitted)) {
    const key = keyOf.get(p.id);
    const findings = key ? THIS_YEAR_FINDINGS[key] : undefined;
    const decided = findings?.result && env.day(findings.result.daysAgo);
    inspections.push({
      ...stamp(decided && decided < submitted ? decided : submitted),
      year,
      platformId: p.id,
      checks: INSPECTION_CHECKS.map((item) => {
        const note = findings?.problems[item];
        return note ? { item, ok: false, note } : { item, ok: true };
      }),
      selfAssessment: findings?.selfAssessment ?? CLEAN_ASSESSMENT,
      ...definedOnly({
        result: findings?.result?.value,
        approvedById: findings?.result && env.person(findings.result.by),
        approvedOn: decided,
      }),
    });
  }
  return inspections;
}

// ---------------------------------------------------------------------------------------------
// Incidents: the daily problem log of groups and forums (000 第五条 4, 003 第二十三条),
// complaints (002 第十条 (二)) and opinion events (002 第十条 (三), 003 第十六条).

interface IncidentSpec {
  kind: IncidentKind;
  daysAgo: number;
  platform?: PlatformKey;
  found: string;
  actions: readonly IncidentAction[];
  reportedTo?: string;
  feedback?: string;
  closedDaysAgo?: number;
}

const INCIDENT_SPECS: readonly IncidentSpec[] = [
  {
    kind: '问题登记', daysAgo: 60, platform: 'csQq',
    found: '已调离人员曹宁仍在群内，未主动退群。', actions: ['上报'], reportedTo: '学院党委副书记唐慧敏',
  },
  {
    kind: '问题登记', daysAgo: 20, platform: 'csQq',
    found: '有成员转发未经核实的“期末考试安排调整”截图，引起询问。', actions: ['劝阻', '删除'], closedDaysAgo: 20,
  },
  {
    kind: '问题登记', daysAgo: 35, platform: 'libQq',
    found: '群成员转发商业保险推销链接。', actions: ['劝阻', '删除'], closedDaysAgo: 35,
  },
  {
    kind: '问题登记', daysAgo: 140, platform: 'libJsWx',
    found: '离岗人员许志明尚未退出工作群。', actions: ['上报'], reportedTo: '图书馆党政综合办公室',
  },
  {
    kind: '问题登记', daysAgo: 12, platform: 'xcwyDd',
    found: '有成员在群内转发涉及学校的社会热点事件视频并评论（003 第二十二条）。',
    actions: ['劝阻', '删除', '上报'], reportedTo: '党委宣传部网宣室', closedDaysAgo: 11,
  },
  {
    kind: '问题登记', daysAgo: 8, platform: 'wpyWx',
    found: '发现一名非实名成员（昵称“清风徐来”），提醒修改实名后两日未改。', actions: ['移出'], closedDaysAgo: 6,
  },
  {
    kind: '问题登记', daysAgo: 3, platform: 'nicDd',
    found: '值班人员在群内发送含内部管理系统地址的截图，属内部敏感信息。', actions: ['删除', '上报'],
    reportedTo: '信息化建设与管理处分管副处长郑堃',
  },
  {
    kind: '问题登记', daysAgo: 16, platform: 'bbs',
    found: '“二手交易”版块出现同一账号连续发布的广告帖。', actions: ['删除', '禁言'], closedDaysAgo: 16,
  },
  {
    kind: '举报投诉', daysAgo: 28, platform: 'bbs',
    found: '教师通过举报邮箱反映“校园生活”版块有帖子公开他人姓名和手机号码。',
    actions: ['删除', '屏蔽'], reportedTo: '党委宣传部网宣室',
    feedback: '已删除相关帖子并屏蔽发帖账号，2个工作日内电话告知举报人处理结果。', closedDaysAgo: 26,
  },
  {
    kind: '举报投诉', daysAgo: 15, platform: 'suWx',
    found: '学生举报学生会公众号“最美宿舍”评选投票存在刷票。',
    actions: ['上报'], reportedTo: '校团委',
    feedback: '经核实，两件作品存在异常投票，已取消异常票数并在公众号公布复核结果，已告知举报人。', closedDaysAgo: 9,
  },
  {
    kind: '舆情', daysAgo: 50, platform: 'dhsfWeibo',
    found: '官方微博评论区集中出现关于食堂饭菜价格上涨的讨论，转发量较大。',
    actions: ['上报'], reportedTo: '党委宣传部、后勤保障处',
    feedback: '后勤保障处核实情况后，在官方微博发布情况说明并公布意见反馈渠道。', closedDaysAgo: 46,
  },
  {
    kind: '舆情', daysAgo: 2,
    found: '抖音平台出现冒用学校名义的账号发布“内部招生指标”信息。',
    actions: ['上报'], reportedTo: '党委宣传部（已向平台投诉，并报属地网信部门）',
  },
];

// ---------------------------------------------------------------------------------------------
// Trainings: the three teams, at least once a semester (003 第十五条).

interface TrainingSpec {
  daysAgo: number;
  topic: string;
  speaker: string;
  team: TrainingTeam;
  attendees: readonly PersonKey[];
}

const TRAINING_SPECS: readonly TrainingSpec[] = [
  {
    daysAgo: 226, team: '二级单位宣传委员', speaker: '陈𠮷安（党委宣传部副部长）',
    topic: '网络舆情应对与突发事件信息发布',
    attendees: ['libBgs', 'libOld', 'jsjFsj', 'jsjOld', 'mksMs', 'wgyMs', 'ghGs', 'twGs', 'xxhKz', 'dzbKz'],
  },
  {
    daysAgo: 200, team: '学生网络骨干', speaker: '胡亚楠（校团委书记）',
    topic: '校园新媒体运营规范与网络安全素养',
    attendees: ['stXshZx', 'stXshXc', 'stSy', 'stAcm', 'twGs', 'twFsj'],
  },
  {
    daysAgo: 41, team: '宣传部网络骨干', speaker: '周立新（党委宣传部部长）',
    topic: '网络意识形态工作责任制与新媒体内容审核要点',
    attendees: ['xcbFbz', 'xcbWxs', 'xcbKy', 'xcbBj', 'dzbKz', 'xxhGcs', 'libJs', 'jsjFdy'],
  },
  {
    daysAgo: 30, team: '二级单位宣传委员', speaker: '王喆（党委宣传部网宣室主任）',
    topic: '新媒体账号备案、变更与年度检查工作培训',
    attendees: ['libBgs', 'libFgz', 'jsjFsj', 'jsjBgs', 'mksMs', 'wgyMs', 'ghGs', 'twGs', 'xxhKz', 'dzbKz', 'libGy1', 'libGy2'],
  },
];
