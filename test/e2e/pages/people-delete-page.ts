// Page object for moving a person to the trash from 人员: the duties they still hold, and handing
// those over to another person. Chinese labels and roles only.
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './antd-select';

export class PeopleDeletePage {
  constructor(readonly page: Page) {}

  async openDelete(name: string): Promise<Locator> {
    await this.page.getByRole('searchbox', { name: '搜索人员' }).fill(name);
    await this.page.getByRole('button', { name: `删除 ${name}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `将“${name}”移入回收站？` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  duties(dialog: Locator): Locator {
    return dialog.getByRole('list', { name: '仍担任的职责' }).getByRole('listitem');
  }

  /** Picks the successor in 移交给 by the start of their name. */
  async handOverTo(dialog: Locator, name: string): Promise<void> {
    await chooseOption(dialog.getByRole('combobox', { name: '移交给' }), name, name);
  }
}
