// Automatic backups of the desktop app: one a day (checked at start and every hour) and one when
// the window closes, each only when something was recorded since the last backup. The host
// writes them to the configured backup folder and rotates them (electron/ and the README say how).
// The browser edition cannot write files on its own; its backup page reminds the clerk instead.
import { notification } from 'antd';
import { backupStamp, parseBackupFileName } from '@shared/backup/file-names';
import { todayZone } from '@shared/domain/today';
import type { BackupFileInfo } from '@shared/bridge';
import { bridge } from '../../bridge';
import { errorText } from '../../app/errors';
import { backupRunning, backupSettled, changedSinceLastBackup, runBackup } from './backup-service';

const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Whether today's daily backup is still to be made, given the backups in the folder. The day is
 * read from the file name (the time of writing on the institution's clock), as the rotation reads
 * it: a file's date changes when it is copied, so an old backup copied back into the folder does
 * not count as today's.
 */
export function dailyBackupDue(files: readonly BackupFileInfo[], timeZone: string = todayZone(), now: Date = new Date()): boolean {
  const today = backupStamp(now, timeZone).slice(0, 8);
  return !files.some((file) => file.kind === 'daily' && parseBackupFileName(file.name)?.stamp.slice(0, 8) === today);
}

/** Runs one automatic backup; failures are shown, never thrown. */
async function automaticBackup(kind: 'daily' | 'quit'): Promise<boolean> {
  try {
    return (await runBackup(kind)) !== undefined;
  } catch (error) {
    console.error(`[backup] automatic ${kind} backup failed`, error);
    notification.error({
      title: kind === 'daily' ? '每日自动备份失败' : '退出时的自动备份失败',
      description: `${errorText(error, '自动备份失败')} 原有备份未受影响。请到“备份与恢复”检查备份文件夹，或手动备份。`,
      duration: 0,
    });
    return false;
  }
}

async function dailyCheck(): Promise<void> {
  const status = await bridge.backupStatus();
  if (!status.automatic || backupRunning() || !dailyBackupDue(status.files)) return;
  if (!(await changedSinceLastBackup()) && status.files.length > 0) return;
  await automaticBackup('daily');
}

let started = false;

/** Starts the daily schedule and the on-quit backup; does nothing in the browser edition. */
export function startAutomaticBackups(): void {
  if (started || bridge.host !== 'electron') return;
  started = true;
  const check = () => void dailyCheck().catch((error: unknown) => console.error('[backup] daily check failed', error));
  check();
  setInterval(check, CHECK_EVERY_MS);
  bridge.onQuitRequested(async () => {
    // A backup under way (a manual one to a USB stick, or the daily one) is let finish first:
    // the host writes one at a time, and closing must not cut it off.
    await backupSettled();
    if (!(await changedSinceLastBackup())) return false;
    notification.info({ title: '正在备份', description: '正在进行退出前的自动备份，完成后程序将自动关闭…', duration: 0 });
    return automaticBackup('quit');
  });
}
