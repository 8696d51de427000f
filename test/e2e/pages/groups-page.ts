// Page object for 工作群: 新建, the roster (成员名单) and the real-name check against it.
// Chinese labels and roles only.
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './antd-select';

export class GroupsPage {
  constructor(readonly page: Page) {}

  row(group: string): Locator {
    return this.page.getByRole('row').filter({ hasText: group });
  }

  /** Opens 成员名单, adds one person from the registry and one 部门+姓名 member, saves. */
  async addRoster(group: string, person: string, other: { department: string; name: string }): Promise<void> {
    await this.page.getByRole('button', { name: `成员名单 ${group}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `成员名单：${group}` });
    await dialog.getByRole('button', { name: '添加成员' }).click();
    await chooseOption(dialog.getByRole('combobox', { name: '成员1' }), person, person);
    await dialog.getByRole('button', { name: '添加成员' }).click();
    await dialog.getByLabel('成员2部门').fill(other.department);
    await dialog.getByLabel('成员2姓名').fill(other.name);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }
}
