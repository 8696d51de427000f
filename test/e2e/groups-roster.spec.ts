// Work-group rosters (issue 16 point 9; 003 第二十条, 000 第五条): a roster of registry people and
// 部门+姓名 entries, a reminder to the owner when a listed person has left, the real-name check
// recorded against the roster, and 新建 on the work-group page itself.
import { expect, test } from '@playwright/test';
import { readStore } from './pages/app-database';
import { GroupsPage } from './pages/groups-page';
import { LedgerApp } from './pages/ledger-app';

const GROUP = '计算机与人工智能学院教职工群';

interface GroupRow { name: string; group?: { members?: { personId?: string; department?: string; name?: string }[]; memberCount?: number } }

test('a departed person on a roster is reminded on the home page and removed by the real-name check', async ({ page }) => {
  const app = new LedgerApp(page);
  const g = new GroupsPage(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
  await app.goTo('工作群');
  await g.addRoster(GROUP, '曹宁', { department: '后勤保障处', name: '刘建' });
  await expect(g.row(GROUP).getByText('1人离岗')).toBeVisible();
  // The flag says on hover who has left and what to do.
  await expect(g.row(GROUP).getByText('1人离岗')).toHaveAttribute('title', '名单中曹宁已离岗，请移出（003 第二十条）。');
  let stored = (await readStore<GroupRow>(page, 'platforms')).find((p) => p.name === GROUP)!;
  expect(stored.group?.memberCount).toBe(2);
  expect(stored.group?.members?.[1]).toEqual({ department: '后勤保障处', name: '刘建' });

  await app.goTo('首页');
  const reminder = page.getByText(`${GROUP}：成员曹宁已离岗`);
  await expect(reminder).toBeVisible();

  await app.goTo('工作群');
  await page.getByRole('button', { name: `记录实名核查 ${GROUP}` }).click();
  const dialog = page.getByRole('dialog', { name: `记录实名核查：${GROUP}` });
  await expect(dialog.getByRole('list', { name: '名单中已离岗的成员' }).getByRole('listitem')).toHaveText([/^曹宁/]);
  await dialog.getByLabel('移出人数').fill('1');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  stored = (await readStore<GroupRow>(page, 'platforms')).find((p) => p.name === GROUP)!;
  expect(stored.group?.members).toEqual([{ department: '后勤保障处', name: '刘建' }]);
  await expect(g.row(GROUP).getByText('1人离岗')).toBeHidden();
  await app.goTo('首页');
  await expect(page.getByText('待办提醒')).toBeVisible();
  await expect(reminder).toBeHidden();
});

test('the work-group page has its own 新建, starting as a work group', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.goTo('工作群');
  await page.getByRole('button', { name: '新建工作群' }).click();
  const dialog = page.getByRole('dialog', { name: '新建平台' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '平台类型' }) })).toContainText('微信群');
});
