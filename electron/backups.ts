// The desktop host's side of backups: where they go, how their bytes reach the disk, and which
// are kept. The renderer produces the backup (shared/backup/backup-writer.ts) and streams it here
// as begin → chunk* → finish (or abort); this module picks the folder and the file name (never a
// path from the renderer), writes into a temporary file in the target folder, verifies that file
// with shared/backup's reader and only then renames it to its final name. So an interrupted,
// failed or damaged write never replaces or touches an earlier backup. Names and rotation:
// shared/backup/file-names.ts. Electron itself stays outside: the folder dialog and the user-data path are
// passed in, so the tests run this on real files in a temp folder.
//
// The host, not the page, decides when an automatic backup may happen, because finishing one
// rotates older ones away: a daily backup at most once per calendar day (none yet today in the
// folder, none finished today by this host), an on-quit backup only while the app is closing and
// only once. So a page that keeps asking (a bug, or injected script) cannot wipe the backups; the
// rotation then always keeps the newest 30 daily / 10 on-quit backups of that schedule. Each
// write also checks the free space of its disk first, so a backup can never fill it.
import { randomBytes } from 'node:crypto';
import { createReadStream, promises as fs, type ReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { verifyBackup } from '@shared/backup/backup-reader';
import { BridgeError, type BackupBeginResult, type BackupFileInfo, type BackupFinishResult, type BackupKind, type BackupStatus } from '@shared/bridge';
import {
  STALE_TEMP_AGE_MS,
  backupFileName,
  backupStamp,
  backupTempName,
  compareNewestFirst,
  isBackupTempName,
  parseBackupFileName,
  planRotation,
  type ParsedBackupName,
} from '@shared/backup/file-names';
import { validTimeZone } from '@shared/domain/time-zone';
import { readBackupFolder, saveBackupFolder } from './backup-settings';
import { isOnRemovableMedia } from './removable-media';
import { errorCode, freeBytes, lowSpaceReason, syncFolder, writeErrorReason, FREE_SPACE_RESERVE_BYTES } from './file-writes';

/** A write that receives no chunk for this long is dropped (the page was reloaded or crashed). */
export const BACKUP_IDLE_MS = 2 * 60 * 1000;

export interface FolderDialogOptions {
  title: string;
  buttonLabel: string;
  defaultPath: string;
}

export interface BackupHostOptions {
  /** The app's user-data folder (holds the backup settings and the default backup folder). */
  userData: () => string;
  /** Shows a folder dialog; resolves undefined when the clerk cancels. `parent` is the asking window. */
  pickFolder: (options: FolderDialogOptions, parent?: BrowserWindow | null) => Promise<string | undefined>;
  now?: () => Date;
  idleMs?: number;
  /** Opens a new temporary file exclusively; the tests wrap it to simulate failing disks. */
  openTemp?: (file: string) => Promise<FileHandle>;
  /**
   * Whether the app is closing now (the quit flow waits for the page's on-quit backup). Only then
   * is a quit backup accepted; without this option never.
   */
  closing?: () => boolean;
  /** Whether a folder is on removable media (./removable-media.ts); the tests fake a USB stick. */
  removable?: (folder: string) => Promise<boolean>;
  /** Free bytes on the disk holding a folder; undefined when unknown. The tests fake a full disk. */
  freeBytes?: (folder: string) => Promise<number | undefined>;
}

interface OpenWrite {
  id: string;
  kind: BackupKind;
  folder: string;
  temp: string;
  handle: FileHandle;
  startedAt: Date;
  /** The institution's time zone, the clock the backup is named on. */
  timeZone: string;
  bytes: number;
  /** A chunk or the finish is in progress; the handle must not be closed under it. */
  busy: boolean;
  /** abort() arrived while busy: the running step drops the write when it is done. */
  aborted: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The read-back of finish(), stopped by an abort so that a long verification ends at once. */
  readBack?: ReadStream;
  /** Calls waiting (in abort()) for the temporary file to be gone. */
  dropped: Array<() => void>;
}

const BUSY = '另一个备份正在进行中，请等它完成后再试。';
const QUIT_OUTSIDE_CLOSING = '退出时的自动备份只在关闭程序时进行；现在请用“立即备份”。';
const UNKNOWN_WRITE = '备份写入已结束或不存在（可能因长时间没有收到数据已被取消），请重新备份。';
const ABORTED = '备份已取消，未保存。已有的备份不受影响。';

function writeFailed(error: unknown, folder: string): Error {
  return new Error(
    `备份失败：${writeErrorReason(error)}（${folder}）。这次的备份没有保存，已有的备份不受影响。请清理磁盘空间或换一个文件夹（例如另一个U盘）后再试。`,
    { cause: error },
  );
}

function folderUnusable(error: unknown, folder: string): Error {
  return new Error(
    `无法使用备份文件夹：${writeErrorReason(error)}（${folder}）。请插入存放备份的U盘，或在“备份”页面重新选择备份文件夹。`,
    { cause: error },
  );
}

export class BackupHost {
  private readonly writes = new Map<string, OpenWrite>();
  /** A begin is showing its dialog or opening its file: counts as a write in progress. */
  private beginning = false;
  private readonly now: () => Date;
  private readonly idleMs: number;
  private readonly openTemp: (file: string) => Promise<FileHandle>;
  private readonly freeBytes: (folder: string) => Promise<number | undefined>;
  /** YYYYMMDD of the last daily backup this host finished. */
  private dailyDoneOn: string | undefined;
  /** The on-quit backup of this closing is written (the app quits after its closing). */
  private quitDone = false;

  constructor(private readonly options: BackupHostOptions) {
    this.now = options.now ?? (() => new Date());
    this.idleMs = options.idleMs ?? BACKUP_IDLE_MS;
    this.openTemp = options.openTemp ?? ((file) => fs.open(file, 'wx'));
    this.freeBytes = options.freeBytes ?? freeBytes;
  }

  /** The folder of the automatic backups (configured, or <userData>/backups). */
  folder(): Promise<string> {
    return readBackupFolder(this.options.userData());
  }

  /** Lets the clerk choose the folder of the automatic backups; undefined when cancelled. */
  async chooseFolder(parent?: BrowserWindow | null): Promise<string | undefined> {
    const current = await this.folder();
    const folder = await this.options.pickFolder({ title: '选择自动备份的保存文件夹', buttonLabel: '选择此文件夹', defaultPath: current }, parent);
    if (!folder) return undefined;
    // Write and remove a probe file: a folder that looks fine but refuses writes (a read-only
    // share, a write-protected USB stick) is refused now rather than at the next automatic backup.
    const probe = path.join(folder, `.media-ledger-probe-${randomBytes(8).toString('hex')}.tmp`);
    try {
      const handle = await fs.open(probe, 'wx');
      await handle.close();
      await fs.rm(probe);
    } catch (error) {
      await fs.rm(probe, { force: true }).catch(() => undefined);
      console.error(`[backup] the chosen folder ${folder} is not writable:`, error);
      throw new BridgeError('failed', `所选文件夹无法写入：${writeErrorReason(error)}（${folder}）。请换一个文件夹。`, { cause: error });
    }
    try {
      await saveBackupFolder(this.options.userData(), folder);
    } catch (error) {
      console.error('[backup] could not store the backup folder:', error);
      throw new BridgeError('failed', `无法保存备份文件夹的设置：${writeErrorReason(error)}。备份文件夹仍是 ${current}。`, { cause: error });
    }
    return folder;
  }

  /**
   * Starts a backup: a manual one asks for the folder (cancel → started: false), an automatic one
   * uses the configured folder, and only when the schedule allows it (see the header): a daily
   * backup not due today → started: false; an on-quit backup outside the app's closing is refused.
   * One write at a time; a second begin is refused. `timeZone` is the institution's: the name and
   * the daily backup's day are read on its clock (an unknown zone as China time).
   */
  async begin(kind: BackupKind, timeZone: string, parent?: BrowserWindow | null): Promise<BackupBeginResult> {
    const zone = validTimeZone(timeZone);
    if (this.beginning || this.writes.size > 0) throw new BridgeError('failed', BUSY);
    if (kind === 'quit' && (this.quitDone || !this.options.closing?.())) {
      console.error('[backup] refused an on-quit backup outside the closing of the app');
      throw new BridgeError('refused', QUIT_OUTSIDE_CLOSING);
    }
    this.beginning = true;
    try {
      const configured = await this.folder();
      if (kind === 'daily' && !(await this.dailyDue(configured, zone))) return { started: false };
      let folder: string;
      if (kind === 'manual') {
        const chosen = await this.options.pickFolder({ title: '选择备份的保存位置（例如U盘）', buttonLabel: '备份到此文件夹', defaultPath: configured }, parent);
        if (!chosen) return { started: false };
        folder = chosen;
      } else {
        folder = configured;
        try {
          await fs.mkdir(folder, { recursive: true });
        } catch (error) {
          console.error(`[backup] cannot create the backup folder ${folder}:`, error);
          throw folderUnusable(error, folder);
        }
      }
      await this.removeStaleTemps(folder);
      await this.ensureSpace(folder, 0);
      // Same folder as the final file: same file system, so the final rename is atomic.
      const temp = path.join(folder, backupTempName(randomBytes(8).toString('hex')));
      let handle: FileHandle;
      try {
        handle = await this.openTemp(temp);
      } catch (error) {
        console.error(`[backup] cannot create ${temp}:`, error);
        throw writeFailed(error, folder);
      }
      const id = randomBytes(16).toString('hex');
      const write: OpenWrite = { id, kind, folder, temp, handle, startedAt: this.now(), timeZone: zone, bytes: 0, busy: false, aborted: false, timer: undefined, dropped: [] };
      this.writes.set(id, write);
      this.arm(write);
      return { started: true, writeId: id, folder };
    } finally {
      this.beginning = false;
    }
  }

  /** Appends `data` to the write's temporary file. */
  async chunk(writeId: string, data: Uint8Array): Promise<void> {
    const write = this.take(writeId);
    try {
      await this.ensureSpace(write.folder, data.length);
    } catch (error) {
      await this.discard(write);
      throw error;
    }
    try {
      let offset = 0;
      while (offset < data.length) {
        const { bytesWritten } = await write.handle.write(data, offset, data.length - offset, write.bytes + offset);
        if (bytesWritten <= 0) throw Object.assign(new Error('write returned 0 bytes'), { code: 'EIO' });
        offset += bytesWritten;
      }
      write.bytes += data.length;
    } catch (error) {
      console.error(`[backup] writing ${write.temp} failed:`, error);
      await this.discard(write);
      throw writeFailed(error, write.folder);
    }
    await this.release(write);
  }

  /**
   * Flushes and closes the temporary file, verifies it (with the passphrase of an encrypted
   * backup), and only then gives it its final name and applies the rotation. On any failure the
   * temporary file is removed and nothing else in the folder changes.
   */
  async finish(writeId: string, passphrase?: string): Promise<BackupFinishResult> {
    const write = this.take(writeId);
    try {
      try {
        await write.handle.sync();
        await write.handle.close();
      } catch (error) {
        console.error(`[backup] flushing ${write.temp} failed:`, error);
        throw writeFailed(error, write.folder);
      }
      // Read back from the file rather than trusting what was sent: this is the copy that stays.
      write.readBack = createReadStream(write.temp, { highWaterMark: 1024 * 1024 });
      const verdict = await verifyBackup(write.readBack, passphrase === undefined ? {} : { passphrase });
      if (write.aborted) throw new BridgeError('failed', ABORTED);
      if (!verdict.ok) {
        console.error(`[backup] the new backup ${write.temp} failed verification: ${verdict.detail}`);
        throw new BridgeError('failed', `备份未通过校验，未保存：${verdict.reason}`);
      }
      if (write.aborted) throw new BridgeError('failed', ABORTED);
      let target: string;
      try {
        target = await this.freeName(write);
        await fs.rename(write.temp, target);
      } catch (error) {
        console.error(`[backup] renaming ${write.temp} failed:`, error);
        throw writeFailed(error, write.folder);
      }
      await syncFolder(write.folder);
      if (write.kind === 'daily') this.dailyDoneOn = backupStamp(write.startedAt, write.timeZone).slice(0, 8);
      if (write.kind === 'quit') this.quitDone = true;
      const removed = write.kind === 'manual' ? [] : await this.rotate(write.folder, path.basename(target));
      return { path: target, bytes: write.bytes, removed };
    } catch (error) {
      await this.discard(write);
      throw error;
    } finally {
      this.writes.delete(write.id);
      // An abort that came too late to stop the backup (it was already being renamed) is over too.
      for (const resolve of write.dropped.splice(0)) resolve();
    }
  }

  /**
   * Drops the write and its temporary file; resolves once the file is gone, also when a chunk or
   * the verification was running (it is stopped or let finish first: the handle must not be closed
   * under it). An unknown or already ended write is not an error.
   */
  async abort(writeId: string): Promise<void> {
    const write = this.writes.get(writeId);
    if (!write) return;
    if (write.busy) {
      write.aborted = true;
      const gone = new Promise<void>((resolve) => write.dropped.push(resolve));
      write.readBack?.destroy();
      return gone;
    }
    await this.discard(write);
  }

  /** Drops every open write (the app is closing). */
  /** Whether a backup is being written or verified now (the page is at work, not hung). */
  get writing(): boolean {
    return this.beginning || this.writes.size > 0;
  }

  async abortAll(): Promise<void> {
    await Promise.all([...this.writes.keys()].map((id) => this.abort(id)));
  }

  /** The configured folder and the app's backups in it, newest first. */
  async status(): Promise<BackupStatus> {
    const folder = await this.folder();
    const entries = await fs.readdir(folder).catch(() => [] as string[]);
    const found: Array<BackupFileInfo & { parsed: ParsedBackupName }> = [];
    for (const name of entries) {
      const parsed = parseBackupFileName(name);
      if (!parsed) continue;
      const info = await fs.lstat(path.join(folder, name)).catch(() => undefined);
      if (!info?.isFile()) continue;
      found.push({ name, kind: parsed.kind, bytes: info.size, modifiedAt: info.mtime.toISOString(), parsed });
    }
    found.sort((a, b) => compareNewestFirst(a.parsed, b.parsed));
    const removable = await (this.options.removable ?? isOnRemovableMedia)(folder);
    return { automatic: true, folder, files: found.map(({ parsed: _parsed, ...file }) => file), removable };
  }

  /** Removes stale temporary files from the backup folder (at start-up, after a crash). */
  async cleanUp(): Promise<void> {
    await this.removeStaleTemps(await this.folder());
  }

  /** Whether today's daily backup is still to be made: none finished today by this host, none of today's in the folder. */
  private async dailyDue(folder: string, timeZone: string): Promise<boolean> {
    const today = backupStamp(this.now(), timeZone).slice(0, 8);
    if (this.dailyDoneOn === today) return false;
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    return !names.some((name) => {
      const parsed = parseBackupFileName(name);
      return parsed?.kind === 'daily' && parsed.stamp.slice(0, 8) === today;
    });
  }

  /** Refuses, in Chinese, a write of `bytes` more that would leave the disk of `folder` nearly full. */
  private async ensureSpace(folder: string, bytes: number): Promise<void> {
    const free = await this.freeBytes(folder);
    if (free === undefined || free - bytes >= FREE_SPACE_RESERVE_BYTES) return;
    console.error(`[backup] refused a write to ${folder}: ${free} bytes free, ${bytes} more asked`);
    throw new BridgeError('failed', `备份失败：${lowSpaceReason(free)}（${folder}）。这次的备份没有保存，已有的备份不受影响。请清理磁盘空间或换一个文件夹（例如另一个U盘）后再试。`);
  }

  private take(writeId: string): OpenWrite {
    const write = this.writes.get(writeId);
    if (!write || write.aborted) throw new BridgeError('failed', UNKNOWN_WRITE);
    // The renderer awaits each call; overlapping calls on one write would interleave its bytes.
    if (write.busy) throw new BridgeError('failed', '上一段备份数据还在写入，请等它写完后再继续。');
    write.busy = true;
    clearTimeout(write.timer);
    return write;
  }

  private async release(write: OpenWrite): Promise<void> {
    write.busy = false;
    if (write.aborted) {
      await this.discard(write);
      throw new BridgeError('failed', ABORTED);
    }
    this.arm(write);
  }

  private arm(write: OpenWrite): void {
    clearTimeout(write.timer);
    write.timer = setTimeout(() => {
      console.error(`[backup] dropping ${write.temp}: no data for ${this.idleMs} ms`);
      void this.discard(write);
    }, this.idleMs);
    write.timer.unref?.();
  }

  private async discard(write: OpenWrite): Promise<void> {
    clearTimeout(write.timer);
    this.writes.delete(write.id);
    await write.handle.close().catch(() => undefined);
    write.readBack?.destroy();
    await fs.rm(write.temp, { force: true }).catch((error: unknown) => console.error(`[backup] could not remove ${write.temp}:`, error));
    for (const resolve of write.dropped.splice(0)) resolve();
  }

  /** The final path: the backup's name, with -2, -3 … when taken (an existing file is never replaced). */
  private async freeName(write: OpenWrite): Promise<string> {
    for (let serial = 1; serial < 10_000; serial += 1) {
      const candidate = path.join(write.folder, backupFileName(write.kind, write.startedAt, write.timeZone, serial));
      try {
        await fs.lstat(candidate);
      } catch (error) {
        // Only this app writes such names, and only one write at a time, so nothing can take the
        // name between this check and the rename.
        if (errorCode(error) === 'ENOENT') return candidate;
        throw error;
      }
    }
    throw Object.assign(new Error('no free backup name'), { code: 'EEXIST' });
  }

  /** Applies the rotation of shared/backup/file-names.ts in `folder`; returns the names removed. */
  private async rotate(folder: string, justWritten: string): Promise<string[]> {
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    const removed: string[] = [];
    for (const name of planRotation(names, justWritten)) {
      const file = path.join(folder, name);
      try {
        if (!(await fs.lstat(file)).isFile()) continue;
        await fs.rm(file);
        removed.push(name);
      } catch (error) {
        // A backup that cannot be removed stays; the next rotation tries again.
        console.error(`[backup] rotation could not remove ${file}:`, error);
      }
    }
    await this.removeStaleTemps(folder);
    return removed;
  }

  private async removeStaleTemps(folder: string): Promise<void> {
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    const open = new Set([...this.writes.values()].map((write) => write.temp));
    const now = Date.now();
    for (const name of names) {
      if (!isBackupTempName(name)) continue;
      const file = path.join(folder, name);
      if (open.has(file)) continue;
      const info = await fs.lstat(file).catch(() => undefined);
      if (info?.isFile() && now - info.mtimeMs > STALE_TEMP_AGE_MS) {
        await fs.rm(file, { force: true }).catch(() => undefined);
      }
    }
  }
}
