// A search the register worker is slow to answer (at 100,000 records, the first session after an
// update builds its indexes again for seconds): the list must not go on showing the last query's
// rows as if they were the answer. It says it is searching, and shows the answer when it comes;
// a search that fails says so and stops saying it is searching.
import { expect, test, type Page } from '@playwright/test';
import { LedgerApp } from './pages/ledger-app';
import { RegistryPage } from './pages/registry-page';

interface Held {
  __hold: boolean;
  /** Lets the held requests through to the worker. */
  __release: () => void;
  /** Answers the held requests with a failure, as a worker whose read failed does. */
  __fail: () => void;
}

/** The registers' worker gets its page requests only once the test lets them through (or fails them). */
async function holdRegisterRequests(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const held: { message: { id: number }; send: () => void; worker: Worker }[] = [];
    const w = window as unknown as Held;
    w.__hold = false;
    w.__release = () => {
      w.__hold = false;
      for (const h of held.splice(0)) h.send();
    };
    w.__fail = () => {
      w.__hold = false;
      for (const h of held.splice(0)) h.worker.dispatchEvent(new MessageEvent('message', { data: { id: h.message.id, ok: false, error: 'test: the read failed' } }));
    };
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name !== 'registers') return;
        const post = this.postMessage.bind(this) as (message: unknown) => void;
        this.postMessage = ((message: { id: number; type?: string }) => {
          if (w.__hold && message?.type === 'platforms') held.push({ message, send: () => post(message), worker: this });
          else post(message);
        }) as Worker['postMessage'];
      }
    };
  });
}

async function registryWithDemo(page: Page) {
  await holdRegisterRequests(page);
  const app = new LedgerApp(page);
  await app.startWithDemo();
  await app.goTo('平台台账');
  const registry = new RegistryPage(page);
  const count = page.getByText(/^共 \d+ 个$/);
  await expect(count).toHaveText(/^共 3\d 个$/);
  // The list's own wrapper (register-page.tsx) and, once shown, the table's spinner are busy.
  const busy = page.locator('[aria-busy="true"]').filter({ has: registry.table });
  await expect(busy).toHaveCount(0);
  await page.evaluate(() => void ((window as unknown as Held).__hold = true));
  return { registry, count, all: (await count.textContent())!, busy };
}

test('a search still under way is shown as such, and its answer replaces the last rows', async ({ page }) => {
  const { registry, count, all, busy } = await registryWithDemo(page);
  await registry.search('tsg');
  // At once: the list is marked busy; after a moment, 正在查找… stands in place of the count (the
  // last query's) over the last rows, greyed.
  await expect(busy.first()).toBeAttached();
  await expect(page.getByText('正在查找…', { exact: true })).toBeVisible();
  await expect(count).toBeHidden();
  await expect(busy.locator('tbody tr[data-row-key]')).not.toHaveCount(0);

  await page.evaluate(() => (window as unknown as Held).__release());
  await expect(busy).toHaveCount(0);
  await expect(page.getByText('正在查找…', { exact: true })).toBeHidden();
  await expect(registry.table.getByRole('link', { name: /图书馆/ }).first()).toBeVisible();
  await expect(count).not.toHaveText(all);
});

test('a search that fails says so, and the list is no longer shown as searching', async ({ page }) => {
  const { registry, count, all, busy } = await registryWithDemo(page);
  await registry.search('tsg');
  await expect(page.getByText('正在查找…', { exact: true })).toBeVisible();

  await page.evaluate(() => (window as unknown as Held).__fail());
  await expect(page.getByText(/读取列表失败/).first()).toBeVisible();
  await expect(busy).toHaveCount(0);
  await expect(page.getByText('正在查找…', { exact: true })).toBeHidden();
  await expect(count).toHaveText(all);
});
