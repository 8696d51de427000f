// A spool: bytes written one after another, then read back as one Blob. Where the browser has its
// private file storage (the origin private file system) the bytes go to a file there, so that the
// hundreds of megabytes of a backup or of a snapshot never sit in memory: a Blob made of parts
// held in memory is kept by the browser's own process until every reference to it is collected
// (in Chromium 156 on this project's 24 GB test machine, 1 GB of 4 MB parts held that process at
// 1,250 MB, and the same bytes written to such a file at 224 MB). Where there is no such storage
// (Node in the tests, a page that is not a secure context) the parts are Blobs, as before.
//
// In a worker the file is written synchronously (a sync access handle): `write` can then be
// called inside a database transaction, which must not await anything but its own requests.
// On the page's thread the writes are queued on a writable stream; `drained()` waits for them.
import { BackupError } from '@shared/backup/format';
import { blobPart } from './blob-chunks';

/** Folder of the spool files in the origin private file system. */
export const SPOOL_FOLDER = 'spool';

/** A spool file older than this is left over (a crash, a closed window) and removed. */
export const SPOOL_STALE_MS = 24 * 60 * 60 * 1000;

export interface Spool {
  /** Whether the bytes go to a file on disk (false: Blobs in memory). */
  readonly onDisk: boolean;
  /** The file's name in its folder, when on disk. */
  readonly name?: string;
  /** Appends the bytes; the array must not be changed afterwards. Throws a BackupError when the disk refuses them. */
  write(bytes: Uint8Array): void;
  /** Resolves once every write so far is done; rejects with the first that failed. */
  drained(): Promise<void>;
  /** Every byte written, as one Blob (a File on disk, or in memory). Nothing may be written afterwards. */
  finish(): Promise<Blob>;
  /** Removes the bytes (the Blob from finish() can no longer be read). Never throws. */
  discard(): Promise<void>;
}

/** The parts of the file system API a spool uses (the platform's, or a stand-in in tests). */
export interface SpoolSyncHandle {
  write(bytes: Uint8Array, options: { at: number }): number;
  flush(): void;
  close(): void;
}
export interface SpoolWritable {
  write(bytes: Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}
export interface SpoolFileHandle {
  createSyncAccessHandle?(): Promise<SpoolSyncHandle>;
  createWritable?(): Promise<SpoolWritable>;
  getFile(): Promise<Blob>;
}
export interface SpoolFolder {
  getFileHandle(name: string, options?: { create?: boolean }): Promise<SpoolFileHandle>;
  removeEntry(name: string): Promise<void>;
  keys(): AsyncIterable<string>;
}

const DISK_FULL = '磁盘空间不足，无法写入备份的临时文件，未做任何更改。请清理磁盘空间后再试。';
const NOT_WRITTEN = '无法写入备份的临时文件，未做任何更改。请重试；如仍失败请重启程序。';

function refused(error: unknown): BackupError {
  if (error instanceof BackupError) return error;
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new BackupError(name === 'QuotaExceededError' ? DISK_FULL : NOT_WRITTEN, `spool: ${detail}`);
}

/** Parts kept as Blobs, for a platform without private file storage. */
export function memorySpool(): Spool {
  let parts: Blob[] = [];
  return {
    onDisk: false,
    write: (bytes) => void parts.push(new Blob([blobPart(bytes)])),
    drained: () => Promise.resolve(),
    finish: () => Promise.resolve(new Blob(parts)),
    discard: () => {
      parts = [];
      return Promise.resolve();
    },
  };
}

function spoolName(purpose: string, now: number): string {
  const random = [...crypto.getRandomValues(new Uint8Array(6))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${purpose}-${now}-${random}.bin`;
}

/** When a spool file was made, from its name (undefined: not a spool file's name). */
export function spoolMadeAt(name: string): number | undefined {
  const match = /-(\d{10,})-[0-9a-f]{12}\.bin$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

async function removeQuietly(folder: SpoolFolder, name: string): Promise<void> {
  try {
    await folder.removeEntry(name);
  } catch (error) {
    console.warn('[spool] could not remove', name, error);
  }
}

/**
 * Removes the spool files older than SPOOL_STALE_MS, but those `kept` names (one still open
 * cannot be removed and stays). Returns how many were stale.
 */
export async function sweepSpools(folder: SpoolFolder, now: number = Date.now(), kept: (name: string) => boolean = () => false): Promise<number> {
  const stale: string[] = [];
  for await (const name of folder.keys()) {
    const madeAt = spoolMadeAt(name);
    if (madeAt !== undefined && now - madeAt > SPOOL_STALE_MS && !kept(name)) stale.push(name);
  }
  for (const name of stale) await removeQuietly(folder, name);
  return stale.length;
}

/** How a spool's file is written: at once (a worker's sync access handle), or queued (a writable stream). */
interface FileWriter {
  sync: boolean;
  write(bytes: Uint8Array): void | Promise<void>;
  close(): void | Promise<void>;
  abort(): void | Promise<void>;
}

function syncWriter(handle: SpoolSyncHandle): FileWriter {
  let at = 0;
  return {
    sync: true,
    write: (bytes) => {
      const written = handle.write(bytes, { at });
      if (written !== bytes.length) throw new Error(`wrote ${written} of ${bytes.length} bytes`);
      at += bytes.length;
    },
    close: () => {
      handle.flush();
      handle.close();
    },
    abort: () => handle.close(),
  };
}

function streamWriter(writable: SpoolWritable): FileWriter {
  return { sync: false, write: (bytes) => writable.write(blobPart(bytes)), close: () => writable.close(), abort: () => writable.abort() };
}

function fileSpool(folder: SpoolFolder, name: string, file: SpoolFileHandle, writer: FileWriter): Spool {
  let queue: Promise<void> = Promise.resolve();
  let failure: BackupError | undefined;
  let open = true;
  const failed = (error: unknown): BackupError => (failure ??= refused(error));
  return {
    onDisk: true,
    name,
    write: (bytes) => {
      if (!open) throw new Error('spool: written after it was finished');
      if (failure) throw failure;
      if (!writer.sync) {
        queue = queue.then(() => (failure ? undefined : writer.write(bytes))).catch((error: unknown) => void failed(error));
        return;
      }
      try {
        void writer.write(bytes);
      } catch (error) {
        throw failed(error);
      }
    },
    drained: async () => {
      await queue;
      if (failure) throw failure;
    },
    finish: async () => {
      await queue;
      if (failure) throw failure;
      open = false;
      try {
        await writer.close();
        return await file.getFile();
      } catch (error) {
        throw failed(error);
      }
    },
    discard: async () => {
      if (open) {
        open = false;
        await queue;
        // Aborting can only fail on a writer that is already unusable; the file is removed anyway.
        await Promise.resolve()
          .then(() => writer.abort())
          .catch(() => undefined);
      }
      await removeQuietly(folder, name);
    },
  };
}

/** A folder of the origin private file system (made when missing), or undefined where there is none. */
export function privateFolder(name: string): () => Promise<SpoolFolder | undefined> {
  return async () => {
    const storage = (globalThis.navigator as Navigator | undefined)?.storage;
    if (typeof storage?.getDirectory !== 'function') return undefined;
    const root = await storage.getDirectory();
    return (await root.getDirectoryHandle(name, { create: true })) as unknown as SpoolFolder;
  };
}

const spoolFolder = privateFolder(SPOOL_FOLDER);
let swept = false;

/**
 * Opens a new spool named after `purpose` (e.g. `backup-tables`): a file of the origin private
 * file system where there is one, else parts in memory. The first spool of a session in the
 * spool folder removes the files earlier sessions left there; a spool in a folder of its own
 * (`folderOf`, e.g. the snapshots') is never swept.
 */
export async function openSpool(purpose: string, folderOf: () => Promise<SpoolFolder | undefined> = spoolFolder): Promise<Spool> {
  let folder: SpoolFolder | undefined;
  try {
    folder = await folderOf();
  } catch (error) {
    console.warn('[spool] no private file storage, keeping the bytes in memory', error);
  }
  if (!folder) return memorySpool();
  if (folderOf === spoolFolder && !swept) {
    swept = true;
    await sweepSpools(folder).catch((error: unknown) => console.warn('[spool] could not sweep', error));
  }
  const name = spoolName(purpose, Date.now());
  try {
    const file = await folder.getFileHandle(name, { create: true });
    if (typeof file.createSyncAccessHandle === 'function') return fileSpool(folder, name, file, syncWriter(await file.createSyncAccessHandle()));
    if (typeof file.createWritable === 'function') return fileSpool(folder, name, file, streamWriter(await file.createWritable()));
    await removeQuietly(folder, name);
  } catch (error) {
    console.warn('[spool] could not open a spool file, keeping the bytes in memory', error);
    await removeQuietly(folder, name);
  }
  return memorySpool();
}

/** For tests: the next spool sweeps again. */
export function resetSpoolSweep(): void {
  swept = false;
}
