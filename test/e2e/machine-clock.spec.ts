// On a computer whose clock is set to UTC (a freshly installed machine, or one IT set so), a time the
// clerk types is the institution's time, as every time the app shows: 纠错 typed at 10:00 is stored
// as 10:00 in Beijing (02:00 UTC) and shown again as 10:00, not as 18:00.
import { expect, test } from '@playwright/test';
import { readStore } from './pages/app-database';
import { DialogPage } from './pages/dialog-page';
import { LedgerApp } from './pages/ledger-app';
import { ReviewsPage } from './pages/reviews-page';

test.use({ timezoneId: 'UTC' });

test('a time typed on a machine set to UTC is read and shown on the institution’s clock', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.startWithDemo();
  const published = (await readStore(page, 'reviews')).find((r) => typeof r.publishedAt === 'string' && !r.deletedAt && !r.originalReviewId)!;
  await page.goto(`/#/reviews/${String(published.id)}`);
  const reviews = new ReviewsPage(page);
  const drawer = reviews.drawer(String(published.title));
  await expect(drawer).toBeVisible();

  await drawer.getByRole('button', { name: '纠错' }).click();
  const dialog = new DialogPage(page, '登记纠错');
  await dialog.expectOpen();
  await dialog.root.getByRole('radio', { name: '屏蔽' }).check();
  await dialog.typeDate('处理时间', '2026-11-20 10:00');
  await dialog.field('纠错原因').fill('评论区出现不实信息，已屏蔽。');
  await dialog.save();
  await expect(dialog.root).toBeHidden();

  const corrections = drawer.getByRole('table', { name: '纠错记录' });
  await expect(corrections.getByRole('row', { name: /屏蔽 2026-11-20 10:00 评论区出现不实信息/ })).toBeVisible();
  const saved = (await readStore(page, 'reviews')).find((r) => r.id === published.id)!;
  expect(saved.corrections).toContainEqual({ action: '屏蔽', at: '2026-11-20T02:00:00.000Z', reason: '评论区出现不实信息，已屏蔽。' });
});

test('审计日志’s date filter takes the institution’s days, whatever the machine’s', async ({ page }) => {
  // 17:00 UTC on 20 November is 01:00 on 21 November in Beijing: everything recorded now is of the 21st.
  await page.clock.setFixedTime(new Date('2026-11-20T17:00:00.000Z'));
  const app = new LedgerApp(page);
  await app.startWithDemo();
  await app.goTo('审计日志');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: '2026-11-21 01:00:00' }).first()).toBeVisible();

  const range = async (from: string, to: string) => {
    for (const [placeholder, date] of [['开始日期', from], ['结束日期', to]] as const) {
      const input = page.getByPlaceholder(placeholder);
      await input.click();
      await input.fill(date);
      await input.press('Enter');
    }
  };
  await range('2026-11-21', '2026-11-21');
  await expect(rows.filter({ hasText: '2026-11-21 01:00:00' }).first()).toBeVisible();
  await range('2026-11-20', '2026-11-20');
  await expect(page.locator('.ant-empty-description', { hasText: '没有符合筛选条件的记录' })).toBeVisible();
  await expect(rows.filter({ hasText: '2026-11-21' })).toHaveCount(0);
});
