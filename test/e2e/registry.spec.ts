// The foundation path a new clerk takes: set up, load the demo, register an account, find it
// by pinyin initials, and print its 备案信息表 (F04) as a PDF that holds the account's name.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { countRows } from './pages/app-database';
import { LedgerApp } from './pages/ledger-app';
import { RegistryPage } from './pages/registry-page';
import { outputFile } from './pages/output-file';

test('set up, load demo, register a platform, find it by pinyin initials, print F04', async ({ page }) => {
  const cspViolations: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  const app = new LedgerApp(page);
  await app.openWithDemo();

  await app.goTo('平台台账');
  const registry = new RegistryPage(page);
  await expect(page.getByText(/^共 3\d 个$/)).toBeVisible();

  const name = '校史馆龘𠮷新媒体';
  await registry.createPlatform({
    kind: '微信公众号',
    name,
    accountId: 'dh_xiaoshiguan',
    hostUnit: '党委宣传部',
    purpose: '展示校史，服务校友。',
  });

  await page.getByRole('button', { name: '返回台账' }).click();
  // The same account cannot be registered twice, however its case or spacing is typed (as the
  // Excel import and exchange packages compare accounts); what was typed stays in the drawer.
  const again = await registry.submitNewPlatform({ kind: '微信公众号', name: '重复登记', accountId: 'DH_XiaoShiGuan', hostUnit: '党委宣传部', purpose: '' });
  await expect(again.getByText('已登记过同类型、同账号的平台“校史馆龘𠮷新媒体”')).toBeVisible();
  await expect(again.getByLabel('账号/平台名称')).toHaveValue('重复登记');
  await again.getByRole('button', { name: '取消' }).click();
  await registry.search('xsg');
  await expect(registry.rowLink(name)).toBeVisible();
  await registry.search('tsg');
  await expect(registry.rowLink(name)).toBeHidden();
  await expect(registry.table.getByRole('link', { name: /图书馆/ }).first()).toBeVisible();
  await registry.search('xsg');
  await registry.rowLink(name).click();

  await page.getByRole('button', { name: '打印备案信息表' }).click();
  const preview = page.getByRole('dialog');
  await expect(preview.locator('iframe[title="表格预览"]')).toBeVisible({ timeout: 30_000 });
  const downloading = page.waitForEvent('download');
  await preview.getByRole('button', { name: '保存为 PDF' }).click();
  const download = await downloading;
  // 表名-账号名称-日期.pdf (issue 16.13): one rule for every saved form.
  expect(download.suggestedFilename().startsWith(`微信、微博账号备案信息表-${name}-`)).toBe(true);
  expect(download.suggestedFilename()).toMatch(/-\d{4}-\d{2}-\d{2}\.pdf$/);

  const file = outputFile('f04.pdf');
  await download.saveAs(file);
  // Long names wrap inside their cell, so compare with white space removed.
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  writeFileSync(outputFile('f04.txt'), text);
  expect(text).toContain(name);
  expect(text).toContain('dh_xiaoshiguan');
  expect(text).toContain('东湖示范大学微信、微博账号备案信息表');
  // The save is recorded as a printout waiting for signatures.
  const printouts = await countRows(page, 'printouts');

  expect(printouts).toBe(1);
  // The browser edition runs under the desktop app's CSP; nothing the app does may violate it.
  expect(cspViolations).toEqual([]);
});

test('while the clerk stays on the start page, the registers’ worker starts and builds their indexes', async ({ page }) => {
  const started = page.waitForEvent('worker', { predicate: (w) => /register-worker/.test(w.url()), timeout: 60_000 });
  const app = new LedgerApp(page);
  await app.openWithDemo();
  // No register is opened: the start page and 设置 only.
  await app.goTo('首页');
  await expect(page.getByText('待办提醒').first()).toBeVisible();
  await started;
  expect(page.url()).not.toMatch(/#\/(platforms|reviews)/);
});

test('the registers’ worker starts with the start page, even while the clerk keeps typing', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.openWithDemo();
  await app.goTo('首页');
  // A new session of the window: its worker is started again.
  let started = false;
  page.on('worker', (w) => {
    if (/register-worker/.test(w.url())) started = true;
  });
  // A key every 20 ms from before the app's first script never leaves the pause its loads wait
  // for (2 s): only the worker's start may come meanwhile (a register opened soon after the start
  // waited for it).
  await page.addInitScript(() => {
    setInterval(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift' })), 20);
  });
  await page.reload();
  await expect.poll(() => started, { timeout: 15_000 }).toBe(true);
  await expect(page.getByText('待办提醒').first()).toBeVisible();
  expect(page.url()).not.toMatch(/#\/(platforms|reviews)/);
});
