// The import writes the chosen rows and their audit entries in one transaction: all or nothing.
// A full disk (QuotaExceededError) inside the transaction leaves every table exactly as it was.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LedgerDb } from '../../../renderer/db/schema';
import { createRecord, saveSettings } from '../../../renderer/db/repository';
import { DISK_FULL_MESSAGE, importRows, loadStoredData } from '../../../renderer/db/spreadsheet-import';
import { readWorkbook, type ReadSheet } from '../../../renderer/features/import/read-workbook';
import { verifyChain } from '../../../shared/audit/hash-chain';
import { newId } from '../../../shared/domain/ids';
import type { Platform } from '../../../shared/domain/platform';
import type { Unit } from '../../../shared/domain/unit';
import { buildPreview, splitPreview, type ImportPreview } from '../../../shared/spreadsheet/convert';
import { findHeaderRow, proposeMapping } from '../../../shared/spreadsheet/mapping';
import type { ImportTarget } from '../../../shared/spreadsheet/targets';
import { PRESET_PROFILES } from '../../../shared/profiles/presets';
import { buildExport } from '../../../renderer/features/export/export-files';
import { platformsTable } from '../../../renderer/features/export/list-tables';
import { InProcessXlsxWorker, bytesOf } from '../spreadsheet/in-process-xlsx-worker';

import { platformRecord } from '../../fixtures/platform';
import { logReads, type ReadLog } from './read-log';

const FIXTURE = readFileSync(new URL('../../fixtures/ledger-libreoffice.xlsx', import.meta.url));
const TABLES = ['units', 'people', 'platforms', 'auditLog', 'settings'] as const;

let db: LedgerDb;
let n = 0;
let sheets: ReadSheet[];
let reads: ReadLog;

beforeEach(async () => {
  db = new LedgerDb(`sheet-import-test-${++n}`);
  reads = logReads(db);
  await db.open();
  await saveSettings(db, { institutionName: '东湖示范大学', profileId: PRESET_PROFILES[0]!.id, profile: PRESET_PROFILES[0]!, operatorName: '王𠮷' });
  const read = await readWorkbook(FIXTURE, 'ledger-libreoffice.xlsx');
  if (!read.ok) throw new Error(read.reason);
  sheets = read.sheets;
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

async function previewOf(sheetName: string, target: ImportTarget): Promise<ImportPreview> {
  const sheet = sheets.find((s) => s.name === sheetName)!;
  const header = findHeaderRow(sheet, target);
  const result = buildPreview(sheet, header, proposeMapping(sheet, header, target), target, await loadStoredData(db), { today: '2026-03-01', newId });
  if (!result.ok) throw new Error(result.reason);
  return result.preview;
}

async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await db.table(t).toArray();
  return out;
}

describe('spreadsheet import', () => {
  it('reads a fixture that LibreOffice wrote (docProps/app.xml names it)', () => {
    const app = strFromU8(unzipSync(new Uint8Array(FIXTURE))['docProps/app.xml']!);
    expect(app).toMatch(/<Application>LibreOffice\/7\.4/);
  });

  it('imports the LibreOffice ledger: units, people, then the registry, each record with its audit entry', async () => {
    const units = await previewOf('单位', 'units');
    expect(splitPreview(units).problems).toEqual([]);
    expect(await importRows(db, units, units.rows)).toBe(11);
    const people = await previewOf('人员', 'people');
    expect(splitPreview(people).problems).toEqual([]);
    expect(await importRows(db, people, people.rows)).toBe(17);

    const registry = await previewOf('平台台账', 'platforms');
    const { ready, problems } = splitPreview(registry);
    expect(problems.map((r) => [r.rowNumber, r.duplicate ?? r.errors.map((e) => `${e.column}：${e.message}`).join('；')])).toEqual([
      [16, expect.stringMatching(/^开通时间：“2013\.2\.30”不是真实的日期/)],
      [30, '与本表第 8 行重复（同类型、同账号的平台），只导入第 8 行'],
      [31, expect.stringMatching(/^主办单位：找不到名为“国际交流处”的单位/)],
    ]);
    expect(ready).toHaveLength(27);
    expect(await importRows(db, registry, ready)).toBe(27);

    const stored = await db.platforms.toArray();
    expect(stored).toHaveLength(27);
    const byName = new Map(stored.map((p) => [p.name, p]));
    const youth = byName.get('东湖青年')!;
    const tw = (await db.units.where('name').equals('校团委').first())!;
    expect(youth).toMatchObject({ kind: '微信公众号', accountId: 'dhsf_youth', hostUnitId: tw.id, openedOn: '2015-03-12', certification: '已认证' });
    expect(byName.get('东湖示范大学主页')).toMatchObject({ kind: '官方网站', openedOn: '2008-09-01', url: 'www.dhsf.edu.cn' });
    expect(byName.get('东湖示范大学官方微博')!.openedOn).toBe('2012-03-15');
    expect(stored.find((p) => p.accountId === 'dhsf_pe')!.openedOn).toBe('2019-06-13');
    expect(stored.find((p) => p.accountId === 'dhsf_pe_dy')!.openedOn).toBe('2021-03-08');
    expect(stored.find((p) => p.kind === '抖音' && p.accountId === 'dhsf_douyin')!.openedOn).toBe('2019-06-13');
    const chen = (await db.people.where('name').equals('陈𠮷安').first())!;
    expect(byName.get('𠮷林校友会')).toMatchObject({ openedOn: '2017-09-05', responsibleId: chen.id, followers: [{ value: 880 }] });

    const log = await db.auditLog.orderBy('seq').toArray();
    const created = log.filter((e) => e.action === 'create' && e.table !== 'settings');
    expect(created).toHaveLength(11 + 17 + 27);
    expect(new Set(created.map((e) => e.recordId))).toEqual(new Set([...(await db.units.toArray()), ...(await db.people.toArray()), ...stored].map((r) => r.id)));
    expect(log.every((e) => e.operator === '王𠮷')).toBe(true);
    expect(verifyChain(log)).toEqual({ ok: true, count: log.length });
  });

  it('re-checks an import of people against every person but only the units they name, not the registry', async () => {
    const units = await previewOf('单位', 'units');
    await importRows(db, units, units.rows);
    // A unit nobody in the sheet works in, and a registry: the re-check has no reason to read them.
    await createRecord<Unit>(db, 'units', { name: '国际交流处', kind: '职能部门' });
    await db.platforms.bulkAdd([platformRecord('p-a'), platformRecord('p-b')]);
    const people = await previewOf('人员', 'people');
    const named = new Set(people.rows.map((r) => r.draft!.unitId).filter((id) => typeof id === 'string'));
    expect(named.size).toBeGreaterThan(0);
    expect(named.size).toBeLessThan(await db.units.count());
    reads.records.clear();
    expect(await importRows(db, people, people.rows)).toBe(17);
    expect(reads.records.get('platforms') ?? []).toEqual([]);
    expect(new Set(((reads.records.get('units') ?? []) as Unit[]).map((u) => u.id))).toEqual(named);
  });

  it('refuses rows with problems: nothing is written', async () => {
    const units = await previewOf('单位', 'units');
    await importRows(db, units, units.rows);
    const people = await previewOf('人员', 'people');
    await importRows(db, people, people.rows);
    const registry = await previewOf('平台台账', 'platforms');
    const before = await snapshot();
    await expect(importRows(db, registry, registry.rows)).rejects.toThrow('有问题的行不能导入');
    expect(await snapshot()).toEqual(before);
  });

  it('writes nothing when the stored data changed after the preview (a referenced unit deleted, an account registered)', async () => {
    const units = await previewOf('单位', 'units');
    await importRows(db, units, units.rows);
    const people = await previewOf('人员', 'people');
    // The preview is stale: the same people get imported meanwhile, so every row is now a duplicate.
    await importRows(db, people, people.rows);
    const before = await snapshot();
    const again = { ...people, rows: people.rows.map((r) => ({ ...r, id: newId() })) };
    await expect(importRows(db, again, again.rows)).rejects.toThrow(/预览之后台账已有变化/);
    expect(await snapshot()).toEqual(before);
  });

  it('leaves every table exactly as it was when the disk is full during the import', async () => {
    await createRecord<Unit>(db, 'units', { name: '党委办公室', kind: '职能部门' });
    const units = await previewOf('单位', 'units');
    const before = await snapshot();
    expect(before.units).toHaveLength(1);
    // The records are written, then the audit entries hit a full disk inside the same transaction.
    vi.spyOn(db.auditLog, 'bulkAdd').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const attempt = importRows(db, units, units.rows);
    await expect(attempt).rejects.toThrow(DISK_FULL_MESSAGE);
    await expect(attempt).rejects.toMatchObject({ name: 'LedgerError' });
    vi.restoreAllMocks();
    expect(await snapshot()).toEqual(before);
  });

  it('also rolls back when the records themselves hit the full disk', async () => {
    const units = await previewOf('单位', 'units');
    const before = await snapshot();
    vi.spyOn(db.units, 'bulkAdd').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await expect(importRows(db, units, units.rows)).rejects.toThrow(DISK_FULL_MESSAGE);
    vi.restoreAllMocks();
    expect(await snapshot()).toEqual(before);
  });
});

type PlatformDraft = Omit<Platform, 'id' | 'createdAt' | 'updatedAt'>;

function platformDraft(fields: Pick<PlatformDraft, 'kind' | 'name' | 'accountId' | 'hostUnitId'> & Partial<PlatformDraft>): PlatformDraft {
  return { purpose: '', contentScope: '', certification: '未认证', followers: [], server: { involvesData: false }, sectionAdminIds: [], measures: '', columns: [], status: '运行中', statusHistory: [], ...fields };
}

async function openLedger(name: string): Promise<LedgerDb> {
  const ledger = new LedgerDb(name);
  await ledger.open();
  await saveSettings(ledger, { institutionName: '东湖示范大学', profileId: PRESET_PROFILES[0]!.id, profile: PRESET_PROFILES[0]!, operatorName: '王𠮷' });
  return ledger;
}

async function platformPreview(ledger: LedgerDb, sheet: ReadSheet): Promise<ImportPreview> {
  const header = findHeaderRow(sheet, 'platforms');
  const result = buildPreview(sheet, header, proposeMapping(sheet, header, 'platforms'), 'platforms', await loadStoredData(ledger), { today: '2026-03-01', newId });
  if (!result.ok) throw new Error(result.reason);
  return result.preview;
}

describe('CSV export, then import', () => {
  it('round-trips formula-looking text: the export\'s apostrophe is taken off again, and every row is found as the platform it came from', async () => {
    const tw = await createRecord<Unit>(db, 'units', { name: '校团委', kind: '职能部门' });
    const minus = await createRecord<Unit>(db, 'units', { name: '-青年中心', kind: '其他' });
    const originals = [
      platformDraft({ kind: '微博', name: '-暂停更新', accountId: '-abc', hostUnitId: tw.id, openedOn: '2019-06-13', note: '=SUM(A1)' }),
      platformDraft({ kind: '微信公众号', name: '=东湖青年', accountId: '@dhsf_youth', hostUnitId: minus.id, note: "'+已备案" }),
      platformDraft({ kind: '其他', name: '+校史馆小程序', accountId: '', hostUnitId: tw.id, note: '-' }),
    ];
    const platforms: Platform[] = [];
    for (const draft of originals) platforms.push(await createRecord<Platform>(db, 'platforms', draft));
    const units = new Map((await db.units.toArray()).map((u) => [u.id, u.name]));
    const table = platformsTable(platforms, { unitName: (id) => (id ? (units.get(id) ?? '') : ''), personName: () => '' });

    // The export's files are built in the xlsx worker; here its stand-in answers in this process.
    vi.stubGlobal('Worker', InProcessXlsxWorker);
    for (const encoding of ['utf8-bom', 'gbk'] as const) {
      const { files } = await buildExport('平台台账', [table], encoding);
      const bytes = await bytesOf(files[0]!.data);
      const text = encoding === 'gbk' ? new TextDecoder('gbk').decode(bytes) : new TextDecoder().decode(bytes);
      // What the export guards (the premise of the test).
      expect(text).toContain("'-暂停更新,'-abc");
      expect(text).toContain("'=东湖青年,'@dhsf_youth");
      const read = await readWorkbook(bytes, files[0]!.name);
      if (!read.ok) throw new Error(read.reason);

      // Into the same ledger: every row is a duplicate of the platform it was exported from.
      const again = await platformPreview(db, read.sheets[0]!);
      // The preview shows the cells without the apostrophe too (平台名称, 账号, 主办单位, 备注).
      const shown = (r: (typeof again.rows)[number]) => [1, 2, 4, 22].map((i) => r.cells[i] ?? '');
      expect(again.rows.map((r) => [r.errors, shown(r), r.duplicate])).toEqual([
        [[], ['-暂停更新', '-abc', '校团委', '=SUM(A1)'], '与已登记的同类型、同账号的平台“-暂停更新”重复，不再重复导入'],
        [[], ['=东湖青年', '@dhsf_youth', '-青年中心', "'+已备案"], '与已登记的同类型、同账号的平台“=东湖青年”重复，不再重复导入'],
        [[], ['+校史馆小程序', '', '校团委', '-'], expect.stringMatching(/^与已登记的平台“\+校史馆小程序”可能重复/)],
      ]);
      expect(splitPreview(again).ready).toEqual([]);

      // Into another ledger holding the same units: the platforms arrive as they were.
      const other = await openLedger(`sheet-import-round-trip-${++n}`);
      try {
        const otherUnits = new Map<string, string>();
        for (const name of ['校团委', '-青年中心']) otherUnits.set((await createRecord<Unit>(other, 'units', { name, kind: '其他' })).id, name);
        const preview = await platformPreview(other, read.sheets[0]!);
        expect(splitPreview(preview).problems).toEqual([]);
        expect(await importRows(other, preview, preview.rows)).toBe(3);
        const arrived = await other.platforms.toArray();
        const shape = (p: Platform, unitNames: ReadonlyMap<string, string>) => ({ kind: p.kind, name: p.name, accountId: p.accountId, host: unitNames.get(p.hostUnitId ?? ''), openedOn: p.openedOn, note: p.note });
        expect(arrived.map((p) => shape(p, otherUnits)).sort((a, b) => a.name.localeCompare(b.name))).toEqual(platforms.map((p) => shape(p, units)).sort((a, b) => a.name.localeCompare(b.name)));
      } finally {
        await other.delete();
      }
    }
  });
});

describe('the re-check of an import of platforms', () => {
  it('reads the platforms holding the rows’ accounts and those of their host units, not the registry, and still refuses an account registered since the preview in another spelling', async () => {
    const tw = await createRecord<Unit>(db, 'units', { name: '校团委', kind: '职能部门' });
    const other = await createRecord<Unit>(db, 'units', { name: '图书馆', kind: '直属单位' });
    // A registry of another unit, of the rows' kinds and of others: the re-check has no reason to read it.
    await db.platforms.bulkAdd(Array.from({ length: 200 }, (_, i) => platformRecord(`lib-${i}`, { kind: i % 2 ? '微博' : '微信公众号', accountId: `lib_${i}`, hostUnitId: other.id })));
    const sameUnit = await createRecord<Platform>(db, 'platforms', platformDraft({ kind: '抖音', name: '东湖团委抖音', accountId: 'dhsf_tw_dy', hostUnitId: tw.id }));
    const sheet: ReadSheet = {
      name: '台账',
      rows: [
        ['平台类型', '账号名称', '账号ID', '主办单位'],
        ['微信公众号', '东湖青年', 'dhsf_youth', '校团委'],
        ['微博', '东湖青年微博', 'dhsf_youth_wb', '校团委'],
      ],
    };
    const preview = await platformPreview(db, sheet);
    expect(splitPreview(preview).ready).toHaveLength(2);
    const spelled = await createRecord<Platform>(db, 'platforms', platformDraft({ kind: '微博', name: '别处登记的微博', accountId: ' DHSF_Youth_WB ', hostUnitId: other.id }));

    const before = await snapshot();
    reads.records.clear();
    await expect(importRows(db, preview, preview.rows)).rejects.toThrow(/预览之后台账已有变化/);
    const read = new Set(((reads.records.get('platforms') ?? []) as Platform[]).map((p) => p.id));
    expect(read).toEqual(new Set([sameUnit.id, spelled.id]));
    expect(await snapshot()).toEqual(before);

    // Once that platform is gone (not trashed: the rule counts the trash too), the same rows are written.
    await db.platforms.delete(spelled.id);
    expect(await importRows(db, preview, preview.rows)).toBe(2);
  });
});

describe('platforms without an account id', () => {
  it('refuses, writing nothing, a row whose kind, name and host unit were registered without an account after the preview', async () => {
    const tw = await createRecord<Unit>(db, 'units', { name: '校团委', kind: '职能部门' });
    const sheet: ReadSheet = { name: '台账', rows: [['平台类型', '账号名称', '账号ID', '主办单位'], ['其他', '迎新小程序', '', '校团委']] };
    const preview = await platformPreview(db, sheet);
    expect(splitPreview(preview).ready).toHaveLength(1);
    await createRecord<Platform>(db, 'platforms', platformDraft({ kind: '其他', name: '迎新小程序', accountId: '', hostUnitId: tw.id }));
    const before = await snapshot();
    await expect(importRows(db, preview, preview.rows)).rejects.toThrow(/预览之后台账已有变化/);
    expect(await snapshot()).toEqual(before);
    // Built again, the preview shows the row as a duplicate.
    expect((await platformPreview(db, sheet)).rows[0]!.duplicate).toMatch(/^与已登记的平台“迎新小程序”可能重复/);
  });
});
