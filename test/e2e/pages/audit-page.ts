// Page object for 审计日志: the rows, the filters and the record links.
import type { Locator, Page } from '@playwright/test';
import { chooseOption } from './antd-select';

export class AuditLogPage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByRole('table', { name: '审计日志' }).locator('tbody tr[data-row-key]');
  }

  row(...texts: string[]): Locator {
    return texts.reduce((rows, text) => rows.filter({ hasText: text }), this.rows());
  }

  async filterTable(label: string): Promise<void> {
    await chooseOption(this.page.getByRole('combobox', { name: '按类别筛选' }), null, new RegExp(`^${label}$`));
  }

  async filterOperator(name: string): Promise<void> {
    const box = this.page.getByRole('searchbox', { name: '按操作员筛选' });
    await box.fill(name);
    await box.press('Enter');
  }

  async onlyRecord(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `只看“${name}”的记录` }).first().click();
  }
}
