// Page object for the office's own registers: 工作群, 问题与舆情 and 培训, by Chinese labels and roles.
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseByTyping } from './antd-select';

export class OfficePage {
  constructor(readonly page: Page) {}

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  /** Picks an option of a searchable antd Select by the start of its label. */
  async choose(scope: Locator, label: string, option: string): Promise<void> {
    await chooseByTyping(scope, label, option);
  }

  /** Picks several people in a multiple select, then closes its dropdown. */
  async chooseMany(scope: Locator, label: string, options: string[]): Promise<void> {
    for (const o of options) await chooseByTyping(scope, label, o, { multiple: true });
    await scope.getByRole('combobox', { name: label }).press('Escape');
  }

  /** Clicks a button-style radio by its text (antd hides the input itself under the label). */
  async filter(group: string, option: string): Promise<void> {
    const radios = this.page.getByRole('radiogroup', { name: group });
    await radios.getByText(option, { exact: true }).click();
    await expect(radios.getByRole('radio', { name: option })).toBeChecked();
  }

  /** The table row that mentions `text`. */
  row(text: string): Locator {
    return this.page.getByRole('row').filter({ hasText: text });
  }

  async recordRealNameCheck(group: string, removed: number, note: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `记录实名核查 ${group}` }).click();
    const dialog = this.dialog(`记录实名核查：${group}`);
    await dialog.getByLabel('移出人数').fill(String(removed));
    await dialog.getByLabel('备注').fill(note);
    return dialog;
  }

  async logGroupProblem(group: string, found: string, action: string): Promise<void> {
    await this.page.getByRole('button', { name: `问题登记 ${group}` }).click();
    const dialog = this.dialog('问题登记');
    await dialog.getByLabel('发现的问题').fill(found);
    await dialog.getByRole('checkbox', { name: action }).check();
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }

  async registerIncident(kind: string, found: string): Promise<void> {
    await this.page.getByRole('button', { name: '登记', exact: true }).click();
    const dialog = this.dialog('登记问题、举报投诉或舆情');
    await this.choose(dialog, '类别', kind);
    await dialog.getByLabel('发现的问题').fill(found);
    await dialog.getByRole('checkbox', { name: '删除' }).check();
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }
}
