// Page object for the rough edges a clerk meets in the first week (issue 16): 立即备份 with bad
// input, the year 年度检查 opens on, cancelling an import, the undo in a delete message, and the
// list filters kept across pages. Chinese labels and roles only.
import { writeFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { outputFile } from './output-file';

export class RoughEdgesPage {
  constructor(readonly page: Page) {}

  /** Fixes the page's clock at a China-time calendar day (10:00), before the app reads it. */
  async setToday(day: string): Promise<void> {
    await this.page.clock.setFixedTime(new Date(`${day}T10:00:00+08:00`));
  }

  /** First run under a chosen rule profile (by the start of its name). */
  async completeSetupWithProfile(institution: string, operator: string, profile: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: '欢迎使用新媒体阵地台账' })).toBeVisible();
    await this.page.getByLabel('单位（学校）名称').fill(institution);
    await this.page.getByRole('combobox', { name: '管理规则方案' }).click();
    await this.option(profile).click();
    await this.page.getByLabel('操作员姓名').fill(operator);
    await this.page.getByRole('button', { name: '开始使用' }).click();
    await expect(this.page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  }

  /** An option of the open antd Select dropdown, by the start of its label. */
  option(label: string): Locator {
    return this.page.locator('.ant-select-item-option:visible').filter({ hasText: label }).first();
  }

  backupDialog(): Locator {
    return this.page.getByRole('dialog', { name: '立即备份' });
  }

  /** Opens 立即备份 and asks for an encrypted backup with the two passphrases given. */
  async startEncryptedBackup(passphrase: string, confirm: string): Promise<Locator> {
    await this.page.getByRole('button', { name: '立即备份…' }).click();
    const dialog = this.backupDialog();
    await dialog.getByRole('checkbox', { name: '用口令加密备份文件' }).check();
    await dialog.getByLabel('备份口令').fill(passphrase);
    await dialog.getByLabel('再次输入口令').fill(confirm);
    await dialog.getByRole('button', { name: '开始备份' }).click();
    return dialog;
  }

  /** Writes a CSV ledger to a fresh temporary folder and returns its path. */
  writeCsv(name: string, lines: string[]): string {
    const file = outputFile(name);
    writeFileSync(file, `${lines.join('\r\n')}\r\n`, 'utf8');
    return file;
  }

  async chooseImportFile(path: string): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles(path);
    await expect(this.page.getByRole('combobox', { name: '工作表' })).toBeVisible();
  }

  /** An antd Select (its box shows the chosen option), found by its accessible name. */
  select(label: string): Locator {
    return this.page.locator('.ant-select').filter({ has: this.page.getByRole('combobox', { name: label }) });
  }

  /** Confirms the 删除 popconfirm of a record. */
  async deleteRecord(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `删除 ${name}` }).click();
    await this.page.getByRole('button', { name: '移入回收站' }).click();
  }

  /** The success message shown after a delete, with its 撤销 button. */
  deletedMessage(name: string): Locator {
    return this.page.locator('.ant-message-notice').filter({ hasText: `已将“${name}”移入回收站` });
  }
}
