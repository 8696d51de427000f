// "Who deleted the 宣传部 account, and what did it say before?" answered from the audit page: the
// record's name (kept in the entry, so it survives deletion), Chinese field labels with values
// before → after, filters by table, operator and record, and a link to the record's trash entry.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { AuditLogPage } from './pages/audit-page';
import { LedgerApp } from './pages/ledger-app';
import { RegistryPage } from './pages/registry-page';

// A machine whose clock is not the institution's: times still read on China time, the profile's.
test.use({ timezoneId: 'America/New_York' });

test('the audit log names a deleted account, shows what it said, filters, and links to its trash entry', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-06-15T10:00:00Z'));
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.createUnit('宣传部');

  await app.goTo('平台台账');
  const registry = new RegistryPage(page);
  await registry.createPlatform({ kind: '微信公众号', name: '东湖示范大学宣传部', accountId: 'dhsf-xcb', hostUnit: '宣传部', purpose: '发布学校新闻' });
  await page.getByRole('button', { name: '删除 东湖示范大学宣传部' }).click();
  await page.getByRole('button', { name: '移入回收站' }).click();
  await expect(page.getByText('已将“东湖示范大学宣传部”移入回收站')).toBeVisible();

  await app.goTo('审计日志');
  const audit = new AuditLogPage(page);
  const deleted = audit.row('平台台账', '删除');
  await expect(deleted).toHaveCount(1);
  await expect(deleted).toContainText('东湖示范大学宣传部（在回收站）');
  await expect(deleted).toContainText('王𠮷');
  // 10:00 UTC is 18:00 in Beijing (06:00 on this machine's New York clock).
  await expect(deleted).toContainText('2026-06-15 18:00:00');
  await expect(deleted).toContainText('回收站：（空） → 已移入回收站（');
  // What it said: the creation, in Chinese labels with the unit's name, not its id.
  const created = audit.row('平台台账', '新建');
  await expect(created).toContainText('主办单位：（空） → 宣传部');
  await expect(created).toContainText('微信号/原始ID：（空） → dhsf-xcb');
  // Nested entries read as text, not JSON.
  await expect(created).toContainText('服务器：（空） → 不涉及数据服务');
  await expect(created).not.toContainText('{');
  await expect(created).not.toContainText('hostUnitId');
  // Its own id is not a change the clerk reads: 记录 names the record.
  await expect(created).not.toContainText('其他栏目');

  await audit.filterTable('单位');
  await expect(audit.rows()).toHaveCount(1);
  await expect(audit.rows()).toContainText('宣传部');
  await audit.filterTable('平台台账');
  await audit.onlyRecord('东湖示范大学宣传部');
  await expect(audit.rows()).toHaveCount(2);
  await audit.filterOperator('李龘');
  await expect(page.locator('.ant-empty-description')).toHaveText('没有符合筛选条件的记录');
  await audit.filterOperator('王𠮷');
  await expect(audit.rows()).toHaveCount(2);

  // 导出 Excel writes the whole log, oldest first, whatever the filter (read and written a page at a time).
  await page.getByRole('button', { name: '校验完整性' }).click();
  const verdict = page.getByText(/^校验通过：全部 \d+ 条记录完整/);
  await expect(verdict).toBeVisible();
  const entries = Number((await verdict.textContent())!.match(/\d+/)![0]);
  // The xlsx worker's script is held back to look at the button while the export runs: the log's total, known up front.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.context().route('**/xlsx-worker*', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const busy = page.getByRole('button', { name: `正在导出 ${entries} 行…` });
  await expect(busy).toBeVisible();
  await expect(busy).toBeDisabled();
  const downloading = page.waitForEvent('download');
  release();
  const download = await downloading;
  await expect(page.getByRole('button', { name: '导出 Excel' })).toBeEnabled();
  expect(download.suggestedFilename()).toMatch(/^审计日志-\d{8}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
  expect(book.worksheets.map((w) => w.name)).toEqual(['审计日志']);
  const sheet: string[][] = [];
  book.worksheets[0]!.eachRow((row) => sheet.push((row.values as unknown[]).slice(1).map((cell) => (cell == null ? '' : String(cell)))));
  expect(sheet[0]).toEqual(['序号', '时间', '操作员', '类别', '记录', '记录编号', '操作', '变更内容', '哈希']);
  expect(sheet.slice(1).map((r) => r[0])).toEqual(Array.from({ length: entries }, (_, i) => String(i + 1)));
  expect(sheet.at(-1)!.slice(2, 5)).toEqual(['王𠮷', '平台台账', '东湖示范大学宣传部']);
  expect(sheet.at(-1)![6]).toBe('删除');
  expect(sheet.at(-1)![1]).toBe('2026-06-15 18:00:00');
  const createdRow = sheet.find((r) => r[6] === '新建' && r[3] === '平台台账')!;
  expect(createdRow[7]).toContain('微信号/原始ID：（空） → dhsf-xcb');
  expect(createdRow[7]).not.toContain(createdRow[5]!);

  await deleted.getByText('东湖示范大学宣传部（在回收站）').click();
  await expect(page.getByRole('button', { name: '恢复 东湖示范大学宣传部' })).toBeVisible();
});

/** The pages of 50 the log holds, counted in IndexedDB here: all entries, those of one table, or those of an operator. */
async function pagesOfLog(page: Page, only: { table?: string; operator?: string } = {}): Promise<number> {
  return page.evaluate(
    ({ table, operator }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('media-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('auditLog').objectStore('auditLog');
          const all = store.getAll();
          all.onsuccess = () => {
            open.result.close();
            const kept = (all.result as { table: string; operator: string }[]).filter((e) => (!table || e.table === table) && (!operator || e.operator.includes(operator)));
            resolve(Math.ceil(kept.length / 50));
          };
          all.onerror = () => reject(all.error);
        };
      }),
    only,
  );
}

test('审计日志’s pager offers every page of the log and of a filter once they are counted, and keeps them while paging', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.startWithDemo();
  await app.goTo('审计日志');
  const audit = new AuditLogPage(page);
  await expect(audit.rows()).toHaveCount(50);
  const pager = page.locator('.ant-pagination');
  const lastPage = (n: number) => pager.locator('.ant-pagination-item').last().filter({ hasText: new RegExp(`^${n}$`) });
  // The whole log: counted a slice at a time.
  const all = await pagesOfLog(page);
  expect(all).toBeGreaterThan(2);
  await expect(lastPage(all)).toBeVisible();
  // Page 2 of the same filter: the count stands, the pager still offers the last page.
  await pager.locator('.ant-pagination-item').filter({ hasText: /^2$/ }).click();
  await expect(pager.locator('.ant-pagination-item-active')).toHaveText('2');
  await expect(lastPage(all)).toBeVisible();
  // An operator's entries: counted by a walk over the entries, from the filter's first page.
  await audit.filterOperator('王𠮷');
  const theirs = await pagesOfLog(page, { operator: '王𠮷' });
  expect(theirs).toBeGreaterThan(1);
  await expect(pager.locator('.ant-pagination-item-active')).toHaveText('1');
  await expect(lastPage(theirs)).toBeVisible();
  // A table's entries (one page of them in the demo): no pager, and only that table's entries.
  await audit.filterOperator('');
  await audit.filterTable('平台台账');
  expect(await pagesOfLog(page, { table: 'platforms' })).toBe(1);
  await expect(pager).toHaveCount(0);
  await expect(audit.rows().first()).toContainText('平台台账');
  expect(await audit.rows().allTextContents()).not.toContainEqual(expect.not.stringContaining('平台台账'));
});
