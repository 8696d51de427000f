// Page object for 发布审核: setup under a chosen rule profile, a new review, recording a step,
// publishing, 重发重审 and 纠错 — through Chinese labels and roles only.
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './antd-select';

export class ReviewsPage {
  constructor(readonly page: Page) {}

  /** First-run setup with a rule profile other than the default. */
  async completeSetupWithProfile(institution: string, operator: string, profile: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: '欢迎使用新媒体阵地台账' })).toBeVisible();
    await this.page.getByLabel('单位（学校）名称').fill(institution);
    await this.choose(this.page.getByRole('combobox', { name: '管理规则方案' }), null, profile);
    await this.page.getByLabel('操作员姓名').fill(operator);
    await this.page.getByRole('button', { name: '开始使用' }).click();
    await expect(this.page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  }

  /** Picks an option of a select by typing part of its text (searchable selects) or just clicking. */
  async choose(combobox: Locator, typed: string | null, option: string | RegExp): Promise<void> {
    await chooseOption(combobox, typed, option);
  }

  async pickDate(input: Locator, value: string): Promise<void> {
    await input.click();
    await input.fill(value);
    await input.press('Enter');
  }

  drawer(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: typeof title === 'string' ? `发布审核：${title}` : title });
  }

  async createReview(input: { platform: string; column: string; title: string; content: string; copywriter: string; editor: string }): Promise<Locator> {
    await this.page.getByRole('button', { name: '新建审核' }).click();
    const dialog = this.page.getByRole('dialog', { name: '新建发布审核' });
    await expect(dialog).toBeVisible();
    await this.choose(dialog.getByRole('combobox', { name: '发布平台' }), input.platform, input.platform);
    await dialog.getByRole('combobox', { name: '栏目' }).fill(input.column);
    await dialog.getByLabel('信息标题').fill(input.title);
    await dialog.getByLabel('内容摘要').fill(input.content);
    await this.choose(dialog.getByRole('combobox', { name: '文案' }), input.copywriter, input.copywriter);
    await this.choose(dialog.getByRole('combobox', { name: '编辑' }), input.editor, input.editor);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    const drawer = this.drawer(input.title);
    await expect(drawer).toBeVisible();
    return drawer;
  }

  stepForm(drawer: Locator): Locator {
    return drawer.getByRole('form', { name: '记录审核' });
  }

  /** Fills and submits 记录审核; the caller checks whether it was saved or refused. */
  async recordStep(drawer: Locator, level: string, reviewers: { typed: string; option: string }[], opinion: string, decision: '通过' | '退回修改' = '通过'): Promise<void> {
    const form = this.stepForm(drawer);
    await this.choose(form.getByRole('combobox', { name: '审核级别' }), null, level);
    for (const r of reviewers) await this.choose(form.getByRole('combobox', { name: '审核人' }), r.typed, r.option);
    // Close the multiple select's dropdown before typing elsewhere.
    await form.getByLabel('审核意见').click();
    await form.getByLabel('审核意见').fill(opinion);
    await form.getByRole('radio', { name: decision }).check();
    await form.getByRole('button', { name: '记录审核' }).click();
  }

  async publish(drawer: Locator, url: string, publisher: string): Promise<void> {
    await drawer.getByRole('button', { name: '发布', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: '登记发布' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('发布链接').fill(url);
    await this.choose(dialog.getByRole('combobox', { name: '发布人' }), publisher, publisher);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }

  async correct(drawer: Locator, action: '删除' | '屏蔽' | '更正', reason: string): Promise<void> {
    await drawer.getByRole('button', { name: '纠错' }).click();
    const dialog = this.page.getByRole('dialog', { name: '登记纠错' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('radio', { name: action }).check();
    await dialog.getByLabel('纠错原因').fill(reason);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }
}
