// The demo dataset: deterministic, complete (every kind and status), internally consistent, and
// valid by the same rules the edit dialogs apply.
import { describe, expect, it } from 'vitest';
import { createDemoDataset } from '@shared/demo/demo-dataset';
import type { BaseRecord } from '@shared/domain/common';
import { PERSON_STATUSES } from '@shared/domain/person';
import { LIFECYCLE_STATUSES, PLATFORM_KINDS, isGroupKind } from '@shared/domain/platform';
import { PLATFORM_ROLE_FIELDS } from '@shared/domain/roles';
import {
  APPROVAL_KINDS,
  ENVELOPE_ITEMS,
  INCIDENT_ACTIONS,
  INCIDENT_KINDS,
  INSPECTION_RESULTS,
  TRAINING_TEAMS,
} from '@shared/domain/records';
import { UNIT_KINDS } from '@shared/domain/unit';
import { validatePerson, validatePlatform, validateUnit } from '@shared/domain/validation';
import { getPreset } from '@shared/profiles/presets';
import { addWorkingDays, isWorkingDay } from '@shared/rules/working-days';
import { LEDGER_RECORD_TABLES } from '@shared/domain/tables';
import { buildSearchKey } from '@shared/search/pinyin-search';
import { matchesSearch } from '@shared/search/search-match';

const TODAY = '2026-11-22';
const data = createDemoDataset();
const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const RECORD_TABLES = LEDGER_RECORD_TABLES;
type RecordTable = (typeof RECORD_TABLES)[number];

/** Which table every id-holding field points into; a new field must be added here to pass. */
const REFERENCE_TABLES: Record<string, RecordTable> = {
  parentId: 'units', unitId: 'units', hostUnitId: 'units', sponsorUnitId: 'units', submittingUnitId: 'units',
  platformId: 'platforms',
  originalReviewId: 'reviews',
  replacedById: 'envelopes',
};
const PERSON_FIELDS = [
  'firstResponsibleId', 'partySecretaryId', 'contactId', 'guidingTeacherId', 'responsibleId', 'businessLeadId',
  'technicalLeadId', 'chiefAdminId', 'sectionAdminIds', 'ownerId', 'supervisorId', 'reviewerIds', 'copywriterId',
  'editorId', 'publishedById', 'sealedById', 'witnessId', 'custodianId', 'byId', 'approvedById', 'outgoingId',
  'incomingId', 'passwordChangeConfirmedById', 'attendeeIds',
];
for (const field of PERSON_FIELDS) REFERENCE_TABLES[field] = 'people';

/** Every [key, value] pair in the dataset, however deeply nested, with the path to it. */
function* entries(value: unknown, path = ''): Generator<[key: string, value: unknown, path: string]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* entries(item, `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield [key, item, `${path}.${key}`];
      yield* entries(item, `${path}.${key}`);
    }
  }
}

describe('createDemoDataset', () => {
  it('is deterministic: same ids and values on every call', () => {
    expect(createDemoDataset()).toEqual(data);
    expect(createDemoDataset({ today: TODAY })).toEqual(data);
  });

  it('moves every date with `today` and stays valid', () => {
    const earlier = createDemoDataset({ today: '2025-03-01' });
    expect(earlier.platforms[0]?.lastUpdateOn).toBe('2025-02-27');
    for (const p of earlier.platforms) expect(validatePlatform(p, { today: '2025-03-01' }).ok, p.name).toBe(true);
    expect(() => createDemoDataset({ today: '2026-02-30' })).toThrow();
  });

  it('belongs to a fictitious institution and a preset profile', () => {
    expect(data.institutionName).toBe('东湖示范大学');
    expect(getPreset(data.profileId)).toBeDefined();
  });

  it('gives every record a unique ULID and timestamps in order', () => {
    const records: BaseRecord[] = RECORD_TABLES.flatMap((table): BaseRecord[] => data[table]);
    const ids = records.map((r) => r.id);
    for (const id of ids) expect(id).toMatch(ULID_RE);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of records) {
      expect(Number.isNaN(Date.parse(r.createdAt))).toBe(false);
      expect(r.updatedAt >= r.createdAt).toBe(true);
      expect(r.deletedAt).toBeUndefined();
    }
  });

  it('has about 12 units covering every unit kind, with parents for student bodies', () => {
    expect(data.units.length).toBeGreaterThanOrEqual(12);
    expect(new Set(data.units.map((u) => u.kind))).toEqual(new Set(UNIT_KINDS));
    for (const name of ['图书馆', '党委宣传部', '信息化建设与管理处', '校团委']) {
      expect(data.units.map((u) => u.name)).toContain(name);
    }
    for (const u of data.units.filter((u) => u.kind === '学生组织' || u.kind === '社团')) expect(u.parentId).toBeDefined();
  });

  it('has about 40 people, teachers and not, in both statuses', () => {
    expect(data.people.length).toBeGreaterThanOrEqual(38);
    expect(new Set(data.people.map((p) => p.status))).toEqual(new Set(PERSON_STATUSES));
    expect(data.people.some((p) => p.isTeacher)).toBe(true);
    expect(data.people.some((p) => !p.isTeacher)).toBe(true);
  });

  it('includes names with rare characters, one outside the BMP (𠮷)', () => {
    const names = data.people.map((p) => p.name).join('');
    for (const ch of ['𠮷', '堃', '赟', '喆', '龘']) expect(names).toContain(ch);
    const jiPerson = data.people.find((p) => p.name.includes('𠮷'));
    expect(jiPerson && [...jiPerson.name].some((c) => (c.codePointAt(0) ?? 0) > 0xffff)).toBe(true);
  });

  it('has 30+ platforms covering every platform kind and lifecycle status', () => {
    expect(data.platforms.length).toBeGreaterThanOrEqual(30);
    expect(new Set(data.platforms.map((p) => p.kind))).toEqual(new Set(PLATFORM_KINDS));
    expect(new Set(data.platforms.map((p) => p.status))).toEqual(new Set(LIFECYCLE_STATUSES));
  });

  it('records the current status as the last entry of its dated history', () => {
    for (const p of data.platforms) {
      expect(p.statusHistory.at(-1)?.value, p.name).toBe(p.status);
      const dates = p.statusHistory.map((h) => h.date);
      expect([...dates].sort()).toEqual(dates);
    }
  });

  it('only references ids that exist', () => {
    const unitIds = new Set(data.units.map((u) => u.id));
    const personIds = new Set(data.people.map((p) => p.id));
    const unitRefs = [
      ...data.units.map((u) => u.parentId),
      ...data.people.map((p) => p.unitId),
      ...data.platforms.flatMap((p) => [p.hostUnitId, p.sponsorUnitId]),
    ];
    const personRefs = [
      ...data.units.flatMap((u) => [u.firstResponsibleId, u.partySecretaryId, u.contactId]),
      ...data.platforms.flatMap((p) => [
        p.guidingTeacherId, p.responsibleId, p.businessLeadId, p.technicalLeadId, p.chiefAdminId,
        ...p.sectionAdminIds, p.group?.ownerId, p.group?.supervisorId,
      ]),
    ];
    for (const id of unitRefs) if (id !== undefined) expect(unitIds.has(id)).toBe(true);
    for (const id of personRefs) if (id !== undefined) expect(personIds.has(id)).toBe(true);
  });

  it('passes the validation every edit dialog applies', () => {
    for (const u of data.units) expect(validateUnit(u, { today: TODAY }), u.name).toMatchObject({ ok: true });
    for (const p of data.people) expect(validatePerson(p, { today: TODAY }), p.name).toMatchObject({ ok: true });
    for (const p of data.platforms) expect(validatePlatform(p, { today: TODAY }), p.name).toMatchObject({ ok: true });
  });

  it('has at least two people 离岗 with a date, one of whom still holds a platform role', () => {
    const left = data.people.filter((p) => p.status === '离岗');
    expect(left.length).toBeGreaterThanOrEqual(2);
    for (const p of left) expect(p.statusDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const leftIds = new Set(left.map((p) => p.id));
    const stillHolding = data.platforms.filter((pl) => PLATFORM_ROLE_FIELDS.some((field) => leftIds.has(String(pl[field]))));
    expect(stillHolding.length).toBeGreaterThanOrEqual(2);
  });

  it('gives work groups an owner, member count, real-name checks and a supervisor', () => {
    const groups = data.platforms.filter((p) => isGroupKind(p.kind));
    expect(groups.length).toBeGreaterThanOrEqual(3);
    for (const g of groups) {
      expect(g.group?.ownerId).toBeDefined();
      expect(g.group?.memberCount).toBeGreaterThan(0);
      expect(g.group?.realNameCheckDates.length).toBeGreaterThan(0);
      expect(g.group?.supervisorId).toBeDefined();
    }
    for (const p of data.platforms.filter((p) => !isGroupKind(p.kind))) expect(p.group).toBeUndefined();
  });

  it('gives student-organisation accounts a sponsoring unit and guiding teacher (003 第六条, 004 第三条)', () => {
    const studentUnitIds = new Set(data.units.filter((u) => u.kind === '学生组织' || u.kind === '社团').map((u) => u.id));
    const studentAccounts = data.platforms.filter((p) => p.hostUnitId && studentUnitIds.has(p.hostUnitId));
    expect(studentAccounts.length).toBeGreaterThanOrEqual(2);
    for (const p of studentAccounts) {
      expect(p.sponsorUnitId).toBeDefined();
      expect(p.guidingTeacherId).toBeDefined();
    }
  });

  it('has follower histories with several dated counts and some stale accounts', () => {
    expect(data.platforms.filter((p) => p.followers.length >= 3).length).toBeGreaterThanOrEqual(5);
    const staleBefore = '2026-05-22'; // six months before today
    expect(data.platforms.filter((p) => p.lastUpdateOn && p.lastUpdateOn < staleBefore).length).toBeGreaterThanOrEqual(2);
    expect(data.platforms.some((p) => p.server.involvesData && p.server.location)).toBe(true);
  });

  it('has the library website and service account with the columns of seed 000 附表2 and 附件3', () => {
    const site = data.platforms.find((p) => p.kind === '官方网站' && p.name.includes('图书馆'));
    expect(site?.columns).toContainEqual(expect.objectContaining({ level1: '资源', department: '采编部' }));
    expect(site?.columns.length).toBeGreaterThanOrEqual(20);
    const wechat = data.platforms.find((p) => p.kind === '微信服务号' && p.name.includes('图书馆'));
    expect(wechat?.columns).toContainEqual(expect.objectContaining({ level1: '我的图书馆', level2: '馆藏查询', department: '技术部' }));
  });

  it("finds the library by pinyin initials 'tsg'", () => {
    const found = data.platforms.filter((p) => matchesSearch(buildSearchKey([p.name, p.accountId]), 'tsg'));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => p.name.includes('图书馆'))).toBe(true);
  });
});

describe('createDemoDataset: the paper trail (approvals … trainings)', () => {
  const ids = Object.fromEntries(RECORD_TABLES.map((t) => [t, new Set<string>(data[t].map((r) => r.id))])) as Record<RecordTable, Set<string>>;
  const platformOf = (id: string | undefined) => data.platforms.find((p) => p.id === id);
  const personOf = (id: string | undefined) => data.people.find((p) => p.id === id);

  it('resolves every id-holding field of every table into the table it names', () => {
    let checked = 0;
    for (const [key, value, path] of RECORD_TABLES.flatMap((t) => [...entries(data[t], t)])) {
      if (!/Ids?$/.test(key) || key === 'accountId') continue; // accountId: the account's own name (微信号, URL)
      const table = REFERENCE_TABLES[key];
      expect(table, `unmapped reference field ${path}`).toBeDefined();
      for (const id of Array.isArray(value) ? value : [value]) {
        expect(typeof id === 'string' && ids[table!].has(id), `${path} → ${String(id)} in ${table}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('holds no password: password-ish keys carry only dates or person ids, no text reads like a secret', () => {
    const secretKey = /password|passwd|pwd|secret|密码|口令/i;
    const secretText = /(password|passwd|pwd|密码|口令)\s*(是|为|[:：=])/i;
    let passwordKeys = 0;
    for (const [key, value, path] of entries(data)) {
      if (secretKey.test(key)) {
        passwordKeys++;
        // passwordChangedOn → a date; passwordChangeConfirmedById → a person's id. Nothing else.
        if (key.endsWith('Id')) expect(ids.people.has(String(value)), path).toBe(true);
        else expect(value, path).toMatch(DATE_RE);
      }
      if (typeof value === 'string') expect(value, path).not.toMatch(secretText);
    }
    expect(passwordKeys).toBeGreaterThanOrEqual(data.envelopes.length);
    // An envelope lists what is inside by label only.
    for (const e of data.envelopes) for (const item of e.items) expect(ENVELOPE_ITEMS as readonly string[]).toContain(item);
  });

  it('dates every record no later than today, except what is planned or due', () => {
    const future = new Set(['plannedAt', 'dueDate', 'nextChangeDue']);
    for (const [key, value, path] of entries(data)) {
      if (typeof value !== 'string' || future.has(key) || !/^\d{4}-\d{2}-\d{2}/.test(value)) continue;
      expect(value.slice(0, 10) <= TODAY, `${path} = ${value}`).toBe(true);
    }
  });

  it('has opening applications, filings and change/closure filings due 5 working days after the change (001 第五条, 004 第六条)', () => {
    expect(data.approvals.length).toBeGreaterThanOrEqual(6);
    expect(new Set(data.approvals.map((a) => a.kind))).toEqual(new Set(APPROVAL_KINDS));
    const changes = data.approvals.filter((a) => a.kind === '变更备案' || a.kind === '注销备案');
    for (const a of changes) {
      expect(a.changes.length, a.id).toBeGreaterThan(0);
      for (const c of a.changes) expect(c.before).not.toBe(c.after);
      // Counted on the holiday calendar by the one rule, so a due date is always a working day.
      expect(a.dueDate, a.id).toBe(addWorkingDays(a.changeDate!, 5));
      expect(isWorkingDay(a.dueDate!), a.id).toBe(true);
    }
    expect(changes.some((a) => a.changes.some((c) => c.field.includes('管理员')))).toBe(true);
    // One filing is overdue and not yet signed: the compliance calendar has something to show.
    expect(changes.some((a) => !a.filedOn && a.dueDate! < TODAY)).toBe(true);
  });

  it('has reviews that follow the profile review chain with teacher reviewers (004 通知 二)', () => {
    const chain = getPreset(data.profileId)!.reviewChain;
    expect(data.reviews.length).toBeGreaterThanOrEqual(8);
    for (const r of data.reviews) {
      const rules = chain.filter((rule) => !rule.onlyForMajor || r.major);
      expect(r.steps.map((s) => s.roleLabel), r.title).toEqual(rules.map((rule) => rule.roleLabel));
      r.steps.forEach((s, i) => {
        expect(s.reviewerIds.length).toBeGreaterThanOrEqual(rules[i]!.minSigners);
        if (rules[i]!.mustBeTeacher) for (const id of s.reviewerIds) expect(personOf(id)?.isTeacher, r.title).toBe(true);
      });
      if (r.publishedAt) {
        expect(r.publishedUrl).toBeTruthy();
        expect(r.steps.every((s) => s.decision === '通过')).toBe(true);
      }
    }
    expect(data.reviews.filter((r) => r.publishedAt).length).toBeGreaterThanOrEqual(4);
    const returned = data.reviews.find((r) => r.steps.some((s) => s.decision === '退回修改'));
    expect(returned?.publishedAt).toBeUndefined();
    expect(data.reviews.some((r) => r.major)).toBe(true);
    const again = data.reviews.find((r) => r.originalReviewId);
    const original = data.reviews.find((r) => r.id === again?.originalReviewId);
    expect(original?.corrections.length).toBeGreaterThan(0);
    expect(again!.publishedAt! > original!.publishedAt!).toBe(true);
  });

  it('has sealed envelopes, one opened and replaced by a newer one (003 第十七条)', () => {
    expect(data.envelopes.length).toBeGreaterThanOrEqual(6);
    expect(new Set(data.envelopes.map((e) => e.number)).size).toBe(data.envelopes.length);
    const opened = data.envelopes.find((e) => e.openings.length > 0);
    expect(opened?.openings[0]).toMatchObject({ reason: expect.any(String), byId: expect.any(String), approvedById: expect.any(String) });
    const successor = data.envelopes.find((e) => e.id === opened?.replacedById);
    expect(successor?.platformId).toBe(opened?.platformId);
    expect(successor!.sealedOn >= opened!.openings[0]!.at.slice(0, 10)).toBe(true);
  });

  it('has handovers: one complete with the password changed afterwards, one pending (000 第六条)', () => {
    expect(data.handovers.length).toBeGreaterThanOrEqual(3);
    const complete = data.handovers.filter((h) => h.passwordChangedOn && h.checklist.every((c) => c.done));
    expect(complete.length).toBeGreaterThanOrEqual(1);
    for (const h of complete) expect(h.passwordChangedOn! >= h.date).toBe(true);
    expect(data.handovers.some((h) => !h.passwordChangedOn && h.checklist.some((c) => !c.done))).toBe(true);
    for (const h of data.handovers) expect(h.outgoingId).not.toBe(h.incomingId);
  });

  it('inspects most active accounts last year and this year, with 限期整改 and 关停注销 (004 第十一条)', () => {
    const year = Number(TODAY.slice(0, 4));
    const active = data.platforms.filter((p) => !isGroupKind(p.kind) && (p.status === '运行中' || p.status === '整改中'));
    for (const y of [year - 1, year]) {
      const covered = new Set(data.inspections.filter((i) => i.year === y).map((i) => i.platformId));
      expect(covered.size, String(y)).toBeGreaterThan(active.length / 2);
    }
    const keys = data.inspections.map((i) => `${i.year}/${i.platformId}`);
    expect(new Set(keys).size).toBe(keys.length);
    const results = new Set(data.inspections.map((i) => i.result));
    for (const r of INSPECTION_RESULTS) expect(results).toContain(r);
    for (const i of data.inspections) {
      expect(i.checks.length).toBeGreaterThan(0);
      expect(i.selfAssessment).toBeTruthy();
      if (i.result && i.result !== '合格') expect(i.checks.some((c) => !c.ok && c.note)).toBe(true);
    }
    const closed = data.inspections.find((i) => i.result === '关停注销');
    expect(platformOf(closed?.platformId)?.status).toBe('已注销');
  });

  it('has incidents of every kind with the seed actions, group problems logged per group (003 第二十三条)', () => {
    expect(data.incidents.length).toBeGreaterThanOrEqual(8);
    expect(new Set(data.incidents.map((i) => i.kind))).toEqual(new Set(INCIDENT_KINDS));
    for (const i of data.incidents) {
      for (const a of i.actions) expect(INCIDENT_ACTIONS as readonly string[]).toContain(a);
      if (i.closedOn) expect(i.closedOn >= i.date).toBe(true);
    }
    const groupProblems = data.incidents.filter((i) => i.kind === '问题登记' && isGroupKind(platformOf(i.platformId)?.kind ?? '其他'));
    expect(groupProblems.length).toBeGreaterThanOrEqual(4);
    expect(data.incidents.some((i) => i.closedOn)).toBe(true);
    expect(data.incidents.some((i) => !i.closedOn)).toBe(true);
    expect(data.incidents.filter((i) => i.kind === '举报投诉').every((i) => !i.closedOn || i.feedback)).toBe(true);
  });

  it('trains every team, at least once in each semester of the year (003 第十五条)', () => {
    expect(data.trainings.length).toBeGreaterThanOrEqual(4);
    expect(new Set(data.trainings.map((t) => t.team))).toEqual(new Set(TRAINING_TEAMS));
    const months = data.trainings.map((t) => Number(t.date.slice(5, 7)));
    expect(months.some((m) => m >= 2 && m <= 7)).toBe(true); // spring semester
    expect(months.some((m) => m >= 9 || m === 1)).toBe(true); // autumn semester
    for (const t of data.trainings) {
      expect(t.attendeeIds.length).toBeGreaterThanOrEqual(5);
      expect([0, 6]).not.toContain(new Date(`${t.date}T00:00:00Z`).getUTCDay());
    }
    expect(data.trainings.some((t) => t.speaker?.includes('𠮷'))).toBe(true);
  });

  it('keeps the paper trail consistent for another `today`', () => {
    const earlier = createDemoDataset({ today: '2025-03-01' });
    const platformIds = new Set(earlier.platforms.map((p) => p.id));
    for (const r of [...earlier.approvals, ...earlier.reviews, ...earlier.envelopes, ...earlier.handovers, ...earlier.inspections]) {
      expect(platformIds.has(r.platformId)).toBe(true);
    }
    // This year's self-assessments are due in November: none yet on 1 March.
    expect(earlier.inspections.some((i) => i.year === 2025)).toBe(false);
    expect(earlier.inspections.some((i) => i.year === 2024)).toBe(true);
  });
});
