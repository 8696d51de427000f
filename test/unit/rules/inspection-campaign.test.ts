// The annual inspection campaign: coverage, default checks, progress, comparison with last year,
// and the accounts listed for closure (001 第六条, 004 第十一条, 004 通知 僵尸号).
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../shared/domain/platform';
import type { Approval, Inspection } from '../../../shared/domain/records';
import { DEFAULT_INSPECTION_CHECKS } from '../../../shared/domain/inspection-checks';
import {
  accountsToOpen,
  campaignAccounts,
  campaignProgress,
  checkInspectionInput,
  closureCandidates,
  compareWithLastYear,
  inspectionStage,
  inspectionWindowText,
  newInspectionDraft,
} from '../../../shared/rules/inspection-campaign';
import { platformRecord } from '../../fixtures/platform';

const platform = (id: string, over: Partial<Platform> = {}): Platform => platformRecord(id, { lastUpdateOn: '2026-11-01', ...over });
const inspection = (id: string, platformId: string, year: number, over: Partial<Inspection> = {}): Inspection => ({
  id, platformId, year, checks: [{ item: '持续更新', ok: true }, { item: '先审后发', ok: true }], createdAt: '', updatedAt: '', ...over,
});
const approval = (platformId: string, over: Partial<Approval> = {}): Approval => ({
  id: `a-${platformId}-${over.kind ?? '备案'}`, platformId, kind: '备案', changes: [], createdAt: '2026-01-05T00:00:00.000Z', updatedAt: '', ...over,
});

describe('which accounts the campaign covers (001 第六条 每年11月对所有新媒体平台进行年度检查)', () => {
  const platforms = [
    platform('run'),
    platform('fix', { status: '整改中' }),
    platform('ok', { status: '已批准' }),
    platform('apply', { status: '申请中' }),
    platform('stop', { status: '已停用' }),
    platform('gone', { status: '已注销' }),
    platform('group', { kind: '微信群' }),
    platform('trash', { deletedAt: '2026-01-01T00:00:00.000Z' }),
  ];

  it('covers approved and running accounts, not applications, closed accounts, work groups or the trash', () => {
    expect(campaignAccounts(platforms).map((p) => p.id)).toEqual(['run', 'fix', 'ok']);
  });

  it('opening a year creates an inspection only for covered accounts without one that year (opening twice creates nothing)', () => {
    const existing = [inspection('i1', 'run', 2026), inspection('i0', 'fix', 2025)];
    expect(accountsToOpen(platforms, existing, 2026).map((p) => p.id)).toEqual(['fix', 'ok']);
    const afterOpening = [...existing, inspection('i2', 'fix', 2026), inspection('i3', 'ok', 2026)];
    expect(accountsToOpen(platforms, afterOpening, 2026)).toEqual([]);
  });

  it('a new inspection starts with F11’s check items, none ticked, no result (001 第六条 年度检查表)', () => {
    const draft = newInspectionDraft('run', 2026);
    expect(draft.checks.map((c) => c.item)).toEqual([...DEFAULT_INSPECTION_CHECKS]);
    expect(draft.checks.every((c) => !c.ok)).toBe(true);
    expect(draft.result).toBeUndefined();
  });

  it('shows the profile’s window: 每年11月 (001 第六条) or 每年12月11日至20日 (004 第十一条 12月中旬)', () => {
    expect(inspectionWindowText({ annualInspection: { month: 11, fromDay: 1, toDay: 30, source: '001 第六条' } })).toBe('检查时间：每年11月');
    expect(inspectionWindowText({ annualInspection: { month: 12, fromDay: 11, toDay: 20, source: '004 第十一条' } })).toBe('检查时间：每年12月11日至20日');
  });
});

describe('progress of the year (001 第六条 自查 → 审批 → 结论)', () => {
  it('counts not started, self-assessed and each result, with the share concluded', () => {
    const list = [
      inspection('a', 'p1', 2026),
      inspection('b', 'p2', 2026, { selfAssessment: '运行正常' }),
      inspection('c', 'p3', 2026, { selfAssessment: '运行正常', result: '合格' }),
      inspection('d', 'p4', 2026, { result: '限期整改' }),
      inspection('e', 'p5', 2026, { result: '关停注销' }),
      inspection('f', 'p6', 2025, { result: '合格' }),
      inspection('g', 'p7', 2026, { deletedAt: '2026-11-01T00:00:00.000Z' }),
    ];
    expect(campaignProgress(list, 2026)).toEqual({ total: 5, notStarted: 1, selfAssessed: 1, passed: 1, rectify: 1, close: 1, percentDone: 60 });
    expect(inspectionStage({ selfAssessment: '  ' })).toBe('未开始');
    expect(campaignProgress([], 2027).percentDone).toBe(0);
  });
});

describe('comparison with last year (001 第六条, 004 第十一条)', () => {
  const platforms = [
    platform('old'),
    platform('new', { openedOn: '2026-03-01' }),
    platform('closed', { status: '已注销', statusHistory: [{ date: '2026-05-10', value: '已注销' }] }),
    platform('closedLongAgo', { status: '已注销', statusHistory: [{ date: '2023-05-10', value: '已注销' }] }),
  ];
  const inspections = [
    inspection('o25', 'old', 2025, { checks: [{ item: '持续更新', ok: false, note: '三个月未更新' }, { item: '先审后发', ok: true }] }),
    inspection('c25', 'closed', 2025),
    inspection('o26', 'old', 2026, { checks: [{ item: '持续更新', ok: false, note: '仍未恢复更新' }, { item: '先审后发', ok: false }] }),
    inspection('n26', 'new', 2026),
  ];
  const approvals = [
    approval('old', { kind: '变更备案', changeDate: '2026-08-29', changes: [{ field: '总管理员', before: '曹宁', after: '赵一鸣' }] }),
    approval('old', { id: 'x', kind: '变更备案', changeDate: '2025-10-18', changes: [{ field: '总管理员', before: '甲', after: '乙' }] }),
    approval('new', { id: 'y', kind: '变更备案', changeDate: '2026-02-01', changes: [{ field: '账号名称', before: 'A', after: 'B' }] }),
  ];
  const result = compareWithLastYear({ platforms, inspections, approvals }, 2026);

  it('lists accounts new this year and accounts closed since last year', () => {
    expect(result.added.map((p) => p.id)).toEqual(['new']);
    expect(result.closed.map((c) => [c.platform.id, c.date])).toEqual([['closed', '2026-05-10']]);
  });

  it('lists administrator changes filed within the year (001 第五条 变更备案)', () => {
    expect(result.adminChanges).toEqual([{ platformId: 'old', before: '曹宁', after: '赵一鸣', date: '2026-08-29' }]);
  });

  it('dates a change filed without a change date by the day it was entered, on the profile’s clock', () => {
    // 17:00 UTC on 31 December 2025: New Year's Day in Beijing, still 2025 in Ürümqi (UTC+6).
    const entered = approval('old', { id: 'z', kind: '变更备案', createdAt: '2025-12-31T17:00:00.000Z', changes: [{ field: '总管理员', before: '赵一鸣', after: '钱二' }] });
    const inChina = compareWithLastYear({ platforms, inspections, approvals: [entered], profile: { timeZone: 'Asia/Shanghai' } }, 2026);
    expect(inChina.adminChanges).toEqual([{ platformId: 'old', before: '赵一鸣', after: '钱二', date: '2026-01-01' }]);
    expect(compareWithLastYear({ platforms, inspections, approvals: [entered] }, 2026).adminChanges).toHaveLength(1);
    expect(compareWithLastYear({ platforms, inspections, approvals: [entered], profile: { timeZone: 'Asia/Urumqi' } }, 2026).adminChanges).toEqual([]);
  });

  it('lists the failed items, flagging those that also failed last year', () => {
    expect(result.failed.map((f) => [f.platformId, f.item, f.note, f.repeated])).toEqual([
      ['old', '持续更新', '仍未恢复更新', true],
      ['old', '先审后发', undefined, false],
    ]);
  });
});

describe('accounts listed for closure (001 第六条 未报备或审批未通过的须及时关闭或注销; 004 通知 僵尸号)', () => {
  const platforms = [
    platform('filed'),
    platform('unfiled'),
    platform('applying', { status: '申请中', lastUpdateOn: undefined }),
    platform('zombie', { lastUpdateOn: '2026-03-05' }),
    platform('failed'),
    platform('gone', { status: '已注销', lastUpdateOn: '2020-01-01' }),
    platform('group', { kind: 'QQ群', lastUpdateOn: '2020-01-01' }),
  ];
  const approvals = ['filed', 'zombie', 'failed'].map((id) => approval(id, { kind: id === 'filed' ? '开通审批' : '备案', filedOn: '2025-03-01' }));
  const inspections = [inspection('f', 'failed', 2026, { result: '关停注销' }), inspection('z', 'filed', 2025, { result: '关停注销' })];
  const list = closureCandidates({ platforms, approvals, inspections, profile: { id: 'functional-department', zombieMonths: 6 } }, 2026, '2026-11-22');
  const reasons = Object.fromEntries(list.map((c) => [c.platform.id, c.reasons.map((r) => r.reason)]));

  it('lists applications not approved and accounts with no 开通审批/备案 on record (001 第六条)', () => {
    expect(reasons.applying).toEqual(['申请中未获批准']);
    expect(reasons.unfiled).toEqual(['未备案']);
    expect(reasons.filed).toBeUndefined();
    // A filing written but never handed in (no filedOn) is not a filing yet.
    const pending = closureCandidates(
      { platforms: [platform('filed')], approvals: [approval('filed', { kind: '备案' })], inspections: [], profile: { id: 'functional-department', zombieMonths: 6 } },
      2026,
      '2026-11-22',
    );
    expect(pending.map((c) => c.reasons.map((r) => r.reason))).toEqual([['未备案']]);
  });

  it('lists accounts concluded 关停注销 in the year’s inspection (001 第六条)', () => {
    expect(reasons.failed).toEqual(['检查结论为关停注销']);
  });

  it('lists 僵尸号 not updated within the profile’s months (004 通知)', () => {
    expect(reasons.zombie).toEqual(['僵尸号']);
    expect(list.find((c) => c.platform.id === 'zombie')!.reasons[0]!.detail).toBe('已超过6个月未更新（最近更新2026年3月5日）');
  });

  it('leaves out accounts already 注销 and work groups', () => {
    expect(reasons.gone).toBeUndefined();
    expect(reasons.group).toBeUndefined();
  });
});

describe('recording a result (001 第六条 经单位第一责任人审批)', () => {
  const ok = [{ item: 'A', ok: true }, { item: 'B', ok: true }];
  const bad = [{ item: 'A', ok: true }, { item: 'B', ok: false }];

  it('a result needs the approver and the date', () => {
    expect(checkInspectionInput({ checks: ok, result: '合格' }, 2026, '2026-11-22')).toEqual({
      approvedById: '得出结论须由单位第一责任人审批，请选择审批人。',
      approvedOn: '请选择审批日期。',
    });
    expect(checkInspectionInput({ checks: ok, selfAssessment: '正常' }, 2026, '2026-11-22')).toEqual({});
  });

  it('合格 needs every check met; 限期整改 needs at least one not met', () => {
    const base = { approvedById: 'p', approvedOn: '2026-11-20' };
    expect(checkInspectionInput({ ...base, checks: bad, result: '合格' }, 2026, '2026-11-22').result).toContain('不能评为“合格”');
    expect(checkInspectionInput({ ...base, checks: ok, result: '限期整改' }, 2026, '2026-11-22').result).toContain('至少有一项不符合');
    expect(checkInspectionInput({ ...base, checks: bad, result: '限期整改' }, 2026, '2026-11-22')).toEqual({});
  });

  it('the approval date is neither in the future nor before the inspection year', () => {
    expect(checkInspectionInput({ checks: ok, result: '合格', approvedById: 'p', approvedOn: '2026-11-23' }, 2026, '2026-11-22').approvedOn).toBe('审批日期不能晚于今天。');
    expect(checkInspectionInput({ checks: ok, result: '合格', approvedById: 'p', approvedOn: '2025-12-31' }, 2026, '2026-11-22').approvedOn).toBe('审批日期不能早于2026年。');
  });
});
