// The backup page of the desktop app, with the host's bridge faked at its boundary (window.ledger,
// as the preload exposes it): it says that automatic backups are not encrypted, and warns when the
// host reports their folder on removable media.
import { expect, test, type Page } from '@playwright/test';
import { LedgerApp } from './pages/ledger-app';

/** Installs a desktop bridge whose backupStatus reports `folder` and `removable`; no backup is ever due. */
async function fakeDesktopHost(page: Page, folder: string, removable: boolean): Promise<void> {
  await page.addInitScript(
    ({ folder, removable }) => {
      const status = { automatic: true, folder, files: [], removable };
      Object.defineProperty(window, 'ledger', {
        value: {
          host: 'electron',
          saveFile: async () => ({ saved: false }),
          printPdf: async () => undefined,
          openFolder: async () => undefined,
          appVersion: async () => '0.1.0',
          dataFolder: async () => '/home/clerk/.config/media-ledger',
          backupBegin: async () => ({ started: false }),
          backupChunk: async () => undefined,
          backupFinish: async () => Promise.reject(new Error('no backup')),
          backupAbort: async () => undefined,
          backupStatus: async () => status,
          chooseBackupFolder: async () => undefined,
          onQuitRequested: () => undefined,
        },
      });
    },
    { folder, removable },
  );
}

async function openBackupPage(page: Page): Promise<void> {
  const app = new LedgerApp(page);
  await app.open();
  await app.completeSetup('东湖示范大学', '王𠮷');
  await app.goTo('备份与恢复');
}

test('automatic backups on a USB stick: the page warns, and says they are not encrypted', async ({ page }) => {
  await fakeDesktopHost(page, '/media/clerk/KINGSTON/台账备份', true);
  await openBackupPage(page);
  await expect(page.getByText('/media/clerk/KINGSTON/台账备份')).toBeVisible();
  await expect(page.getByText(/自动备份不加密：能打开这个文件夹的人就能读到全部记录/)).toBeVisible();
  const warning = page.getByRole('alert').filter({ hasText: '自动备份文件夹在U盘等移动存储设备上' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('U盘丢失或借给他人时全部记录都可能泄露');
});

test('automatic backups on the internal disk: not encrypted is said, no removable-media warning', async ({ page }) => {
  await fakeDesktopHost(page, '/home/clerk/.config/media-ledger/backups', false);
  await openBackupPage(page);
  await expect(page.getByText(/自动备份不加密/)).toBeVisible();
  await expect(page.getByText('自动备份文件夹在U盘等移动存储设备上')).toHaveCount(0);
});
