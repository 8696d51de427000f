// Page object for 年度检查: the year's campaign, recording an account's checks and result, and the
// 与上年比较 / 拟关停注销 cards. Chinese labels and roles only.
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './antd-select';

export interface InspectionEntry {
  /** Check items to leave unticked (不符合), with their notes; every other item is ticked. */
  failed?: Record<string, string>;
  selfAssessment?: string;
  result: '合格' | '限期整改' | '关停注销';
  approver: string;
  approvedOn: string;
}

export class InspectionsPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { name: '年度检查' });
  }

  progress(): Locator {
    return this.page.getByLabel('检查进度');
  }

  /** A number shown under a 统计 title in the progress card. */
  statistic(title: string): Locator {
    return this.progress().locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content-value');
  }

  row(account: string): Locator {
    return this.page.getByRole('row').filter({ hasText: account });
  }

  async openCampaign(year: number): Promise<void> {
    await this.page.getByRole('button', { name: `开启${year}年度检查` }).first().click();
    await this.page.getByRole('tooltip').getByRole('button', { name: '开启' }).click();
    await expect(this.page.getByText(new RegExp(`已开启${year}年度检查|均已有检查记录`))).toBeVisible();
  }

  async openRecordDialog(account: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `记录检查 ${account}` }).click();
    const dialog = this.page.getByRole('dialog', { name: new RegExp(`记录检查：${account}`) });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Fills 记录检查 without saving; returns the dialog. */
  async fill(account: string, entry: InspectionEntry): Promise<Locator> {
    const dialog = await this.openRecordDialog(account);
    const boxes = dialog.getByRole('checkbox');
    const failed = entry.failed ?? {};
    for (let i = 0; i < (await boxes.count()); i++) {
      const box = boxes.nth(i);
      const item = ((await box.locator('xpath=ancestor::label').textContent()) ?? '').trim();
      if (item in failed) {
        await box.uncheck();
        await dialog.getByLabel(`说明：${item}`).fill(failed[item]!);
      } else await box.check();
    }
    if (entry.selfAssessment !== undefined) await dialog.getByLabel('自查情况').fill(entry.selfAssessment);
    await dialog.getByRole('radio', { name: entry.result }).check();
    await chooseOption(dialog.getByRole('combobox', { name: '审批人（单位第一责任人）' }), entry.approver, entry.approver);
    const date = dialog.getByLabel('审批日期');
    await date.click();
    await date.fill(entry.approvedOn);
    await date.press('Enter');
    return dialog;
  }

  async record(account: string, entry: InspectionEntry): Promise<void> {
    const dialog = await this.fill(account, entry);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }

  comparison(): Locator {
    return this.page.getByLabel('与上年比较');
  }

  closureList(): Locator {
    return this.page.getByLabel('拟关停注销');
  }
}
