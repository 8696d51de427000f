// Issue 15: once a page's code has loaded in the background (it does while the clerk reads the
// start page), opening the page renders it at once: no 正在打开… spinner, which React shows for
// at least 300 ms once it shows it.
import { expect, test } from '@playwright/test';
import { LedgerApp } from './pages/ledger-app';

declare global {
  interface Window {
    spinnerSeen?: boolean;
  }
}

test('a page whose code loaded in the background opens without the loading spinner', async ({ page }) => {
  const app = new LedgerApp(page);
  // The pages' code loads one page after another, 平台台账 first and 发布审核 next: once 发布审核's
  // chunk is asked for, 平台台账's has loaded.
  const reviewsCode = page.waitForResponse((response) => /\/reviews-page-[^/]+\.js$/.test(new URL(response.url()).pathname), { timeout: 60_000 });
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await reviewsCode;
  await page.evaluate(() => {
    window.spinnerSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('main')?.textContent?.includes('正在打开…')) window.spinnerSeen = true;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await app.goTo('平台台账');
  await expect(page.getByRole('heading', { name: '平台台账' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: '搜索平台' })).toBeVisible();
  expect(await page.evaluate(() => window.spinnerSeen)).toBe(false);
});
