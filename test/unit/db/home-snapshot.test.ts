// Issue 15: the start page's data is read in the home worker through indexes (this and last year's
// inspections, printouts still 待签回, people who left) rather than whole tables. Behaviour: what it
// reads from a ledger with every kind of reminder equals the rules run over every table, as the
// page did before; the figures and the people who left but hold a role are those of the records.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerDb } from '../../../renderer/db/schema';
import { readHomeSnapshot, reminderPage, reminderSummary } from '../../../renderer/features/home/home-snapshot';
import type { Person } from '../../../shared/domain/person';
import type { Platform } from '../../../shared/domain/platform';
import type { Inspection, Printout } from '../../../shared/domain/records';
import type { Unit } from '../../../shared/domain/unit';
import { presetProfile } from '../../../shared/profiles/presets';
import { computeReminders } from '../../../shared/rules/reminders';
import { credentialReminders } from '../../../shared/rules/credentials';
import { departedMemberReminders, rosterSource } from '../../../shared/rules/group-roster';
import { sortReminders } from '../../../shared/rules/reminder';
import { SCALE_TODAY, scaleLedger } from '../../bench/scale-ledger';

const profile = presetProfile('vocational-approval-sealed-archive');
const stamp = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
const ledger = scaleLedger({ units: 12, people: 40, platforms: 400, approvals: 800, envelopes: 200, handovers: 200, inspections: 400, printouts: 150 });
const units: Unit[] = [
  { id: 'u1', ...stamp, name: '图书馆', kind: '直属单位', firstResponsibleId: 'left1' },
  { id: 'u2', ...stamp, name: '档案馆', kind: '直属单位', deletedAt: '2026-01-01T00:00:00.000Z' },
];
const people: Person[] = [
  { id: 'left1', ...stamp, name: '赵离岗', unitId: 'u1', isTeacher: true, status: '离岗', statusDate: '2026-06-30' },
  { id: 'left2', ...stamp, name: '钱离岗', unitId: 'u2', isTeacher: true, status: '离岗', statusDate: '2026-07-01' },
  { id: 'left3', ...stamp, name: '孙无职', isTeacher: true, status: '离岗' },
  { id: 'here', ...stamp, name: '李在岗', unitId: 'u1', isTeacher: true, status: '在岗' },
];
// A group in use listing one who left and one who stays, and whose owner left.
const group: Platform = {
  ...ledger.platforms[0]!,
  id: 'g1',
  kind: '微信群',
  name: '图书馆工作群',
  status: '运行中',
  deletedAt: undefined,
  group: { ownerId: 'left2', members: [{ personId: 'left1' }, { personId: 'here' }], realNameCheckDates: [] },
};
// An inspection of long ago and a printout already signed back: read by neither the old page nor the worker's rules.
const oldInspection: Inspection = { id: 'old', ...stamp, year: 2019, platformId: 'p1', checks: [] };

let db: LedgerDb;
let n = 0;

beforeEach(async () => {
  db = new LedgerDb(`home-snapshot-test-${++n}`);
  await db.open();
  await db.settings.put({ id: 'main', updatedAt: stamp.updatedAt, institutionName: '东湖示范大学', profileId: profile.id, profile, operatorName: '王𠮷' });
  await db.units.bulkAdd(units);
  await db.people.bulkAdd(people);
  await db.platforms.bulkAdd([...ledger.platforms, group]);
  await db.approvals.bulkAdd(ledger.approvals);
  await db.inspections.bulkAdd([...ledger.inspections, oldInspection]);
  await db.trainings.bulkAdd(ledger.trainings);
  await db.printouts.bulkAdd(ledger.printouts);
  await db.envelopes.bulkAdd(ledger.envelopes);
  await db.handovers.bulkAdd(ledger.handovers);
});

afterEach(async () => {
  await db.delete();
});

describe('the start page read through indexes (issue 15)', () => {
  it('lists the same reminders, in the same order, as the rules over every table', async () => {
    const snapshot = await readHomeSnapshot(db, SCALE_TODAY);
    const platforms = [...ledger.platforms, group];
    const live = platforms.filter((p) => !p.deletedAt);
    const whole = sortReminders([
      ...computeReminders({ ...ledger, platforms, inspections: [...ledger.inspections, oldInspection] }, profile, SCALE_TODAY),
      ...credentialReminders({ platforms: live, envelopes: ledger.envelopes.filter((e) => !e.deletedAt), handovers: ledger.handovers.filter((h) => !h.deletedAt), policy: profile.passwordPolicy, profile, today: SCALE_TODAY }),
      ...departedMemberReminders(live, new Map(people.map((p) => [p.id, p])), SCALE_TODAY, rosterSource(profile.source)),
    ]);
    expect(snapshot.hasRules).toBe(true);
    expect(snapshot.reminders).toEqual(whole);
    // The kinds read through an index, or from records the page no longer reads whole, do show up.
    expect([...new Set(snapshot.reminders.map((r) => r.kind))]).toEqual(
      expect.arrayContaining(['change-filing', 'back-filing', 'annual-inspection', 'password-rotation', 'password-after-handover', 'envelope-open', 'real-name-check', 'paper-unsigned']),
    );
    expect(snapshot.reminders.filter((r) => r.recordId === 'g1' && r.kind === 'real-name-check').map((r) => r.title)).toContainEqual(expect.stringContaining('成员赵离岗已离岗（2026-06-30）'));
  });

  it('counts the live registry and names who left but holds a role, with their unit', async () => {
    const { stats, flagged } = await readHomeSnapshot(db, SCALE_TODAY);
    const live = [...ledger.platforms, group].filter((p) => !p.deletedAt);
    const inUse = live.filter((p) => p.status !== '已注销' && p.status !== '已停用');
    expect(stats.platforms).toBe(live.length);
    expect(stats.accounts + stats.groups).toBe(inUse.length);
    expect(stats.fixing).toBe(live.filter((p) => p.status === '整改中').length);
    expect(flagged.map((p) => [p.name, p.unitName, p.statusDate, p.roles])).toEqual([
      ['赵离岗', '图书馆', '2026-06-30', ['图书馆第一责任人']],
      ['钱离岗', '（已删除）', '2026-07-01', ['图书馆工作群群主']],
    ]);
  });

  it('follows a printout signed back and a person returning to their post', async () => {
    const waiting = ledger.printouts.find((p): p is Printout => !p.deletedAt && p.paperStatus === '待签回')!;
    const before = await readHomeSnapshot(db, SCALE_TODAY);
    expect(before.reminders.some((r) => r.kind === 'paper-unsigned' && r.recordId === waiting.id)).toBe(true);
    await db.printouts.update(waiting.id, { paperStatus: '已签回' });
    await db.people.update('left1', { status: '在岗' });
    const after = await readHomeSnapshot(db, SCALE_TODAY);
    expect(after.reminders.some((r) => r.kind === 'paper-unsigned' && r.recordId === waiting.id)).toBe(false);
    expect(after.flagged.map((p) => p.name)).toEqual(['钱离岗']);
    expect(before.reminders.filter((r) => r.recordId === 'g1' && r.title.includes('赵离岗'))).toHaveLength(1);
    expect(after.reminders.filter((r) => r.recordId === 'g1' && r.title.includes('赵离岗'))).toEqual([]);
  });

  it('pages the list per kind and counts kinds in list order, overdue apart', async () => {
    const { reminders } = await readHomeSnapshot(db, SCALE_TODAY);
    const summary = reminderSummary(reminders);
    expect(summary.total).toBe(reminders.length);
    expect(summary.overdue).toBe(reminders.filter((r) => r.daysLeft < 0 && !r.dueUnknownReason).length);
    expect(summary.counts.map(([k]) => k)).toEqual([...new Set(reminders.map((r) => r.kind))]);
    const [kind, count] = summary.counts.find(([, c]) => c > 10)!;
    const ofKind = reminders.filter((r) => r.kind === kind);
    expect(reminderPage(reminders, kind, 2, 10)).toEqual({ items: ofKind.slice(10, 20), total: count });
    expect(reminderPage(reminders, undefined, 1, 10).items).toEqual(reminders.slice(0, 10));
  });

  it('shows figures but no reminders before setup has chosen a profile', async () => {
    await db.settings.clear();
    const snapshot = await readHomeSnapshot(db, SCALE_TODAY);
    expect(snapshot.hasRules).toBe(false);
    expect(snapshot.reminders).toEqual([]);
    expect(snapshot.stats.platforms).toBeGreaterThan(0);
  });
});
