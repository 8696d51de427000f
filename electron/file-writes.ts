// Writing files safely from the main process: the atomic whole-file write (saving a form, the
// backup settings), flushing a folder entry to disk, and Chinese explanations of failed writes.
// Shared by the IPC handlers (./ipc.ts) and the backups (./backups.ts).
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** The Node error code of a failed file operation (ENOENT, ENOSPC …), if any. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/** Why a write failed, in Chinese words a clerk understands (no error codes). */
export function writeErrorReason(error: unknown): string {
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
      return '没有写入权限，或同名文件正被其他程序打开';
    case 'ENOSPC':
    case 'EDQUOT':
      return '磁盘空间不足';
    case 'EROFS':
      return '该位置是只读的';
    case 'ENOENT':
      return '文件夹不存在';
    case 'ENAMETOOLONG':
      return '文件名或路径太长';
    case 'EIO':
      return '存储设备读写出错（U盘可能已拔出或损坏）';
    default:
      return '无法写入文件';
  }
}

/**
 * Free space a write must leave on its disk. A backup or a print file that fills the disk would
 * stop the database (IndexedDB) and the system itself; the figure is well above what they need
 * to go on and well below any USB stick a backup goes to.
 */
export const FREE_SPACE_RESERVE_BYTES = 128 * 1024 * 1024;

/** Free bytes for this user on the disk holding `folder`; undefined when the system cannot tell. */
export async function freeBytes(folder: string): Promise<number | undefined> {
  try {
    const stats = await fs.statfs(folder);
    return stats.bavail * stats.bsize;
  } catch (error) {
    console.error(`[files] cannot read the free space of ${folder}:`, error);
    return undefined;
  }
}

/** Why a write was refused for lack of space, in Chinese with the figures (MB). */
export function lowSpaceReason(free: number): string {
  const mb = (bytes: number) => Math.max(0, Math.floor(bytes / (1024 * 1024)));
  return `磁盘空间不足（剩余 ${mb(free)} MB，写入后至少要留出 ${mb(FREE_SPACE_RESERVE_BYTES)} MB）`;
}

/** A Chinese explanation of a failed write, with what the clerk can do about it. */
export function describeWriteError(error: unknown, target: string): string {
  return `保存失败：${writeErrorReason(error)}（${target}）。请换一个位置或关闭占用该文件的程序后再试。`;
}

/**
 * Makes a rename or a new file in `folder` durable (the directory entry itself is flushed).
 * Windows cannot open a folder for fsync; there the rename is already durable once NTFS has
 * journalled it, so a failure here is ignored.
 */
export async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // Not supported on this platform or file system (Windows, some FAT drivers).
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes `data` to `target` so that `target` is either the old file or the complete new one,
 * never half-written: the bytes go to a temp file in the same folder (same file system, so the
 * rename is atomic), are flushed to disk (USB sticks), and only then renamed over the target.
 */
export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  // The temp name does not derive from the target's name, which may already be near the length limit.
  const temp = path.join(path.dirname(target), `.media-ledger-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
