// Rules a new clerk meets in the first week, with today fixed by the page clock: who may confirm
// the password change after a handover, which reviewer a publishing step accepts, which clause a
// reminder cites, and reminders that start from the account's own dates.
import { expect, test, type Page } from '@playwright/test';
import { LedgerApp } from './pages/ledger-app';
import { CredentialsPage } from './pages/credentials-page';
import { RegistryPage } from './pages/registry-page';
import { ReviewsPage } from './pages/reviews-page';
import { readStore } from './pages/app-database';

const PLATFORM = '东湖示范大学图书馆网站';
// 2026-06-15 09:00 in Beijing: a Monday, no holiday around it.
const TODAY = new Date('2026-06-15T09:00:00+08:00');

/** A fresh app under the given rule profile (the first preset when none), with the demo data. */
async function start(page: Page, profile?: string): Promise<LedgerApp> {
  await page.clock.setFixedTime(TODAY);
  const app = new LedgerApp(page);
  await app.open();
  if (profile) await new ReviewsPage(page).completeSetupWithProfile('东湖示范大学', '王𠮷', profile);
  else await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
  return app;
}

test('only the 接收人 or 监交人 of the handover can confirm the password change (000 第六条)', async ({ page }) => {
  const app = await start(page);
  const c = new CredentialsPage(page);
  await app.goTo('管理员交接');
  await c.registerHandover(PLATFORM, '刘思远', '孙丽华');

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

test('under 001 a 科员 cannot be the only reviewer: 负责宣传的处级领导 reviews (001 第七条)', async ({ page }) => {
  const app = await start(page, '高校职能部门（信息化处）');
  const reviews = new ReviewsPage(page);
  await app.goTo('发布审核');
  const title = '信息化处关于校园网出口带宽扩容的通知';
  const drawer = await reviews.createReview({ platform: '东湖示范大学新闻网', column: '通知公告', title, content: '校园网出口带宽扩容。', copywriter: '单雪', editor: '欧阳' });
  const form = reviews.stepForm(drawer);
  await expect(form.getByRole('combobox', { name: '审核级别' }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')).toContainText('须为处级及以上');
  await reviews.recordStep(drawer, '第一级（负责宣传的处级领导）', [{ typed: '欧阳', option: '欧阳䶮' }], '同意。');
  await expect(form.getByText('欧阳䶮的职级为其他：第一级（负责宣传的处级领导）的审核人须为处级及以上（001 第七条）。请改选审核人；如职级有误，请先在“人员”中更正。')).toBeVisible();
  let saved = (await readStore<{ title: string; steps: { decision?: string }[] }>(page, 'reviews')).find((r) => r.title === title)!;
  expect(saved.steps.filter((s) => s.decision)).toHaveLength(0);

  await page.reload();
  await reviews.recordStep(drawer, '第一级（负责宣传的处级领导）', [{ typed: '郑堃', option: '郑堃' }], '同意发布。');
  await expect(drawer.getByText('待管理员发布')).toBeVisible();
  saved = (await readStore<{ title: string; steps: { decision?: string }[] }>(page, 'reviews')).find((r) => r.title === title)!;
  expect(saved.steps.map((s) => s.decision)).toEqual(['通过']);
});

test('after a level is recorded, 记录审核 offers the level that is due (002 第六条 逐级审核)', async ({ page }) => {
  const app = await start(page, '高职院校（三级审核）');
  const reviews = new ReviewsPage(page);
  await app.goTo('发布审核');
  const drawer = await reviews.createReview({ platform: '东湖示范大学新闻网', column: '东湖要闻', title: '我校召开网络安全工作会议', content: '会议部署网络安全工作。', copywriter: '单雪', editor: '欧阳' });
  const form = reviews.stepForm(drawer);
  const level = form.getByRole('combobox', { name: '审核级别' }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]');
  await expect(level).toContainText('第一级（网络阵地管理员）');
  await reviews.recordStep(drawer, '第一级（网络阵地管理员）', [{ typed: '王喆', option: '王喆' }], '同意报审。');
  await expect(drawer.getByText('待第二级（部门负责人）审核')).toBeVisible();
  await expect(level).toContainText('第二级（部门负责人）');
  // Recorded without touching the level: it goes in as the level that is due.
  for (const r of [{ typed: '陈', option: '陈𠮷安' }]) await reviews.choose(form.getByRole('combobox', { name: '审核人' }), r.typed, r.option);
  await form.getByLabel('审核意见').click();
  await form.getByLabel('审核意见').fill('同意。');
  await form.getByRole('button', { name: '记录审核' }).click();
  await expect(drawer.getByText('待第三级（党委宣传部负责人）审核')).toBeVisible();
  await expect(level).toContainText('第三级（党委宣传部负责人）');
});

/** Every reminder on the start page as its text, page by page. */
async function reminders(page: Page): Promise<string[]> {
  await new LedgerApp(page).goTo('首页');
  const panel = page.locator('section[aria-labelledby="reminders-title"]');
  await expect(panel.getByText(/依据：/).first()).toBeVisible();
  const out: string[] = [];
  for (;;) {
    // A page after the first comes from the start page's worker: until it arrives the list shows
    // the page before under a spinner, which must not be read as the new page.
    await expect(panel.locator('.ant-spin-spinning')).toHaveCount(0);
    out.push(...(await panel.locator('.ant-list-item').allInnerTexts()));
    const next = panel.locator('li.ant-pagination-next');
    if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true') return out;
    // The next page is read only once the pager shows it: a spinner not shown yet would let the page just read be read again.
    const shown = await panel.locator('li.ant-pagination-item-active').innerText();
    await next.click();
    await expect(panel.locator('li.ant-pagination-item-active')).not.toHaveText(shown);
  }
}

/** The 依据 of every reminder on the start page. */
async function citations(page: Page): Promise<string[]> {
  return (await reminders(page)).map((t) => t.replace(/^[\s\S]*依据：/, '').trim());
}

test('under 001 reminders cite 001 or 本单位规定, never another institution’s clause (001 第五条)', async ({ page }) => {
  const app = await start(page, '高校职能部门（信息化处）');
  // A change filing: hand over an account, which files the change.
  await app.goTo('管理员交接');
  const c = new CredentialsPage(page);
  await c.registerHandover(PLATFORM, '刘思远', '孙丽华');

  const cited = new Set(await citations(page));
  expect(cited).toContain('001 第五条');
  expect(cited).toContain('本单位规定');
  // Nothing cites the clause of another institution's rules (000, 002, 003, 004).
  expect([...cited].filter((c) => /^00[0234] /.test(c))).toEqual([]);
});

test('under 003 the annual inspection shows its time without a developer note (003; December is 本单位规定)', async ({ page }) => {
  const app = await start(page, '高职院校（审批+密封存档）');
  await app.goTo('年度检查');
  await expect(page.getByText('检查时间：每年12月（本单位规定）。')).toBeVisible();
  await expect(page.getByText(/not in seed|default/)).toHaveCount(0);
  const cited = new Set(await citations(page));
  expect(cited).toContain('003 第二十五条');
  expect([...cited].filter((c) => /^00[0124] |[A-Za-z]/.test(c))).toEqual([]);
});

/** Registers an account through 新建平台, saying whether it was opened before the ledger. */
async function register(page: Page, name: string, accountId: string, beforeLedger: boolean): Promise<void> {
  const registry = new RegistryPage(page);
  await new LedgerApp(page).goTo('平台台账');
  await page.getByRole('button', { name: '新建平台' }).click();
  const drawer = page.getByRole('dialog', { name: '新建平台' });
  await registry.choose('平台类型', '微信公众号', drawer);
  await drawer.getByLabel('账号/平台名称').fill(name);
  await drawer.getByLabel('微信号/原始ID').fill(accountId);
  await registry.choose('主办（主管）单位', '党委宣传部', drawer);
  await drawer.getByLabel('宗旨 / 功能定位').fill('测试');
  const before = drawer.getByRole('checkbox', { name: '是，需补办审批备案' });
  await expect(before).not.toBeChecked();
  if (beforeLedger) await before.check();
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

test('a new account has no reminder on day one; its update clock starts at registration and its due date stays, then turns overdue (004 通知 三, 003 第二十五条)', async ({ page }) => {
  await start(page, '本科院校（备案+三人审核）');
  await register(page, '东湖新开号', 'dh_new_2026', false);
  await register(page, '东湖老号', 'dh_old_2019', true);
  const platforms = await readStore<{ name: string; existedBeforeLedger?: boolean }>(page, 'platforms');
  expect(platforms.filter((p) => p.name.startsWith('东湖') && p.name.endsWith('号') && p.existedBeforeLedger !== undefined).map((p) => [p.name, p.existedBeforeLedger])).toEqual(
    expect.arrayContaining([['东湖新开号', false], ['东湖老号', true]]),
  );

  let list = await reminders(page);
  // Day one: nothing about the new account; the old one owes its filing within 10 days (004 第七条).
  expect(list.filter((t) => t.includes('东湖新开号'))).toEqual([]);
  expect(list.filter((t) => t.includes('东湖老号') && t.includes('补办审批备案'))).toEqual([expect.stringMatching(/还剩 10 天[\s\S]*应办日期：2026-06-25[\s\S]*依据：004 第七条/)]);

  // Six months after registration the new account's update is due; 17 days later it is 17 days overdue.
  await page.clock.setFixedTime(new Date('2027-01-01T09:00:00+08:00'));
  await page.reload();
  list = await reminders(page);
  expect(list.filter((t) => t.includes('东湖新开号') && t.includes('长期未更新'))).toEqual([expect.stringMatching(/逾期 17 天[\s\S]*长期未更新[\s\S]*登记于2026年6月15日[\s\S]*应办日期：2026-12-15[\s\S]*依据：004 通知 三/)]);
});
