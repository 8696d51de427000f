// Importing a unit's package into the 宣传部's copy: every plan category, merging exactly the
// accepted records with 'merge' audit entries, importing the same package twice, and refusals
// that change nothing. The clerk's copy and the 宣传部's both start from the demo dataset.
import 'fake-indexeddb/auto'; // before anything loads Dexie, which looks for IndexedDB when loaded
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '@shared/audit/hash-chain';
import type { ExchangePackage } from '@shared/exchange/format';
import type { ImportPlan, PlanItem } from '@shared/exchange/plan';
import type { LedgerDb } from '../../../renderer/db/schema';
import { STALE_PREVIEW, mergePackage, previewImport } from '../../../renderer/db/exchange';
import { createRecord, restoreRecord, softDelete, updateRecord } from '../../../renderer/db/repository';
import type { Platform } from '@shared/domain/platform';
import type { Unit } from '@shared/domain/unit';
import { CS_COLLEGE, dump, exportAndRead, openDb, platformOf, unitId } from './fixture';

let clerk: LedgerDb;
let office: LedgerDb;

beforeEach(async () => {
  clerk = await openDb({ operator: '计算机学院办公室' });
  office = await openDb({ operator: '宣传部网宣室' });
});
afterEach(async () => {
  await clerk.delete();
  await office.delete();
});

const SITE = '计算机与人工智能学院网站';
const WECHAT = '东湖计算机与人工智能';

function item(plan: ImportPlan, table: string, id: string): PlanItem {
  const found = plan.items.find((i) => i.key === `${table}/${id}`);
  if (!found) throw new Error(`no plan item ${table}/${id}`);
  return found;
}

function statuses(plan: ImportPlan): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of plan.items) (out[i.status] ??= []).push(i.name);
  return out;
}

async function send(): Promise<ExchangePackage> {
  return (await exportAndRead(clerk, CS_COLLEGE)).pkg;
}

async function mergeAll(pkg: ExchangePackage, pick: (i: PlanItem) => boolean = (i) => i.preselected) {
  const plan = await previewImport(office, pkg);
  const accepted = new Set(plan.items.filter(pick).map((i) => i.key));
  return { plan, result: await mergePackage(office, pkg, plan, accepted) };
}

describe('the import plan', () => {
  it('a package of unchanged records is all 相同', async () => {
    const plan = await previewImport(office, await send());
    expect(plan.counts).toEqual({ new: 0, duplicate: 0, foreign: 0, changed: 0, conflict: 0, same: plan.items.length });
    expect(plan.items.length).toBeGreaterThan(10);
  });

  it('into an empty copy everything is 新增 and preselected', async () => {
    const empty = await openDb({ empty: true });
    try {
      const pkg = await send();
      const plan = await previewImport(empty, pkg);
      expect(plan.counts.new).toBe(plan.items.length);
      expect(plan.items.every((i) => i.preselected)).toBe(true);
      // The side-by-side rows of a new record show the incoming values with names, not ids.
      const site = item(plan, 'platforms', platformOf(SITE).id);
      expect(site.fields.find((f) => f.field === 'hostUnitId')).toMatchObject({ label: '主办单位', local: '', incoming: CS_COLLEGE, differs: false });
    } finally {
      await empty.delete();
    }
  });

  it('a record edited by the clerk that the 宣传部 never merged is a 冲突 (never merged), not preselected, with the differing field marked', async () => {
    const site = platformOf(SITE);
    await updateRecord<Platform>(clerk, 'platforms', site.id, { measures: '每周一由学院办公室检查更新' });
    const plan = await previewImport(office, await send());
    const conflict = item(plan, 'platforms', site.id);
    expect(conflict).toMatchObject({ status: 'conflict', reason: 'never-merged', preselected: false });
    expect(conflict.fields.filter((f) => f.differs)).toEqual([
      { field: 'measures', label: '管理措施', local: site.measures, incoming: '每周一由学院办公室检查更新', differs: true },
    ]);
    expect(conflict.fields.find((f) => f.field === 'name')).toMatchObject({ local: SITE, incoming: SITE, differs: false });
    expect(plan.counts).toMatchObject({ new: 0, changed: 0, conflict: 1 });
  });

  it('after a merge, the clerk’s next edit is 有更新 (preselected); an edit here since the merge makes it a 冲突', async () => {
    const site = platformOf(SITE);
    await updateRecord<Platform>(clerk, 'platforms', site.id, { measures: '第一次修改' });
    await mergeAll(await send(), (i) => i.status === 'conflict');

    await updateRecord<Platform>(clerk, 'platforms', site.id, { measures: '第二次修改' });
    const second = await send();
    let plan = await previewImport(office, second);
    expect(item(plan, 'platforms', site.id)).toMatchObject({ status: 'changed', preselected: true });
    expect(item(plan, 'platforms', site.id).fields.filter((f) => f.differs).map((f) => [f.local, f.incoming])).toEqual([['第一次修改', '第二次修改']]);

    await updateRecord<Platform>(office, 'platforms', site.id, { note: '宣传部备注' });
    plan = await previewImport(office, second);
    expect(item(plan, 'platforms', site.id)).toMatchObject({ status: 'conflict', reason: 'edited-since-merge', preselected: false });
  });

  it('a merged record changed here without an audit entry (e.g. by a database upgrade) is a 冲突, not an update', async () => {
    const site = platformOf(SITE);
    await updateRecord<Platform>(clerk, 'platforms', site.id, { measures: '第一次修改' });
    await mergeAll(await send(), (i) => i.status === 'conflict');
    await office.platforms.update(site.id, { measures: '升级时改写' });
    await updateRecord<Platform>(clerk, 'platforms', site.id, { measures: '第二次修改' });
    const plan = await previewImport(office, await send());
    expect(item(plan, 'platforms', site.id)).toMatchObject({ status: 'conflict', reason: 'edited-since-merge', preselected: false });
  });

  it('an old package sent again after a newer one was merged is a 冲突 (older), not an update', async () => {
    const site = platformOf(SITE);
    await updateRecord<Platform>(clerk, 'platforms', site.id, { measures: '旧版本' });
    const old = await send();
    await new Promise((r) => setTimeout(r, 5));
    await updateRecord<Platform>(clerk, 'platforms', site.id, { measures: '新版本' });
    await mergeAll(await send(), (i) => i.status === 'conflict');
    const plan = await previewImport(office, old);
    expect(item(plan, 'platforms', site.id)).toMatchObject({ status: 'conflict', reason: 'older', preselected: false });
  });

  it('new records are 新增 and preselected; a new platform needs its new host unit accepted too', async () => {
    const team = await createRecord<Unit>(clerk, 'units', { name: '计算机学院融媒体中心', kind: '学生组织', parentId: unitId(CS_COLLEGE) });
    const platform = await createRecord<Platform>(clerk, 'platforms', {
      ...structuredClone(platformOf(WECHAT)),
      name: '计算机融媒',
      accountId: 'cs_media',
      hostUnitId: team.id,
    } as Omit<Platform, 'id' | 'createdAt' | 'updatedAt'>);
    const pkg = await send();
    const plan = await previewImport(office, pkg);
    expect(item(plan, 'units', team.id)).toMatchObject({ status: 'new', preselected: true });
    expect(item(plan, 'platforms', platform.id)).toMatchObject({ status: 'new', preselected: true, dependsOn: expect.arrayContaining([`units/${team.id}`]) });
    expect(plan.counts).toMatchObject({ new: 2, changed: 0, conflict: 0 });

    const before = await dump(office);
    await expect(mergePackage(office, pkg, plan, new Set([`platforms/${platform.id}`]))).rejects.toThrow(/主办单位“计算机学院融媒体中心”是新增记录，请一并勾选/);
    expect(await dump(office)).toEqual(before);
  });

  it('a deletion: the clerk’s trash reaches the 宣传部 as 有更新 (after a merge) and merging moves the record to the trash here too', async () => {
    const acm = platformOf('DHSF ACM程序设计协会');
    await updateRecord<Platform>(clerk, 'platforms', acm.id, { note: '待注销' });
    await mergeAll(await send(), (i) => i.status === 'conflict');
    await softDelete(clerk, 'platforms', acm.id);
    const { plan } = await mergeAll(await send());
    const deleted = item(plan, 'platforms', acm.id);
    expect(deleted.status).toBe('changed');
    expect(deleted.fields.filter((f) => f.differs)).toEqual([
      { field: 'deletedAt', label: '回收站', local: '', incoming: expect.stringMatching(/^已移入回收站（\d{4}-\d{2}-\d{2}）$/), differs: true },
    ]);
    expect((await office.platforms.get(acm.id))?.deletedAt).toBeTruthy();
  });

  it('a record in the trash here but live in the package is a 冲突; a record only in the sender’s trash is 新增 but not preselected', async () => {
    const site = platformOf(SITE);
    await softDelete(office, 'platforms', site.id);
    const extra = await createRecord<Platform>(clerk, 'platforms', { ...structuredClone(platformOf(WECHAT)), name: '试运行号', accountId: 'cs_trial' } as Omit<Platform, 'id' | 'createdAt' | 'updatedAt'>);
    await softDelete(clerk, 'platforms', extra.id);
    const plan = await previewImport(office, await send());
    expect(item(plan, 'platforms', site.id)).toMatchObject({ status: 'conflict', reason: 'never-merged' });
    expect(item(plan, 'platforms', extra.id)).toMatchObject({ status: 'new', preselected: false, note: expect.stringContaining('回收站') });
  });

  it('the same content in both trashes, put there at different times, is 相同', async () => {
    const site = platformOf(SITE);
    await softDelete(office, 'platforms', site.id);
    await new Promise((r) => setTimeout(r, 5));
    await softDelete(clerk, 'platforms', site.id);
    const plan = await previewImport(office, await send());
    expect(item(plan, 'platforms', site.id).status).toBe('same');
  });

  it('a reference neither side holds is reported', async () => {
    const site = platformOf(SITE);
    await updateRecord<Platform>(clerk, 'platforms', site.id, { sponsorUnitId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' });
    const plan = await previewImport(office, await send());
    expect(item(plan, 'platforms', site.id).missing).toEqual([{ table: 'units', id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', label: '挂靠单位' }]);
  });
});

describe('merging', () => {
  it('writes exactly the accepted records, each with one merge audit entry, and the chain still verifies', async () => {
    const site = platformOf(SITE);
    const wechat = platformOf(WECHAT);
    await updateRecord<Platform>(clerk, 'platforms', site.id, { measures: '采用' });
    await updateRecord<Platform>(clerk, 'platforms', wechat.id, { measures: '不采用' });
    const pkg = await send();
    const plan = await previewImport(office, pkg);
    expect(statuses(plan).conflict?.sort()).toEqual([SITE, WECHAT].sort());
    const auditBefore = await office.auditLog.count();
    const before = await dump(office);

    const result = await mergePackage(office, pkg, plan, new Set([`platforms/${site.id}`]));
    expect(result).toEqual({ written: 1, byStatus: { new: 0, changed: 0, conflict: 1 } });
    const after = await dump(office);
    const clerkSite = await clerk.platforms.get(site.id);
    expect(await office.platforms.get(site.id)).toEqual(clerkSite);
    expect((await office.platforms.get(wechat.id))?.measures).toBe(wechat.measures);
    for (const table of Object.keys(before)) {
      if (table === 'platforms' || table === 'auditLog') expect(after[table]).not.toEqual(before[table]);
      else expect(after[table], table).toEqual(before[table]);
    }
    expect(after.platforms!.filter((p) => (p as Platform).id !== site.id)).toEqual(before.platforms!.filter((p) => (p as Platform).id !== site.id));
    const log = await office.auditLog.orderBy('seq').toArray();
    expect(log.length).toBe(auditBefore + 1);
    expect(log.at(-1)).toMatchObject({ action: 'merge', table: 'platforms', recordId: site.id, operator: '宣传部网宣室', changes: { measures: [site.measures, '采用'] } });
    expect(verifyChain(log)).toEqual({ ok: true, count: log.length });
  });

  it('importing the same package twice: the second plan is all 相同 (or the conflicts refused) and merging it writes nothing', async () => {
    const site = platformOf(SITE);
    const wechat = platformOf(WECHAT);
    await updateRecord<Platform>(clerk, 'platforms', site.id, { measures: '采用' });
    await updateRecord<Platform>(clerk, 'platforms', wechat.id, { measures: '不采用' });
    const team = await createRecord<Unit>(clerk, 'units', { name: '计算机学院新媒体工作室', kind: '学生组织', parentId: unitId(CS_COLLEGE) });
    const { bytes } = await exportAndRead(clerk, CS_COLLEGE);
    const { pkg } = await exportAndRead(clerk, CS_COLLEGE);
    const first = await previewImport(office, pkg);
    await mergePackage(office, pkg, first, new Set([`platforms/${site.id}`, `units/${team.id}`]));

    const before = await dump(office);
    const again = (await import('@shared/exchange/package-reader')).readPackage(bytes);
    if (!again.ok) throw new Error(again.reason);
    const second = await previewImport(office, again.package);
    expect(second.counts).toEqual({ new: 0, duplicate: 0, foreign: 0, changed: 0, conflict: 1, same: second.items.length - 1 });
    expect(item(second, 'platforms', wechat.id)).toMatchObject({ status: 'conflict', preselected: false });
    const preselected = new Set(second.items.filter((i) => i.preselected).map((i) => i.key));
    expect(await mergePackage(office, again.package, second, preselected)).toEqual({ written: 0, byStatus: { new: 0, changed: 0, conflict: 0 } });
    // Even ticking every 相同 record writes nothing: no record, no audit entry.
    const sameOnly = new Set(second.items.filter((i) => i.status === 'same').map((i) => i.key));
    expect((await mergePackage(office, again.package, second, sameOnly)).written).toBe(0);
    expect(await dump(office)).toEqual(before);
  });

  it('refuses, writing nothing, when an accepted record changed after the preview', async () => {
    const site = platformOf(SITE);
    await updateRecord<Platform>(clerk, 'platforms', site.id, { measures: '采用' });
    const pkg = await send();
    const plan = await previewImport(office, pkg);
    await updateRecord<Platform>(office, 'platforms', site.id, { note: '预览后修改' });
    const before = await dump(office);
    await expect(mergePackage(office, pkg, plan, new Set([`platforms/${site.id}`]))).rejects.toThrow(STALE_PREVIEW);
    expect(await dump(office)).toEqual(before);
  });

  it('refuses, writing nothing, when a new record was created under the same id after the preview', async () => {
    const empty = await openDb({ empty: true });
    try {
      const pkg = await send();
      const plan = await previewImport(empty, pkg);
      const unit = pkg.records.units[0]!;
      await empty.units.add({ ...unit, name: '并发写入' });
      const before = await dump(empty);
      await expect(mergePackage(empty, pkg, plan, new Set(plan.items.map((i) => i.key)))).rejects.toThrow(STALE_PREVIEW);
      expect(await dump(empty)).toEqual(before);
    } finally {
      await empty.delete();
    }
  });

  it('a merge interrupted by the database (a failing write) leaves everything as it was', async () => {
    const empty = await openDb({ empty: true });
    try {
      const pkg = await send();
      const plan = await previewImport(empty, pkg);
      const before = await dump(empty);
      // The database refuses the first filing, after every unit, person and platform was written: a full disk half-way through.
      const fullDisk = (): never => {
        throw new Error('磁盘已满');
      };
      expect(pkg.records.approvals.length).toBeGreaterThan(0);
      empty.approvals.hook('creating', fullDisk);
      try {
        await expect(mergePackage(empty, pkg, plan, new Set(plan.items.map((i) => i.key)))).rejects.toThrow('磁盘已满');
      } finally {
        empty.approvals.hook('creating').unsubscribe(fullDisk);
      }
      expect(await dump(empty)).toEqual(before);
    } finally {
      await empty.delete();
    }
  });

  it('writes the package’s records, not whatever the plan passed in carries: a plan with another record is refused, writing nothing', async () => {
    const site = platformOf(SITE);
    await updateRecord<Platform>(clerk, 'platforms', site.id, { measures: '采用' });
    const pkg = await send();
    const plan = await previewImport(office, pkg);
    const forged: ImportPlan = {
      ...plan,
      items: plan.items.map((i) => (i.key === `platforms/${site.id}` ? { ...i, incoming: { ...i.incoming, name: '被改名', measures: '采用' } } : i)),
    };
    const before = await dump(office);
    await expect(mergePackage(office, pkg, forged, new Set([`platforms/${site.id}`]))).rejects.toThrow(STALE_PREVIEW);
    expect(await dump(office)).toEqual(before);
    // The genuine plan merges the package's version.
    await mergePackage(office, pkg, plan, new Set([`platforms/${site.id}`]));
    expect(await office.platforms.get(site.id)).toEqual(pkg.records.platforms.find((p) => p.id === site.id));
  });

  it('after a merge into an empty copy, restoring and re-importing still says 相同', async () => {
    const empty = await openDb({ empty: true });
    try {
      const pkg = await send();
      const plan = await previewImport(empty, pkg);
      await mergePackage(empty, pkg, plan, new Set(plan.items.filter((i) => i.preselected).map((i) => i.key)));
      expect(plan.counts.new).toBe(plan.items.length);
      const log = (await empty.auditLog.toArray()).filter((e) => e.action === 'merge').length;
      expect(log).toBe(plan.items.length);
      const site = platformOf(SITE);
      await softDelete(empty, 'platforms', site.id);
      await restoreRecord(empty, 'platforms', site.id);
      const again = await previewImport(empty, pkg);
      expect(again.counts).toEqual({ new: 0, duplicate: 0, foreign: 0, changed: 0, conflict: 0, same: again.items.length });
    } finally {
      await empty.delete();
    }
  });
});
