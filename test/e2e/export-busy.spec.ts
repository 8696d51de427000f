// While an export runs the clerk sees it working: the button says how many rows are being written
// and cannot be clicked again, so a second click starts no second export; 取消 beside it stops the
// export without saving anything. The xlsx worker's script is held back here to keep the export
// running long enough to look at.
import { expect, test } from '@playwright/test';
import { LedgerApp } from './pages/ledger-app';

test('导出 Excel says 正在导出 N 行… and is disabled until the file is saved; 取消 stops it', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
  await app.goTo('平台台账');
  const count = page.getByText(/^共 \d+ 个$/);
  await expect(count).toBeVisible();
  const total = Number((await count.textContent())!.match(/\d+/)![0]);

  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.context().route('**/xlsx-worker*', async (route) => {
    await held;
    await route.continue();
  });
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));

  await page.getByRole('button', { name: '导出 Excel' }).click();
  const busy = page.getByRole('button', { name: `正在导出 ${total} 行…` });
  await expect(busy).toBeVisible();
  await expect(busy).toBeDisabled();
  await expect(page.getByRole('button', { name: '导出 CSV' })).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('exporting.png') });

  // Cancelled: the clerk is told, the buttons are back and nothing is saved.
  await page.getByRole('button', { name: '取消', exact: true }).click();
  await expect(page.getByText('已取消导出，未保存文件')).toBeVisible();
  await expect(page.getByRole('button', { name: '导出 Excel' })).toBeEnabled();
  await expect(page.getByRole('button', { name: '取消', exact: true })).toHaveCount(0);

  // Again, to the end this time.
  await page.getByRole('button', { name: '导出 Excel' }).click();
  await expect(busy).toBeDisabled();
  const downloading = page.waitForEvent('download');
  release();
  expect((await downloading).suggestedFilename()).toMatch(/^平台台账-\d{8}\.xlsx$/);
  await expect(page.getByRole('button', { name: '导出 Excel' })).toBeEnabled();
  expect(downloads).toHaveLength(1);
});
