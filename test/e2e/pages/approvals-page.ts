// Page object for 开通与备案: recording a change, its due date, marking it filed; and the start
// page's reminders and the holiday calendar import in 设置.
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './antd-select';

export class ApprovalsPage {
  constructor(readonly page: Page) {}

  changeDialog(): Locator {
    return this.page.getByRole('dialog', { name: '记录变更' });
  }

  async openChangeDialog(): Promise<Locator> {
    await this.page.getByRole('button', { name: '记录变更' }).click();
    const dialog = this.changeDialog();
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Picks an option of a searchable select by typing part of its text. */
  async choose(combobox: Locator, typed: string, option: string | RegExp): Promise<void> {
    await chooseOption(combobox, typed, option);
  }

  async pickDate(input: Locator, date: string): Promise<void> {
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  }

  /** Fills 记录变更 for an administrator change; returns the dialog. */
  async recordAdministratorChange(platform: string, newAdmin: string, changeDate: string): Promise<Locator> {
    const dialog = await this.openChangeDialog();
    await this.choose(dialog.getByRole('combobox', { name: '平台' }), platform, platform);
    await dialog.getByRole('checkbox', { name: '总管理员' }).check();
    await this.choose(dialog.getByRole('combobox', { name: '变更后的总管理员' }), newAdmin, newAdmin);
    await this.pickDate(dialog.getByLabel('变更日期'), changeDate);
    return dialog;
  }

  row(text: string): Locator {
    return this.page.getByRole('row').filter({ hasText: text });
  }

  async markFiled(signedBy: string): Promise<void> {
    await this.page.getByRole('dialog').getByRole('button', { name: '标记已报备' }).click();
    const dialog = this.page.getByRole('dialog', { name: '标记已报备' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('签字人').fill(signedBy);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Shows one kind of reminder only (the list is paged; a kind keeps it short). */
  async filterReminders(kindLabel: string): Promise<void> {
    await chooseOption(this.reminders().getByRole('combobox', { name: '按提醒类别筛选' }), null, new RegExp(`^${kindLabel}（\\d+）$`));
  }

  reminders(): Locator {
    return this.page.getByRole('region', { name: /待办提醒/ });
  }
}
