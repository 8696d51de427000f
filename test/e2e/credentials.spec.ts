// Credential custody as the clerk works it: a password typed into the self-check is kept nowhere;
// an envelope is sealed, opened once (never twice) and replaced, with the chain shown; a handover
// to the same person or to someone who left is refused, a valid one changes the registry's
// 总管理员, creates the change filing, and completes once the password change is confirmed.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { exportedXml } from './pages/list-export';
import { LedgerApp } from './pages/ledger-app';
import { CredentialsPage } from './pages/credentials-page';
import { BackupPage } from './pages/backup-page';

const PASSWORD = 'Zx!9QpL#unique-7731';
const PLATFORM = '东湖示范大学图书馆网站';

test.beforeEach(async ({ page }) => {
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
});

test('a password typed into the self-check is stored nowhere (003 第十七条, 002 第九条(二))', async ({ page }) => {
  const app = new LedgerApp(page);
  const c = new CredentialsPage(page);
  await app.goTo('密码密封存档');

  let dialog = await c.checkPassword('abc');
  await expect(dialog.getByText('长度不足：至少需要 8 位，当前 3 位。')).toBeVisible();
  await dialog.getByLabel('待检查的密码').fill(PASSWORD);
  await expect(dialog.getByText('符合本单位密码规则。请手写在登记表方框内后密封。')).toBeVisible();

  // While the dialog is open, and after it is closed, nothing the browser stores holds it.
  const whileOpen = await c.everythingStored();
  expect(whileOpen.stores).toEqual(expect.arrayContaining(['media-ledger/envelopes', 'media-ledger/auditLog', 'media-ledger/settings']));
  expect(whileOpen.text).toContain('东湖示范大学图书馆网站'); // the reader does see the data
  expect(whileOpen.text).not.toContain(PASSWORD);

  await dialog.getByRole('button', { name: '关闭并清除' }).click();
  await expect(dialog).toBeHidden();
  const afterClose = await c.everythingStored();
  expect(afterClose.text).not.toContain(PASSWORD);
  expect(afterClose.text).not.toContain('unique-7731');
  expect(await page.content()).not.toContain(PASSWORD);

  // Reopened, the field is empty: no state outlived the dialog.
  await page.getByRole('button', { name: '密码强度自检' }).click();
  dialog = c.dialog('密码强度自检');
  await expect(dialog.getByLabel('待检查的密码')).toHaveValue('');
  await dialog.getByRole('button', { name: '关闭并清除' }).click();

  // Nor does the data the app exports (the review list as .xlsx; unzipped, its XML is searched).
  await app.goTo('发布审核');
  // Every entry's bytes match their CRC-32 (Chromium's own compressing computes the rows'), checked in exportedXml.
  const xml = await exportedXml(page);
  // The search reads the cells' text (a review title of the demo is there), so the next line means something.
  expect(xml).toContain('“东湖讲坛”第48期：人工智能时代的大学教育');
  expect(xml).not.toContain('unique-7731');

  // Nor does a backup of everything (unencrypted, so its tables' JSON can be searched).
  await app.goTo('备份与恢复');
  const backup = readFileSync(await new BackupPage(page).backupNow());
  expect(backup.includes(Buffer.from(PLATFORM))).toBe(true);
  expect(backup.includes(Buffer.from('unique-7731'))).toBe(false);
});

test('seal → open → new envelope; an open envelope cannot be opened again (003 第十七条)', async ({ page }) => {
  const app = new LedgerApp(page);
  const c = new CredentialsPage(page);
  await app.goTo('密码密封存档');
  await expect(page.getByRole('link', { name: 'TSG-MF-2025-02' })).toBeVisible();

  await page.getByRole('button', { name: '封存新信封' }).click();
  const sealing = c.dialog('封存新信封');
  await c.choose(sealing, '平台', PLATFORM);
  await expect(sealing.getByText(/以下信封将作废并由新信封替换：TSG-MF-2025-02（已封存）/)).toBeVisible();
  // The witness must be a second person: refused at the field, what was typed stays.
  await c.seal({ sealedBy: '李赟', witness: '李赟', custodian: '吴芳', location: '图书馆党政综合办公室保密柜' });
  await expect(sealing.getByText('监封人不能与封存人是同一人。')).toBeVisible();
  await expect(sealing.getByLabel('存放位置')).toHaveValue('图书馆党政综合办公室保密柜');
  await c.choose(sealing, '监封人', '孙丽华');
  await sealing.getByRole('button', { name: '登记封存' }).click();
  await expect(sealing).toBeHidden();

  const first = c.drawer('XF-2026-0001');
  await expect(first).toBeVisible();
  await expect(first.getByRole('row', { name: /^状态/ })).toContainText('已封存');
  await c.logOpening(first, { by: '李赟', reason: '管理员绑定手机更换，需登录后台重新绑定', approvedBy: '孙丽华' });
  await expect(first.getByText('该信封已启封：请更换密码并封存新信封（003 第十七条）。')).toBeVisible();
  await expect(first.getByRole('cell', { name: '管理员绑定手机更换，需登录后台重新绑定' })).toBeVisible();

  // Opening it again is refused with the reason; nothing changes.
  const before = await c.rows<{ openings: unknown[] }>('envelopes');
  await first.getByRole('button', { name: '登记启封' }).click();
  const again = c.dialog(/^登记启封/);
  await expect(again.getByText(/^该信封已于\d{4}-\d{2}-\d{2}启封，不能重复启封。请更换密码后封存新信封。$/)).toBeVisible();
  await expect(again.getByRole('button', { name: '确认启封' })).toBeDisabled();
  await again.getByRole('button', { name: '取消' }).click();
  expect(await c.rows('envelopes')).toEqual(before);

  // The reminder's way out: seal a new envelope for the same platform.
  await first.getByRole('button', { name: '封存新信封' }).click();
  await expect(sealing.getByText(/以下信封将作废并由新信封替换：XF-2026-0001（已启封）/)).toBeVisible();
  await c.seal({ sealedBy: '李赟', witness: '孙丽华', custodian: '吴芳', location: '图书馆党政综合办公室保密柜' });
  const second = c.drawer('XF-2026-0002');
  await expect(second).toBeVisible();
  const chain = second.getByRole('navigation', { name: '信封更替记录' });
  await expect(chain).toContainText(/TSG-MF-2025-02.*已替换.*XF-2026-0001.*已替换.*XF-2026-0002.*已封存/);

  // Printing the register sheet opens its preview.
  await second.getByRole('button', { name: '打印登记表' }).click();
  await expect(page.getByRole('dialog', { name: /账号密码密封存档登记表/ }).locator('iframe[title="表格预览"]')).toBeVisible({ timeout: 30_000 });
});

test('handover → password change → complete; same person or 离岗 is refused (000 第六条 2)', async ({ page }) => {
  const app = new LedgerApp(page);
  const c = new CredentialsPage(page);
  await app.goTo('管理员交接');
  const handoversBefore = await c.rows('handovers');
  const platformsBefore = await c.rows('platforms');

  await page.getByRole('button', { name: '登记交接' }).click();
  const dialog = c.dialog('登记交接');
  await c.choose(dialog, '平台', PLATFORM);
  // The outgoing administrator is filled in from the registry.
  await expect(dialog.getByText('李赟 · 图书馆')).toBeVisible();
  await c.choose(dialog, '接收人', '李赟');
  await c.choose(dialog, '监交人', '孙丽华');
  await dialog.getByRole('button', { name: '登记交接' }).click();
  await expect(dialog.getByText('移交人和接收人不能是同一人。')).toBeVisible();

  await c.choose(dialog, '接收人', '许志明');
  await dialog.getByRole('button', { name: '登记交接' }).click();
  await expect(dialog.getByText(/^许志明已于\d{4}-\d{2}-\d{2}离岗，不能担任接收人（新任管理员）。$/)).toBeVisible();
  expect(await c.rows('handovers')).toEqual(handoversBefore);
  expect(await c.rows('platforms')).toEqual(platformsBefore);

  await c.choose(dialog, '接收人', '刘思远');
  await dialog.getByRole('checkbox', { name: '密码密封存档信封' }).check();
  await dialog.getByRole('checkbox', { name: '管理员、运营者权限已移交' }).check();
  await dialog.getByRole('button', { name: '登记交接' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/已登记交接：总管理员已改为刘思远；已生成变更备案，应于 \d{4}-\d{2}-\d{2} 前报备。/)).toBeVisible();

  const row = page.getByRole('row').filter({ hasText: PLATFORM }).filter({ hasText: '刘思远' });
  await expect(row.getByText('待更换密码')).toBeVisible();
  await expect(row.getByText('2/6 项')).toBeVisible();
  await row.getByRole('button', { name: /^登记更换密码/ }).click();
  const change = c.dialog('登记更换密码');
  await change.getByRole('button', { name: '确认已更换' }).click();
  await expect(change).toBeHidden();
  await expect(row.getByText('已完成')).toBeVisible();
  await expect(row).toContainText('孙丽华确认');

  // The registry's 总管理员 changed with it, and the change filing is there.
  const platform = (await c.rows<{ id: string; name: string; chiefAdminId: string }>('platforms')).find((p) => p.name === PLATFORM)!;
  const people = await c.rows<{ id: string; name: string }>('people');
  expect(people.find((p) => p.id === platform.chiefAdminId)?.name).toBe('刘思远');
  const filings = (await c.rows<{ platformId: string; kind: string; changes: unknown[]; dueDate?: string }>('approvals')).filter(
    (a) => a.platformId === platform.id && a.kind === '变更备案',
  );
  expect(filings).toEqual([expect.objectContaining({ changes: [{ field: '总管理员', before: '李赟', after: '刘思远' }], dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })]);
  await app.goTo('平台台账');
  await page.getByRole('searchbox', { name: '搜索平台' }).fill(PLATFORM);
  await page.getByRole('link', { name: PLATFORM, exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: '总管理员' })).toContainText('刘思远');
});
