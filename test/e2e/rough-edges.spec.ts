// The rough edges of a clerk's first week (issue 16, point 12 and the undo and filters asked for
// at its end), each as the clerk meets it, with today fixed where dates matter.
import { expect, test } from '@playwright/test';
import { readStore } from './pages/app-database';
import { LedgerApp } from './pages/ledger-app';
import { OfficePage } from './pages/office-page';
import { RoughEdgesPage } from './pages/rough-edges-page';

test('立即备份 with a bad passphrase says at each field what to fix and throws nothing', async ({ page }) => {
  const failures: string[] = [];
  page.on('pageerror', (e) => failures.push(String(e)));
  const app = new LedgerApp(page);
  const r = new RoughEdgesPage(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.goTo('备份与恢复');
  const dialog = await r.startEncryptedBackup('abc', 'abd');
  // Each refusal stands at its field; nothing is written.
  await expect(dialog.getByText('口令至少 8 位')).toBeVisible();
  await expect(dialog.getByText('两次输入的口令不一致')).toBeVisible();
  await expect(dialog.getByText('正在写入并校验备份')).toBeHidden();
  // Corrected, the messages go.
  await dialog.getByLabel('备份口令').fill('长口令-足够长的');
  await dialog.getByLabel('再次输入口令').fill('长口令-足够长的');
  await expect(dialog.getByText('口令至少 8 位')).toBeHidden();
  await expect(dialog.getByText('两次输入的口令不一致')).toBeHidden();
  expect(failures).toEqual([]);
});

test('年度检查 opens on last year while its campaign is unfinished (2027-01-05)', async ({ page }) => {
  const app = new LedgerApp(page);
  const r = new RoughEdgesPage(page);
  await r.setToday('2027-01-05');
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
  await app.goTo('年度检查');
  await expect(r.select('检查年度')).toContainText('2026年度');
  await expect(page.getByText(/^2026年度检查尚有 \d+ 个账号未出检查结果/)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '已自查' }).first()).toBeVisible();
  // The clerk can still go to the new year.
  await r.select('检查年度').click();
  await r.option('2027年度').click();
  await expect(page.getByText(/尚未开启2027年度检查/)).toBeVisible();
});

test('month-only opening dates are imported as a month and shown as 2019年6月', async ({ page }) => {
  const app = new LedgerApp(page);
  const r = new RoughEdgesPage(page);
  await r.setToday('2026-11-22');
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
  await app.goTo('导入与导出');
  const file = r.writeCsv('old-ledger.csv', [
    '平台类型,账号名称,账号ID,主办单位,开通时间',
    '微信公众号,月份测试号甲,month_test_a,党委宣传部,2019.6',
    '微博,月份测试号乙,month_test_b,党委宣传部,2019年6月',
    '抖音,月份测试号丙,month_test_c,党委宣传部,2019.13',
  ]);
  await r.chooseImportFile(file);
  await expect(page.getByText('共 3 行：可导入 2 行，有错误 1 行，重复 0 行。')).toBeVisible();
  const preview = page.getByRole('table', { name: '导入预览' });
  await expect(preview.getByRole('row').filter({ hasText: '第 4 行' })).toContainText('月份 13 不存在');
  await page.getByRole('checkbox', { name: /不导入有问题的 1 行/ }).check();
  await page.getByRole('button', { name: '导入 2 行' }).click();
  await expect(page.getByText('已导入 2 条记录到“平台台账”，每条都记入了审计日志。')).toBeVisible();

  const stored = await readStore<{ name: string; openedOn?: string }>(page, 'platforms');
  expect(stored.filter((p) => p.name.startsWith('月份测试号')).map((p) => [p.name, p.openedOn]).sort()).toEqual([
    ['月份测试号乙', '2019-06'],
    ['月份测试号甲', '2019-06'],
  ]);
  await app.goTo('平台台账');
  await page.getByRole('searchbox', { name: '搜索平台' }).fill('月份测试号甲');
  await page.getByRole('table').getByRole('link', { name: '月份测试号甲', exact: true }).click();
  await expect(page.getByText('2019年6月', { exact: true })).toBeVisible();
});

test('an import can be cancelled before anything is written', async ({ page }) => {
  const app = new LedgerApp(page);
  const r = new RoughEdgesPage(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.goTo('导入与导出');
  await r.chooseImportFile('test/fixtures/ledger-libreoffice.xlsx');
  await page.getByRole('button', { name: '取消', exact: true }).click();
  await expect(page.getByRole('combobox', { name: '工作表' })).toBeHidden();
  await expect(page.getByText('已取消导入，未写入任何记录。')).toBeVisible();
  expect(await readStore(page, 'units')).toEqual([]);
});

test('an empty registry still shows what is due, such as training (003 第十五条)', async ({ page }) => {
  const app = new LedgerApp(page);
  const r = new RoughEdgesPage(page);
  await r.setToday('2026-11-22');
  await app.open();
  // 003 asks for a training every semester (第十五条).
  await r.completeSetupWithProfile('东湖示范大学', '王𠮷', '高职院校（审批+密封存档）');
  await app.goTo('首页');
  await expect(page.getByText(/台账还是空的/)).toBeVisible();
  const reminders = page.getByRole('region', { name: /待办提醒/ });
  await expect(reminders.getByText('培训', { exact: true })).toBeVisible();
  await expect(reminders.getByText(/已举行培训0次/)).toBeVisible();
});

test('the real-name check shows loading, never 没有离岗人员, before the people are read', async ({ page }) => {
  const app = new LedgerApp(page);
  const o = new OfficePage(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
  await app.goTo('工作群');
  // Records every text the dialog ever shows, however briefly.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenTexts: string[] }).seenTexts = seen;
    new MutationObserver(() => seen.push(document.body.innerText)).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const group = '计算机与人工智能学院教职工群';
  await page.getByRole('button', { name: `记录实名核查 ${group}` }).click();
  const dialog = o.dialog(`记录实名核查：${group}`);
  await expect(dialog.getByRole('list', { name: '应移出的离岗人员' }).getByRole('listitem').first()).toBeVisible();
  const seen = await page.evaluate(() => (window as unknown as { seenTexts: string[] }).seenTexts);
  expect(seen.some((t) => t.includes('本单位没有离岗人员'))).toBe(false);
});

test('a delete is undone from its own message, and the undo is audited', async ({ page }) => {
  const app = new LedgerApp(page);
  const r = new RoughEdgesPage(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
  await app.goTo('培训');
  const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: /^删除 / }) }).first();
  const name = ((await row.getByRole('button', { name: /^删除 / }).getAttribute('aria-label')) ?? '').replace(/^删除 /, '');
  await r.deleteRecord(name);
  const notice = r.deletedMessage(name);
  await notice.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByText(`已撤销删除，“${name}”已恢复`)).toBeVisible();
  await expect(page.getByRole('button', { name: `删除 ${name}` })).toBeVisible();
  const audit = await readStore<{ table: string; action: string }>(page, 'auditLog');
  expect(audit.slice(-2).map((e) => [e.table, e.action])).toEqual([
    ['trainings', 'delete'],
    ['trainings', 'restore'],
  ]);
});

test('list filters are kept when the clerk goes to another page and back', async ({ page }) => {
  const app = new LedgerApp(page);
  const o = new OfficePage(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
  await app.goTo('问题与舆情');
  await o.filter('按办理状态筛选', '已办结');
  await app.goTo('首页');
  await app.goTo('问题与舆情');
  await expect(page.getByRole('radiogroup', { name: '按办理状态筛选' }).getByRole('radio', { name: '已办结' })).toBeChecked();

  await app.goTo('人员');
  await page.getByRole('searchbox', { name: '搜索人员' }).fill('曹宁');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await app.goTo('单位');
  await app.goTo('人员');
  await expect(page.getByRole('searchbox', { name: '搜索人员' })).toHaveValue('曹宁');
  await expect(rows).toHaveCount(2);
});

test('a reminder on the start page is a link: Enter on it opens its record', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.startWithDemo();
  await app.goTo('首页');
  const reminders = page.getByRole('region', { name: /待办提醒/ });
  const link = reminders.getByRole('link', { name: /DHSF ACM程序设计协会（微信公众号）：已超过6个月未更新/ });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/platforms\/[^/]+$/);
  await expect(page.getByRole('region', { name: 'DHSF ACM程序设计协会' }).getByRole('heading', { name: 'DHSF ACM程序设计协会' })).toBeVisible();
});
