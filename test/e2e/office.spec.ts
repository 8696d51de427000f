// The office's own registers as the clerk works them: a work group's real-name check (003 第二十条)
// and its problem log (003 第二十三条); a complaint that cannot be closed before the complainant has
// been answered (002 第十条(二)); a training with its attendees and sign-in sheet (003 第十五条).
import { expect, test } from '@playwright/test';
import { LedgerApp } from './pages/ledger-app';
import { OfficePage } from './pages/office-page';
import { institutionToday } from './pages/institution-day';
import { exportedXml } from './pages/list-export';

const GROUP = '计算机与人工智能学院教职工群';

test.beforeEach(async ({ page }) => {
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
});

test('a real-name check of a work group is recorded and shown (003 第二十条)', async ({ page }) => {
  const app = new LedgerApp(page);
  const o = new OfficePage(page);
  await app.goTo('工作群');
  const row = o.row(GROUP);
  await expect(row).toBeVisible();

  const dialog = await o.recordRealNameCheck(GROUP, 1, '移出已调离人员曹宁');
  // The departed staff of the group's unit are listed as the people to look for.
  await expect(dialog.getByRole('list', { name: '应移出的离岗人员' }).getByRole('listitem').first()).toBeVisible();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const today = institutionToday();
  await expect(row.getByRole('cell', { name: today, exact: true })).toBeVisible();
  await expect(row.getByText('逾期')).toBeHidden();

  // The same date twice is refused at the field.
  const again = await o.recordRealNameCheck(GROUP, 0, '');
  await again.getByRole('button', { name: '保存' }).click();
  await expect(again.getByText(`${today}已记录过一次实名核查。`)).toBeVisible();
  await again.getByRole('button', { name: '取消' }).click();

  // The removal is in the group's problem log.
  await app.goTo('问题与舆情');
  await expect(o.row('移出离岗或非实名人员1人。移出已调离人员曹宁')).toBeVisible();
});

test('a problem logged in a group shows in the incidents list (003 第二十三条)', async ({ page }) => {
  const app = new LedgerApp(page);
  const o = new OfficePage(page);
  await app.goTo('工作群');
  await o.logGroupProblem(GROUP, '有成员转发校外培训广告（e2e）。', '劝阻');

  await app.goTo('问题与舆情');
  const row = o.row('有成员转发校外培训广告（e2e）。');
  await expect(row).toBeVisible();
  await expect(row.getByRole('link', { name: GROUP })).toBeVisible();
  await expect(row.getByText('处理中')).toBeVisible();
  // 导出 Excel writes the list as shown: the problem with its group's name, …
  const listed = await exportedXml(page);
  expect(listed).toContain('有成员转发校外培训广告（e2e）。');
  expect(listed).toContain(GROUP);
  await o.filter('按办理状态筛选', '已办结');
  await expect(row).toBeHidden();
  // … and without it once the filter leaves it out.
  const closed = await exportedXml(page);
  expect(closed).toContain('办结日期');
  expect(closed).not.toContain('有成员转发校外培训广告（e2e）。');
});

test('a complaint is closed only after feedback to the complainant (002 第十条(二))', async ({ page }) => {
  const app = new LedgerApp(page);
  const o = new OfficePage(page);
  await app.goTo('问题与舆情');
  const found = '举报邮箱反映论坛帖子泄露学生学号（e2e）。';
  await o.registerIncident('举报投诉', found);
  const row = o.row(found);
  await expect(row.getByText('处理中')).toBeVisible();

  await row.getByRole('button', { name: /^办结/ }).click();
  const dialog = o.dialog('办结举报投诉');
  await dialog.getByRole('button', { name: '办结' }).click();
  await expect(dialog.getByText('举报投诉须先将处理结果反馈给举报人（002 第十条(二)），请填写对举报人的反馈后再办结。')).toBeVisible();
  await expect(row.getByText('处理中')).toBeVisible();

  await dialog.getByLabel('对举报人的反馈').fill('已删除帖子，并电话告知举报人处理结果。');
  await dialog.getByRole('button', { name: '办结' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText(/办结$/)).toBeVisible();
  await expect(row.getByText('已删除帖子，并电话告知举报人处理结果。')).toBeVisible();

  // Its handling sheet F17 opens as a preview.
  await row.getByRole('button', { name: /^打印受理处置登记表/ }).click();
  await expect(o.dialog(/举报投诉（舆情）受理处置登记表/).locator('iframe[title="表格预览"]')).toBeVisible({ timeout: 30_000 });
});

test('a training with attendees and its sign-in sheet F16 (003 第十五条)', async ({ page }) => {
  const app = new LedgerApp(page);
  const o = new OfficePage(page);
  await app.goTo('培训');
  await page.getByRole('button', { name: '登记培训' }).click();
  const dialog = o.dialog('登记培训');
  await dialog.getByLabel('培训主题').fill('工作群实名管理与问题登记（e2e）');
  await dialog.getByLabel('主讲人').fill('孙丽华');
  await o.choose(dialog, '培训对象（队伍）', '二级单位宣传委员');
  await o.chooseMany(dialog, '签到人员', ['李赟', '吴芳']);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const row = o.row('工作群实名管理与问题登记（e2e）');
  await expect(row.getByText('2人')).toBeVisible();
  await expect(row.getByText('李赟')).toBeVisible();
  // 导出 Excel names the attendees.
  const listed = await exportedXml(page);
  expect(listed).toContain('工作群实名管理与问题登记（e2e）');
  expect(listed).toMatch(/李赟、吴芳|吴芳、李赟/);
  await row.getByRole('button', { name: /^打印签到表/ }).click();
  await expect(o.dialog(/新媒体管理培训签到表/).locator('iframe[title="表格预览"]')).toBeVisible({ timeout: 30_000 });
});
