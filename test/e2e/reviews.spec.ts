// 发布审核 under the three-level profile (002 第六条): a new review cannot be published before it
// is reviewed (先审后发); a 离岗 reviewer and a skipped level are refused at the field and nothing
// is stored; the three levels are recorded in order; the item is published with 文案、编辑、审查人、
// 发布时间 on record (001 第七条); 重发重审 makes a new review linked to the original (000 第七条);
// 纠错 records what was deleted, when and why (001 第九条).
import { expect, test } from '@playwright/test';
import { readStore } from './pages/app-database';
import { LedgerApp } from './pages/ledger-app';
import { ReviewsPage } from './pages/reviews-page';


const TITLE = '我校举办2026年网络安全宣传周启动仪式';

test('three-level review: refused too early, recorded level by level, published, re-published and corrected', async ({ page }) => {
  const app = new LedgerApp(page);
  const reviews = new ReviewsPage(page);
  await app.open();
  await reviews.completeSetupWithProfile('东湖示范大学', '王𠮷', '高职院校（三级审核）');
  await app.loadDemo();

  await app.goTo('发布审核');
  await expect(page.getByRole('heading', { name: '发布审核' })).toBeVisible();
  await expect(page.getByText('网络阵地管理员 → 部门负责人 → 党委宣传部负责人 → 分管领导（重大事项）')).toBeVisible();

  // The clerk's local word list: listed words are marked in the title and summary.
  await page.getByRole('button', { name: '敏感词表' }).click();
  const words = page.getByRole('dialog', { name: '敏感词表' });
  await words.getByLabel('敏感词和易错词').fill('绝密\n校园网');
  await words.getByRole('button', { name: '保存' }).click();
  await expect(words).toBeHidden();

  const drawer = await reviews.createReview({
    platform: '东湖示范大学新闻网',
    column: '东湖要闻',
    title: TITLE,
    content: '9月15日，学校举办网络安全宣传周启动仪式，信息化建设与管理处介绍了校园网安全防护情况。',
    copywriter: '单雪',
    editor: '欧阳',
  });
  await expect(drawer.getByText('待第一级（网络阵地管理员）审核')).toBeVisible();
  await expect(drawer.locator('mark', { hasText: '校园网' })).toHaveAttribute('title', '敏感词/易错词：校园网');

  // 先审后发: publishing now is refused with the reason, and nothing is stored.
  await drawer.getByRole('button', { name: '发布', exact: true }).click();
  await expect(drawer.getByRole('alert')).toContainText('未经审核的信息不得发布（先审后发）：第一级（网络阵地管理员）尚未审核通过。');
  await expect(page.getByRole('dialog', { name: '登记发布' })).toHaveCount(0);

  const form = reviews.stepForm(drawer);
  // A person who has left cannot sign; the reason is shown at the reviewer field.
  await reviews.recordStep(drawer, '第一级（网络阵地管理员）', [{ typed: '许志明', option: '许志明' }], '同意。');
  await expect(form.getByText('许志明已离岗')).toBeVisible();
  // No level is skipped.
  await reviews.page.reload();
  await expect(drawer).toBeVisible();
  await reviews.recordStep(drawer, '第二级（部门负责人）', [{ typed: '陈', option: '陈𠮷安' }], '同意。');
  await expect(form.getByText('请先记录第一级（网络阵地管理员）的审核：不能跳级审核，须逐级审核通过后再报下一级。')).toBeVisible();
  let saved = (await readStore(page, 'reviews')).find((r) => r.title === TITLE)!;
  expect((saved.steps as { decision?: string }[]).filter((s) => s.decision)).toHaveLength(0);

  // The three levels in order, each by a different person.
  await reviews.page.reload();
  await reviews.recordStep(drawer, '第一级（网络阵地管理员）', [{ typed: '王喆', option: '王喆' }], '格式规范，同意报审。');
  await expect(drawer.getByText('待第二级（部门负责人）审核')).toBeVisible();
  await reviews.recordStep(drawer, '第二级（部门负责人）', [{ typed: '陈', option: '陈𠮷安' }], '内容属实，同意。');
  await expect(drawer.getByText('待第三级（党委宣传部负责人）审核')).toBeVisible();
  await reviews.recordStep(drawer, '第三级（党委宣传部负责人）', [{ typed: '周立新', option: '周立新' }], '导向正确，同意发布。');
  await expect(drawer.getByText('待管理员发布')).toBeVisible();

  // The profile's form (F06 信息发布三级审核单) with the recorded steps, for signatures on paper.
  await drawer.getByRole('button', { name: '打印信息发布三级审核单' }).click();
  const preview = page.getByRole('dialog', { name: /信息发布三级审核单/ });
  await expect(preview.getByTitle('表格预览')).toBeVisible({ timeout: 30_000 });
  await preview.getByRole('button', { name: '关闭' }).last().click();
  await expect(preview).toBeHidden();
  await expect(drawer.getByRole('table', { name: '审核流程' }).getByRole('row', { name: /第三级（党委宣传部负责人） 周立新 导向正确，同意发布。 通过/ })).toBeVisible();

  await reviews.publish(drawer, 'news.dhsf.edu.cn/info/1002/21001.htm', '欧阳');
  // 001 第七条: the published record names 文案、编辑、审查人、发布时间.
  const record = drawer.getByLabel('发布记录');
  await expect(record).toContainText('文案单雪');
  await expect(record).toContainText('编辑欧阳䶮');
  await expect(record).toContainText('审查人王喆、陈𠮷安、周立新');
  await expect(record).toContainText(/发布时间\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  saved = (await readStore(page, 'reviews')).find((r) => r.title === TITLE && !r.originalReviewId)!;
  expect(saved).toMatchObject({ publishedUrl: 'news.dhsf.edu.cn/info/1002/21001.htm', publishedAt: expect.any(String) });
  expect((saved.steps as { decision?: string }[]).map((s) => s.decision)).toEqual(['通过', '通过', '通过']);

  // 重发重审: a new review of the same item, linked to the original, waiting for the first level again.
  await drawer.getByRole('button', { name: '重发重审' }).click();
  await expect(drawer.getByText('待第一级（网络阵地管理员）审核')).toBeVisible();
  await expect(drawer.getByText('原审核：')).toBeVisible();
  const all = await readStore(page, 'reviews');
  const again = all.find((r) => r.originalReviewId === saved.id)!;
  expect(again).toMatchObject({ title: TITLE, platformId: saved.platformId });
  expect(again.publishedAt).toBeUndefined();

  // 纠错 on the original: deleted, when and why.
  await drawer.getByRole('link', { name: TITLE }).click();
  await expect(drawer.getByRole('button', { name: '纠错' })).toBeVisible();
  await reviews.correct(drawer, '删除', '启动仪式日期写错，已删除原文，更正后重发重审。');
  await expect(drawer.getByRole('table', { name: '纠错记录' })).toContainText('启动仪式日期写错');
  saved = (await readStore(page, 'reviews')).find((r) => r.id === saved.id)!;
  expect(saved.corrections).toEqual([{ action: '删除', at: expect.any(String), reason: '启动仪式日期写错，已删除原文，更正后重发重审。' }]);

  // Year-end figures per platform, and the list exported to Excel.
  await page.goto('/#/reviews');
  await page.getByRole('tab', { name: '年终统计' }).click();
  await expect(page.getByRole('table', { name: '按发布平台统计' }).getByRole('row', { name: /^东湖示范大学新闻网（官方网站） [2-9] [1-9] \d+ [1-9] / })).toBeVisible();
  await page.getByRole('tab', { name: '审核登记' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^发布审核登记-\d{8}\.xlsx$/);
});
