// Backups as the clerk makes and uses them in the browser edition: a backup downloads, passes
// the Node verifier, restores over changed data after showing what it holds, and the restore
// can be undone from its snapshot; an encrypted backup needs its passphrase; a damaged file is
// refused and changes nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LedgerApp } from './pages/ledger-app';
import { BackupPage } from './pages/backup-page';
import { putRow, readStore } from './pages/app-database';

test.beforeEach(async ({ page }) => {
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.loadDemo();
});

async function renameOperator(page: Page, name: string): Promise<void> {
  await new LedgerApp(page).goTo('设置');
  await page.getByLabel('操作员姓名').fill(name);
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText(`操作员：${name}`)).toBeVisible();
}

async function platformIds(page: Page): Promise<string[]> {
  return (await readStore<{ id: string }>(page, 'platforms')).map((p) => p.id).sort();
}

test('backup → verified in Node → restore over changed data → undo from the snapshot', async ({ page }) => {
  const app = new LedgerApp(page);
  const backup = new BackupPage(page);
  await app.goTo('备份与恢复');
  await expect(page.getByText('本机浏览器中的数据还没有备份过')).toBeVisible();
  const file = await backup.backupNow();
  await expect(page.getByText(/^上次备份：/)).toBeVisible();

  // The file passes the command-line verifier, with the demo's counts.
  const verdict = execFileSync('node', ['--import', 'tsx', 'scripts/verify-backup.ts', file], { encoding: 'utf8' });
  expect(verdict).toMatch(/^OK 备份完好：\d+ 条记录/);
  const platformsBefore = await platformIds(page);
  expect(platformsBefore.length).toBeGreaterThan(30);

  // The data changes after the backup…
  await renameOperator(page, '赵新');
  await app.goTo('备份与恢复');

  // …the file is verified and shown beside the current data before anything is replaced.
  await backup.chooseFile(file);
  await expect(backup.restoreCard.getByText('备份文件完整，校验通过')).toBeVisible();
  const platformsRow = backup.restoreCard.getByRole('row', { name: /平台台账/ });
  await expect(platformsRow).toContainText(String(platformsBefore.length));
  await expect(page.getByText('操作员：赵新')).toBeVisible();
  await backup.confirmReplace();
  await expect(page.getByText('操作员：王𠮷')).toBeVisible();
  expect(await platformIds(page)).toEqual(platformsBefore);

  // The data replaced by the restore was kept as a snapshot; restoring it undoes the restore.
  await expect(backup.snapshotsCard.getByRole('cell', { name: `恢复“${file.split('/').pop()}”之前` })).toBeVisible();
  await backup.undoLatestRestore();
  await expect(page.getByText('操作员：赵新')).toBeVisible();

  // The audit log says so, and its chain is intact.
  await app.goTo('审计日志');
  await expect(page.getByRole('cell', { name: '全部数据' }).first()).toBeVisible();
  await page.getByRole('button', { name: '校验完整性' }).click();
  await expect(page.getByText(/^校验通过：全部 \d+ 条记录完整/)).toBeVisible();
});

test('without the worker that hashes a whole file, the restore hashes it itself and goes through', async ({ page }) => {
  const app = new LedgerApp(page);
  const backup = new BackupPage(page);
  await app.goTo('备份与恢复');
  const file = await backup.backupNow();
  await renameOperator(page, '赵新');
  await app.goTo('备份与恢复');
  // From here on the backup worker starts the whole-file hash's worker from a script that is not
  // there (as on a machine where starting it fails): its 'error' event, then the fallback.
  let rewritten = 0;
  await page.route(/\/assets\/backup-worker-[^/]*\.js$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/file-hash-worker-[\w-]+\.js/g, 'no-such-worker.js');
    rewritten += 1;
    await route.fulfill({ response, body });
  });
  const fallbacks: string[] = [];
  page.on('console', (m) => void (m.text().includes('hashing the file here instead') && fallbacks.push(m.text())));
  await page.reload();
  await app.goTo('备份与恢复');
  await backup.chooseFile(file);
  await expect(backup.restoreCard.getByText('备份文件完整，校验通过')).toBeVisible();
  await backup.confirmReplace();
  await expect(page.getByText('操作员：王𠮷')).toBeVisible();
  await expect(backup.snapshotsCard.getByRole('cell', { name: `恢复“${file.split('/').pop()}”之前` })).toBeVisible();
  expect(rewritten).toBeGreaterThan(0);
  // The preview's read and the snapshot's check each fell back (the restore does not read a file
  // without scans a first time again after its preview).
  expect(fallbacks).toHaveLength(2);
});

test('an encrypted backup needs its passphrase; a damaged file is refused and nothing changes', async ({ page }) => {
  const app = new LedgerApp(page);
  const backup = new BackupPage(page);
  await app.goTo('备份与恢复');
  const passphrase = '东湖-备份口令-2026';
  const encrypted = await backup.backupNow(passphrase);
  const plain = await backup.backupNow();
  expect(readFileSync(plain).includes(Buffer.from('东湖示范大学'))).toBe(true);
  expect(readFileSync(encrypted).includes(Buffer.from('东湖示范大学'))).toBe(false);

  await backup.chooseFile(encrypted);
  await backup.enterPassphrase('错误的口令123');
  await expect(backup.restoreCard.getByText('备份口令不正确（或文件头已损坏），请核对口令后重试。')).toBeVisible();
  await backup.enterPassphrase(passphrase);
  await expect(backup.restoreCard.getByText('备份文件完整，校验通过')).toBeVisible();
  await expect(backup.restoreCard.getByText('加密')).toBeVisible();

  // One flipped bit in the middle of the file: refused, current data untouched.
  const bytes = readFileSync(plain);
  bytes[Math.floor(bytes.length / 2)]! ^= 0x10;
  const damaged = plain.replace(/\.mlbackup$/, '-damaged.mlbackup');
  writeFileSync(damaged, bytes);
  const before = await platformIds(page);
  const auditBefore = (await readStore(page, 'auditLog')).length;
  await backup.chooseFile(damaged);
  await expect(backup.restoreCard.getByText(/备份文件已损坏或被改动/)).toBeVisible();
  await expect(backup.restoreCard.getByText('当前数据未做任何更改。')).toBeVisible();
  await expect(backup.restoreCard.getByRole('button', { name: '用此备份替换当前数据…' })).toHaveCount(0);
  expect(await platformIds(page)).toEqual(before);
  expect(await readStore(page, 'auditLog')).toHaveLength(auditBefore);
});

test('on a new computer the setup page restores a backup instead of starting empty', async ({ page, browser }, testInfo) => {
  const app = new LedgerApp(page);
  await app.goTo('备份与恢复');
  const file = await new BackupPage(page).backupNow();
  const platformsBefore = await platformIds(page);

  // A fresh browser profile: an empty database, so the app starts with its setup page.
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'zh-CN' });
  const fresh = await context.newPage();
  await fresh.goto('/');
  await expect(fresh.getByRole('heading', { name: '欢迎使用新媒体阵地台账' })).toBeVisible();
  await fresh.getByRole('button', { name: '从备份文件恢复（换新电脑时）' }).click();
  const restore = new BackupPage(fresh);
  await restore.chooseFile(file);
  await expect(restore.restoreCard.getByText('备份文件完整，校验通过')).toBeVisible();
  await restore.restoreCard.getByRole('button', { name: '用此备份替换当前数据…' }).click();
  await fresh.getByRole('dialog').filter({ hasText: '用此备份替换当前全部数据？' }).getByRole('button', { name: '替换' }).click();

  // The restored settings end the setup: the app opens on the restored data.
  await expect(fresh.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(fresh.getByText('操作员：王𠮷')).toBeVisible();
  expect(await platformIds(fresh)).toEqual(platformsBefore);
  await context.close();
});

test('when the current data is damaged and cannot be kept as a snapshot, the clerk can still restore (without undo)', async ({ page }) => {
  const app = new LedgerApp(page);
  const backup = new BackupPage(page);
  await app.goTo('备份与恢复');
  const file = await backup.backupNow();
  const attachmentsInBackup = (await readStore(page, 'attachments')).length;
  // A scan's bytes are lost from this computer's data (its row remains).
  await putRow(page, 'attachments', { id: 'lost-scan', createdAt: '2026-01-05T08:00:00.000Z', updatedAt: '2026-01-05T08:00:00.000Z', name: '丢失的扫描件.pdf', mimeType: 'application/pdf', size: 3, sha256: '0'.repeat(64) });

  await backup.chooseFile(file);
  await expect(backup.restoreCard.getByText('备份文件完整，校验通过')).toBeVisible();
  await backup.restoreCard.getByRole('button', { name: '用此备份替换当前数据…' }).click();
  await page.getByRole('dialog').filter({ hasText: '用此备份替换当前全部数据？' }).getByRole('button', { name: '替换' }).click();
  await expect(backup.restoreCard.getByText(/当前数据无法保存为快照（附件“丢失的扫描件\.pdf”的文件内容缺失/)).toBeVisible();
  expect((await readStore(page, 'attachments')).length).toBe(attachmentsInBackup + 1);

  await backup.restoreCard.getByRole('button', { name: '不保存快照，直接恢复…' }).click();
  await page.getByRole('dialog').filter({ hasText: '不保存快照，直接用此备份替换当前数据？' }).getByRole('button', { name: '直接替换' }).click();
  await expect(backup.restoreCard.getByText('本次恢复前未保存快照，不能撤销。')).toBeVisible();
  const attachments = await readStore<{ id: string }>(page, 'attachments');
  expect(attachments.length).toBe(attachmentsInBackup);
  expect(attachments.some((a) => a.id === 'lost-scan')).toBe(false);
});
