// Page object for 打印与签回: the print center, the waiting list and the scan box.
import { expect, type Locator, type Page } from '@playwright/test';
import { LedgerApp } from './ledger-app';
import { chooseOption } from './antd-select';

export class PrintoutsPage {
  constructor(readonly page: Page) {}

  /** A fresh ledger with the demo data, on 打印与签回's 打印中心 tab. */
  static async openOnDemo(page: Page): Promise<PrintoutsPage> {
    const app = new LedgerApp(page);
    await app.open();
    await app.completeSetup('东湖示范大学', '王𠮷');
    await app.loadDemo();
    await app.goTo('打印与签回');
    const printouts = new PrintoutsPage(page);
    await printouts.openTab('打印中心');
    return printouts;
  }

  async openTab(name: RegExp | string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async chooseForm(formId: string): Promise<void> {
    await chooseOption(this.page.getByRole('combobox', { name: '选择表格' }), formId, new RegExp(`^${formId} `));
  }

  batchDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^批量打印/ });
  }

  async startBatchOfAll(): Promise<Locator> {
    await this.page.getByRole('button', { name: /^全选/ }).click();
    await this.page.getByRole('button', { name: /^批量打印所选/ }).click();
    const dialog = this.batchDialog();
    await expect(dialog).toBeVisible();
    return dialog;
  }

  waitingRows(): Locator {
    return this.page.getByRole('tabpanel').getByRole('row').filter({ has: this.page.getByText('待签回', { exact: true }) });
  }
}
