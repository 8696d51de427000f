// Dialogs as a new clerk meets them: a refused date stays as typed with its message and nothing is
// saved; a field's message goes as soon as the field is fixed and repeated failed saves show one
// summary; Enter saves, Esc closes and the first field has the focus. Today is fixed by the page clock.
import { expect, test } from '@playwright/test';
import { readStore } from './pages/app-database';
import { ApprovalsPage } from './pages/approvals-page';
import { DialogPage } from './pages/dialog-page';
import { LedgerApp } from './pages/ledger-app';
import { RegistryPage } from './pages/registry-page';

const TODAY = new Date('2026-06-15T10:00:00');

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
});

test('a future change date stays as typed with a message at the field, and nothing is stored until it is corrected', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.loadDemo();
  const approvals = new ApprovalsPage(page);
  await app.goTo('开通与备案');
  const before = (await readStore(page, 'approvals')).length;

  await approvals.openChangeDialog();
  const dialog = new DialogPage(page, '记录变更');
  await approvals.choose(dialog.root.getByRole('combobox', { name: '平台' }), '东湖示范大学信息化', '东湖示范大学信息化');
  await dialog.root.getByRole('checkbox', { name: '总管理员' }).check();
  await approvals.choose(dialog.root.getByRole('combobox', { name: '变更后的总管理员' }), '马骏', '马骏');
  await dialog.typeDate('变更日期', '2026-07-01');

  // Not put back to today (2026-06-15): the typed date stays and is refused at the field.
  await expect(dialog.field('变更日期')).toHaveValue('2026-07-01');
  await expect(dialog.fieldError('变更日期')).toHaveText('变更日期不能晚于今天：请在变更发生后再登记。');
  await dialog.save();
  await expect(dialog.root).toBeVisible();
  await expect(dialog.field('变更日期')).toHaveValue('2026-07-01');
  expect((await readStore(page, 'approvals')).length).toBe(before);

  await dialog.typeDate('变更日期', '2026-06-10');
  await expect(dialog.fieldError('变更日期')).toHaveCount(0);
  await dialog.save();
  await expect(dialog.root).toBeHidden();
  const rows = await readStore(page, 'approvals');
  expect(rows.length).toBe(before + 1);
  expect(rows.filter((a) => a.changeDate === '2026-07-01' || a.changeDate === '2026-06-15')).toHaveLength(0);
  expect(rows.find((a) => a.changeDate === '2026-06-10')).toMatchObject({ kind: '变更备案', dueDate: '2026-06-17' });
});

test('a field message disappears once the field is valid, and repeated failed saves show one summary', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.goTo('人员');
  await page.getByRole('button', { name: '新建人员' }).click();
  const person = new DialogPage(page, '新建人员');
  await person.field('姓名').fill('赵'.repeat(31));
  await person.save();
  await expect(person.fieldError('姓名')).toHaveText('不能超过 30 个字');
  await person.save();
  await person.save();
  await expect(person.summaries()).toHaveCount(1);

  // Fixed: the message goes at once, before any save.
  await person.field('姓名').fill('赵测试');
  await expect(person.fieldError('姓名')).toHaveCount(0);
  await person.save();
  await expect(person.root).toBeHidden();
  expect((await readStore(page, 'people')).map((p) => p.name)).toEqual(['赵测试']);

  // The same in the platform drawer, for a select: 主办单位.
  await app.createUnit('宣传部');
  await app.goTo('平台台账');
  const registry = new RegistryPage(page);
  await page.getByRole('button', { name: '新建平台' }).click();
  const drawer = new DialogPage(page, '新建平台');
  await drawer.field('账号/平台名称').fill('东湖示范大学宣传部');
  await drawer.save();
  await expect(drawer.fieldError('主办（主管）单位')).toHaveText(/主办单位/);
  await registry.choose('主办（主管）单位', '宣传部', drawer.root);
  await expect(drawer.fieldError('主办（主管）单位')).toHaveCount(0);
});

test('keyboard: the first field has the focus, Enter saves, Esc closes', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.goTo('单位');
  await page.getByRole('button', { name: '新建单位' }).click();
  await new DialogPage(page, '新建单位').field('单位名称').fill('宣传部');
  await new DialogPage(page, '新建单位').field('单位名称').press('Enter');
  await expect(page.getByRole('dialog', { name: '新建单位' })).toBeHidden();
  await app.goTo('平台台账');
  const registry = new RegistryPage(page);
  await registry.createPlatform({ kind: '微信公众号', name: '东湖示范大学宣传部', accountId: 'dhsf-xcb', hostUnit: '宣传部', purpose: '发布学校新闻' });

  // 变更状态: the focus is on its first field, 新状态; Esc closes without saving.
  await page.getByRole('button', { name: '变更状态' }).click();
  const status = new DialogPage(page, '变更状态');
  await expect(status.root.getByRole('combobox', { name: '新状态' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(status.root).toBeHidden();

  // 记录粉丝数: Enter in 粉丝数 saves.
  await page.getByRole('button', { name: '记录粉丝数' }).click();
  const followers = new DialogPage(page, '记录粉丝数');
  await expect(followers.field('粉丝数')).toBeFocused();
  await followers.field('粉丝数').fill('1234');
  await followers.field('粉丝数').press('Enter');
  await expect(followers.root).toBeHidden();
  const platform = (await readStore(page, 'platforms')).find((p) => p.name === '东湖示范大学宣传部');
  expect(platform?.followers).toEqual([{ date: '2026-06-15', value: 1234 }]);
});
