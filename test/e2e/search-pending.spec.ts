// A search the register worker is slow to answer (at 100,000 records, the first session after an
// update builds its indexes again for seconds): the list must not go on showing the last query's
// rows as if they were the answer. It says it is searching, and shows the answer when it comes.
import { expect, test } from '@playwright/test';
import { LedgerApp } from './pages/ledger-app';
import { RegistryPage } from './pages/registry-page';

test('a search still under way is shown as such, and its answer replaces the last rows', async ({ page }) => {
  // The registers' worker gets its page requests only once the test lets them through.
  await page.addInitScript(() => {
    const held: (() => void)[] = [];
    const w = window as unknown as { __hold: boolean; __release: () => void };
    w.__hold = false;
    w.__release = () => {
      w.__hold = false;
      for (const send of held.splice(0)) send();
    };
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name !== 'registers') return;
        const post = this.postMessage.bind(this) as (message: unknown) => void;
        this.postMessage = ((message: { type?: string }) => {
          if (w.__hold && message?.type === 'platforms') held.push(() => post(message));
          else post(message);
        }) as Worker['postMessage'];
      }
    };
  });
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
  await app.goTo('平台台账');
  const registry = new RegistryPage(page);
  const count = page.getByText(/^共 \d+ 个$/);
  await expect(count).toHaveText(/^共 3\d 个$/);
  const all = await count.textContent();
  const busy = page.locator('[aria-busy="true"]').filter({ has: registry.table });
  await expect(busy).toHaveCount(0);

  await page.evaluate(() => void ((window as unknown as { __hold: boolean }).__hold = true));
  await registry.search('tsg');
  // At once: the list is marked busy; after a moment, 正在查找… stands in place of the count (the
  // last query's) over the last rows, greyed.
  await expect(busy).toHaveCount(1);
  await expect(page.getByText('正在查找…', { exact: true })).toBeVisible();
  await expect(count).toBeHidden();
  await expect(busy.locator('tbody tr[data-row-key]')).not.toHaveCount(0);

  await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
  await expect(busy).toHaveCount(0);
  await expect(page.getByText('正在查找…', { exact: true })).toBeHidden();
  await expect(registry.table.getByRole('link', { name: /图书馆/ }).first()).toBeVisible();
  await expect(count).not.toHaveText(all!);
});
