// Page object for any dialog (or drawer) of the app: its fields by label, the message at a field,
// the form-wide summary message, and the keyboard.
import { expect, type Locator, type Page } from '@playwright/test';

export const SUMMARY = '有内容需要修改，请查看标红的栏目。';

export class DialogPage {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    title: string | RegExp,
  ) {
    this.root = page.getByRole('dialog', { name: title });
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  /** The form item (label, input and its message) of a field. */
  item(label: string): Locator {
    return this.root.locator('.ant-form-item').filter({ has: this.page.getByText(label, { exact: true }) });
  }

  /** The red message shown at a field (empty when there is none). */
  fieldError(label: string): Locator {
    return this.item(label).locator('.ant-form-item-explain-error');
  }

  /** The form-wide messages on screen (antd messages sit outside the dialog). */
  summaries(): Locator {
    return this.page.locator('.ant-message-notice').filter({ hasText: SUMMARY });
  }

  async save(button = '保存'): Promise<void> {
    await this.root.getByRole('button', { name: button }).click();
  }

  /** Types a date into a date field and takes it with Enter, as a clerk would. */
  async typeDate(label: string, date: string): Promise<void> {
    const input = this.field(label);
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  }

  async expectOpen(): Promise<void> {
    await expect(this.root).toBeVisible();
  }
}
