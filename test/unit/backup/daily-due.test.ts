// The daily automatic backup is due unless the folder holds a daily backup named with today's date,
// today and the names both read on the institution's clock.
import { describe, expect, it } from 'vitest';
import { backupFileName } from '@shared/backup/file-names';
import type { BackupFileInfo } from '@shared/bridge';
import { dailyBackupDue } from '../../../renderer/features/backup/automatic-backups';

const ZONE = 'Asia/Shanghai';
/** A time on the clock of Beijing (UTC+8, no summer time). */
const beijing = (month: number, day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, month, day, hour - 8, minute));
const now = beijing(11, 2, 9, 30);
const file = (name: string, modifiedAt: Date): BackupFileInfo => ({ name, kind: name.includes('-daily') ? 'daily' : name.includes('-quit') ? 'quit' : 'manual', bytes: 1, modifiedAt: modifiedAt.toISOString() });

describe('daily automatic backup', () => {
  it('is due with no backups, and not after one made today', () => {
    expect(dailyBackupDue([], ZONE, now)).toBe(true);
    expect(dailyBackupDue([file(backupFileName('daily', beijing(11, 2, 8), ZONE), beijing(11, 2, 8))], ZONE, now)).toBe(false);
  });

  it('goes by the date in the name: an old daily backup copied into the folder today does not count', () => {
    const copied = file(backupFileName('daily', beijing(10, 20, 8), ZONE), now);
    expect(dailyBackupDue([copied], ZONE, now)).toBe(true);
  });

  it('counts only daily backups (a manual or on-quit one today does not replace it)', () => {
    const today = beijing(11, 2, 8);
    expect(dailyBackupDue([file(backupFileName('manual', today, ZONE), today), file(backupFileName('quit', today, ZONE), today)], ZONE, now)).toBe(true);
  });

  it('reads today on the institution’s clock, not the machine’s: 07:30 in Beijing is already a new day', () => {
    // Yesterday's daily backup, made at 20:00 in Beijing (12:00 UTC, the same UTC day as now).
    const yesterday = file(backupFileName('daily', beijing(11, 1, 20), ZONE), beijing(11, 1, 20));
    const early = beijing(11, 2, 7, 30);
    expect(dailyBackupDue([yesterday], ZONE, early)).toBe(true);
    // On UTC's calendar both are 2026-12-01 (and the name says so): nothing due.
    const onUtc = file(backupFileName('daily', beijing(11, 1, 20), 'UTC'), beijing(11, 1, 20));
    expect(dailyBackupDue([onUtc], 'UTC', early)).toBe(false);
  });
});
