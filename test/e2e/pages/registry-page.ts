// Page object for the registry (平台台账): create, search, open and print a platform.
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './antd-select';

export class RegistryPage {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByRole('table', { name: '平台台账' });
  }

  /** Picks an option of an antd Select identified by its form label. */
  async choose(label: string, option: string, scope: Locator): Promise<void> {
    const input = scope.getByRole('combobox', { name: label });
    // Only a searchable select takes typing; the option must match in full.
    await chooseOption(input, (await input.isEditable()) ? option : null, new RegExp(`^${option}$`));
  }

  /** Fills the 新建平台 drawer and presses 保存; returns the drawer. */
  async submitNewPlatform(p: { kind: '微信公众号'; name: string; accountId: string; hostUnit: string; purpose: string }): Promise<Locator> {
    await this.page.getByRole('button', { name: '新建平台' }).click();
    const drawer = this.page.getByRole('dialog', { name: '新建平台' });
    await this.choose('平台类型', p.kind, drawer);
    await drawer.getByLabel('账号/平台名称').fill(p.name);
    // Once the kind is chosen the field is named for it: a WeChat account's id is its 微信号/原始ID.
    await drawer.getByLabel('微信号/原始ID').fill(p.accountId);
    await this.choose('主办（主管）单位', p.hostUnit, drawer);
    await drawer.getByLabel('宗旨 / 功能定位').fill(p.purpose);
    await drawer.getByRole('button', { name: '保存' }).click();
    return drawer;
  }

  async createPlatform(p: { kind: '微信公众号'; name: string; accountId: string; hostUnit: string; purpose: string }): Promise<void> {
    await this.submitNewPlatform(p);
    await expect(this.page.getByRole('heading', { name: p.name })).toBeVisible();
  }

  async search(query: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: '搜索平台' }).fill(query);
  }

  rowLink(name: string): Locator {
    return this.table.getByRole('link', { name, exact: true });
  }
}
