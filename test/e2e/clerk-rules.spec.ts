// Rules a new clerk meets in the first week, with today fixed by the page clock: who may confirm
// the password change after a handover, which reviewer a publishing step accepts, which clause a
// reminder cites, and reminders that start from the account's own dates.
import { expect, test } from '@playwright/test';
import { LedgerApp } from './pages/ledger-app';
import { CredentialsPage } from './pages/credentials-page';

const PLATFORM = '东湖示范大学图书馆网站';
// 2026-06-15 09:00 in Beijing: a Monday, no holiday around it.
const TODAY = new Date('2026-06-15T09:00:00+08:00');

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
});

test('only the 接收人 or 监交人 of the handover can confirm the password change (000 第六条)', async ({ page }) => {
  const app = new LedgerApp(page);
  const c = new CredentialsPage(page);
  await app.goTo('管理员交接');
  await page.getByRole('button', { name: '登记交接' }).click();
  const dialog = c.dialog('登记交接');
  await c.choose(dialog, '平台', PLATFORM);
  await c.choose(dialog, '接收人', '刘思远');
  await c.choose(dialog, '监交人', '孙丽华');
  await dialog.getByRole('button', { name: '登记交接' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: PLATFORM }).filter({ hasText: '刘思远' });
  await row.getByRole('button', { name: /^登记更换密码/ }).click();
  const change = c.dialog('登记更换密码');
  // 吴芳 works in the same unit but is neither 接收人 nor 监交人 of this handover.
  await c.choose(change, '确认人', '吴芳');
  const handoversBefore = await c.rows('handovers');
  await change.getByRole('button', { name: '确认已更换' }).click();
  await expect(change.getByText('确认人须为本次交接的接收人或监交人（000 第六条）。请改选接收人或监交人。')).toBeVisible();
  expect(await c.rows('handovers')).toEqual(handoversBefore);
  await expect(row.getByText('待更换密码')).toBeVisible();

  await c.choose(change, '确认人', '刘思远');
  await change.getByRole('button', { name: '确认已更换' }).click();
  await expect(change).toBeHidden();
  await expect(row.getByText('已完成')).toBeVisible();
  await expect(row).toContainText('刘思远确认');
});
