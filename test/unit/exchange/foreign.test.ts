// Records a package holds that belong HERE to another unit than the exporting one. The reader
// judges a package's unit subtree by the package's own parentIds, which a forger controls: moving
// 马克思主义学院 under 计算机与人工智能学院 inside the package (checksum recomputed) passes it. The
// plan judges by what is stored here: such a record is 不属于导出单位 ('foreign'), shown with the
// unit it belongs to here, never ticked, cannot be ticked, and a merge that accepts it anyway is
// refused (then and inside the transaction), changing nothing. Referring to a person of another
// unit is fine; updating them from this package is not. Genuine packages plan and merge as before.
import 'fake-indexeddb/auto'; // before anything loads Dexie, which looks for IndexedDB when loaded
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '@shared/domain/ids';
import type { Person } from '@shared/domain/person';
import type { Platform } from '@shared/domain/platform';
import type { Approval } from '@shared/domain/records';
import type { Unit } from '@shared/domain/unit';
import { EXCHANGE_TABLES, packageChecksum, type ExchangePackage } from '@shared/exchange/format';
import { readPackage } from '@shared/exchange/package-reader';
import { STATUS_LABELS, type ImportPlan, type PlanItem } from '@shared/exchange/plan';
import type { LedgerDb } from '../../../renderer/db/schema';
import { mergePackage, previewImport } from '../../../renderer/db/exchange';
import { createRecord, updateRecord } from '../../../renderer/db/repository';
import { CS_COLLEGE, demo, dump, exportAndRead, later, openDb, platformOf, unitId } from './fixture';

const MARXISM = '马克思主义学院';
const INFO = '信息化建设与管理处';
const SITE = '计算机与人工智能学院网站'; // its 技术负责人 覃海涛 is of 信息化建设与管理处
const MARX_WECHAT = '东湖马院';
const ACM = 'ACM程序设计协会'; // below 计算机与人工智能学院
const CS_PARTY = '计算机与人工智能学院党委'; // below 计算机与人工智能学院

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

type Loose = Record<string, unknown>;
type PackageObject = Loose & { records: Record<string, Loose[]> };

function asObject(bytes: Uint8Array): PackageObject {
  return JSON.parse(new TextDecoder().decode(bytes)) as PackageObject;
}

/** What a forger does: edit the content, recompute the checksum, and the reader must accept it. */
function forge(obj: PackageObject): ExchangePackage {
  const { sha256: _old, ...body } = obj;
  const read = readPackage(new TextEncoder().encode(JSON.stringify({ ...body, sha256: packageChecksum(body) })));
  if (!read.ok) throw new Error(`the reader refused the forgery: ${read.reason}`);
  return read.package;
}

function item(plan: ImportPlan, table: string, id: string): PlanItem {
  const found = plan.items.find((i) => i.key === `${table}/${id}`);
  if (!found) throw new Error(`no plan item ${table}/${id}`);
  return found;
}

const preselected = (plan: ImportPlan) => new Set(plan.items.filter((i) => i.preselected).map((i) => i.key));
const person = (name: string) => demo.people.find((p) => p.name === name)!;
const draft = <T,>(record: T): T => {
  const { id: _i, createdAt: _c, updatedAt: _u, ...rest } = structuredClone(record) as T & { id: string; createdAt: string; updatedAt: string };
  return rest as T;
};

/** 马院's clerk edits 马院 and the 宣传部 merges 马院's own package: its stored copy is "last written by a merge". */
async function officeHoldsMarxismFromItsOwnPackage(db: LedgerDb = office): Promise<void> {
  await updateRecord<Unit>(clerk, 'units', unitId(MARXISM), { note: '学院办公室核对' });
  const { pkg } = await exportAndRead(clerk, MARXISM);
  const plan = await previewImport(db, pkg);
  await mergePackage(db, pkg, plan, new Set(plan.items.filter((i) => i.status !== 'same').map((i) => i.key)));
}

/** The forgery: 计算机学院's package with 马院 moved under 计算机学院, renamed, newer. */
async function reparentedMarxism(): Promise<PackageObject> {
  const obj = asObject((await exportAndRead(clerk, CS_COLLEGE)).bytes);
  const marxism = (await exportAndRead(clerk, MARXISM)).pkg.records.units.find((u) => u.id === unitId(MARXISM))!;
  obj.records.units!.push({ ...structuredClone(marxism), parentId: unitId(CS_COLLEGE), name: '被改名', updatedAt: later(1).toISOString() } as unknown as Loose);
  return obj;
}

describe('the re-parented 马院 forgery (accepted by the reader)', () => {
  it('is 不属于导出单位: shown beside the stored 马院 with where it belongs here, not ticked, and nothing else changes', async () => {
    await officeHoldsMarxismFromItsOwnPackage();
    const marxism = unitId(MARXISM);
    const genuine = await previewImport(office, (await exportAndRead(clerk, CS_COLLEGE)).pkg);
    const pkg = forge(await reparentedMarxism());

    const plan = await previewImport(office, pkg);
    expect(STATUS_LABELS.foreign).toBe('不属于导出单位');
    expect(plan.counts).toEqual({ ...genuine.counts, foreign: 1 });
    const forged = item(plan, 'units', marxism);
    expect(forged).toMatchObject({ status: 'foreign', preselected: false, belongsTo: '在本机没有上级单位', local: { name: MARXISM } });
    expect(forged.reason).toBeUndefined();
    expect(forged.blocked).toBe('单位“被改名”（本机名称为“马克思主义学院”）在本机没有上级单位，不是导出单位“计算机与人工智能学院”或其下级单位，不能从此数据包合并');
    expect(forged.note).toMatch(/^在本机没有上级单位，不属于导出单位“计算机与人工智能学院”或其下级单位。数据包只能更新本机中属于导出单位及其下级单位的记录/);
    // Side by side: the move and the new name are the differences.
    expect(forged.fields.filter((f) => f.differs)).toEqual([
      { field: 'name', label: '单位名称', local: MARXISM, incoming: '被改名', differs: true },
      { field: 'parentId', label: '上级单位', local: '', incoming: CS_COLLEGE, differs: true },
    ]);

    // What is ticked merges, and 马院 stays as it is.
    const before = await dump(office);
    expect(await mergePackage(office, pkg, plan, preselected(plan))).toMatchObject({ written: 0 });
    expect(await dump(office)).toEqual(before);
  });

  it('a merge that ticks it anyway is refused and changes nothing, audit log included', async () => {
    await officeHoldsMarxismFromItsOwnPackage();
    const marxism = unitId(MARXISM);
    const pkg = forge(await reparentedMarxism());
    const plan = await previewImport(office, pkg);
    const before = await dump(office);
    await expect(mergePackage(office, pkg, plan, new Set([`units/${marxism}`]))).rejects.toThrow(
      /^未合并：单位“被改名”（本机名称为“马克思主义学院”）在本机没有上级单位，不是导出单位“计算机与人工智能学院”或其下级单位，不能从此数据包合并，请取消勾选。$/,
    );
    await expect(mergePackage(office, pkg, plan, new Set(plan.items.map((i) => i.key)))).rejects.toThrow(/不能从此数据包合并/);
    // A plan claiming it is an ordinary update (made elsewhere, or tampered with) is refused inside the transaction.
    const claimed: ImportPlan = { ...plan, items: plan.items.map((i) => (i.key === `units/${marxism}` ? { ...i, status: 'changed', blocked: undefined, preselected: true } : i)) };
    await expect(mergePackage(office, pkg, claimed, new Set([`units/${marxism}`]))).rejects.toThrow(/^未合并任何记录：预览之后本机数据已有改动，单位“被改名”.*不能从此数据包合并。请重新选择数据包文件/);
    expect(await dump(office)).toEqual(before);
    expect((await office.units.get(marxism))?.name).toBe(MARXISM);
    expect((await office.units.get(marxism))?.parentId).toBeUndefined();
  });

  it('a preview made while 马院 was not stored here (新增 then) is refused once 马院 has been merged from its own package', async () => {
    const empty = await openDb({ empty: true, operator: '宣传部网宣室' });
    try {
      const cs = (await exportAndRead(clerk, CS_COLLEGE)).pkg;
      const first = await previewImport(empty, cs);
      await mergePackage(empty, cs, first, preselected(first));
      const pkg = forge(await reparentedMarxism());
      const stale = await previewImport(empty, pkg);
      // Records new here are not judged: this copy has never heard of 马院.
      expect(item(stale, 'units', unitId(MARXISM))).toMatchObject({ status: 'new', preselected: true });

      await officeHoldsMarxismFromItsOwnPackage(empty);
      const before = await dump(empty);
      await expect(mergePackage(empty, pkg, stale, preselected(stale))).rejects.toThrow(
        /^未合并任何记录：预览之后本机数据已有改动，单位“被改名”（本机名称为“马克思主义学院”）在本机没有上级单位，不是导出单位“计算机与人工智能学院”或其下级单位，不能从此数据包合并。请重新选择数据包文件/,
      );
      expect(await dump(empty)).toEqual(before);
      expect(item(await previewImport(empty, pkg), 'units', unitId(MARXISM)).status).toBe('foreign');
    } finally {
      await empty.delete();
    }
  });

  it('马院’s people, platforms and filings it carries are 不属于导出单位 too, and new records under them are held back', async () => {
    // 马院 has a filing here, merged from 马院's own package.
    const wechat = platformOf(MARX_WECHAT);
    const template = demo.approvals.find((a) => a.kind === '备案')!;
    const filing = await createRecord<Approval>(clerk, 'approvals', { ...draft(template), platformId: wechat.id });
    await officeHoldsMarxismFromItsOwnPackage();
    expect(await office.approvals.get(filing.id)).toBeTruthy();

    const obj = await reparentedMarxism();
    const teacher = person('邓红梅');
    const marxPkg = (await exportAndRead(clerk, MARXISM)).pkg;
    const stolen = <T,>(list: readonly T[], id: string) => structuredClone(list.find((r) => (r as { id: string }).id === id)!) as unknown as Loose;
    obj.records.people!.push({ ...stolen(marxPkg.records.people, teacher.id), phone: '13800000000' });
    obj.records.platforms!.push({ ...stolen(marxPkg.records.platforms, wechat.id), measures: '已被接管' });
    obj.records.approvals!.push({ ...stolen(marxPkg.records.approvals, filing.id), note: '改过' });
    // New records the forger adds under 马院: a platform, a filing of 马院's platform, a filing of that new platform.
    const added = { ...stolen(marxPkg.records.platforms, wechat.id), id: newId(), name: '马院新号', accountId: 'dhsf_marx_new' };
    const addedFiling = { ...stolen(marxPkg.records.approvals, filing.id), id: newId() };
    const addedFiling2 = { ...stolen(marxPkg.records.approvals, filing.id), id: newId(), platformId: added.id };
    obj.records.platforms!.push(added);
    obj.records.approvals!.push(addedFiling, addedFiling2);
    const pkg = forge(obj);

    const plan = await previewImport(office, pkg);
    expect(item(plan, 'people', teacher.id)).toMatchObject({ status: 'foreign', preselected: false, belongsTo: '在本机的所在单位是“马克思主义学院”' });
    expect(item(plan, 'platforms', wechat.id)).toMatchObject({
      status: 'foreign',
      preselected: false,
      blocked: '平台“东湖马院”在本机的主办单位是“马克思主义学院”，不属于导出单位“计算机与人工智能学院”或其下级单位，不能从此数据包合并',
    });
    expect(item(plan, 'approvals', filing.id)).toMatchObject({ status: 'foreign', belongsTo: '在本机属于平台“东湖马院”，该平台的主办单位是“马克思主义学院”' });
    // New here, so 新增, but merged they would land in 马院's registry: held back.
    expect(item(plan, 'platforms', added.id as string)).toMatchObject({
      status: 'new',
      preselected: false,
      blocked: '平台“马院新号”的主办单位“被改名”（本机名称为“马克思主义学院”）在本机不属于导出单位“计算机与人工智能学院”，合并会把这条记录放到其他单位名下，因此不能合并',
    });
    expect(item(plan, 'approvals', addedFiling.id as string)).toMatchObject({ status: 'new', preselected: false, blocked: expect.stringContaining('的平台“东湖马院”在本机不属于导出单位') });
    expect(item(plan, 'approvals', addedFiling2.id as string)).toMatchObject({ status: 'new', preselected: false, blocked: expect.stringContaining('的平台“马院新号”不能合并，因此这条记录也不能合并') });
    expect(plan.counts.foreign).toBe(4);

    const before = await dump(office);
    expect(await mergePackage(office, pkg, plan, preselected(plan))).toMatchObject({ written: 0 });
    for (const key of [`people/${teacher.id}`, `platforms/${wechat.id}`, `approvals/${filing.id}`, `platforms/${added.id as string}`, `approvals/${addedFiling.id as string}`]) {
      await expect(mergePackage(office, pkg, plan, new Set([key])), key).rejects.toThrow(/^未合并：.*合并，请取消勾选。$/);
    }
    expect(await dump(office)).toEqual(before);
  });
});

describe('a person of another unit named by a platform of the package', () => {
  it('is 不属于导出单位 when their record differs, while the platform naming them merges', async () => {
    const site = platformOf(SITE);
    const lead = person('覃海涛');
    expect(site.technicalLeadId).toBe(lead.id);
    await updateRecord<Person>(clerk, 'people', lead.id, { phone: '13900000000' });
    await updateRecord<Platform>(clerk, 'platforms', site.id, { measures: '学院办公室每周检查' });
    const pkg = (await exportAndRead(clerk, CS_COLLEGE)).pkg;

    const plan = await previewImport(office, pkg);
    const planned = item(plan, 'people', lead.id);
    expect(planned).toMatchObject({
      status: 'foreign',
      preselected: false,
      belongsTo: '在本机的所在单位是“信息化建设与管理处”',
      blocked: '人员“覃海涛”在本机的所在单位是“信息化建设与管理处”，不属于导出单位“计算机与人工智能学院”或其下级单位，不能从此数据包合并',
      note: expect.stringContaining('数据包中的平台仍可以引用此人'),
    });
    expect(planned.fields.filter((f) => f.differs).map((f) => f.field)).toEqual(['phone']);
    const platform = item(plan, 'platforms', site.id);
    expect(platform).toMatchObject({ status: 'conflict', reason: 'never-merged' });
    expect(platform.blocked).toBeUndefined();
    expect(plan.counts).toMatchObject({ foreign: 1, conflict: 1, changed: 0, new: 0 });

    const before = await dump(office);
    await expect(mergePackage(office, pkg, plan, new Set([`people/${lead.id}`, `platforms/${site.id}`]))).rejects.toThrow(/^未合并：人员“覃海涛”在本机的所在单位是“信息化建设与管理处”.*请取消勾选。$/);
    expect(await dump(office)).toEqual(before);
    expect(await mergePackage(office, pkg, plan, new Set([`platforms/${site.id}`]))).toEqual({ written: 1, byStatus: { new: 0, changed: 0, conflict: 1 } });
    expect(await office.platforms.get(site.id)).toEqual(await clerk.platforms.get(site.id));
    expect((await office.platforms.get(site.id))?.technicalLeadId).toBe(lead.id);
    expect(await office.people.get(lead.id)).toEqual(before.people!.find((p) => (p as Person).id === lead.id));

    // Their own unit's package updates them.
    const infoPlan = await previewImport(office, (await exportAndRead(clerk, INFO)).pkg);
    expect(item(infoPlan, 'people', lead.id)).toMatchObject({ status: 'conflict', reason: 'never-merged' });
    expect(infoPlan.counts.foreign).toBe(0);
  });

  it('is 新增 (and merges) when this copy does not hold them yet', async () => {
    const empty = await openDb({ empty: true, operator: '宣传部网宣室' });
    try {
      const lead = person('覃海涛');
      const plan = await previewImport(empty, (await exportAndRead(clerk, CS_COLLEGE)).pkg);
      expect(item(plan, 'people', lead.id)).toMatchObject({ status: 'new', preselected: true });
    } finally {
      await empty.delete();
    }
  });

  it('a person stored without a unit belongs to the units whose records name them here', async () => {
    const site = platformOf(SITE);
    const wechat = platformOf(MARX_WECHAT);
    const outsider = await createRecord<Person>(clerk, 'people', { name: '校外指导', isTeacher: false, status: '在岗' });
    await updateRecord<Platform>(clerk, 'platforms', site.id, { guidingTeacherId: outsider.id });
    const sent = (await exportAndRead(clerk, CS_COLLEGE)).pkg;
    const first = await previewImport(office, sent);
    expect(item(first, 'people', outsider.id)).toMatchObject({ status: 'new', preselected: true });
    await mergePackage(office, sent, first, new Set([`people/${outsider.id}`, `platforms/${site.id}`]));

    // 计算机学院's platform names them here: its package may update them.
    await updateRecord<Person>(clerk, 'people', outsider.id, { phone: '13700000000' });
    const second = await previewImport(office, (await exportAndRead(clerk, CS_COLLEGE)).pkg);
    expect(item(second, 'people', outsider.id)).toMatchObject({ status: 'changed', preselected: true });

    // 马院's platform names them only in 马院's package, not here: 马院's package may refer to them, not update them.
    await updateRecord<Platform>(clerk, 'platforms', wechat.id, { guidingTeacherId: outsider.id });
    const marx = await previewImport(office, (await exportAndRead(clerk, MARXISM)).pkg);
    expect(item(marx, 'people', outsider.id)).toMatchObject({
      status: 'foreign',
      belongsTo: '在本机没有所在单位，本机中导出单位及其下级单位的单位和平台也没有登记此人',
    });
    expect(item(marx, 'platforms', wechat.id)).toMatchObject({ status: 'conflict' });
    expect(item(marx, 'platforms', wechat.id).blocked).toBeUndefined();
  });
});

describe('a unit given another parent unit', () => {
  it('within the exporting unit is a 冲突 (moved), not 有更新: shown with both parents, not ticked, and can be accepted', async () => {
    const acm = unitId(ACM);
    await updateRecord<Unit>(clerk, 'units', acm, { note: '第一次修改' });
    const sent = (await exportAndRead(clerk, CS_COLLEGE)).pkg;
    await mergePackage(office, sent, await previewImport(office, sent), new Set([`units/${acm}`]));

    // An edit alone would be 有更新 …
    await updateRecord<Unit>(clerk, 'units', acm, { note: '第二次修改' });
    expect(item(await previewImport(office, (await exportAndRead(clerk, CS_COLLEGE)).pkg), 'units', acm)).toMatchObject({ status: 'changed', preselected: true });
    // … a move is not applied without the clerk.
    await updateRecord<Unit>(clerk, 'units', acm, { parentId: unitId(CS_PARTY) });
    const pkg = (await exportAndRead(clerk, CS_COLLEGE)).pkg;
    const plan = await previewImport(office, pkg);
    const moved = item(plan, 'units', acm);
    expect(moved).toMatchObject({ status: 'conflict', reason: 'moved', preselected: false, note: `上级单位不同：本机为“${CS_COLLEGE}”，导入为“${CS_PARTY}”` });
    expect(moved.blocked).toBeUndefined();
    expect(moved.fields.find((f) => f.field === 'parentId')).toMatchObject({ local: CS_COLLEGE, incoming: CS_PARTY, differs: true });
    expect(await mergePackage(office, pkg, plan, new Set([`units/${acm}`]))).toMatchObject({ written: 1, byStatus: { conflict: 1 } });
    expect((await office.units.get(acm))?.parentId).toBe(unitId(CS_PARTY));
  });

  it('the exporting unit itself moved under another unit is shown with both parents and not ticked', async () => {
    await updateRecord<Unit>(clerk, 'units', unitId(CS_COLLEGE), { parentId: unitId('校团委') });
    const plan = await previewImport(office, (await exportAndRead(clerk, CS_COLLEGE)).pkg);
    expect(item(plan, 'units', unitId(CS_COLLEGE))).toMatchObject({ status: 'conflict', preselected: false, note: `上级单位不同：本机为（无），导入为“校团委”` });
  });

  it('a unit of the exporting unit moved under a unit that belongs here to another is held back', async () => {
    await officeHoldsMarxismFromItsOwnPackage();
    const obj = await reparentedMarxism();
    (obj.records.units!.find((u) => u.id === unitId(ACM)) as Loose).parentId = unitId(MARXISM);
    const pkg = forge(obj);
    const plan = await previewImport(office, pkg);
    expect(item(plan, 'units', unitId(ACM))).toMatchObject({
      status: 'conflict',
      preselected: false,
      blocked: '单位“ACM程序设计协会”的上级单位“被改名”（本机名称为“马克思主义学院”）在本机不属于导出单位“计算机与人工智能学院”，合并会把这条记录放到其他单位名下，因此不能合并',
    });
    const before = await dump(office);
    await expect(mergePackage(office, pkg, plan, new Set([`units/${unitId(ACM)}`]))).rejects.toThrow(/^未合并：.*请取消勾选。$/);
    expect(await dump(office)).toEqual(before);
  });
});

describe('genuine packages of every demo unit plan and merge as before', () => {
  async function tables(db: LedgerDb) {
    const out: Record<string, unknown[]> = {};
    for (const table of EXCHANGE_TABLES) out[table] = await db.table(table).orderBy('id').toArray();
    return out;
  }

  for (const order of ['tree order', 'sub-units first'] as const) {
    it(`into an empty copy, one unit after another (${order}): nothing foreign or held back, everything ticked merges`, async () => {
      const empty = await openDb({ empty: true, operator: '宣传部网宣室' });
      try {
        const units = order === 'tree order' ? demo.units : [...demo.units].reverse();
        for (const unit of units) {
          const { pkg } = await exportAndRead(clerk, unit.name);
          const plan = await previewImport(empty, pkg);
          expect(plan.counts.foreign, unit.name).toBe(0);
          expect(plan.items.filter((i) => i.blocked).map((i) => i.key), unit.name).toEqual([]);
          expect(plan.items.filter((i) => !i.preselected && i.status !== 'same').map((i) => i.key), unit.name).toEqual([]);
          await mergePackage(empty, pkg, plan, preselected(plan));
        }
        expect(await tables(empty)).toEqual(await tables(clerk));
      } finally {
        await empty.delete();
      }
    });
  }

  it('into the demo copy, each unit having edited its own records: only conflicts and updates, all accepted, then all 相同', async () => {
    const note = (n: number) => `本单位第 ${n} 次核对`;
    let round = 0;
    for (const unit of demo.units) {
      round++;
      const { pkg: current } = await exportAndRead(clerk, unit.name);
      const own = new Set(current.records.units.map((u) => u.id));
      for (const u of current.records.units) await updateRecord<Unit>(clerk, 'units', u.id, { note: note(round) });
      for (const p of current.records.people) if (p.unitId && own.has(p.unitId)) await updateRecord<Person>(clerk, 'people', p.id, { note: note(round) });
      for (const p of current.records.platforms) await updateRecord<Platform>(clerk, 'platforms', p.id, { note: note(round) });
      for (const a of current.records.approvals) await updateRecord<Approval>(clerk, 'approvals', a.id, { note: note(round) });

      const { pkg } = await exportAndRead(clerk, unit.name);
      const plan = await previewImport(office, pkg);
      expect(plan.counts, unit.name).toMatchObject({ new: 0, duplicate: 0, foreign: 0 });
      expect(plan.items.filter((i) => i.blocked).map((i) => i.key), unit.name).toEqual([]);
      const toMerge = plan.items.filter((i) => i.status !== 'same');
      expect(toMerge.length, unit.name).toBeGreaterThan(0);
      expect(toMerge.every((i) => i.status === 'conflict' || i.status === 'changed'), unit.name).toBe(true);
      expect((await mergePackage(office, pkg, plan, new Set(toMerge.map((i) => i.key)))).written, unit.name).toBe(toMerge.length);
      const again = await previewImport(office, pkg);
      expect(again.counts.same, unit.name).toBe(again.items.length);
    }
    expect(await tables(office)).toEqual(await tables(clerk));
  });
});
