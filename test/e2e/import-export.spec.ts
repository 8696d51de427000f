// An old ledger written by another spreadsheet program (LibreOffice) is imported through the UI —
// units, people, then the registry with its per-row errors and its duplicate left out — and the
// registry is exported again to .xlsx and CSV (UTF-8 with BOM, GBK) and read back.
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { parseCsv } from '../../shared/spreadsheet/csv';
import { readStore } from './pages/app-database';
import { ImportExportPage } from './pages/import-export-page';
import { LedgerApp } from './pages/ledger-app';

const FIXTURE = 'test/fixtures/ledger-libreoffice.xlsx';

// West of UTC on purpose: exceljs gives date cells as UTC midnight, which local time would read
// as the day before.
test.use({ timezoneId: 'America/New_York' });

interface StoredPlatform {
  id: string;
  kind: string;
  name: string;
  accountId: string;
  hostUnitId: string;
  openedOn?: string;
  responsibleId?: string;
  note?: string;
}

test('import the LibreOffice ledger, leave the bad rows out, export it and read the export back', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.goTo('导入与导出');
  const ie = new ImportExportPage(page);

  // Units first, then people: the registry names them.
  await ie.chooseFile(FIXTURE);
  await ie.pick('单位', '单位');
  await expect(ie.summary()).toHaveText('共 11 行：可导入 11 行，有错误 0 行，重复 0 行。');
  await ie.importAll(11, '单位');
  await ie.chooseFile(FIXTURE);
  await ie.pick('人员', '人员');
  await expect(ie.summary()).toHaveText('共 17 行：可导入 17 行，有错误 0 行，重复 0 行。');
  await ie.importAll(17, '人员');

  // The registry: a title row above the header, dates as people type them, three bad rows.
  await ie.chooseFile(FIXTURE);
  await ie.pick('平台台账', '平台台账');
  await expect(page.getByRole('spinbutton', { name: '标题行' })).toHaveValue('2');
  await expect(page.getByRole('combobox', { name: '第 D 列“账号ID”导入为' })).toBeVisible();
  await expect(page.getByRole('table', { name: '列的对应关系' }).getByRole('row').filter({ hasText: '序号' })).toContainText('不导入');
  await expect(ie.summary()).toHaveText('共 30 行：可导入 27 行，有错误 2 行，重复 1 行。');
  await expect(ie.previewRow(16)).toContainText('开通时间：“2013.2.30”不是真实的日期：2013年2月没有30日，请核对');
  await expect(ie.previewRow(30)).toContainText('与本表第 8 行重复（同类型、同账号的平台），只导入第 8 行');
  await expect(ie.previewRow(31)).toContainText('主办单位：找不到名为“国际交流处”的单位');
  await expect(ie.previewRow(32)).toContainText('可导入');
  await expect(ie.importButton(27)).toBeDisabled();
  await page.getByRole('checkbox', { name: '不导入有问题的 3 行（错误 2 行，重复 1 行）' }).check();
  await ie.importAll(27, '平台台账');

  // What was stored: 27 platforms, dates understood, names resolved, the bad rows absent.
  const platforms = await readStore<StoredPlatform>(page, 'platforms');
  const units = await readStore<{ id: string; name: string }>(page, 'units');
  const people = await readStore<{ id: string; name: string }>(page, 'people');
  expect(platforms).toHaveLength(27);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const byAccount = new Map(platforms.map((p) => [`${p.kind}/${p.accountId}`, p]));
  expect(byAccount.get('官方网站/www.dhsf.edu.cn')).toMatchObject({ name: '东湖示范大学主页', openedOn: '2008-09-01' });
  expect(byAccount.get('抖音/dhsf_douyin')).toMatchObject({ openedOn: '2019-06-13' });
  expect(byAccount.get('微信公众号/dhsf_pe')).toMatchObject({ openedOn: '2019-06-13' });
  expect(byAccount.get('微信公众号/dhsf_youth')).toMatchObject({ name: '东湖青年', openedOn: '2015-03-12' });
  const alumni = byAccount.get('微信公众号/dhsf_alumni_jl')!;
  expect(alumni).toMatchObject({ name: '𠮷林校友会', openedOn: '2017-09-05' });
  expect(personName.get(alumni.responsibleId!)).toBe('陈𠮷安');
  expect(platforms.some((p) => p.accountId === 'weibo.com/dhsflib' || p.accountId === 'dhsf_intl' || p.name === '东湖青年（旧号）')).toBe(false);
  const audit = await readStore<{ action: string; table: string; recordId: string }>(page, 'auditLog');
  const created = new Set(audit.filter((e) => e.action === 'create').map((e) => e.recordId));
  for (const r of [...platforms, ...units, ...people]) expect(created.has(r.id)).toBe(true);

  // Export the registry and read every file back.
  await app.goTo('平台台账');
  await expect(page.getByText('共 27 个')).toBeVisible();
  const xlsx = await ie.export('xlsx');
  expect(xlsx.name).toMatch(/^平台台账-\d{8}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet('平台台账')!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const col = (name: string) => header.indexOf(name);
  const xlsxRows: string[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) xlsxRows.push(header.map((_, i) => (row.getCell(i + 1).value === null ? '' : String(row.getCell(i + 1).value))));
  });
  expect(xlsxRows).toHaveLength(27);
  for (const p of platforms) {
    const row = xlsxRows.find((r) => r[col('平台类型')] === p.kind && r[col('账号')] === p.accountId);
    expect(row, `${p.kind}/${p.accountId}`).toBeDefined();
    expect(row![col('平台名称')]).toBe(p.name);
    expect(row![col('主办单位')]).toBe(unitName.get(p.hostUnitId));
    expect(row![col('开通日期')]).toBe(p.openedOn ?? '');
    expect(row![col('责任人')]).toBe(p.responsibleId ? personName.get(p.responsibleId) : '');
    expect(row![col('备注')]).toBe(p.note ?? '');
  }
  // Text that looks like a formula stays text in the workbook.
  expect(xlsxRows.find((r) => r[col('账号')] === 'dhsf_pe_dy')![col('备注')]).toBe('-暂缓认证');

  const utf8 = await ie.export('utf8-bom');
  expect(utf8.name).toMatch(/^平台台账-\d{8}-UTF-8\.csv$/);
  expect([...utf8.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const utf8Text = new TextDecoder().decode(utf8.bytes.subarray(3));
  expect(utf8Text.endsWith('\r\n')).toBe(true);
  const csv = parseCsv(utf8Text, { maxRows: 100, maxColumns: 50 });
  expect(csv.ok).toBe(true);
  const csvRows = csv.ok ? csv.rows.map((r) => r.map((c) => (c === null ? '' : String(c)))) : [];
  expect(csvRows[0]).toEqual(header);
  // The same rows as the workbook; the one demo value that starts like a formula ('-暂缓认证')
  // gets the formula guard's apostrophe in the CSV, and nothing else differs.
  const guarded = xlsxRows.map((r) => (r[col('账号')] === 'dhsf_pe_dy' ? r.map((c, i) => (i === col('备注') ? "'-暂缓认证" : c)) : r));
  expect(csvRows.slice(1)).toEqual(guarded);

  const gbk = await ie.export('gbk', async (dialog) => {
    await expect(dialog).toContainText('𠮷');
    await dialog.getByRole('button', { name: '仍用 GBK 导出' }).click();
  });
  expect(gbk.name).toMatch(/^平台台账-\d{8}-GBK\.csv$/);
  expect(gbk.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
  const gbkText = new TextDecoder('gbk').decode(gbk.bytes);
  // Every character but 𠮷 (beyond GBK) comes back; 𠮷 became '?', as the dialog said.
  expect(gbkText).toBe(utf8Text.replaceAll('𠮷', '?'));
  expect(gbkText).toContain('?林校友会');
});
