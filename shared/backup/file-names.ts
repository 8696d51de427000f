// Names of backup files in a backup folder, and the rotation of automatic backups. Pure
// functions: the desktop host (electron/backups.ts) lists the folder and removes what these
// functions pick; the browser edition names its downloads with backupFileName.
//
// A backup is named 台账备份-YYYYMMDD-HHmmss-<kind>.mlbackup (the time on the institution's clock, the
// rule profile's time zone, as every date the app shows; kind manual, daily or quit), the same name the browser edition gives its downloads, with -2, -3 … added when a file of
// that name already exists. A file in progress is .media-ledger-backup-<16 hex>.tmp (hidden on
// Linux, obviously temporary everywhere). Only names of these two shapes are ever listed, rotated
// or cleaned up; anything else in the folder is the clerk's and is never touched.
//
// Rotation (after each automatic backup, in the configured backup folder):
//   - manual backups are never removed automatically;
//   - of the daily backups the newest KEEP_DAILY (30) are kept, of the on-quit backups the newest
//     KEEP_QUIT (10); older ones of that kind are removed. "Newest" is by the time in the name
//     (then the -N suffix), not the file date, which copying changes;
//   - the file just written is never removed, even when a wrong clock makes it look older;
//   - temporary files of the app's own pattern older than a day are removed (left by a crash or
//     a power cut; a backup in progress is never that old).
import type { BackupKind } from '../bridge';
import { zonedMoment } from '../domain/time-zone';

export const BACKUP_FILE_PREFIX = '台账备份';
export const BACKUP_EXTENSION = '.mlbackup';
export const KEEP_DAILY = 30;
export const KEEP_QUIT = 10;
export const STALE_TEMP_AGE_MS = 24 * 60 * 60 * 1000;

const NAME_PATTERN = /^台账备份-(\d{8})-(\d{6})-(manual|daily|quit)(?:-([2-9]|[1-9]\d{1,3}))?\.mlbackup$/;
const TEMP_PATTERN = /^\.media-ledger-backup-[0-9a-f]{16}\.tmp$/;

export interface ParsedBackupName {
  kind: BackupKind;
  /** YYYYMMDD-HHmmss: sorts in time order as a string. */
  stamp: string;
  /** 1 for the plain name, 2, 3 … for a name with a suffix. */
  serial: number;
}

/**
 * The date and time of `at` on the institution's clock (`timeZone`, the rule profile's) as
 * YYYYMMDD-HHmmss: a backup made at 07:30 in Beijing on a machine set to UTC is named with that
 * day and time, as the app shows them, and counts as that day's daily backup.
 */
export function backupStamp(at: Date, timeZone: string): string {
  const moment = zonedMoment(at.toISOString(), timeZone);
  if (!moment) throw new RangeError(`not a time: ${String(at)}`);
  return `${moment.date.replaceAll('-', '')}-${moment.time.replace(':', '')}${moment.second}`;
}

/** The file name of a backup made at `at` (on the clock of `timeZone`); `serial` > 1 gives the -N form used on a clash. */
export function backupFileName(kind: BackupKind, at: Date, timeZone: string, serial = 1): string {
  return `${BACKUP_FILE_PREFIX}-${backupStamp(at, timeZone)}-${kind}${serial > 1 ? `-${serial}` : ''}${BACKUP_EXTENSION}`;
}

/** Reads a backup file name back; undefined for any other name. */
export function parseBackupFileName(name: string): ParsedBackupName | undefined {
  const match = NAME_PATTERN.exec(name);
  if (!match) return undefined;
  return { kind: match[3] as BackupKind, stamp: `${match[1]}-${match[2]}`, serial: match[4] ? Number(match[4]) : 1 };
}

export function isBackupTempName(name: string): boolean {
  return TEMP_PATTERN.test(name);
}

/** A fresh temporary file name; `hex16` is 16 random hex digits. */
export function backupTempName(hex16: string): string {
  const name = `.media-ledger-backup-${hex16}.tmp`;
  if (!isBackupTempName(name)) throw new Error(`not 16 hex digits: ${hex16}`);
  return name;
}

/** Newest first: by the time in the name, then by the suffix. */
export function compareNewestFirst(a: ParsedBackupName, b: ParsedBackupName): number {
  if (a.stamp !== b.stamp) return a.stamp < b.stamp ? 1 : -1;
  return b.serial - a.serial;
}

const KEEP: Record<BackupKind, number> = { manual: Number.POSITIVE_INFINITY, daily: KEEP_DAILY, quit: KEEP_QUIT };

/**
 * The names among `names` that the rotation removes (see the header). `justWritten` is never
 * among them; names that are not backups of the app are ignored.
 */
export function planRotation(names: readonly string[], justWritten: string): string[] {
  const byKind: Record<BackupKind, Array<{ name: string; parsed: ParsedBackupName }>> = { manual: [], daily: [], quit: [] };
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (parsed) byKind[parsed.kind].push({ name, parsed });
  }
  const removed: string[] = [];
  for (const kind of Object.keys(byKind) as BackupKind[]) {
    const sorted = byKind[kind].sort((a, b) => compareNewestFirst(a.parsed, b.parsed));
    for (const { name } of sorted.slice(KEEP[kind])) if (name !== justWritten) removed.push(name);
  }
  return removed;
}
