// Backup file names and the rotation plan (pure functions of shared/backup/file-names.ts).
import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupStamp,
  backupTempName,
  isBackupTempName,
  KEEP_DAILY,
  KEEP_QUIT,
  parseBackupFileName,
  planRotation,
} from '../../../shared/backup/file-names';
import { BACKUP_KINDS } from '@shared/bridge';

const ZONE = 'Asia/Shanghai';

describe('backup file names', () => {
  it('use the date and time on the institution’s clock and the kind, and read back', () => {
    // 07:05:09 in Beijing is 23:05:09 the day before in UTC: the name says what the app shows, whatever the machine's zone.
    const at = new Date('2026-11-01T23:05:09Z');
    expect(backupFileName('daily', at, ZONE)).toBe('台账备份-20261102-070509-daily.mlbackup');
    expect(backupFileName('manual', at, ZONE, 3)).toBe('台账备份-20261102-070509-manual-3.mlbackup');
    expect(backupFileName('daily', at, 'UTC')).toBe('台账备份-20261101-230509-daily.mlbackup');
    expect(backupFileName('daily', at, 'America/New_York')).toBe('台账备份-20261101-180509-daily.mlbackup');
    // A zone no one knows is read as China time, as everywhere in the app.
    expect(backupFileName('daily', at, 'Mars/Olympus')).toBe('台账备份-20261102-070509-daily.mlbackup');
    expect(backupStamp(new Date('2026-12-31T16:00:00Z'), ZONE)).toBe('20270101-000000');
    expect(backupStamp(new Date('2026-12-31T15:59:59Z'), ZONE)).toBe('20261231-235959');
    for (const kind of BACKUP_KINDS) {
      for (const serial of [1, 2, 10, 9999]) {
        expect(parseBackupFileName(backupFileName(kind, at, ZONE, serial))).toEqual({ kind, stamp: '20261102-070509', serial });
      }
    }
  });

  it('match the browser edition\'s download names', () => {
    expect(parseBackupFileName('台账备份-20261122-093015-manual.mlbackup')).toEqual({ kind: 'manual', stamp: '20261122-093015', serial: 1 });
  });

  it.each([
    '台账备份-20261102-070509-weekly.mlbackup',
    '台账备份-20261102-070509-daily.mlbackup.bak',
    '台账备份-2026110-070509-daily.mlbackup',
    '台账备份-20261102-070509-daily-1.mlbackup',
    '台账备份-20261102-070509-daily-01.mlbackup',
    '台账备份-20261102-070509-daily-.mlbackup',
    'x台账备份-20261102-070509-daily.mlbackup',
    '../台账备份-20261102-070509-daily.mlbackup',
    'backup.mlbackup',
  ])('do not take %s for a backup of the app', (name) => {
    expect(parseBackupFileName(name)).toBeUndefined();
  });

  it('give temporary files an unmistakable pattern', () => {
    expect(backupTempName('0123456789abcdef')).toBe('.media-ledger-backup-0123456789abcdef.tmp');
    expect(isBackupTempName('.media-ledger-backup-0123456789abcdef.tmp')).toBe(true);
    expect(isBackupTempName('.media-ledger-backup-0123456789ABCDEF.tmp')).toBe(false);
    expect(isBackupTempName('.media-ledger-1234-abcdef.tmp')).toBe(false);
    expect(isBackupTempName('notes.tmp')).toBe(false);
    expect(() => backupTempName('../x')).toThrow();
  });
});

describe('planRotation', () => {
  const names = (kind: 'daily' | 'quit' | 'manual', count: number, year = 2026) =>
    Array.from({ length: count }, (_, i) => backupFileName(kind, new Date(Date.UTC(year, 0, 1, 0, 0, i)), ZONE));

  it('keeps the newest daily and on-quit backups and every manual one', () => {
    const daily = names('daily', KEEP_DAILY + 4);
    const quit = names('quit', KEEP_QUIT + 1);
    const manual = names('manual', 50, 2020);
    const removed = planRotation([...manual, ...quit, ...daily, 'x.txt'], daily.at(-1)!);
    expect(removed.sort()).toEqual([...daily.slice(0, 4), ...quit.slice(0, 1)].sort());
  });

  it('orders by the time in the name, then by the suffix', () => {
    const at = new Date('2026-01-01T04:00:00Z');
    const same = [backupFileName('quit', at, ZONE, 1), backupFileName('quit', at, ZONE, 2), backupFileName('quit', at, ZONE, 10)];
    const older = names('quit', KEEP_QUIT - 2, 2025);
    // Eleven in all: the single one to go is the oldest of the 2025 ones.
    expect(planRotation([...same, ...older], same[2]!)).toEqual([older[0]]);
    const twelve = [...same, ...names('quit', KEEP_QUIT - 1, 2027)];
    // Now the three of 2026 are the oldest; the plain name is older than its -2 and -10.
    expect(planRotation(twelve, twelve.at(-1)!).sort()).toEqual([same[0], same[1]].sort());
  });

  it('never plans to remove the file just written', () => {
    const daily = names('daily', KEEP_DAILY + 2);
    expect(planRotation(daily, daily[0]!)).toEqual([daily[1]]);
  });

  it('removes nothing while under the limits', () => {
    expect(planRotation([...names('daily', KEEP_DAILY), ...names('quit', KEEP_QUIT)], 'x')).toEqual([]);
  });
});
