// Page object of 备份与恢复: make a backup (download in the browser edition), restore a file,
// undo a restore from its snapshot.
import { expect, type Locator, type Page } from '@playwright/test';
import { outputFile } from './output-file';

export class BackupPage {
  constructor(readonly page: Page) {}

  get restoreCard(): Locator {
    return this.page.locator('.ant-card').filter({ has: this.page.getByText('从备份恢复', { exact: true }) });
  }

  get snapshotsCard(): Locator {
    return this.page.locator('.ant-card').filter({ has: this.page.getByText('恢复前快照', { exact: true }) });
  }

  /** Makes a backup through 立即备份 and returns the path of the downloaded file. */
  async backupNow(passphrase?: string): Promise<string> {
    await this.page.getByRole('button', { name: '立即备份…' }).click();
    const dialog = this.page.getByRole('dialog', { name: '立即备份' });
    if (passphrase !== undefined) {
      await dialog.getByRole('checkbox', { name: '用口令加密备份文件' }).check();
      await dialog.getByLabel('备份口令').fill(passphrase);
      await dialog.getByLabel('再次输入口令').fill(passphrase);
    }
    const downloading = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: '开始备份' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^台账备份-\d{8}-\d{6}-manual\.mlbackup$/);
    const file = outputFile(download.suggestedFilename());
    await download.saveAs(file);
    await expect(dialog.getByText('备份完成，已通过校验')).toBeVisible();
    await dialog.getByRole('button', { name: '完成', exact: true }).click();
    await expect(dialog).toBeHidden();
    return file;
  }

  async chooseFile(file: string): Promise<void> {
    await this.restoreCard.getByLabel('备份文件').setInputFiles(file);
  }

  async enterPassphrase(passphrase: string): Promise<void> {
    await this.restoreCard.getByLabel('备份口令').fill(passphrase);
    await this.restoreCard.getByRole('button', { name: '校验' }).click();
  }

  async confirmReplace(): Promise<void> {
    await this.restoreCard.getByRole('button', { name: '用此备份替换当前数据…' }).click();
    const confirm = this.page.getByRole('dialog').filter({ hasText: '用此备份替换当前全部数据？' });
    await confirm.getByRole('button', { name: '替换' }).click();
    await expect(this.restoreCard.getByText('恢复完成')).toBeVisible();
  }

  async undoLatestRestore(): Promise<void> {
    await this.snapshotsCard.getByRole('button', { name: '恢复此快照' }).first().click();
    const confirm = this.page.getByRole('dialog').filter({ hasText: '恢复到此快照？' });
    await confirm.getByRole('button', { name: '恢复' }).click();
    await expect(this.page.getByText('已恢复到所选快照')).toBeVisible();
  }
}
