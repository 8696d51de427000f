// The annual inspection campaign (年度检查, seed 001 第六条: 每年11月; 004 第十一条: 每年12月中旬):
// which accounts a year's campaign covers, the checks a new inspection starts with, the progress
// of the year, the comparison with last year, and the accounts to be closed (001 第六条: 未报备或
// 审批未通过的新媒体，须及时关闭或注销账号; 004 通知: 长期不更新的“僵尸号”). Pure functions.
import { live, type Id, type IsoDate } from '../domain/common';
import { CLOSED_STATUSES, GROUP_KINDS, isClosed, isGroupKind, type LifecycleStatus, type Platform } from '../domain/platform';
import { DEFAULT_INSPECTION_CHECKS } from '../domain/inspection-checks';
import type { Approval, Inspection, InspectionResult } from '../domain/records';
import type { RuleProfile } from '../profiles/types';
import { clauseFor } from '../profiles/clauses';
import { addMonths, formatCnDate, recordDay } from './compliance-reminder';

/** Statuses an account is not inspected in: not yet approved, or no longer live. */
const NOT_COVERED: readonly LifecycleStatus[] = ['申请中', ...CLOSED_STATUSES];
const inYear = (date: string | undefined, year: number): boolean => Boolean(date?.startsWith(`${year}-`));

/**
 * The accounts a year's campaign covers: every live account (not a work group, which has its own
 * checks) that is approved or running (001 第六条: 对所有新媒体平台进行年度检查).
 */
export function campaignAccounts(platforms: readonly Platform[]): Platform[] {
  return live(platforms).filter((p) => !isGroupKind(p.kind) && !NOT_COVERED.includes(p.status));
}

/**
 * What campaignAccounts leaves out besides the trash, by indexed field (kind, status): the
 * database finds the covered accounts' ids from index keys alone, without reading the platforms.
 */
export const CAMPAIGN_LEAVES_OUT = { kinds: GROUP_KINDS, statuses: NOT_COVERED } as const;

/** The covered accounts that have no inspection of the year yet: what opening the campaign creates. */
export function accountsToOpen(platforms: readonly Platform[], inspections: readonly Inspection[], year: number): Platform[] {
  return withoutInspection(campaignAccounts(platforms), inspections, year);
}

/** Those of the covered accounts (records or bare ids) that have no live inspection of the year. */
export function withoutInspection<P extends Pick<Platform, 'id'>>(covered: readonly P[], inspections: readonly Inspection[], year: number): P[] {
  const have = new Set(live(inspections).filter((i) => i.year === year).map((i) => i.platformId));
  return covered.filter((p) => !have.has(p.id));
}

/** The checks a new inspection starts with (F11's items), none of them ticked yet. */
export function defaultChecks(): Inspection['checks'] {
  return DEFAULT_INSPECTION_CHECKS.map((item) => ({ item, ok: false }));
}

/** A new inspection for an account: default checks, no self-assessment, no result. */
export function newInspectionDraft(platformId: Id, year: number): Omit<Inspection, 'id' | 'createdAt' | 'updatedAt'> {
  return { year, platformId, checks: defaultChecks() };
}

export type InspectionStage = '未开始' | '已自查' | InspectionResult;

/** Where an inspection stands: a result is final; a self-assessment means the unit has reported. */
export function inspectionStage(i: Pick<Inspection, 'selfAssessment' | 'result'>): InspectionStage {
  if (i.result) return i.result;
  return i.selfAssessment?.trim() ? '已自查' : '未开始';
}

export interface CampaignProgress {
  total: number;
  notStarted: number;
  selfAssessed: number;
  passed: number;
  rectify: number;
  close: number;
  /** Inspections with a result, as a whole percentage of the total. */
  percentDone: number;
}

export function campaignProgress(inspections: readonly Inspection[], year: number): CampaignProgress {
  const list = live(inspections).filter((i) => i.year === year);
  const count = (stage: InspectionStage) => list.filter((i) => inspectionStage(i) === stage).length;
  const passed = count('合格');
  const rectify = count('限期整改');
  const close = count('关停注销');
  const done = passed + rectify + close;
  return {
    total: list.length,
    notStarted: count('未开始'),
    selfAssessed: count('已自查'),
    passed,
    rectify,
    close,
    percentDone: list.length ? Math.round((done / list.length) * 100) : 0,
  };
}

export interface FailedItem {
  inspectionId: Id;
  platformId: Id;
  item: string;
  note?: string;
  /** The same item also failed in last year's inspection of the account. */
  repeated: boolean;
}

/** Every check not met in the year's inspections, flagged when it failed last year too. */
export function failedItems(inspections: readonly Inspection[], year: number): FailedItem[] {
  const all = live(inspections);
  const lastYear = new Map(all.filter((i) => i.year === year - 1).map((i) => [i.platformId, i]));
  const out: FailedItem[] = [];
  for (const i of all.filter((x) => x.year === year)) {
    const before = lastYear.get(i.platformId);
    for (const c of i.checks.filter((x) => !x.ok)) {
      const repeated = Boolean(before?.checks.some((b) => b.item === c.item && !b.ok));
      out.push({ inspectionId: i.id, platformId: i.platformId, item: c.item, ...(c.note ? { note: c.note } : {}), repeated });
    }
  }
  return out;
}

export interface AdminChange {
  platformId: Id;
  before: string;
  after: string;
  date: IsoDate;
}

export interface YearComparison {
  /** Accounts covered this year that were not inspected last year. */
  added: Platform[];
  /** Accounts inspected last year, or closed/stopped during the year, that are no longer covered. */
  closed: { platform: Platform; date?: IsoDate; status: LifecycleStatus }[];
  /** 总管理员 changes filed within the year (变更备案, handovers file one too). */
  adminChanges: AdminChange[];
  failed: FailedItem[];
}

export interface ComparisonData {
  platforms: readonly Platform[];
  inspections: readonly Inspection[];
  approvals: readonly Approval[];
  /** Its clock names the day a filing without a change date was entered (China time when absent). */
  profile?: Pick<RuleProfile, 'timeZone'>;
}

/** This year against last year: new and closed accounts, changed administrators, failed items. */
export function compareWithLastYear(data: ComparisonData, year: number): YearComparison {
  const inspections = live(data.inspections);
  const covered = campaignAccounts(data.platforms);
  const coveredIds = new Set(covered.map((p) => p.id));
  const thisYear = new Set(inspections.filter((i) => i.year === year).map((i) => i.platformId));
  const lastYear = new Set(inspections.filter((i) => i.year === year - 1).map((i) => i.platformId));

  // Accounts whose inspection this year exists count as this year's even if they closed since.
  const added = covered.filter((p) => !lastYear.has(p.id) && !(p.openedOn && p.openedOn > `${year}-12-31`));
  for (const p of live(data.platforms)) {
    if (thisYear.has(p.id) && !lastYear.has(p.id) && !coveredIds.has(p.id)) added.push(p);
  }

  const closed: YearComparison['closed'] = [];
  for (const p of live(data.platforms)) {
    if (isGroupKind(p.kind) || !isClosed(p)) continue;
    const entry = [...p.statusHistory].reverse().find((h) => isClosed({ status: h.value }));
    // Closed during the year, or inspected last year and not covered any more.
    if ((entry && inYear(entry.date, year)) || lastYear.has(p.id)) closed.push({ platform: p, status: p.status, ...(entry ? { date: entry.date } : {}) });
  }

  const adminChanges: AdminChange[] = [];
  for (const a of live(data.approvals)) {
    if (a.kind !== '变更备案') continue;
    const date = a.changeDate ?? recordDay(a.createdAt, data.profile ?? {});
    if (!inYear(date, year)) continue;
    for (const c of a.changes) if (c.field === '总管理员') adminChanges.push({ platformId: a.platformId, before: c.before, after: c.after, date });
  }
  adminChanges.sort((x, y) => x.date.localeCompare(y.date));

  return { added, closed, adminChanges, failed: failedItems(inspections, year) };
}

export type ClosureReason = '申请中未获批准' | '未备案' | '检查结论为关停注销' | '僵尸号';

export interface ClosureCandidate {
  platform: Platform;
  reasons: { reason: ClosureReason; detail: string; source: string }[];
}

export interface ClosureData extends ComparisonData {
  profile: Pick<RuleProfile, 'id' | 'zombieMonths' | 'clauses' | 'timeZone'>;
}

/**
 * Accounts to be closed or 注销: not filed (001 第六条: 未报备或审批未通过 — status 申请中, or no
 * 开通审批/备案 on record), concluded 关停注销 in the year's inspection, or 僵尸号 (004 通知: no
 * update within the profile's months as of `asOf`). Accounts already 注销 and work groups are left out.
 */
export function closureCandidates(data: ClosureData, year: number, asOf: IsoDate): ClosureCandidate[] {
  const filed = new Set(live(data.approvals).filter((a) => (a.kind === '开通审批' || a.kind === '备案') && a.filedOn).map((a) => a.platformId));
  const closing = new Set(live(data.inspections).filter((i) => i.year === year && i.result === '关停注销').map((i) => i.platformId));
  const months = data.profile.zombieMonths;
  const unfiled = clauseFor(data.profile, 'closeUnfiled');
  const zombie = clauseFor(data.profile, 'zombie');
  const out: ClosureCandidate[] = [];
  for (const p of live(data.platforms)) {
    if (isGroupKind(p.kind) || p.status === '已注销') continue;
    const reasons: ClosureCandidate['reasons'] = [];
    if (p.status === '申请中') reasons.push({ reason: '申请中未获批准', detail: '开通申请尚未获批准，不得开通运行', source: unfiled });
    else if (!filed.has(p.id)) reasons.push({ reason: '未备案', detail: '台账中没有开通审批或备案记录，请核实是否已报备', source: unfiled });
    if (closing.has(p.id)) reasons.push({ reason: '检查结论为关停注销', detail: `${year}年度检查结论为关停注销`, source: unfiled });
    if (p.lastUpdateOn && p.status !== '申请中' && addMonths(p.lastUpdateOn, months) <= asOf) {
      reasons.push({ reason: '僵尸号', detail: `已超过${months}个月未更新（最近更新${formatCnDate(p.lastUpdateOn)}）`, source: zombie });
    }
    if (reasons.length > 0) out.push({ platform: p, reasons });
  }
  return out;
}

export interface InspectionInput {
  checks: Inspection['checks'];
  selfAssessment?: string;
  result?: InspectionResult;
  approvedById?: Id;
  approvedOn?: IsoDate;
}

/** Field messages for a recorded inspection; empty when it can be saved. */
export function checkInspectionInput(input: InspectionInput, year: number, today: IsoDate): Record<string, string> {
  const e: Record<string, string> = {};
  if (input.result) {
    if (!input.approvedById) e.approvedById = '得出结论须由单位第一责任人审批，请选择审批人。';
    if (!input.approvedOn) e.approvedOn = '请选择审批日期。';
    if (input.result === '合格' && input.checks.some((c) => !c.ok)) e.result = '有不符合的检查项，不能评为“合格”；请评为“限期整改”或先核实检查项。';
    if (input.result === '限期整改' && input.checks.every((c) => c.ok)) e.result = '“限期整改”须至少有一项不符合，请勾出不符合的检查项。';
  }
  if (input.approvedOn && input.approvedOn > today) e.approvedOn = '审批日期不能晚于今天。';
  if (input.approvedOn && Number(input.approvedOn.slice(0, 4)) < year) e.approvedOn = `审批日期不能早于${year}年。`;
  return e;
}

/** "检查时间：每年11月" or "检查时间：每年12月11日至20日", from the profile's window. */
export function inspectionWindowText(profile: Pick<RuleProfile, 'annualInspection'>): string {
  const { month, fromDay, toDay } = profile.annualInspection;
  const whole = fromDay <= 1 && toDay >= 28;
  return `检查时间：每年${month}月${whole ? '' : `${fromDay}日至${toDay}日`}`;
}
