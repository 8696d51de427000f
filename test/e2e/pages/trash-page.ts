// Page object for 回收站: its rows, pages and 恢复 buttons.
import { expect, type Locator, type Page } from '@playwright/test';

export class TrashListPage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.locator('.ant-table-tbody').getByRole('row');
  }

  /** The 名称 of the row at this place of the page shown. */
  name(row: number): Locator {
    return this.rows().nth(row).getByRole('cell').nth(1);
  }

  /** Opens page `n` of the list from its pagination. */
  async toPage(n: number): Promise<void> {
    await this.page.locator('.ant-pagination').getByTitle(String(n), { exact: true }).click();
  }

  async restore(label: string): Promise<void> {
    await this.page.getByRole('button', { name: `恢复 ${label}`, exact: true }).click();
    await expect(this.page.getByText(`已恢复“${label}”`)).toBeVisible();
  }
}
