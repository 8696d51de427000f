// The registry's duplicate rule (one live platform per platform kind + account id) in exchange
// packages. Records are matched by id, but the 宣传部 may hold the same account under another id —
// it imported its old Excel ledger first, which gave every account a new id. Such an incoming
// platform is 重复账号, not 新增: shown beside the stored account, never ticked, its filings held
// back with it, and a merge that accepts it anyway is refused, then and inside the transaction.
import 'fake-indexeddb/auto'; // before anything loads Dexie, which looks for IndexedDB when loaded
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '@shared/domain/ids';
import type { Platform } from '@shared/domain/platform';
import { packageChecksum, type ExchangePackage } from '@shared/exchange/format';
import { readPackage } from '@shared/exchange/package-reader';
import type { ImportPlan, PlanItem } from '@shared/exchange/plan';
import type { CellValue } from '@shared/spreadsheet/cells';
import { buildPreview, splitPreview } from '@shared/spreadsheet/convert';
import { proposeMapping } from '@shared/spreadsheet/mapping';
import { platformKey } from '@shared/domain/platform';
import type { LedgerDb } from '../../../renderer/db/schema';
import { exportUnitPackage, mergePackage, previewImport } from '../../../renderer/db/exchange';
import { createRecord, softDelete, updateRecord } from '../../../renderer/db/repository';
import { importRows, loadStoredData } from '../../../renderer/db/spreadsheet-import';
import { CS_COLLEGE, EXPORT_AT, TODAY, dump, exportAndRead, openDb, platformOf, unitId } from './fixture';

const SITE = '计算机与人工智能学院网站'; // 官方网站 cs.dhsf.edu.cn
const WECHAT = '东湖计算机与人工智能'; // 微信公众号 dhsf_cs, with a 变更备案 in the package
const QQ = '计算机与人工智能学院教职工群';

type Draft = Omit<Platform, 'id' | 'createdAt' | 'updatedAt'>;

let clerk: LedgerDb;
let office: LedgerDb;

beforeEach(async () => {
  clerk = await openDb({ operator: '计算机学院办公室' });
});
afterEach(async () => {
  await clerk.delete();
  await office?.delete();
});

async function send(): Promise<ExchangePackage> {
  return (await exportAndRead(clerk, CS_COLLEGE)).pkg;
}

function item(plan: ImportPlan, table: string, id: string): PlanItem {
  const found = plan.items.find((i) => i.key === `${table}/${id}`);
  if (!found) throw new Error(`no plan item ${table}/${id}`);
  return found;
}

const preselected = (plan: ImportPlan) => new Set(plan.items.filter((i) => i.preselected).map((i) => i.key));

/** Platforms stored with this account (kind + account id as the registry compares them), trash included. */
async function withAccount(db: LedgerDb, kind: string, accountId: string): Promise<Platform[]> {
  const key = platformKey(kind, accountId);
  return (await db.platforms.where('kind').equals(kind).toArray()).filter((p) => platformKey(p.kind, p.accountId) === key);
}

/** The 宣传部's copy imports its old Excel ledger (the app's own spreadsheet import): every row gets a new id. */
async function importExcelLedger(db: LedgerDb, rows: CellValue[][]): Promise<void> {
  const sheet = { name: '台账', rows: [['平台类型', '账号名称', '账号ID', '主办单位'], ...rows] };
  const built = buildPreview(sheet, 0, proposeMapping(sheet, 0, 'platforms'), 'platforms', await loadStoredData(db), { today: TODAY, newId });
  if (!built.ok) throw new Error(built.reason);
  const { ready, problems } = splitPreview(built.preview);
  expect(problems).toEqual([]);
  expect(await importRows(db, built.preview, ready)).toBe(rows.length);
}

/**
 * The scenario: an empty 宣传部 copy takes the college's units and people from its package, then
 * imports its old Excel ledger holding the college's website and WeChat account (typed differently:
 * upper case, with https:// and a trailing slash).
 */
async function officeWithExcelLedger(pkg: ExchangePackage): Promise<LedgerDb> {
  const db = await openDb({ empty: true, operator: '宣传部网宣室' });
  const first = await previewImport(db, pkg);
  await mergePackage(db, pkg, first, new Set(first.items.filter((i) => i.table === 'units' || i.table === 'people').map((i) => i.key)));
  await importExcelLedger(db, [
    ['微信公众号', '计算机学院公众号', 'DHSF_CS', CS_COLLEGE],
    ['官方网站', '计算机学院网站', 'https://CS.dhsf.edu.cn/', CS_COLLEGE],
  ]);
  return db;
}

describe('an account the 宣传部 already holds under another id (imported from its Excel ledger)', () => {
  it('is 重复账号, not 新增: shown beside the stored account, not ticked, and its filing is held back with it', async () => {
    const pkg = await send();
    office = await officeWithExcelLedger(pkg);
    const [excelWechat] = await withAccount(office, '微信公众号', 'dhsf_cs');
    const [excelSite] = await withAccount(office, '官方网站', 'cs.dhsf.edu.cn');
    const wechat = platformOf(WECHAT);
    const site = platformOf(SITE);
    expect(excelWechat!.id).not.toBe(wechat.id);

    const plan = await previewImport(office, pkg);
    expect(plan.counts).toMatchObject({ duplicate: 2, changed: 0, conflict: 0 });
    const dup = item(plan, 'platforms', wechat.id);
    expect(dup).toMatchObject({ status: 'duplicate', preselected: false, duplicates: [excelWechat], localVersion: null });
    expect(dup.local).toBeUndefined();
    expect(dup.note).toContain('与本机已有的同类账号（微信公众号，账号ID DHSF_CS）重复：“计算机学院公众号”');
    expect(dup.blocked).toMatch(/^平台“东湖计算机与人工智能”与本机已有的同类账号.*合并会使台账中出现两条同一账号，不能合并$/);
    // Side by side with the stored account: the ids differ, the names differ, the host unit is the same.
    expect(dup.fields[0]).toEqual({ field: 'id', label: '记录编号', local: excelWechat!.id, incoming: wechat.id, differs: true });
    expect(dup.fields.find((f) => f.field === 'name')).toMatchObject({ local: '计算机学院公众号', incoming: WECHAT, differs: true });
    expect(dup.fields.find((f) => f.field === 'hostUnitId')).toMatchObject({ local: CS_COLLEGE, incoming: CS_COLLEGE, differs: false });
    expect(item(plan, 'platforms', site.id)).toMatchObject({ status: 'duplicate', preselected: false, duplicates: [excelSite] });

    // The WeChat account's filing would point at nothing: not ticked, and why.
    const filing = pkg.records.approvals.find((a) => a.platformId === wechat.id)!;
    expect(item(plan, 'approvals', filing.id)).toMatchObject({ status: 'new', preselected: false, note: expect.stringContaining(`平台“${WECHAT}”与本机已有的同类账号重复`) });
    // Accounts the 宣传部 does not hold are still 新增 and ticked.
    expect(item(plan, 'platforms', platformOf(QQ).id)).toMatchObject({ status: 'new', preselected: true });

    // Merging what is ticked adds the new accounts and neither duplicate nor the held-back filing.
    const result = await mergePackage(office, pkg, plan, preselected(plan));
    expect(result.byStatus).toEqual({ new: 2, changed: 0, conflict: 0 });
    expect(await withAccount(office, '微信公众号', 'dhsf_cs')).toEqual([excelWechat]);
    expect(await withAccount(office, '官方网站', 'cs.dhsf.edu.cn')).toEqual([excelSite]);
    expect(await office.approvals.get(filing.id)).toBeUndefined();
    expect(await office.platforms.get(platformOf(QQ).id)).toBeTruthy();
    // Importing the package again: the duplicates stay duplicates, nothing else to merge.
    const again = await previewImport(office, pkg);
    expect(again.counts).toMatchObject({ new: 1, duplicate: 2, changed: 0, conflict: 0 });
    expect(again.items.filter((i) => i.preselected)).toEqual([]);
  });

  it('a merge that ticks the duplicate (or its filing) anyway is refused and changes nothing, audit log included', async () => {
    const pkg = await send();
    office = await officeWithExcelLedger(pkg);
    const plan = await previewImport(office, pkg);
    const wechat = platformOf(WECHAT);
    const filing = pkg.records.approvals.find((a) => a.platformId === wechat.id)!;
    const before = await dump(office);

    await expect(mergePackage(office, pkg, plan, new Set([`platforms/${wechat.id}`]))).rejects.toThrow(
      /^未合并：平台“东湖计算机与人工智能”与本机已有的同类账号（微信公众号，账号ID DHSF_CS）“计算机学院公众号”重复，合并会使台账中出现两条同一账号，不能合并，请取消勾选。$/,
    );
    await expect(mergePackage(office, pkg, plan, new Set([`platforms/${wechat.id}`, `approvals/${filing.id}`]))).rejects.toThrow(/未合并：.*不能合并/);
    await expect(mergePackage(office, pkg, plan, new Set([`approvals/${filing.id}`]))).rejects.toThrow(/开通与备案“.*”的平台“东湖计算机与人工智能”与本机已有的同类账号重复、不能合并/);
    // Every item ticked, as a clerk might try: still refused as a whole.
    await expect(mergePackage(office, pkg, plan, new Set(plan.items.map((i) => i.key)))).rejects.toThrow(/同一账号/);

    expect(await dump(office)).toEqual(before);
    expect(await withAccount(office, '微信公众号', 'dhsf_cs')).toHaveLength(1);
    expect(await withAccount(office, '官方网站', 'cs.dhsf.edu.cn')).toHaveLength(1);
  });

  it('a plan made before the Excel import, still saying 新增, is refused inside the merge transaction', async () => {
    const pkg = await send();
    office = await openDb({ empty: true, operator: '宣传部网宣室' });
    const units = await previewImport(office, pkg);
    await mergePackage(office, pkg, units, new Set(units.items.filter((i) => i.table === 'units' || i.table === 'people').map((i) => i.key)));
    const stale = await previewImport(office, pkg);
    const wechat = platformOf(WECHAT);
    expect(item(stale, 'platforms', wechat.id)).toMatchObject({ status: 'new', preselected: true });

    await importExcelLedger(office, [['公众号', '计算机学院公众号', ' dhsf_cs ', CS_COLLEGE]]);
    const before = await dump(office);
    await expect(mergePackage(office, pkg, stale, preselected(stale))).rejects.toThrow(
      /^未合并任何记录：预览之后本机数据已有改动，平台“东湖计算机与人工智能”与本机已有的同类账号（微信公众号，账号ID dhsf_cs）“计算机学院公众号”重复.*请重新选择数据包文件/,
    );
    expect(await dump(office)).toEqual(before);
    expect(await withAccount(office, '微信公众号', 'dhsf_cs')).toHaveLength(1);
  });

  it('once the stored account is moved to the trash, the incoming one is 新增 again and merges with its filing', async () => {
    const pkg = await send();
    office = await officeWithExcelLedger(pkg);
    const [excelWechat] = await withAccount(office, '微信公众号', 'dhsf_cs');
    await softDelete(office, 'platforms', excelWechat!.id);
    const plan = await previewImport(office, pkg);
    const wechat = platformOf(WECHAT);
    const filing = pkg.records.approvals.find((a) => a.platformId === wechat.id)!;
    expect(item(plan, 'platforms', wechat.id)).toMatchObject({ status: 'new', preselected: true });
    expect(item(plan, 'approvals', filing.id)).toMatchObject({ status: 'new', preselected: true });
    expect(item(plan, 'approvals', filing.id).blocked).toBeUndefined();
    await mergePackage(office, pkg, plan, preselected(plan));
    expect((await withAccount(office, '微信公众号', 'dhsf_cs')).filter((p) => !p.deletedAt).map((p) => p.id)).toEqual([wechat.id]);
    expect((await office.approvals.get(filing.id))?.platformId).toBe(wechat.id);
  });
});

describe('the account id is compared as the registry’s Excel import compares it', () => {
  // The clerk's new account, and how the 宣传部 may have typed the same account.
  const INCOMING = { kind: '微信公众号', accountId: 'cs_media' } as const;
  const SAME = ['cs_media', 'CS_Media', ' cs_media ', 'ｃｓ＿ｍｅｄｉａ'];
  const OTHER = [
    { kind: '微信公众号', accountId: 'cs-media' },
    { kind: '微信公众号', accountId: 'cs_media2' },
    { kind: '微博', accountId: 'cs_media' },
  ];

  it('case, surrounding spaces and full-width forms make no difference; another kind or another id does', async () => {
    office = await openDb({ operator: '宣传部网宣室' });
    const incoming = await createRecord<Platform>(clerk, 'platforms', { ...structuredClone(platformOf(WECHAT)), name: '计算机融媒', ...INCOMING } as Draft);
    const pkg = await send();
    const stored = await loadStoredData(office);
    const variants = [...SAME.map((accountId) => ({ kind: INCOMING.kind, accountId, same: true })), ...OTHER.map((o) => ({ ...o, same: false }))];
    for (const variant of variants) {
      const local = await createRecord<Platform>(office, 'platforms', { ...structuredClone(platformOf(WECHAT)), name: '宣传部登记的账号', kind: variant.kind, accountId: variant.accountId } as Draft);
      const planned = item(await previewImport(office, pkg), 'platforms', incoming.id);
      expect(planned.status, JSON.stringify(variant)).toBe(variant.same ? 'duplicate' : 'new');
      expect(planned.preselected).toBe(!variant.same);
      // The Excel import of the registry judges the same pair the same way.
      const sheet = { name: 'S', rows: [['平台类型', '账号名称', '账号ID', '主办单位'], [INCOMING.kind, '计算机融媒', INCOMING.accountId, CS_COLLEGE]] };
      const excel = buildPreview(sheet, 0, proposeMapping(sheet, 0, 'platforms'), 'platforms', { ...stored, platforms: [local] }, { today: TODAY, newId });
      if (!excel.ok) throw new Error(excel.reason);
      expect(excel.preview.rows[0]!.errors).toEqual([]);
      expect(Boolean(excel.preview.rows[0]!.duplicate), JSON.stringify(variant)).toBe(variant.same);
      // A platform in the trash here is no duplicate of a live one.
      await softDelete(office, 'platforms', local.id);
    }
    expect(item(await previewImport(office, pkg), 'platforms', incoming.id)).toMatchObject({ status: 'new', preselected: true });
  });

  it('a platform only in the sender’s trash is a duplicate too (once merged it could be restored here)', async () => {
    office = await openDb({ operator: '宣传部网宣室' });
    const incoming = await createRecord<Platform>(clerk, 'platforms', { ...structuredClone(platformOf(WECHAT)), name: '计算机融媒', ...INCOMING } as Draft);
    await softDelete(clerk, 'platforms', incoming.id);
    await createRecord<Platform>(office, 'platforms', { ...structuredClone(platformOf(WECHAT)), name: '宣传部登记的账号', kind: INCOMING.kind, accountId: 'CS_MEDIA' } as Draft);
    expect(item(await previewImport(office, await send()), 'platforms', incoming.id)).toMatchObject({ status: 'duplicate', preselected: false });
  });

  it('web addresses: with or without http(s):// and trailing slashes, in any case', async () => {
    office = await openDb({ operator: '宣传部网宣室' });
    const site = platformOf(SITE);
    await softDelete(office, 'platforms', site.id);
    for (const accountId of ['https://CS.DHSF.edu.cn/', 'http://cs.dhsf.edu.cn//', 'cs.dhsf.edu.cn']) {
      const local = await createRecord<Platform>(office, 'platforms', { ...structuredClone(site), name: '学院网站（旧台账）', accountId } as Draft);
      // Stored here in the trash, live in the package, and another live platform holds the address.
      const planned = item(await previewImport(office, await send()), 'platforms', site.id);
      expect(planned, accountId).toMatchObject({ status: 'duplicate', preselected: false, duplicates: [local] });
      expect(planned.local).toMatchObject({ id: site.id, deletedAt: expect.any(String) });
      await softDelete(office, 'platforms', local.id);
    }
  });
});

describe('an account id changed by the unit to one the 宣传部 holds for another platform', () => {
  it('the update is 重复账号 (not 有更新/有冲突), beside its own stored version, and a merge of it is refused', async () => {
    office = await openDb({ operator: '宣传部网宣室' });
    const wechat = platformOf(WECHAT);
    const youth = platformOf('东湖青年');
    await updateRecord<Platform>(clerk, 'platforms', wechat.id, { accountId: 'DHSF_Youth' });
    const pkg = await send();
    const plan = await previewImport(office, pkg);
    const planned = item(plan, 'platforms', wechat.id);
    expect(planned).toMatchObject({ status: 'duplicate', preselected: false, duplicates: [expect.objectContaining({ id: youth.id })] });
    expect(planned.local?.id).toBe(wechat.id);
    expect(planned.fields.find((f) => f.field === 'accountId')).toMatchObject({ local: 'dhsf_cs', incoming: 'DHSF_Youth', differs: true });
    // Its filing points at the record stored here under its own id: nothing dangles, it is not held back.
    const filing = pkg.records.approvals.find((a) => a.platformId === wechat.id)!;
    expect(item(plan, 'approvals', filing.id).blocked).toBeUndefined();

    const before = await dump(office);
    await expect(mergePackage(office, pkg, plan, new Set([`platforms/${wechat.id}`]))).rejects.toThrow(/同一账号/);
    expect(await dump(office)).toEqual(before);
    expect(await withAccount(office, '微信公众号', 'dhsf_youth')).toHaveLength(1);
  });

  it('a stored record keeping its own account (even beside an older stored duplicate) is not flagged', async () => {
    office = await openDb({ operator: '宣传部网宣室' });
    const wechat = platformOf(WECHAT);
    // Older data here already holds the account twice; the package does not add a third.
    await createRecord<Platform>(office, 'platforms', { ...structuredClone(wechat), name: '旧台账中的同一账号' } as Draft);
    await updateRecord<Platform>(clerk, 'platforms', wechat.id, { measures: '每周检查' });
    const plan = await previewImport(office, await send());
    expect(item(plan, 'platforms', wechat.id)).toMatchObject({ status: 'conflict', reason: 'never-merged' });
  });
});

describe('the same account twice inside one package', () => {
  it('is not exported: the clerk is told which two records to fix', async () => {
    await createRecord<Platform>(clerk, 'platforms', { ...structuredClone(platformOf(WECHAT)), name: '计算机学院公众号（重录）', accountId: 'DHSF_CS' } as Draft);
    const written = await exportUnitPackage(clerk, unitId(CS_COLLEGE), '0.1.0', EXPORT_AT);
    expect(written).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^平台台账中有两个同类账号（微信公众号，账号ID dhsf_cs）：“东湖计算机与人工智能”和“计算机学院公众号（重录）”.*未导出/),
    });
  });

  it('is refused by the reader (a hand-made package with a valid checksum); one of the two in the trash is fine', async () => {
    const { bytes } = await exportAndRead(clerk, CS_COLLEGE);
    const obj = JSON.parse(new TextDecoder().decode(bytes)) as { records: { platforms: Record<string, unknown>[] } } & Record<string, unknown>;
    const wechat = obj.records.platforms.find((p) => p.name === WECHAT)!;
    // Typed differently (upper case), as the normalised form of another record would be.
    const copy = { ...structuredClone(wechat), id: newId(), name: '重复录入', accountId: 'DHSF_CS' };
    const encode = (records: Record<string, unknown>[]) => {
      const { sha256: _old, ...body } = { ...obj, records: { ...obj.records, platforms: records } } as Record<string, unknown>;
      return new TextEncoder().encode(JSON.stringify({ ...body, sha256: packageChecksum(body) }));
    };
    const twice = readPackage(encode([...obj.records.platforms, copy]));
    expect(twice).toMatchObject({ ok: false, reason: expect.stringMatching(/^数据包中有两个同类账号（微信公众号，账号ID dhsf_cs）：“东湖计算机与人工智能”和“重复录入”.*不能导入，本机数据未做任何更改/) });
    const trashed = readPackage(encode([...obj.records.platforms, { ...copy, deletedAt: EXPORT_AT.toISOString() }]));
    expect(trashed.ok).toBe(true);
  });
});
