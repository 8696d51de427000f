// Change filings (001 第五条, 004 第六条): record an administrator change, see its due date in
// working days across 国庆 and the 调休 Saturday, mark it filed; the start page lists the demo's
// overdue change filing; a malformed holiday schedule is refused with its line number.
import { expect, test } from '@playwright/test';
import { readStore } from './pages/app-database';
import { LedgerApp } from './pages/ledger-app';
import { ApprovalsPage } from './pages/approvals-page';


test.beforeEach(async ({ page }) => {
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
});

test('an administrator change is due 5 working days later, counted past 国庆 and the make-up Saturday, and can be marked filed', async ({ page }) => {
  const app = new LedgerApp(page);
  const approvals = new ApprovalsPage(page);
  await app.goTo('开通与备案');
  await expect(page.getByRole('heading', { name: '开通与备案' })).toBeVisible();

  // Wednesday 30 September 2026: 1–7 October are holidays and Saturday 10 October is worked, so
  // the 5th working day is Tuesday 13 October (a Monday–Friday count would say 7 October).
  const dialog = await approvals.recordAdministratorChange('东湖示范大学信息化', '马骏', '2026-09-30');
  await expect(dialog.getByTestId('due-date')).toHaveText('2026年10月13日（星期二）');
  await expect(dialog.getByRole('combobox', { name: '变更前的总管理员' }).locator('..')).toContainText('覃海涛');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const drawer = page.getByRole('dialog', { name: /变更备案：东湖示范大学信息化/ });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText('2026年10月13日（星期二）')).toBeVisible();
  await expect(drawer.getByRole('row', { name: /总管理员 覃海涛 马骏/ })).toBeVisible();

  let rows = await readStore(page, 'approvals');
  let saved = rows.find((a) => a.changeDate === '2026-09-30');
  expect(saved).toMatchObject({ kind: '变更备案', dueDate: '2026-10-13', changes: [{ field: '总管理员', before: '覃海涛', after: '马骏' }] });
  expect(saved!.filedOn).toBeUndefined();
  // The registry now names the new administrator (same transaction as the filing).
  const platform = (await readStore(page, 'platforms')).find((p) => p.id === saved!.platformId)!;
  const ma = (await readStore(page, 'people')).find((p) => p.name === '马骏')!;
  expect(platform.chiefAdminId).toBe(ma.id);

  await approvals.markFiled('杨建国');
  await expect(drawer.getByText(/^已报备 \d{4}-\d{2}-\d{2}$/)).toBeVisible();
  rows = await readStore(page, 'approvals');
  saved = rows.find((a) => a.id === saved!.id);
  expect(saved).toMatchObject({ signedBy: '杨建国', filedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  await expect(drawer.getByRole('button', { name: '标记已报备' })).toHaveCount(0);

  // F10 for the filing, with the due date printed on it.
  await drawer.getByRole('button', { name: '打印备案表' }).click();
  const preview = page.getByRole('dialog', { name: /新媒体账号变更（注销）备案表/ });
  await expect(preview.getByTitle('表格预览')).toBeVisible({ timeout: 30_000 });
  await preview.getByRole('button', { name: '关闭' }).last().click();
});

test('closing an account is a filing: the account becomes 已注销 in the same step and its reminders end', async ({ page }) => {
  const app = new LedgerApp(page);
  const approvals = new ApprovalsPage(page);
  await app.goTo('首页');
  await approvals.filterReminders('长期未更新');
  await expect(approvals.reminders().getByRole('listitem').filter({ hasText: '东湖马院（微信公众号）：已超过6个月未更新' })).toBeVisible();

  await app.goTo('开通与备案');
  const dialog = await approvals.openChangeDialog();
  await approvals.choose(dialog.getByRole('combobox', { name: '平台' }), '东湖马院', '东湖马院（微信公众号）');
  await dialog.getByRole('radio', { name: '注销账号' }).check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请填写注销原因（打印在备案表上）')).toBeVisible();
  await dialog.getByLabel('注销原因').fill('长期未更新，功能并入学院网站');
  await approvals.pickDate(dialog.getByLabel('注销日期'), '2026-11-16');
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.getByRole('dialog', { name: /确认注销“东湖马院”/ }).getByRole('button', { name: '确认注销' }).click();
  const drawer = page.getByRole('dialog', { name: /注销备案：东湖马院/ });
  await expect(drawer).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  const platform = (await readStore(page, 'platforms')).find((p) => p.name === '东湖马院')!;
  expect(platform.status).toBe('已注销');
  expect((platform.statusHistory as { date: string; value: string }[]).at(-1)).toMatchObject({ date: '2026-11-16', value: '已注销' });
  const filing = (await readStore(page, 'approvals')).find((a) => a.kind === '注销备案' && a.platformId === platform.id)!;
  // Mon 16 Nov 2026 + 5 working days = Mon 23 Nov.
  expect(filing).toMatchObject({ changeDate: '2026-11-16', dueDate: '2026-11-23', note: '长期未更新，功能并入学院网站' });

  await app.goTo('首页');
  const items = approvals.reminders().getByRole('listitem').filter({ hasText: '东湖马院（微信公众号）' });
  // Only the closure filing itself remains until it is handed in.
  await approvals.filterReminders('变更/注销备案');
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('注销后5个工作日内');
  for (const kind of ['长期未更新', '补办审批备案']) {
    await approvals.filterReminders(kind);
    await expect(approvals.reminders().getByRole('listitem').first()).toBeVisible();
    await expect(items).toHaveCount(0);
  }
});

test('the start page lists the overdue change filing of the demo data, and it opens the filing', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.goTo('首页');
  const reminders = new ApprovalsPage(page).reminders();
  await expect(reminders).toBeVisible();
  const item = reminders.getByRole('listitem').filter({ hasText: /东湖计算机与人工智能（微信公众号）：总管理员变更后5个工作日内报.+备案/ });
  await expect(item).toBeVisible();
  await expect(item.getByText(/^逾期 \d+ 天$/)).toBeVisible();
  await expect(reminders.getByText(/共 \d+ 项，其中逾期 [1-9]\d* 项/)).toBeVisible();
  // Overdue first: the first item on the list is overdue.
  await expect(reminders.getByRole('listitem').first().getByText(/^逾期 \d+ 天$/)).toBeVisible();
  await item.getByText(/总管理员变更后/).click();
  await expect(page.getByRole('dialog', { name: /变更备案：东湖计算机与人工智能/ })).toBeVisible();
});

test('a malformed holiday schedule is refused with the wrong line and the calendar stays as it was', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.goTo('设置');
  await page.getByRole('button', { name: '导入放假安排' }).click();
  const dialog = page.getByRole('dialog', { name: '导入放假安排' });
  await dialog.getByLabel('放假安排内容').fill('2027-01-01,holiday,元旦\n2027-02-06,holiday,春节\n2027-02-06,workday,春节调休');
  await dialog.getByRole('button', { name: '导入' }).click();
  await expect(dialog.getByText('第 3 行：2027-02-06 与第 2 行矛盾')).toBeVisible();
  const settings = (await readStore(page, 'settings'))[0]!;
  expect(settings.holidayOverrides ?? []).toEqual([]);

  await dialog.getByLabel('放假安排内容').fill('2027-01-01,holiday,元旦\n2027-02-07,workday,春节调休');
  await dialog.getByRole('button', { name: '导入' }).click();
  await expect(page.getByText('已导入2027年（放假1天，调休上班1天）的放假安排')).toBeVisible();
  await expect(page.getByRole('cell', { name: '2027年', exact: true })).toBeVisible();
  expect((await readStore(page, 'settings'))[0]!.holidayOverrides).toEqual([
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-02-07', kind: 'workday', name: '春节调休' },
  ]);
});
