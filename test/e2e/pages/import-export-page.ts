// Page object for 导入与导出 (importing an old ledger) and for the export control of the lists.
import { readFileSync } from 'node:fs';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './antd-select';

export class ImportExportPage {
  constructor(readonly page: Page) {}

  get preview(): Locator {
    return this.page.getByRole('table', { name: '导入预览' });
  }

  async chooseFile(path: string): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles(path);
    await expect(this.page.getByRole('combobox', { name: '工作表' })).toBeVisible();
  }

  /** Picks the sheet and the target (平台台账/人员/单位). */
  async pick(sheet: string, target: string): Promise<void> {
    await chooseOption(this.page.getByRole('combobox', { name: '工作表' }), null, new RegExp(`^${sheet}$`));
    await this.page.getByRole('radiogroup', { name: '导入到' }).getByText(target, { exact: true }).click();
  }

  summary(): Locator {
    return this.page.getByText(/^共 \d+ 行：可导入 \d+ 行，有错误 \d+ 行，重复 \d+ 行。$/);
  }

  previewRow(rowNumber: number): Locator {
    return this.preview.getByRole('row').filter({ hasText: `第 ${rowNumber} 行` });
  }

  importButton(rows: number): Locator {
    return this.page.getByRole('button', { name: `导入 ${rows} 行` });
  }

  async importAll(rows: number, target: string): Promise<void> {
    await this.importButton(rows).click();
    await expect(this.page.getByText(`已导入 ${rows} 条记录到“${target}”，每条都记入了审计日志。`)).toBeVisible();
  }

  /** Clicks “导出 Excel” (or a CSV entry of its menu) and returns the downloaded bytes and name. */
  async export(format: 'xlsx' | 'utf8-bom' | 'gbk', onGbkWarning?: (dialog: Locator) => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
    const downloading = this.page.waitForEvent('download');
    if (format === 'xlsx') await this.page.getByRole('button', { name: '导出 Excel' }).click();
    else {
      await this.page.getByRole('button', { name: '导出 CSV' }).click();
      await this.page.getByRole('menuitem', { name: format === 'gbk' ? 'CSV（GBK，兼容旧版表格软件）' : 'CSV（UTF-8 带 BOM）' }).click();
      if (format === 'gbk' && onGbkWarning) await onGbkWarning(this.page.getByRole('dialog', { name: 'GBK 无法保存部分字符' }));
    }
    const download: Download = await downloading;
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  }
}
