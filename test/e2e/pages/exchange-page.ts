// Page object for 数据交换: export a unit's package (a download), import a package and review the
// plan, merge the ticked records.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './antd-select';

export class ExchangePage {
  constructor(readonly page: Page) {}

  /** Exports the unit's package; returns the download (the browser edition saves by downloading). */
  async exportUnit(unit: string): Promise<Download> {
    await chooseOption(this.page.getByRole('combobox', { name: '要导出的单位' }), unit, new RegExp(`^${unit}$`));
    const exportButton = this.page.getByRole('button', { name: '导出数据包' });
    // The button is enabled once the unit is chosen: a pick that did not take fails here, by name.
    await expect(exportButton).toBeEnabled();
    const download = this.page.waitForEvent('download');
    await exportButton.click();
    return download;
  }

  async importFile(path: string): Promise<void> {
    await this.page.getByLabel('选择数据交换包文件').setInputFiles(path);
    await expect(this.page.getByRole('region', { name: '导入对比' })).toBeVisible();
  }

  count(status: 'new' | 'duplicate' | 'changed' | 'conflict' | 'same'): Locator {
    return this.page.getByTestId(`count-${status}`);
  }

  group(label: '新增' | '重复账号' | '有更新' | '有冲突' | '相同'): Locator {
    return this.page.getByRole('region', { name: label, exact: true });
  }

  /** The side-by-side table of one record. */
  comparison(name: string): Locator {
    return this.page.getByRole('table', { name: `${name}：本机与导入对比` });
  }

  async accept(table: string, name: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `合并 ${table} ${name}` }).check();
  }

  async merge(count: number): Promise<void> {
    await this.page.getByRole('button', { name: `合并所选记录（${count}）` }).click();
    const dialog = this.page.getByRole('dialog', { name: '确认合并所选记录？' });
    await expect(dialog).toContainText(`将写入 ${count} 条记录`);
    await dialog.getByRole('button', { name: '合并', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
