// Bad input is refused at the field without losing what was typed; deletion goes to the trash
// and can be undone; a person who left is flagged where they still hold a role.
import { expect, test } from '@playwright/test';
import { readStore, tamperAuditEntry } from './pages/app-database';
import { LedgerApp } from './pages/ledger-app';

test('a wrong phone number is refused at the field and nothing typed is lost', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '李赟');
  await app.goTo('人员');
  await expect(page.getByText('还没有人员，点击“新建人员”添加')).toBeVisible();

  await page.getByRole('button', { name: '新建人员' }).click();
  const dialog = page.getByRole('dialog', { name: '新建人员' });
  await dialog.getByLabel('姓名').fill('张𠮷喆');
  await dialog.getByLabel('职务/岗位').fill('网宣室干事');
  await dialog.getByLabel('电话').fill('12345');
  await dialog.getByRole('button', { name: '保存' }).click();

  await expect(dialog.getByText(/电话格式不正确/)).toBeVisible();
  await expect(dialog.getByLabel('姓名')).toHaveValue('张𠮷喆');
  await expect(dialog.getByLabel('职务/岗位')).toHaveValue('网宣室干事');

  await dialog.getByLabel('电话').fill('029-87092255');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /张𠮷喆/ });
  await expect(row).toContainText('029-87092255');

  // Delete (with confirmation) → trash → restore.
  await row.getByRole('button', { name: '删除 张𠮷喆' }).click();
  await page.getByRole('button', { name: '移入回收站' }).click();
  await expect(page.getByRole('row', { name: /张𠮷喆/ })).toBeHidden();
  await app.goTo('回收站');
  await page.getByRole('button', { name: '恢复 张𠮷喆' }).click();
  await expect(page.getByText('回收站是空的')).toBeVisible();
  await app.goTo('人员');
  await expect(page.getByRole('row', { name: /张𠮷喆/ })).toBeVisible();

  // Every step is in the audit log, and the chain verifies.
  await app.goTo('审计日志');
  await page.getByRole('button', { name: '校验完整性' }).click();
  await expect(page.getByText(/校验通过：全部 \d+ 条记录完整/)).toBeVisible();
  const entries = await readStore<{ seq: number; hash: string }>(page, 'auditLog');
  const newest = entries[entries.length - 1]!;
  await expect(page.getByText(`最新一条为第 ${newest.seq} 条`)).toBeVisible();
  await expect(page.getByText(newest.hash.slice(0, 16))).toBeVisible();

  // Someone edits the second entry behind the app's back: the check names that entry.
  await tamperAuditEntry(page, entries[1]!.seq, { operator: '某人' });
  await page.getByRole('button', { name: '校验完整性' }).click();
  await expect(page.getByText(`校验未通过：第 ${entries[1]!.seq} 条记录内容与其哈希不符（记录被改动）。`)).toBeVisible();
});

test('a person who left but still holds a role is flagged in the registry', async ({ page }) => {
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '李赟');
  await app.loadDemo();
  await app.goTo('首页');
  await expect(page.getByText('已离岗人员仍登记在岗位上')).toBeVisible();
  await app.goTo('平台台账');
  await expect(page.getByText('有离岗人员').first()).toBeVisible();
});
