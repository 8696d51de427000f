// The compliance calendar with a fixed "today": one block per obligation, named after its clause.
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../shared/domain/platform';
import type { Approval, Inspection, Printout, Training } from '../../../shared/domain/records';
import { getPreset, PRESET_PROFILES } from '../../../shared/profiles/presets';
import { clauseFor } from '../../../shared/profiles/clauses';
import type { RuleProfile } from '../../../shared/profiles/types';
import { computeReminders, missingHolidayYears, type ComplianceData } from '../../../shared/rules/reminders';
import { backFilingReminders, changeFilingReminders } from '../../../shared/rules/filing-reminders';
import { annualInspectionReminders, inspectionWindow, realNameCheckReminders, updateFrequencyReminders, zombieReminders } from '../../../shared/rules/account-reminders';
import { semesterOf, trainingReminders, unsignedPaperReminders } from '../../../shared/rules/office-reminders';
import { addMonths } from '../../../shared/rules/compliance-reminder';
import { createDemoDataset } from '../../../shared/demo/demo-dataset';
import { platformRecord } from '../../fixtures/platform';

/** Seed 004's profile: 5 working days, December 11–20 inspection, 6 months to a zombie, training each semester. */
const P004 = getPreset('undergraduate-filing-three-reviewers')!;
/** Seed 002's profile: department websites at least weekly. */
const P002 = getPreset('vocational-three-level-review')!;
/** Seed 000's profile: WeChat service account 4 pushes a month. */
const P000 = getPreset('secondary-unit-library')!;
/** Seed 001's profile: November inspection. */
const P001 = getPreset('functional-department')!;
/** Seed 003's profile: back-filing within 10 days, work-group rules, December by default. */
const P003 = getPreset('vocational-approval-sealed-archive')!;

/** The institution's clock of every preset (China time). */
const CHINA = { timeZone: 'Asia/Shanghai' };
const STAMP = { createdAt: '2026-01-05T02:00:00.000Z', updatedAt: '2026-01-05T02:00:00.000Z' };

function platform(id: string, fields: Partial<Platform> = {}): Platform {
  return platformRecord(id, { ...STAMP, lastUpdateOn: '2026-11-20', ...fields });
}

function approval(id: string, fields: Partial<Approval> & Pick<Approval, 'platformId' | 'kind'>): Approval {
  return { id, ...STAMP, changes: [], ...fields };
}

function data(fields: Partial<ComplianceData>): ComplianceData {
  return { platforms: [], approvals: [], inspections: [], trainings: [], printouts: [], ...fields };
}

/** An account with a filed 备案, so that back-filing stays quiet in tests about other things. */
function filed(p: Platform): Approval {
  return approval(`filed-${p.id}`, { platformId: p.id, kind: '备案', filedOn: '2026-01-06' });
}

describe('change and closure filings (001 第五条, 004 第六条)', () => {
  const wx = platform('wx', { name: '东湖青年' });

  it('change filing is due 5 working days after the change, counting past 国庆 (001 第五条)', () => {
    const a = approval('a1', { platformId: 'wx', kind: '变更备案', changeDate: '2026-09-30', changes: [{ field: '总管理员', before: '曹宁', after: '赵一鸣' }] });
    const [r] = changeFilingReminders(data({ platforms: [wx], approvals: [a] }), P004, '2026-10-09');
    expect(r).toMatchObject({
      kind: 'change-filing',
      dueDate: '2026-10-13',
      daysLeft: 4,
      source: '004 第六条',
      table: 'approvals',
      recordId: 'a1',
      title: '东湖青年（微信公众号）：总管理员变更后5个工作日内报党委宣传部备案',
    });
    expect(r!.dueUnknownReason).toBeUndefined();
  });

  it('an unfiled change past its deadline is overdue; a filed one is no longer listed (004 第六条)', () => {
    const late = approval('a1', { platformId: 'wx', kind: '变更备案', changeDate: '2026-08-28', changes: [{ field: '账号名称', before: '甲', after: '乙' }] });
    const done = approval('a2', { platformId: 'wx', kind: '变更备案', changeDate: '2026-08-28', filedOn: '2026-09-02' });
    const list = changeFilingReminders(data({ platforms: [wx], approvals: [late, done] }), P004, '2026-11-22');
    expect(list.map((r) => r.recordId)).toEqual(['a1']);
    // Fri 28 Aug → Mon 31 Aug … Fri 4 Sep.
    expect(list[0]).toMatchObject({ dueDate: '2026-09-04', daysLeft: -79 });
  });

  it("uses the profile's number of working days", () => {
    const a = approval('a1', { platformId: 'wx', kind: '变更备案', changeDate: '2026-03-10' });
    const three: RuleProfile = { ...P004, changeFilingWorkingDays: 3 };
    expect(changeFilingReminders(data({ platforms: [wx], approvals: [a] }), three, '2026-03-10')[0]!.dueDate).toBe('2026-03-13');
  });

  it('a deadline running into a year without a holiday schedule is still listed, flagged with the year (working-day deadlines, 001 第五条, 004 第六条)', () => {
    const a = approval('a1', { platformId: 'wx', kind: '变更备案', changeDate: '2026-12-29' });
    const [r] = changeFilingReminders(data({ platforms: [wx], approvals: [a] }), P004, '2026-12-30');
    expect(r!.missingYear).toBe(2027);
    expect(r!.dueUnknownReason).toContain('2027年的放假安排尚未录入');
    // Never a Mon–Fri guess: the date shown is only the earliest possible one (5 calendar days).
    expect(r!.dueDate).toBe('2027-01-03');
    expect(missingHolidayYears([r!])).toEqual([2027]);
    // With the clerk's 2027 schedule the deadline is exact: Wed 30, Thu 31, Mon 4, Tue 5, Wed 6 Jan.
    const [exact] = changeFilingReminders(data({ platforms: [wx], approvals: [a] }), P004, '2026-12-30', [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    expect(exact).toMatchObject({ dueDate: '2027-01-06', daysLeft: 7 });
    expect(exact!.missingYear).toBeUndefined();
  });

  it('closing an account ends its reminders except the closure filing itself (001 第五条)', () => {
    const closed = platform('wx', { status: '已注销', lastUpdateOn: undefined });
    const change = approval('a1', { platformId: 'wx', kind: '变更备案', changeDate: '2026-11-02' });
    const closure = approval('a2', { platformId: 'wx', kind: '注销备案', changeDate: '2026-11-16' });
    const noTraining: RuleProfile = { ...P004, trainingsPerSemester: 0 };
    const list = computeReminders(data({ platforms: [closed], approvals: [change, closure] }), noTraining, '2026-11-18');
    expect(list.map((r) => [r.kind, r.recordId])).toEqual([['change-filing', 'a2']]);
    expect(list[0]!.title).toContain('注销后5个工作日内');
    const filedClosure = { ...closure, filedOn: '2026-11-18' };
    expect(computeReminders(data({ platforms: [closed], approvals: [change, filedClosure] }), noTraining, '2026-11-18')).toEqual([]);
  });

  it('ignores filings in the trash and filings of accounts in the trash', () => {
    const a = approval('a1', { platformId: 'wx', kind: '变更备案', changeDate: '2026-11-02', deletedAt: '2026-11-03T00:00:00Z' });
    const b = approval('a2', { platformId: 'gone', kind: '变更备案', changeDate: '2026-11-02' });
    const gone = platform('gone', { deletedAt: '2026-11-03T00:00:00Z' });
    expect(changeFilingReminders(data({ platforms: [wx, gone], approvals: [a, b] }), P004, '2026-11-20')).toEqual([]);
  });
});

describe('back-filing (003 第二十五条, 004 第七条)', () => {
  it('only an account that existed before the ledger is asked to back-file; one registered as new is not (003 第二十五条, 004 第七条)', () => {
    const fresh = platform('new', { createdAt: '2026-11-01T02:00:00.000Z', existedBeforeLedger: false });
    const old = platform('old', { createdAt: '2026-11-01T02:00:00.000Z', existedBeforeLedger: true });
    // Records saved before the field existed count as pre-ledger: their owed filing stays visible.
    const legacy = platform('legacy', { createdAt: '2026-11-01T02:00:00.000Z' });
    const list = backFilingReminders(data({ platforms: [fresh, old, legacy] }), P003, '2026-11-08');
    expect(list.map((r) => [r.recordId, r.dueDate, r.source])).toEqual([
      ['old', '2026-11-11', '003 第二十五条'],
      ['legacy', '2026-11-11', '003 第二十五条'],
    ]);
  });

  it('an account without an opening approval or filing must be back-filed within 10 days of being entered (003 第二十五条)', () => {
    const p = platform('old', { name: '东湖马院', createdAt: '2026-11-01T02:00:00.000Z' });
    const [r] = backFilingReminders(data({ platforms: [p] }), P004, '2026-11-08');
    expect(r).toMatchObject({ kind: 'back-filing', dueDate: '2026-11-11', daysLeft: 3, table: 'platforms', recordId: 'old', source: '004 第七条' });
  });

  it('a filed 备案 or 开通审批 satisfies it; a pending application of an account 申请中 counts from the application (004 第七条)', () => {
    const a = platform('a');
    const b = platform('b', { status: '申请中', lastUpdateOn: undefined });
    const pending = approval('ap', { platformId: 'b', kind: '开通审批', createdAt: '2026-11-10T01:00:00.000Z' });
    const list = backFilingReminders(data({ platforms: [a, b], approvals: [filed(a), pending] }), P004, '2026-11-22');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ table: 'approvals', recordId: 'ap', dueDate: '2026-11-20', daysLeft: -2 });
    expect(list[0]!.title).toContain('开通审批已提交，尚未办结');
  });

  it('closed accounts need no back-filing', () => {
    expect(backFilingReminders(data({ platforms: [platform('x', { status: '已注销' })] }), P004, '2026-11-22')).toEqual([]);
  });
});

describe('annual inspection window (001 第六条, 004 第十一条)', () => {
  const acc = platform('acc', { name: '东湖示范大学' });
  const group = platform('grp', { kind: '微信群', group: { realNameCheckDates: ['2026-11-01'] } });
  const inspection = (fields: Partial<Inspection>): Inspection => ({ id: 'i1', ...STAMP, year: 2026, platformId: 'acc', checks: [], ...fields });

  it('004 第十一条: the window is mid-December (11–20); nothing is due before it opens', () => {
    expect(inspectionWindow(P004, 2026)).toEqual({ from: '2026-12-11', to: '2026-12-20' });
    expect(annualInspectionReminders(data({ platforms: [acc] }), P004, '2026-12-10')).toEqual([]);
  });

  it('004 第十一条: once open, accounts without this year’s inspection are due by 20 December, and overdue after', () => {
    const open = annualInspectionReminders(data({ platforms: [acc, group] }), P004, '2026-12-11');
    expect(open).toHaveLength(1); // work groups have their own checks
    expect(open[0]).toMatchObject({ kind: 'annual-inspection', dueDate: '2026-12-20', daysLeft: 9, source: '004 第十一条', recordId: 'acc' });
    expect(annualInspectionReminders(data({ platforms: [acc] }), P004, '2026-12-28')[0]!.daysLeft).toBe(-8);
  });

  it('001 第六条: November; an inspection with a result ends it, one without a result does not', () => {
    expect(inspectionWindow(P001, 2026)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    const started = annualInspectionReminders(data({ platforms: [acc], inspections: [inspection({})] }), P001, '2026-11-22');
    expect(started[0]!.title).toContain('尚未得出结论');
    expect(annualInspectionReminders(data({ platforms: [acc], inspections: [inspection({ result: '合格' })] }), P001, '2026-11-22')).toEqual([]);
    // Last year's inspection does not count for this year.
    expect(annualInspectionReminders(data({ platforms: [acc], inspections: [inspection({ year: 2025, result: '合格' })] }), P001, '2026-11-22')).toHaveLength(1);
  });

  it('004 第十一条: last year’s campaign left unfinished stays overdue after 1 January', () => {
    const unfinished = data({ platforms: [acc], inspections: [inspection({ year: 2026 })] });
    expect(annualInspectionReminders(unfinished, P004, '2026-12-31')[0]).toMatchObject({ dueDate: '2026-12-20', daysLeft: -11 });
    expect(annualInspectionReminders(unfinished, P004, '2027-01-02')).toMatchObject([{ dueDate: '2026-12-20', daysLeft: -13 }]);
    expect(annualInspectionReminders(unfinished, P004, '2027-01-02')[0]!.title).toContain('2026年度检查');
    // Concluded last year: nothing carries over.
    expect(annualInspectionReminders(data({ platforms: [acc], inspections: [inspection({ year: 2026, result: '合格' })] }), P004, '2027-01-02')).toEqual([]);
  });
});

describe('zombie accounts (004 通知 三: 长期不更新的“僵尸号”)', () => {
  it('an account not updated for the profile’s 6 months is flagged from the day the threshold passes', () => {
    const stale = platform('s', { lastUpdateOn: '2026-04-22' });
    const fresh = platform('f', { lastUpdateOn: '2026-06-01' });
    const list = zombieReminders(data({ platforms: [stale, fresh] }), P004, '2026-11-22');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'zombie-account', recordId: 's', dueDate: '2026-10-22', daysLeft: -31 });
  });

  it('without a recorded update the clock starts at the opening date, or at registration; the due date stays and turns overdue (004 通知 三)', () => {
    const opened = platform('u', { lastUpdateOn: undefined, openedOn: '2026-03-10', createdAt: '2026-06-01T02:00:00.000Z' });
    // A new account is no zombie on its first day, nor before its months have passed.
    expect(zombieReminders(data({ platforms: [opened] }), P004, '2026-06-01')).toEqual([]);
    expect(zombieReminders(data({ platforms: [opened] }), P004, '2026-09-09')).toEqual([]);
    const [due] = zombieReminders(data({ platforms: [opened] }), P004, '2026-09-10');
    expect(due).toMatchObject({ dueDate: '2026-09-10', daysLeft: 0, source: '004 通知 三' });
    expect(due!.title).toBe('账号u（微信公众号）：开通于2026年3月10日，未记录最近更新日期，请核查是否长期不更新');
    // 17 days later the same due date, 17 days overdue — it does not move with today.
    expect(zombieReminders(data({ platforms: [opened] }), P004, '2026-09-27')[0]).toMatchObject({ dueDate: '2026-09-10', daysLeft: -17 });
    // Without an opening date the registration (createdAt, China time) starts the clock.
    const registered = platform('r', { lastUpdateOn: undefined, createdAt: '2026-06-01T17:00:00.000Z' });
    expect(zombieReminders(data({ platforms: [registered] }), P004, '2026-12-02')[0]).toMatchObject({ dueDate: '2026-12-02', daysLeft: 0 });
    expect(zombieReminders(data({ platforms: [registered] }), P004, '2026-12-02')[0]!.title).toContain('登记于2026年6月2日');
  });

  it('months are calendar months, clamped at the month end', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('stopped, closed and work-group platforms are not zombie accounts', () => {
    const list = zombieReminders(
      data({ platforms: [platform('a', { status: '已停用', lastUpdateOn: '2025-01-01' }), platform('g', { kind: 'QQ群', lastUpdateOn: '2025-01-01' })] }),
      P004,
      '2026-11-22',
    );
    expect(list).toEqual([]);
  });
});

describe('update frequency (002 第八条: 二级单位网站至少每周更新一次; 000 第九条: 每月推送4次)', () => {
  it('002 第八条: a department website last updated 9 days ago is 2 days late', () => {
    const site = platform('site', { kind: '官方网站', lastUpdateOn: '2026-11-13' });
    const ok = platform('ok', { kind: '官方网站', lastUpdateOn: '2026-11-18' });
    const list = updateFrequencyReminders(data({ platforms: [site, ok] }), P002, '2026-11-22');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'update-frequency', recordId: 'site', dueDate: '2026-11-20', daysLeft: -2, source: '002 第八条' });
    expect(list[0]!.title).toContain('应每周至少更新1次');
  });

  it('000 第九条: 4 pushes a month is checked as at most 7 days between pushes (only the last update date is known)', () => {
    const wx = platform('wx', { kind: '微信服务号', lastUpdateOn: '2026-11-14' });
    const [r] = updateFrequencyReminders(data({ platforms: [wx] }), P000, '2026-11-22');
    expect(r).toMatchObject({ dueDate: '2026-11-21', daysLeft: -1, source: '000 第九条' });
    // Profiles without a rule (001) give nothing.
    expect(updateFrequencyReminders(data({ platforms: [wx] }), P001, '2026-11-22')).toEqual([]);
  });

  it('leaves accounts already past the zombie threshold to the zombie rule', () => {
    const site = platform('site', { kind: '官方网站', lastUpdateOn: '2026-01-10' });
    expect(updateFrequencyReminders(data({ platforms: [site] }), P002, '2026-11-22')).toEqual([]);
    expect(zombieReminders(data({ platforms: [site] }), P002, '2026-11-22')).toHaveLength(1);
  });
});

describe('training every semester (003 第十五条: 每学期至少举行一次)', () => {
  const training = (date: string): Training => ({ id: `t-${date}`, ...STAMP, date, topic: '网络安全与舆情应对', attendeeIds: [] });

  it('semesters run February–July and August–January', () => {
    expect(semesterOf('2026-03-01')).toMatchObject({ label: '2026年春季学期', to: '2026-07-31' });
    expect(semesterOf('2026-11-22')).toMatchObject({ label: '2026年秋季学期', from: '2026-08-01', to: '2027-01-31' });
    expect(semesterOf('2027-01-15')).toMatchObject({ label: '2026年秋季学期' });
  });

  it('003 第十五条: a semester without a training is due by its last day', () => {
    const [r] = trainingReminders(data({ trainings: [training('2026-05-12')] }), P004, '2026-11-22');
    expect(r).toMatchObject({ kind: 'training', dueDate: '2027-01-31', daysLeft: 70, source: '004 第十条', table: 'trainings' });
    expect(r!.title).toContain('2026年秋季学期已举行培训0次');
  });

  it('one training this semester is enough; a profile that asks for none gives nothing', () => {
    expect(trainingReminders(data({ trainings: [training('2026-09-18')] }), P004, '2026-11-22')).toEqual([]);
    expect(trainingReminders(data({}), P001, '2026-11-22')).toEqual([]);
  });
});

describe('work-group real-name checks (003 第二十条: 群主要定期对群内人员予以认定; 90 days is a default)', () => {
  const group = (checks: string[], fields: Partial<Platform> = {}) =>
    platform('g', { kind: '钉钉群', name: '信息化处运维值班群', group: { realNameCheckDates: checks }, ...fields });

  it('003 第二十条: the last check 120 days ago is 30 days overdue', () => {
    const [r] = realNameCheckReminders(data({ platforms: [group(['2026-05-01', '2026-07-25'])] }), '2026-11-22', CHINA, undefined, clauseFor(P003, 'realNameCheck'));
    expect(r).toMatchObject({ kind: 'real-name-check', dueDate: '2026-10-23', daysLeft: -30, source: '003 第二十条', recordId: 'g' });
  });

  it('shows a check 14 days before it is due, not earlier; never checked counts from the opening', () => {
    expect(realNameCheckReminders(data({ platforms: [group(['2026-09-15'])] }), '2026-11-22', CHINA)).toEqual([]);
    expect(realNameCheckReminders(data({ platforms: [group(['2026-08-30'])] }), '2026-11-22', CHINA)[0]!.daysLeft).toBe(6);
    const [never] = realNameCheckReminders(data({ platforms: [group([], { openedOn: '2026-06-01' })] }), '2026-11-22', CHINA);
    expect(never).toMatchObject({ dueDate: '2026-08-30' });
    expect(never!.title).toContain('尚无群成员实名核查记录');
  });

  it('a disbanded group needs no check (003 第十九条: 工作结束后主动解散)', () => {
    const disbanded = group(['2026-01-01'], { group: { realNameCheckDates: ['2026-01-01'], disbandedOn: '2026-06-01' } });
    expect(realNameCheckReminders(data({ platforms: [disbanded] }), '2026-11-22', CHINA)).toEqual([]);
  });
});

describe('printed forms not signed back (14 days is a default)', () => {
  const printout = (printedAt: string, paperStatus: Printout['paperStatus'] = '待签回'): Printout => ({
    id: `p-${printedAt}`,
    ...STAMP,
    formId: 'F10',
    formVersion: '2026.1',
    formNumber: 'BG-2026-0001',
    printedAt,
    paperStatus,
  });

  it('a form printed 16 days ago and still 待签回 is 2 days overdue; a signed one is not listed', () => {
    const list = unsignedPaperReminders(data({ printouts: [printout('2026-11-06T01:00:00Z'), printout('2026-11-01T01:00:00Z', '已签回'), printout('2026-11-15T01:00:00Z')] }), '2026-11-22', CHINA);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'paper-unsigned', dueDate: '2026-11-20', daysLeft: -2, table: 'printouts' });
    expect(list[0]!.title).toContain('BG-2026-0001');
  });

  it('the printing day is the China date (a form printed at 07:30 Beijing time counts from that day)', () => {
    // 2026-11-06 07:30 +08:00 is 2026-11-05 23:30 UTC.
    const [r] = unsignedPaperReminders(data({ printouts: [printout('2026-11-05T23:30:00Z')] }), '2026-11-22', CHINA);
    expect(r!.dueDate).toBe('2026-11-20');
  });

  it('the printing day is the profile’s: 17:30 UTC is the 6th in Beijing and still the 5th in Ürümqi', () => {
    const printed = data({ printouts: [printout('2026-11-05T17:30:00Z')] });
    expect(unsignedPaperReminders(printed, '2026-11-22', CHINA)[0]!.dueDate).toBe('2026-11-20');
    expect(unsignedPaperReminders(printed, '2026-11-22', { timeZone: 'Asia/Urumqi' })[0]!.dueDate).toBe('2026-11-19');
  });
});

describe('the combined calendar', () => {
  it('lists overdue first, then by due date', () => {
    const wx = platform('wx', { lastUpdateOn: '2026-04-01' });
    const a = approval('a1', { platformId: 'wx', kind: '变更备案', changeDate: '2026-11-20' });
    const list = computeReminders(data({ platforms: [wx], approvals: [a, filed(wx)] }), P004, '2026-11-22');
    expect(list.map((r) => r.kind)).toEqual(['zombie-account', 'change-filing', 'training']);
    const days = list.map((r) => r.daysLeft);
    expect([...days].sort((x, y) => x - y)).toEqual(days);
  });

  it('the demo dataset has an overdue change filing on 22 November 2026 (001 第五条)', () => {
    const demo = createDemoDataset();
    const list = computeReminders({ ...demo, printouts: [] }, getPreset(demo.profileId)!, '2026-11-22');
    const change = list.filter((r) => r.kind === 'change-filing');
    expect(change).toHaveLength(1);
    expect(change[0]!.daysLeft).toBeLessThan(0);
    expect(change[0]!.title).toContain('东湖计算机与人工智能');
  });
});

describe('a reminder cites the clause of the profile in force, or 本单位规定 (001 第五条, 003 第二十五条, 004 通知 三)', () => {
  const today = '2026-12-15';
  const stale = platform('stale', { name: '东湖旧号', lastUpdateOn: '2026-01-10', createdAt: '2026-12-10T02:00:00.000Z' });
  const change = approval('c1', { platformId: 'stale', kind: '变更备案', changeDate: '2026-12-14', changes: [{ field: '总管理员', before: '甲', after: '乙' }] });
  const sources = (p: RuleProfile) =>
    Object.fromEntries(computeReminders(data({ platforms: [stale], approvals: [change] }), p, today).map((r) => [r.kind, r.source]));

  it('under 001 only 001 clauses are cited: 僵尸号 and 补办 are 本单位规定, the change filing is 001 第五条', () => {
    expect(sources(P001)).toMatchObject({ 'change-filing': '001 第五条', 'back-filing': '本单位规定', 'zombie-account': '本单位规定' });
  });

  it('under 003 the back-filing cites 003 第二十五条 and the December inspection says 本单位规定, never a developer note', () => {
    expect(sources(P003)).toMatchObject({ 'back-filing': '003 第二十五条', 'annual-inspection': '本单位规定', 'change-filing': '本单位规定' });
  });

  it('under 004 the 僵尸号 cites 004 通知 三 and the filings 004 第六条 / 004 第七条', () => {
    expect(sources(P004)).toMatchObject({ 'zombie-account': '004 通知 三', 'change-filing': '004 第六条', 'back-filing': '004 第七条' });
  });

  it('no preset shows English where the clerk reads a clause', () => {
    for (const p of PRESET_PROFILES) {
      const cited = [...Object.values(sources(p)), ...p.reviewChain.map((r) => r.source ?? ''), ...p.updateFrequency.map((r) => r.source)];
      expect(cited.filter((s) => /[A-Za-z]/.test(s)), p.id).toEqual([]);
    }
  });

  it('a profile stored before profiles carried clauses cites its preset’s, and its old developer note is replaced', () => {
    const { clauses: _dropped, ...old } = P003;
    const stored: RuleProfile = { ...old, annualInspection: { ...old.annualInspection, source: 'not in seed; default' } };
    expect(sources(stored)).toMatchObject({ 'back-filing': '003 第二十五条', 'annual-inspection': '本单位规定' });
  });
});

describe('a new account is inspected from the year it opened (004 第十一条)', () => {
  it('an account registered as new after last year’s window is not owed last year’s inspection', () => {
    const campaign: Inspection = { id: 'i', ...STAMP, platformId: 'other', year: 2026, checks: [] };
    const fresh = platform('fresh', { createdAt: '2027-01-03T02:00:00.000Z', existedBeforeLedger: false });
    const old = platform('old', { createdAt: '2027-01-03T02:00:00.000Z' });
    const list = annualInspectionReminders(data({ platforms: [fresh, old], inspections: [campaign] }), P004, '2027-01-05');
    expect(list.map((r) => r.recordId)).toEqual(['old']);
  });
});
