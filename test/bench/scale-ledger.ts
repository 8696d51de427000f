// A university's ledger at the scale of issue 15 (10,000 platforms, 20,000 approvals and filings,
// 5,000 envelopes, handovers, inspections, printouts) for the reminder benchmark and the test that
// the reminders at that scale equal those of a small slice. Deterministic (a fixed-seed generator);
// every kind of reminder occurs. No Node or DOM APIs.
import { GROUP_KINDS, PLATFORM_KINDS, type Platform, type PlatformKind, type LifecycleStatus } from '../../shared/domain/platform';
import type { Approval, ApprovalKind, Envelope, Handover, Inspection, Printout, Training } from '../../shared/domain/records';
import type { ComplianceData } from '../../shared/rules/compliance-reminder';

export interface ScaleLedger extends ComplianceData {
  platforms: Platform[];
  approvals: Approval[];
  inspections: Inspection[];
  trainings: Training[];
  printouts: Printout[];
  envelopes: Envelope[];
  handovers: Handover[];
}

export interface ScaleSizes {
  platforms: number;
  approvals: number;
  envelopes: number;
  handovers: number;
  inspections: number;
  printouts: number;
}

/** The figures of issue 15. */
export const ISSUE_15_SIZES: ScaleSizes = { platforms: 10_000, approvals: 20_000, envelopes: 5_000, handovers: 5_000, inspections: 8_000, printouts: 3_000 };

/** "Today" the ledger is read on: inside the December inspection windows, with last year's campaign on record. */
export const SCALE_TODAY = '2026-12-15';

const STATUSES: readonly LifecycleStatus[] = ['运行中', '运行中', '运行中', '运行中', '整改中', '申请中', '已批准', '已停用', '已注销'];
const APPROVAL_KINDS: readonly ApprovalKind[] = ['开通审批', '备案', '变更备案', '注销备案'];
const UNITS = ['图书馆', '团委', '学生处', '外国语学院', '计算机学院', '校友会', '档案馆', '研究生院', '体育部', '艺术学院'];

/** A small linear congruential generator: the same ledger on every run. */
function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateIn = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

export function scaleLedger(sizes: ScaleSizes = ISSUE_15_SIZES, seed = 15): ScaleLedger {
  const r = generator(seed);
  const stamp = (date: string) => ({ createdAt: `${date}T0${r.int(10)}:${pad(r.int(60))}:00.000Z`, updatedAt: `${date}T10:00:00.000Z` });
  const trashed = () => (r.chance(0.03) ? { deletedAt: '2026-06-01T00:00:00.000Z' } : {});
  const platformId = () => `p${r.int(sizes.platforms)}`;

  const platforms = Array.from({ length: sizes.platforms }, (_, i): Platform => {
    const kind: PlatformKind = r.chance(0.15) ? r.pick(GROUP_KINDS) : r.pick(PLATFORM_KINDS);
    const group = (GROUP_KINDS as readonly string[]).includes(kind);
    return {
      id: `p${i}`,
      ...stamp(dateIn(2025, r.int(700))),
      ...trashed(),
      kind,
      // Unique names: a title names its platform, so two platforms never share one.
      name: `${r.pick(UNITS)}${group ? '工作群' : '新媒体'}${i}号`,
      accountId: `acct_${i}`,
      purpose: '',
      contentScope: '',
      certification: '已认证',
      followers: [],
      server: { involvesData: false },
      sectionAdminIds: [],
      measures: '',
      columns: [],
      status: r.pick(STATUSES),
      statusHistory: [],
      ...(r.chance(0.5) ? { openedOn: r.chance(0.2) ? `20${10 + r.int(15)}-${pad(1 + r.int(12))}` : dateIn(2015 + r.int(11), r.int(365)) } : {}),
      ...(r.chance(0.3) ? { existedBeforeLedger: false } : {}),
      ...(r.chance(0.8) ? { lastUpdateOn: dateIn(2025, r.int(714)) } : {}),
      ...(group ? { group: { realNameCheckDates: Array.from({ length: r.int(3) }, () => dateIn(2026, r.int(340))), ...(r.chance(0.1) ? { disbandedOn: '2026-05-01' } : {}) } } : {}),
    };
  });

  const approvals = Array.from({ length: sizes.approvals }, (_, i): Approval => {
    const kind = r.pick(APPROVAL_KINDS);
    const change = kind === '变更备案' || kind === '注销备案';
    return {
      id: `a${i}`,
      ...stamp(dateIn(2025, r.int(700))),
      ...trashed(),
      platformId: platformId(),
      kind,
      changes: kind === '变更备案' ? [{ field: r.pick(['总管理员', '账号名称', '责任人']), before: '甲', after: '乙' }] : [],
      ...(change && r.chance(0.9) ? { changeDate: dateIn(2026, r.int(360)) } : {}),
      ...(r.chance(0.6) ? { filedOn: dateIn(2026, r.int(340)) } : {}),
    };
  });

  const inspections = Array.from({ length: sizes.inspections }, (_, i): Inspection => ({
    id: `i${i}`,
    ...stamp('2025-12-01'),
    ...trashed(),
    year: r.chance(0.5) ? 2025 : 2026,
    platformId: platformId(),
    checks: [],
    ...(r.chance(0.6) ? { result: '合格' as const } : {}),
  }));

  const envelopes = Array.from({ length: sizes.envelopes }, (_, i): Envelope => {
    const sealedOn = dateIn(2025, r.int(700));
    return {
      id: `e${i}`,
      ...stamp(sealedOn),
      ...trashed(),
      platformId: platformId(),
      number: `XF-${sealedOn.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`,
      items: ['登录账号', '密码'],
      sealedOn,
      location: '保密柜',
      ...(r.chance(0.3) ? { passwordChangedOn: sealedOn } : {}),
      openings: r.chance(0.2) ? [{ at: `${dateIn(2026, r.int(340))}T03:00:00.000Z`, reason: '更换绑定手机' }] : [],
      ...(r.chance(0.2) ? { replacedById: `e${r.int(sizes.envelopes)}` } : {}),
    };
  });

  const handovers = Array.from({ length: sizes.handovers }, (_, i): Handover => {
    const date = dateIn(2025, r.int(700));
    const changed = r.chance(0.6);
    return {
      id: `h${i}`,
      ...stamp(date),
      ...trashed(),
      platformId: platformId(),
      date,
      checklist: [],
      ...(changed ? { passwordChangedOn: date } : {}),
      ...(changed && r.chance(0.8) ? { passwordChangeConfirmedById: 'x' } : {}),
    };
  });

  const printouts = Array.from({ length: sizes.printouts }, (_, i): Printout => ({
    id: `pr${i}`,
    ...stamp('2026-01-05'),
    ...trashed(),
    formId: 'F04',
    formVersion: '1',
    formNumber: `BA-2026-${String(i + 1).padStart(4, '0')}`,
    recordTable: 'platforms',
    recordId: platformId(),
    printedAt: `${dateIn(2026, r.int(345))}T02:00:00.000Z`,
    paperStatus: r.pick(['待签回', '已签回', '已归档'] as const),
  }));

  const trainings: Training[] = [{ id: 't1', ...stamp('2026-09-10'), date: '2026-09-10', topic: '网络安全', attendeeIds: [] }];

  return { platforms, approvals, inspections, trainings, printouts, envelopes, handovers };
}
