// The demo dataset: deterministic, complete (every kind and status), internally consistent, and
// valid by the same rules the edit dialogs apply.
import { describe, expect, it } from 'vitest';
import { createDemoDataset } from '@shared/demo/demo-dataset';
import { PERSON_STATUSES } from '@shared/domain/person';
import { LIFECYCLE_STATUSES, PLATFORM_KINDS, PLATFORM_ROLE_FIELDS, isGroupKind } from '@shared/domain/platform';
import { UNIT_KINDS } from '@shared/domain/unit';
import { validatePerson, validatePlatform, validateUnit } from '@shared/domain/validation';
import { getPreset } from '@shared/profiles/presets';
import { buildSearchKey, matchesSearch } from '@shared/search/pinyin-search';

const TODAY = '2026-11-22';
const data = createDemoDataset();
const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

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
    const records = [...data.units, ...data.people, ...data.platforms];
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
    const stillHolding = data.platforms.filter((pl) => PLATFORM_ROLE_FIELDS.some(([field]) => leftIds.has(String(pl[field]))));
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
