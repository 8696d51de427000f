// The daily automatic backup is due unless the folder holds a daily backup named with today's date.
import { describe, expect, it } from 'vitest';
import { backupFileName } from '@shared/backup/file-names';
import type { BackupFileInfo } from '@shared/bridge';
import { dailyBackupDue } from '../../../renderer/features/backup/automatic-backups';

const now = new Date(2026, 11, 2, 9, 30);
const file = (name: string, modifiedAt: Date): BackupFileInfo => ({ name, kind: name.includes('-daily') ? 'daily' : name.includes('-quit') ? 'quit' : 'manual', bytes: 1, modifiedAt: modifiedAt.toISOString() });

describe('daily automatic backup', () => {
  it('is due with no backups, and not after one made today', () => {
    expect(dailyBackupDue([], now)).toBe(true);
    expect(dailyBackupDue([file(backupFileName('daily', new Date(2026, 11, 2, 8, 0)), new Date(2026, 11, 2, 8, 0))], now)).toBe(false);
  });

  it('goes by the date in the name: an old daily backup copied into the folder today does not count', () => {
    const copied = file(backupFileName('daily', new Date(2026, 10, 20, 8, 0)), now);
    expect(dailyBackupDue([copied], now)).toBe(true);
  });

  it('counts only daily backups (a manual or on-quit one today does not replace it)', () => {
    const today = new Date(2026, 11, 2, 8, 0);
    expect(dailyBackupDue([file(backupFileName('manual', today), today), file(backupFileName('quit', today), today)], now)).toBe(true);
  });
});
