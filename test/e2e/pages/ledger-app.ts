// Page object for the app as the clerk sees it: Chinese labels and roles only.
import { expect, type Page } from '@playwright/test';

export class LedgerApp {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  async completeSetup(institution: string, operator: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: '欢迎使用新媒体阵地台账' })).toBeVisible();
    await this.page.getByLabel('单位（学校）名称').fill(institution);
    await this.page.getByLabel('操作员姓名').fill(operator);
    await this.page.getByRole('button', { name: '开始使用' }).click();
    await expect(this.page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  }

  async goTo(area: string): Promise<void> {
    await this.page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: area }).click();
  }

  /** 单位 › 新建单位 with only its name (类别 keeps its default). */
  async createUnit(name: string): Promise<void> {
    await this.goTo('单位');
    await this.page.getByRole('button', { name: '新建单位' }).click();
    const dialog = this.page.getByRole('dialog', { name: '新建单位' });
    await dialog.getByLabel('单位名称').fill(name);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }

  /** A new ledger set up as the e2e tests' school (东湖示范大学, operator 王𠮷) with the demo data loaded. */
  async startWithDemo(): Promise<void> {
    await this.open();
    await this.completeSetup('东湖示范大学', '王𠮷');
    await this.loadDemo();
  }

  /** A fresh app set up for 东湖示范大学 (operator 王𠮷) with the demo data loaded. */
  async openWithDemo(): Promise<void> {
    await this.open();
    await this.completeSetup('东湖示范大学', '王𠮷');
    await this.loadDemo();
  }

  async loadDemo(): Promise<void> {
    await this.goTo('设置');
    await this.page.getByRole('button', { name: '载入示例数据' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: '载入' }).click();
    await expect(this.page.getByText('示例数据已载入')).toBeVisible();
  }
}
