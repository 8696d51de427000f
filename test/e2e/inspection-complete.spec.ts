// Completing an annual inspection campaign (001 第六条, 004 第十一条) for a small unit without the
// demo data: two accounts, both recorded, nothing left 未开始, progress at 100 %.
import { expect, test } from '@playwright/test';
import { readStore } from './pages/app-database';
import { InspectionsPage } from './pages/inspections-page';
import { LedgerApp } from './pages/ledger-app';
import { RegistryPage } from './pages/registry-page';

// The page's clock starts on a day of the mid-December inspection window, so the test means
// the same whichever day it runs.
const YEAR = 2026;
const TODAY = '2026-12-10';

test('completes a campaign: every account has a result, nothing is left 未开始 (004 第十一条)', async ({ page }) => {
  await page.clock.install({ time: new Date(`${TODAY}T10:00:00+08:00`) });
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');

  await app.goTo('单位');
  await page.getByRole('button', { name: '新建单位' }).click();
  await page.getByRole('dialog', { name: '新建单位' }).getByLabel('单位名称').fill('校史馆');
  await page.getByRole('dialog', { name: '新建单位' }).getByRole('button', { name: '保存' }).click();
  await app.goTo('人员');
  await page.getByRole('button', { name: '新建人员' }).click();
  const person = page.getByRole('dialog', { name: '新建人员' });
  await person.getByLabel('姓名').fill('覃海涛');
  await person.getByRole('button', { name: '保存' }).click();
  await expect(person).toBeHidden();

  const registry = new RegistryPage(page);
  await app.goTo('平台台账');
  for (const [name, id] of [['校史馆公众号', 'xsg_wx'], ['校史馆服务号', 'xsg_fw']] as const) {
    await registry.createPlatform({ kind: '微信公众号', name, accountId: id, hostUnit: '校史馆', purpose: '展示校史。' });
    await page.getByRole('button', { name: '返回台账' }).click();
  }

  const inspections = new InspectionsPage(page);
  await app.goTo('年度检查');
  await inspections.openCampaign(YEAR);
  await expect(inspections.statistic('检查账号')).toHaveText('2');
  for (const name of ['校史馆公众号', '校史馆服务号']) {
    await inspections.record(name, { selfAssessment: '按要求运行。', result: '合格', approver: '覃海涛', approvedOn: TODAY });
  }
  await expect(inspections.statistic('未开始')).toHaveText('0');
  await expect(inspections.statistic('合格')).toHaveText('2');
  await expect(page.getByRole('progressbar', { name: '已出结论的比例' })).toHaveAttribute('aria-valuenow', '100');
  const rows = (await readStore(page, 'inspections')).filter((i) => i.year === YEAR);
  expect(rows.map((i) => i.result)).toEqual(['合格', '合格']);
});
