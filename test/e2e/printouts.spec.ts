// Batch printing with progress and cancel, tracking a printed form until its signed scan is
// back, and opening a record by scanning the QR code on its paper.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { countRows, deleteRow, readStore } from './pages/app-database';
import { LedgerApp } from './pages/ledger-app';
import { PrintoutsPage } from './pages/printouts-page';
import { outputFile } from './pages/output-file';
import { exportedXml } from './pages/list-export';


test('batch print shows progress and can be cancelled; a finished batch is one PDF and is tracked', async ({ page }) => {
  const printouts = await PrintoutsPage.openOnDemo(page);
  // The year's inspection forms: dozens of accounts, so the batch is still running when 取消 is pressed.
  await printouts.chooseForm('F11');

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  let dialog = await printouts.startBatchOfAll();
  await expect(dialog.getByRole('progressbar', { name: '批量打印进度' })).toBeVisible();
  // 取消 while it runs. (Waiting first for a given form number raced the worker, which the
  // throttling does not slow: the whole batch could pass between two looks at the page.)
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog.getByText('已取消批量打印，未登记任何打印记录。')).toBeVisible();
  expect(await countRows(page, 'printouts')).toBe(0);
  await dialog.getByRole('button', { name: '关闭' }).last().click();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

  await printouts.chooseForm('F04');
  // Every progress line the dialog shows is noted as it is drawn, so that the test sees the count
  // advance however fast the batch runs.
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { batchProgressSeen: seen });
    new MutationObserver(() => {
      const line = document.querySelector('[role="dialog"]')?.textContent?.match(/正在生成第 \d+ 份，共 \d+ 份/)?.[0];
      if (line && seen.at(-1) !== line) seen.push(line);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  dialog = await printouts.startBatchOfAll();
  await expect(dialog.getByText(/已生成 (\d+) 份表格/)).toBeVisible({ timeout: 60_000 });
  const total = Number((await dialog.getByText(/已生成 \d+ 份表格/).textContent())!.match(/已生成 (\d+) 份/)![1]);
  expect(total).toBeGreaterThan(5);
  const shown = (await page.evaluate(() => (window as unknown as { batchProgressSeen: string[] }).batchProgressSeen)).map((line) => Number(line.match(/第 (\d+) 份/)![1]));
  expect(new Set(shown).size).toBeGreaterThanOrEqual(2);
  expect(shown).toEqual([...shown].sort((a, b) => a - b));
  expect(Math.max(...shown)).toBeLessThanOrEqual(total);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '保存为 PDF' }).click();
  const file = outputFile('batch.pdf');
  await (await downloading).saveAs(file);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(Number(info.match(/Pages:\s+(\d+)/)![1])).toBeGreaterThanOrEqual(total);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  // Every form keeps its own number and page count.
  expect(new Set(text.match(/编号：BA-\d{4}-\d{4}/g)).size).toBe(total);
  await dialog.getByRole('button', { name: '关闭' }).last().click();
  expect(await countRows(page, 'printouts')).toBe(total);

  await printouts.openTab(/^待签回/);
  await expect(page.getByRole('tab', { name: `待签回（${total}）` })).toBeVisible();
  // The oldest first: the batch's first form.
  await expect(page.getByRole('table', { name: '打印记录' }).getByRole('row').nth(1)).toContainText('BA-2026-0001');

  // 全部打印记录's 导出 Excel holds every printout of the list (its ids come from the registers' worker).
  await printouts.openTab('全部打印记录');
  await expect(page.getByRole('table', { name: '打印记录' }).getByRole('row').nth(1)).toContainText(`BA-2026-${String(total).padStart(4, '0')}`);
  const xml = await exportedXml(page);
  expect(new Set(xml.match(/BA-2026-\d{4}/g)).size).toBe(total);
});

test('a scan of the signed copy marks the form 已签回; a wrong file is refused; the QR id opens the record', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();

  // Print one F04 from a platform page: it is recorded as 待签回.
  await app.goTo('平台台账');
  await page.getByRole('searchbox', { name: '搜索平台' }).fill('官方微博');
  await page.getByRole('table', { name: '平台台账' }).getByRole('link').first().click();
  const platformName = (await page.getByRole('heading', { level: 3 }).textContent())!;
  await page.getByRole('button', { name: '打印备案信息表' }).click();
  const preview = page.getByRole('dialog');
  await expect(preview.locator('iframe[title="表格预览"]')).toBeVisible({ timeout: 30_000 });
  const downloading = page.waitForEvent('download');
  await preview.getByRole('button', { name: '保存为 PDF' }).click();
  await downloading;
  await preview.getByRole('button', { name: '关闭' }).last().click();

  await app.goTo('打印与签回');
  const row = page.getByRole('row', { name: new RegExp(platformName) });
  await expect(row.getByText('待签回', { exact: true })).toBeVisible();
  const number = (await row.getByRole('cell').first().textContent())!.trim();

  const bad = outputFile('scan.pdf');
  writeFileSync(bad, 'this is a text file pretending to be a PDF');
  await row.locator('input[type=file]').setInputFiles(bad);
  await expect(page.getByText('只能上传 PDF、JPEG 或 PNG 格式的扫描件')).toBeVisible();
  await expect(row.getByText('待签回', { exact: true })).toBeVisible();
  expect(await countRows(page, 'attachments')).toBe(0);

  const good = outputFile('signed.png');
  writeFileSync(good, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
  await row.locator('input[type=file]').setInputFiles(good);
  await expect(page.getByText(`已保存扫描件，${number} 已签回`)).toBeVisible();
  await expect(page.getByRole('tab', { name: '待签回（0）' })).toBeVisible();
  expect(await countRows(page, 'attachments')).toBe(1);

  // A USB scanner types the record id from the QR code and presses Enter.
  const recordId = (await readStore<{ recordId: string }>(page, 'printouts'))[0]!.recordId;

  await page.getByRole('searchbox', { name: '扫码或输入编号' }).fill(recordId);
  await page.getByRole('searchbox', { name: '扫码或输入编号' }).press('Enter');
  await expect(page.getByRole('heading', { name: platformName })).toBeVisible();

  // A typed form number opens the printout with its scan.
  await app.goTo('打印与签回');
  await page.getByRole('searchbox', { name: '扫码或输入编号' }).fill(number);
  await page.getByRole('searchbox', { name: '扫码或输入编号' }).press('Enter');
  const drawer = page.getByRole('dialog', { name: `打印记录 ${number}` });
  await expect(drawer.getByText('已签回')).toBeVisible();
  await expect(drawer.getByRole('img', { name: '扫描件' })).toBeVisible();
  // The drawer's buttons are drawn in the theme too (its variables reach a drawer, outside the list).
  const upload = drawer.getByRole('button', { name: `上传扫描件 ${number}` });
  await upload.hover();
  await expect.poll(() => upload.evaluate((b) => getComputedStyle(b).borderColor)).toBe('rgb(179, 57, 65)');

  // The scan's bytes lost from this computer's data (its row remains): the drawer says so.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  const [scan] = await readStore<{ sha256: string; name: string }>(page, 'attachments');
  await deleteRow(page, 'scanBytes', scan!.sha256);
  await page.getByRole('searchbox', { name: '扫码或输入编号' }).fill(number);
  await page.getByRole('searchbox', { name: '扫码或输入编号' }).press('Enter');
  await expect(drawer.getByText(`扫描件“${scan!.name}”的文件内容缺失，请重新上传扫描件，或从备份恢复。`)).toBeVisible();

  // A reprint keeps the number and the pinned template version, and records no new printout.
  await drawer.getByRole('button', { name: '重印（同一编号）' }).click();
  await expect(page.getByText(`重印 ${number}（模板 2026.1 版），不另行登记。`)).toBeVisible();
  await expect(page.locator('iframe[title="表格预览"]')).toBeVisible({ timeout: 30_000 });
  expect(await countRows(page, 'printouts')).toBe(1);
});

test('the print center lists a form’s records a page at a time and keeps the choice across pages', async ({ page }) => {
  const printouts = await PrintoutsPage.openOnDemo(page);
  // The demo's inspections: more than one page of 20.
  await printouts.chooseForm('F11');
  const center = page.getByRole('region', { name: '打印中心' });
  const all = center.getByRole('button', { name: /^全选（\d+）/ });
  await expect(all).toBeEnabled();
  const total = Number((await all.textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThan(20);
  const rows = center.locator('tbody tr[data-row-key]');
  await expect(rows).toHaveCount(20);
  await rows.nth(0).getByRole('checkbox').check();
  await center.getByRole('listitem', { name: '2' }).click();
  await expect(rows).toHaveCount(Math.min(20, total - 20));
  await rows.nth(0).getByRole('checkbox').check();
  await expect(center.getByRole('button', { name: '批量打印所选（2）' })).toBeEnabled();
  await center.getByRole('button', { name: '批量打印所选（2）' }).click();
  const dialog = printouts.batchDialog();
  await expect(dialog.getByText('已生成 2 份表格')).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole('button', { name: '关闭' }).last().click();
  // A filter that matches nothing says so; clearing the choice empties it.
  await center.getByRole('searchbox', { name: '筛选记录' }).fill('没有这样的记录');
  await expect(center.getByText('没有符合筛选条件的记录')).toBeVisible();
  await center.getByRole('button', { name: '清除选择' }).click();
  await expect(center.getByRole('button', { name: '批量打印所选（0）' })).toBeDisabled();
});

test('待签回 is paged; once the last page’s forms are all signed back, the page before is shown', async ({ page }) => {
  const printouts = await PrintoutsPage.openOnDemo(page);
  // The year's inspection forms: more than a page of 20.
  await printouts.chooseForm('F11');
  const dialog = await printouts.startBatchOfAll();
  const done = dialog.getByText(/已生成 \d+ 份表格/);
  await expect(done).toBeVisible({ timeout: 60_000 });
  const total = Number((await done.textContent())!.match(/已生成 (\d+) 份/)![1]);
  expect(total).toBeGreaterThan(20);
  const last = Math.ceil(total / 20);
  const onLast = total - 20 * (last - 1);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '保存为 PDF' }).click();
  await downloading;
  await dialog.getByRole('button', { name: '关闭' }).last().click();

  await printouts.openTab(/^待签回/);
  const panel = page.getByRole('tabpanel');
  const rows = panel.getByRole('table', { name: '打印记录' }).locator('tbody tr[data-row-key]');
  await expect(rows).toHaveCount(20);
  await panel.locator(`.ant-pagination-item-${last}`).click();
  await expect(rows).toHaveCount(onLast);
  for (let left = total; left > total - onLast; left--) {
    await rows.first().getByRole('button', { name: '标记已签回' }).click();
    await expect(page.getByRole('tab', { name: `待签回（${left - 1}）` })).toBeVisible();
  }
  // The last page is empty now: the list shows the page before, and its 20 forms.
  await expect(panel.locator('.ant-pagination-item-active')).toHaveText(String(last - 1));
  await expect(rows).toHaveCount(20);
});
