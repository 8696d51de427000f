// A university's ledger at the scale of issue 15 (300 units, 3,000 people, 10,000 platforms,
// 20,000 approvals and filings, 5,000 envelopes, 30,000 inspections, handovers, printouts) for the
// reminder benchmark, the test that the reminders at that scale equal those of a small slice, and
// the dataset of `npm run bench:scale` (scale-backup.ts adds reviews, scans and the audit log).
// Deterministic (a fixed-seed generator); every kind of reminder occurs; ids are ULID-shaped and
// every reference points at a record of the ledger, so the records pass the app's own checks
// (shared/exchange/schemas.ts recordSchema). No Node or DOM APIs.
import { GROUP_KINDS, PLATFORM_KINDS, type Platform, type PlatformKind, type LifecycleStatus } from '../../shared/domain/platform';
import type { Person } from '../../shared/domain/person';
import type { Approval, ApprovalKind, Envelope, Handover, Inspection, Printout, Training } from '../../shared/domain/records';
import { UNIT_KINDS, type Rank, type Unit } from '../../shared/domain/unit';
import type { ComplianceData } from '../../shared/rules/compliance-reminder';
import { emptyPlatformFields } from '../fixtures/platform';

export interface ScaleLedger extends ComplianceData {
  units: Unit[];
  people: Person[];
  platforms: Platform[];
  approvals: Approval[];
  inspections: Inspection[];
  trainings: Training[];
  printouts: Printout[];
  envelopes: Envelope[];
  handovers: Handover[];
}

export interface ScaleSizes {
  units: number;
  people: number;
  platforms: number;
  approvals: number;
  envelopes: number;
  handovers: number;
  inspections: number;
  printouts: number;
}

/** The figures of issue 15. */
export const ISSUE_15_SIZES: ScaleSizes = { units: 300, people: 3_000, platforms: 10_000, approvals: 20_000, envelopes: 5_000, handovers: 5_000, inspections: 30_000, printouts: 3_000 };

/** Every count of `sizes` times `scale` (at least 1 unit, 12 people and 20 platforms, so every kind of record still occurs). */
export function scaledSizes(scale: number, sizes: ScaleSizes = ISSUE_15_SIZES): ScaleSizes {
  const n = (count: number, least: number) => Math.max(least, Math.round(count * scale));
  return {
    units: n(sizes.units, 1),
    people: n(sizes.people, 12),
    platforms: n(sizes.platforms, 20),
    approvals: n(sizes.approvals, 1),
    envelopes: n(sizes.envelopes, 1),
    handovers: n(sizes.handovers, 1),
    inspections: n(sizes.inspections, 1),
    printouts: n(sizes.printouts, 1),
  };
}

/** Every 20th platform is a 东湖书坊 WeChat account: pinyin initials 'dhsf' find 500 of the 10,000, as the issue searched. */
export const DHSF_EVERY = 20;
export const DHSF_NAME = '东湖书坊';

/** "Today" the ledger is read on: inside the December inspection windows, with last year's campaign on record. */
export const SCALE_TODAY = '2026-12-15';

const STATUSES: readonly LifecycleStatus[] = ['运行中', '运行中', '运行中', '运行中', '整改中', '申请中', '已批准', '已停用', '已注销'];
const APPROVAL_KINDS: readonly ApprovalKind[] = ['开通审批', '备案', '变更备案', '注销备案'];
const UNITS = ['图书馆', '团委', '学生处', '外国语学院', '计算机学院', '校友会', '档案馆', '研究生院', '体育部', '艺术学院'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '𠮷', '赟', '喆'];
const RANKS: readonly Rank[] = ['处级', '副处级', '科级', '其他'];

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID-shaped id (26 Crockford base-32 characters, as shared/domain/ids.ts checks), fixed per
 * table tag and index so the ledger is the same on every run and its ids sort by index.
 */
export function benchId(tag: string, index: number): string {
  let tail = '';
  for (let n = index; tail.length < 12; n = Math.floor(n / 32)) tail = CROCKFORD[n % 32]! + tail;
  const head = [...tag.toUpperCase()].map((c) => (CROCKFORD.includes(c) ? c : '0')).join('').padEnd(4, '0').slice(0, 4);
  return `01KB${'0'.repeat(6)}${head}${tail}`;
}

/** A small linear congruential generator: the same ledger on every run. */
export function generator(seed: number) {
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
  const platformId = () => benchId('P', r.int(sizes.platforms));
  const personId = (i: number) => benchId('M', i % sizes.people);
  const unitId = (i: number) => benchId('D', i % sizes.units);

  // Units and people first: platforms and the paper trail name them. Derived from the index alone
  // (no draws of the generator), so the platforms and their records stay as they were.
  const units = Array.from({ length: sizes.units }, (_, i): Unit => ({
    id: unitId(i),
    createdAt: '2025-01-02T01:00:00.000Z',
    updatedAt: '2025-01-02T01:00:00.000Z',
    name: `${UNITS[i % UNITS.length]!}${i < UNITS.length ? '' : Math.floor(i / UNITS.length) + 1}`,
    kind: UNIT_KINDS[i % UNIT_KINDS.length]!,
    firstResponsibleId: personId(i),
    firstResponsibleRank: '处级',
    contactId: personId(i + sizes.units),
    phone: `027-8709${String(2000 + (i % 8000)).padStart(4, '0')}`,
  }));
  const people = Array.from({ length: sizes.people }, (_, i): Person => ({
    id: personId(i),
    createdAt: '2025-01-02T02:00:00.000Z',
    updatedAt: '2025-01-02T02:00:00.000Z',
    name: `${SURNAMES[i % SURNAMES.length]!}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!}${i < SURNAMES.length * GIVEN.length ? '' : Math.floor(i / (SURNAMES.length * GIVEN.length)) + 1}`,
    unitId: unitId(i),
    title: i % 3 === 0 ? '科长' : '干事',
    // The first of every four is a 处级 teacher: any review step of any preset may name them.
    rank: i % 4 === 0 ? '处级' : RANKS[i % RANKS.length]!,
    phone: `139${String(10_000_000 + i).slice(-8)}`,
    isTeacher: i % 4 === 0 || i % 2 === 1,
    status: i % 97 === 96 ? '离岗' : '在岗',
    ...(i % 97 === 96 ? { statusDate: '2026-03-01' } : {}),
  }));

  const platforms = Array.from({ length: sizes.platforms }, (_, i): Platform => {
    const drawn: PlatformKind = r.chance(0.15) ? r.pick(GROUP_KINDS) : r.pick(PLATFORM_KINDS);
    const dhsf = i % DHSF_EVERY === DHSF_EVERY - 1;
    const kind: PlatformKind = dhsf ? '微信公众号' : drawn;
    const group = (GROUP_KINDS as readonly string[]).includes(kind);
    const stamped = stamp(dateIn(2025, r.int(700)));
    const deleted = trashed();
    const unitName = r.pick(UNITS);
    return {
      id: benchId('P', i),
      ...stamped,
      // A 东湖书坊 account is never in the trash, so the search finds every one of them.
      ...(dhsf ? {} : deleted),
      kind,
      // Unique names: a title names its platform, so two platforms never share one.
      name: dhsf ? `${DHSF_NAME}${unitName}${i}号` : `${unitName}${group ? '工作群' : '新媒体'}${i}号`,
      // A website or forum is known by its address (the registry's own check).
      accountId: kind === '官方网站' || kind === '校园论坛' ? `https://site${i}.ledger-bench.edu.cn` : `acct_${i}`,
      hostUnitId: unitId(i),
      responsibleId: personId(i * 7),
      chiefAdminId: personId(i * 7 + 1),
      ...emptyPlatformFields(),
      status: r.pick(STATUSES),
      ...(r.chance(0.5) ? { openedOn: r.chance(0.2) ? `20${10 + r.int(15)}-${pad(1 + r.int(12))}` : dateIn(2015 + r.int(11), r.int(365)) } : {}),
      ...(r.chance(0.3) ? { existedBeforeLedger: false } : {}),
      ...(r.chance(0.8) ? { lastUpdateOn: dateIn(2025, r.int(714)) } : {}),
      ...(group ? { group: { ownerId: personId(i * 7 + 2), memberCount: 20 + (i % 300), realNameCheckDates: Array.from({ length: r.int(3) }, () => dateIn(2026, r.int(340))), ...(r.chance(0.1) ? { disbandedOn: '2026-05-01' } : {}) } } : {}),
    };
  });

  const approvals = Array.from({ length: sizes.approvals }, (_, i): Approval => {
    const kind = r.pick(APPROVAL_KINDS);
    const change = kind === '变更备案' || kind === '注销备案';
    return {
      id: benchId('A', i),
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
    id: benchId('J', i),
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
      id: benchId('E', i),
      ...stamp(sealedOn),
      ...trashed(),
      platformId: platformId(),
      number: `XF-${sealedOn.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`,
      items: ['登录账号', '密码'],
      sealedOn,
      location: '保密柜',
      ...(r.chance(0.3) ? { passwordChangedOn: sealedOn } : {}),
      openings: r.chance(0.2) ? [{ at: `${dateIn(2026, r.int(340))}T03:00:00.000Z`, reason: '更换绑定手机' }] : [],
      ...(r.chance(0.2) ? { replacedById: benchId('E', r.int(sizes.envelopes)) } : {}),
    };
  });

  const handovers = Array.from({ length: sizes.handovers }, (_, i): Handover => {
    const date = dateIn(2025, r.int(700));
    const changed = r.chance(0.6);
    return {
      id: benchId('H', i),
      ...stamp(date),
      ...trashed(),
      platformId: platformId(),
      date,
      checklist: [],
      ...(changed ? { passwordChangedOn: date } : {}),
      ...(changed && r.chance(0.8) ? { passwordChangeConfirmedById: personId(i) } : {}),
    };
  });

  const printouts = Array.from({ length: sizes.printouts }, (_, i): Printout => ({
    id: benchId('R', i),
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

  const trainings: Training[] = [{ id: benchId('T', 1), ...stamp('2026-09-10'), date: '2026-09-10', topic: '网络安全', attendeeIds: [] }];

  return { units, people, platforms, approvals, inspections, trainings, printouts, envelopes, handovers };
}
