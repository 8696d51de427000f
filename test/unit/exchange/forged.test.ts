// Packages no writer makes, with a correct checksum (it has no key, so anyone can compute one):
// one that carries another unit's records, which would overwrite that unit's registry here, and
// one stamped in the future, which would make every later genuine package look older. Both are
// refused by the reader, so nothing changes; every genuine package, sub-units and all, still imports.
import 'fake-indexeddb/auto'; // before anything loads Dexie, which looks for IndexedDB when loaded
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXCHANGE_TABLES, packageChecksum, type ExchangePackage } from '@shared/exchange/format';
import { CLOCK_SKEW_MS, readPackage } from '@shared/exchange/package-reader';
import type { BaseRecord } from '@shared/domain/common';
import type { Person } from '@shared/domain/person';
import type { Platform } from '@shared/domain/platform';
import type { Unit } from '@shared/domain/unit';
import type { LedgerDb } from '../../../renderer/db/schema';
import { mergePackage, previewImport } from '../../../renderer/db/exchange';
import { createRecord, updateRecord } from '../../../renderer/db/repository';
import { CS_COLLEGE, demo, dump, exportAndRead, later, openDb, platformOf, unitId } from './fixture';

const MARXISM = '马克思主义学院';
const LIBRARY = '图书馆';
const FUTURE = '2099-01-01T00:00:00.000Z';

let clerk: LedgerDb;
let office: LedgerDb;

beforeEach(async () => {
  clerk = await openDb({ operator: '学院办公室' });
  office = await openDb({ operator: '宣传部网宣室' });
});
afterEach(async () => {
  await clerk.delete();
  await office.delete();
});

type PackageObject = Record<string, unknown> & { exportedAt: string; records: Record<string, Record<string, unknown>[]> };

function asObject(bytes: Uint8Array): PackageObject {
  return JSON.parse(new TextDecoder().decode(bytes)) as PackageObject;
}

/** The file a forger makes: edited content, checksum recomputed. */
function encode(obj: PackageObject): Uint8Array {
  const { sha256: _old, ...body } = obj;
  return new TextEncoder().encode(JSON.stringify({ ...body, sha256: packageChecksum(body) }));
}

/** The 宣传部's whole import: read, and if the file were accepted, merge what the plan ticks. */
async function importFile(bytes: Uint8Array): Promise<ReturnType<typeof readPackage>> {
  const read = readPackage(bytes);
  if (read.ok) {
    const plan = await previewImport(office, read.package);
    await mergePackage(office, read.package, plan, new Set(plan.items.filter((i) => i.preselected).map((i) => i.key)));
  }
  return read;
}

/** Expects the file refused with `reason` and the 宣传部's database exactly as it was. */
async function expectRefused(bytes: Uint8Array, reason: RegExp | string): Promise<void> {
  const before = await dump(office);
  const read = await importFile(bytes);
  expect(read).toMatchObject({ ok: false, reason: typeof reason === 'string' ? expect.stringContaining(reason) : expect.stringMatching(reason) });
  if (!read.ok) expect(read.reason).toMatch(/不能导入，本机数据未做任何更改/);
  expect(await dump(office)).toEqual(before);
}

function recordOf(obj: PackageObject, table: string, id: string): Record<string, unknown> {
  const found = obj.records[table]!.find((r) => r.id === id);
  if (!found) throw new Error(`no ${table}/${id} in the package`);
  return found;
}

describe('a package holding another unit’s records is refused, changing nothing', () => {
  it('the reviewer’s case: 马院’s unit, renamed and newer, inside the 计算机学院 package (the plan alone would also hold it back as 不属于导出单位)', async () => {
    // 马院's clerk edits the unit and the 宣传部 merges it: its stored copy is now "last written by a merge".
    const marxism = unitId(MARXISM);
    await updateRecord<Unit>(clerk, 'units', marxism, { note: '学院办公室核对' });
    const { pkg: marxismPkg } = await exportAndRead(clerk, MARXISM);
    const plan = await previewImport(office, marxismPkg);
    await mergePackage(office, marxismPkg, plan, new Set([`units/${marxism}`]));

    const forged = asObject((await exportAndRead(clerk, CS_COLLEGE)).bytes);
    const stolen = { ...structuredClone(marxismPkg.records.units.find((u) => u.id === marxism)!), name: '被改名', updatedAt: later(1).toISOString() };
    forged.records.units!.push(stolen as unknown as Record<string, unknown>);

    // Were the reader not to guard against it, the plan would not update 马院 either: stored here,
    // 马院 is not below the exporting unit (see foreign.test.ts for the forgery the reader passes).
    const unguarded = await previewImport(office, forged as unknown as ExchangePackage);
    expect(unguarded.items.find((i) => i.key === `units/${marxism}`)).toMatchObject({ status: 'foreign', preselected: false });

    await expectRefused(encode(forged), '数据包含不属于导出单位的单位：“被改名”');
    expect((await office.units.get(marxism))?.name).toBe(MARXISM);
  });

  it('a unit placed above the exporting unit is not below it either', async () => {
    const forged = asObject((await exportAndRead(clerk, CS_COLLEGE)).bytes);
    const library = (await exportAndRead(clerk, LIBRARY)).pkg.records.units.find((u) => u.id === unitId(LIBRARY))!;
    forged.records.units!.push(library as unknown as Record<string, unknown>);
    recordOf(forged, 'units', unitId(CS_COLLEGE)).parentId = library.id;
    await expectRefused(encode(forged), `数据包含不属于导出单位的单位：“${LIBRARY}”`);
  });

  it('a platform hosted by another unit', async () => {
    const forged = asObject((await exportAndRead(clerk, CS_COLLEGE)).bytes);
    const site = platformOf('东湖示范大学图书馆网站');
    const stolen = (await exportAndRead(clerk, LIBRARY)).pkg.records.platforms.find((p) => p.id === site.id)!;
    forged.records.platforms!.push({ ...stolen, name: '被改名' } as unknown as Record<string, unknown>);
    await expectRefused(encode(forged), '数据包含不属于导出单位的平台：“被改名”（主办单位不是导出单位“计算机与人工智能学院”或其下级单位）');
  });

  it('a filing of a platform the package does not hold', async () => {
    const forged = asObject((await exportAndRead(clerk, CS_COLLEGE)).bytes);
    const libraryPkg = (await exportAndRead(clerk, LIBRARY)).pkg;
    expect(libraryPkg.records.approvals.length).toBeGreaterThan(0);
    forged.records.approvals!.push(libraryPkg.records.approvals[0] as unknown as Record<string, unknown>);
    await expectRefused(encode(forged), `数据包含不属于导出单位的开通与备案记录：第 ${forged.records.approvals!.length} 条（所属平台不在数据包中）`);
  });

  it('a person of another unit whom none of the package’s units or platforms names', async () => {
    const forged = asObject((await exportAndRead(clerk, CS_COLLEGE)).bytes);
    const person = demo.people.find((p) => p.name === '邓红梅')!;
    expect(person.unitId).toBe(unitId(MARXISM));
    expect(JSON.stringify(forged.records)).not.toContain(person.id);
    const stored = (await exportAndRead(clerk, MARXISM)).pkg.records.people.find((p) => p.id === person.id)!;
    forged.records.people!.push({ ...stored, phone: '13800000000' } as unknown as Record<string, unknown>);
    await expectRefused(encode(forged), '数据包含不属于导出单位的人员：“邓红梅”');
  });

  it('a person of another unit a platform of the package names travels (the writer’s own rule) and is accepted', async () => {
    const { pkg } = await exportAndRead(clerk, CS_COLLEGE);
    const unitIds = new Set(pkg.records.units.map((u) => u.id));
    const lead = pkg.records.people.find((p) => p.id === platformOf('计算机与人工智能学院网站').technicalLeadId)!;
    expect(lead.unitId !== undefined && !unitIds.has(lead.unitId)).toBe(true);
  });
});

describe('genuine packages are accepted', () => {
  it('every unit’s package, whatever its place in the tree', async () => {
    for (const unit of demo.units) {
      const { pkg } = await exportAndRead(clerk, unit.name);
      expect(pkg.unit.id, unit.name).toBe(unit.id);
    }
  });

  it('a unit with sub-units two levels down, their people and platforms, imports and merges', async () => {
    const acm = unitId('ACM程序设计协会');
    const team = await createRecord<Unit>(clerk, 'units', { name: 'ACM算法组', kind: '学生组织', parentId: acm });
    const captain = await createRecord<Person>(clerk, 'people', { name: '算法组组长', unitId: team.id, isTeacher: false, status: '在岗' });
    const outsider = await createRecord<Person>(clerk, 'people', { name: '校外指导', isTeacher: false, status: '在岗' });
    const platform = await createRecord<Platform>(clerk, 'platforms', {
      ...structuredClone(platformOf('东湖计算机与人工智能')),
      name: 'ACM算法组',
      accountId: 'acm_algo',
      hostUnitId: team.id,
      responsibleId: captain.id,
      guidingTeacherId: outsider.id,
    } as Omit<Platform, 'id' | 'createdAt' | 'updatedAt'>);
    const { pkg } = await exportAndRead(clerk, CS_COLLEGE);
    const keys = [`units/${team.id}`, `people/${captain.id}`, `people/${outsider.id}`, `platforms/${platform.id}`];

    const plan = await previewImport(office, pkg);
    expect(plan.counts).toMatchObject({ new: 4, duplicate: 0, changed: 0, conflict: 0 });
    expect(plan.items.filter((i) => i.preselected).map((i) => i.key).sort()).toEqual(keys.sort());
    expect(await mergePackage(office, pkg, plan, new Set(keys))).toMatchObject({ written: 4 });
    expect(await office.platforms.get(platform.id)).toEqual(await clerk.platforms.get(platform.id));
    expect(await office.people.get(outsider.id)).toEqual(await clerk.people.get(outsider.id));
  });
});

describe('a package stamped later than the import is refused, changing nothing', () => {
  it('a record changed "in 2099"', async () => {
    const obj = asObject((await exportAndRead(clerk, CS_COLLEGE)).bytes);
    const site = recordOf(obj, 'platforms', platformOf('计算机与人工智能学院网站').id);
    Object.assign(site, { measures: '来自未来', updatedAt: FUTURE });
    const index = obj.records.platforms!.indexOf(site) + 1;
    await expectRefused(encode(obj), `数据包中第 ${index} 条平台记录“计算机与人工智能学院网站”的修改时间（${FUTURE}）晚于本机当前时间`);
  });

  it('a record created or moved to the trash in the future', async () => {
    const obj = asObject((await exportAndRead(clerk, CS_COLLEGE)).bytes);
    const created = structuredClone(obj);
    recordOf(created, 'units', unitId(CS_COLLEGE)).createdAt = FUTURE;
    await expectRefused(encode(created), `单位记录“${CS_COLLEGE}”的创建时间（${FUTURE}）晚于本机当前时间`);
    const trashed = structuredClone(obj);
    trashed.records.people![0]!.deletedAt = FUTURE;
    await expectRefused(encode(trashed), /第 1 条人员记录“.+”的移入回收站的时间（2099-01-01T00:00:00\.000Z）晚于本机当前时间/);
  });

  it('a package exported in the future', async () => {
    const obj = asObject((await exportAndRead(clerk, CS_COLLEGE)).bytes);
    await expectRefused(encode({ ...obj, exportedAt: FUTURE }), `数据包的导出时间（${FUTURE}）晚于本机当前时间`);
  });

  it('allows a day of clock skew between the two computers, and no more', async () => {
    const { bytes, pkg } = await exportAndRead(clerk, CS_COLLEGE);
    const records = EXCHANGE_TABLES.flatMap((table): readonly BaseRecord[] => pkg.records[table]);
    const times = [pkg.exportedAt, ...records.flatMap((r) => [r.createdAt, r.updatedAt, r.deletedAt ?? ''])];
    const latest = Math.max(...times.filter(Boolean).map((t) => Date.parse(t)));
    const hour = 3_600_000;
    expect(readPackage(bytes, new Date(latest)).ok).toBe(true);
    expect(readPackage(bytes, new Date(latest - CLOCK_SKEW_MS + hour)).ok).toBe(true);
    expect(readPackage(bytes, new Date(latest - CLOCK_SKEW_MS - hour))).toMatchObject({ ok: false, reason: expect.stringContaining('晚于本机当前时间') });
  });
});
