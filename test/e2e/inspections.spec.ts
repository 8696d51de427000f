// The annual inspection campaign (001 第六条, 004 第十一条): open this year's campaign on the demo
// data (most accounts already self-assessed in November), record one account 合格 and one 限期整改
// with a failed check, see the progress and 与上年比较 update, and print F11 with the finding.
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { readStore } from './pages/app-database';
import { LedgerApp } from './pages/ledger-app';
import { InspectionsPage } from './pages/inspections-page';
import { institutionToday } from './pages/institution-day';
import { outputFile } from './pages/output-file';


const TODAY = institutionToday();
const YEAR = Number(TODAY.slice(0, 4));
const GROUP_KINDS = ['QQ群', '微信群', '钉钉群'];

test.beforeEach(async ({ page }) => {
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
});

test('open this year’s campaign for every active account, record 合格 and 限期整改, see progress, comparison and F11 (001 第六条)', async ({ page }) => {
  const app = new LedgerApp(page);
  const inspections = new InspectionsPage(page);
  await app.goTo('年度检查');
  await expect(inspections.heading()).toBeVisible();
  await expect(page.getByText(/检查时间：每年\d+月/)).toBeVisible();

  // Active accounts: not 申请中/已停用/已注销, not work groups, not in the trash.
  const platforms = await readStore(page, 'platforms');
  const covered = platforms.filter((p) => !p.deletedAt && !GROUP_KINDS.includes(p.kind as string) && !['申请中', '已停用', '已注销'].includes(p.status as string));
  const before = (await readStore(page, 'inspections')).filter((i) => i.year === YEAR);
  expect(before.length).toBeLessThan(covered.length);

  await inspections.openCampaign(YEAR);
  await expect(inspections.statistic('检查账号')).toHaveText(String(covered.length));
  const rows = (await readStore(page, 'inspections')).filter((i) => i.year === YEAR);
  expect(rows).toHaveLength(covered.length);
  expect(new Set(rows.map((i) => i.platformId))).toEqual(new Set(covered.map((p) => p.id)));
  // Opening again creates nothing: every account already has its inspection.
  await expect(page.getByRole('button', { name: `开启${YEAR}年度检查` })).toBeDisabled();

  // The account new to the campaign starts with F11's items and no result.
  const fresh = rows.find((i) => !before.some((b) => b.id === i.id))!;
  const freshName = covered.find((p) => p.id === fresh.platformId)!.name as string;
  await expect(inspections.row(freshName).getByText('未开始')).toBeVisible();
  const notStarted = Number(await inspections.statistic('未开始').textContent());
  const passed = Number(await inspections.statistic('合格').textContent());
  const rectify = Number(await inspections.statistic('限期整改').textContent());

  await inspections.record(freshName, { selfAssessment: '账号已完成认证，内容按要求发布。', result: '合格', approver: '覃海涛', approvedOn: TODAY });
  await expect(inspections.row(freshName).getByText('合格', { exact: true })).toBeVisible();
  await expect(inspections.statistic('未开始')).toHaveText(String(notStarted - 1));
  await expect(inspections.statistic('合格')).toHaveText(String(passed + 1));

  // 学生会: self-assessed in the demo; one check fails, so 合格 is refused at the field.
  const account = '东湖示范大学学生会';
  const failedItem = '内容按要求更新，无长期不更新';
  const dialog = await inspections.fill(account, { failed: { [failedItem]: '暑假期间两个月未更新' }, result: '合格', approver: '覃海涛', approvedOn: TODAY });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('有不符合的检查项，不能评为“合格”')).toBeVisible();
  await dialog.getByRole('radio', { name: '限期整改' }).check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  await expect(inspections.row(account).getByText('限期整改')).toBeVisible();
  await expect(inspections.statistic('限期整改')).toHaveText(String(rectify + 1));
  await expect(inspections.comparison().getByText(`${account}（微信公众号）：${failedItem}（暑假期间两个月未更新）`)).toBeVisible();
  // The new account appears as new this year; the demo's administrator change filed this year too.
  await expect(inspections.comparison().getByText(new RegExp(`^${freshName}（`))).toBeVisible();
  await expect(inspections.comparison().getByText(/总管理员变更（[1-9]\d*）/)).toBeVisible();
  // 僵尸号 of the demo (ACM 协会, not updated since March) is listed for closure (004 通知).
  await expect(inspections.closureList().getByText(/已超过\d+个月未更新/).first()).toBeVisible();

  const saved = (await readStore(page, 'inspections')).find((i) => i.year === YEAR && i.platformId === platforms.find((p) => p.name === account)!.id)!;
  expect(saved).toMatchObject({ result: '限期整改', approvedOn: TODAY });
  expect(saved.checks).toContainEqual({ item: failedItem, ok: false, note: '暑假期间两个月未更新' });

  // F11 for that account: the PDF names it and carries the failed item's note.
  await page.getByRole('button', { name: `打印年度检查表 ${account}` }).click();
  const preview = page.getByRole('dialog', { name: /新媒体账号年度检查表/ });
  await expect(preview.locator('iframe[title="表格预览"]')).toBeVisible({ timeout: 30_000 });
  const downloading = page.waitForEvent('download');
  await preview.getByRole('button', { name: '保存为 PDF' }).click();
  const download = await downloading;
  const file = outputFile('f11.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('新媒体账号年度检查表');
  expect(text).toContain(account);
  expect(text).toContain('暑假期间两个月未更新');
  await preview.getByRole('button', { name: '关闭' }).last().click();

  // The summary list F11S opens too.
  await page.getByRole('button', { name: '打印汇总表' }).click();
  await expect(page.getByRole('dialog', { name: /新媒体账号年度检查汇总表/ }).locator('iframe[title="表格预览"]')).toBeVisible({ timeout: 30_000 });
});
