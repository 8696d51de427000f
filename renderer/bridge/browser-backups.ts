// Backups in the browser edition: a browser cannot write into a folder, so the chunks are
// collected in a spool (a file of the browser's private file storage where there is one, else
// Blobs in memory; ./spool.ts), checked by their hashes in the backup worker (the rows were
// checked as they were written), and only then offered as one download. The spool of a download
// is kept until the next backup begins (the browser may still be saving it) or, at the latest,
// swept a day later. Nothing automatic: the clerk is reminded to back up instead.
import { backupFileName } from '@shared/backup/file-names';
import { BackupError } from '@shared/backup/format';
import {
  BridgeError,
  backupAbortRequestSchema,
  backupBeginRequestSchema,
  backupChunkRequestSchema,
  backupFinishRequestSchema,
  type BackupAbortRequest,
  type BackupBeginRequest,
  type BackupBeginResult,
  type BackupChunkRequest,
  type BackupFinishRequest,
  type BackupFinishResult,
  type BackupKind,
  type BackupStatus,
} from '@shared/bridge';
import { checkBackupInWorker } from '../features/backup/backup-worker-client';
import { checked, downloadBlob } from './browser-files';
import { openSpool, type Spool } from './spool';

export const BROWSER_BACKUP_FOLDER = '浏览器的“下载”文件夹（每次备份都会下载一个文件）';

interface PendingWrite {
  kind: BackupKind;
  /** The institution's time zone: the download is named on its clock. */
  timeZone: string;
  spool: Spool;
}

const writes = new Map<string, PendingWrite>();
/** The spool of the last download, removed when the next backup begins. */
let downloaded: Spool | undefined;

function randomWriteId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function pending(writeId: string): PendingWrite {
  const write = writes.get(writeId);
  if (!write) throw new BridgeError('failed', '备份写入已结束或不存在，请重新备份。');
  return write;
}

/** Set while a backup's spool is being opened, so a second begin meanwhile is refused too. */
let opening = false;

async function backupBegin(request: BackupBeginRequest): Promise<BackupBeginResult> {
  const { kind, timeZone } = checked(backupBeginRequestSchema, request);
  if (writes.size > 0 || opening) throw new BridgeError('failed', '另一个备份正在进行中，请等它完成后再试。');
  opening = true;
  try {
    const earlier = downloaded;
    downloaded = undefined;
    await earlier?.discard();
    const spool = await openSpool('backup-download');
    const writeId = randomWriteId();
    writes.set(writeId, { kind, timeZone, spool });
    return { started: true, writeId, folder: BROWSER_BACKUP_FOLDER };
  } finally {
    opening = false;
  }
}

async function backupChunk(request: BackupChunkRequest): Promise<void> {
  const { writeId, data } = checked(backupChunkRequestSchema, request);
  const { spool } = pending(writeId);
  try {
    spool.write(data);
    await spool.drained();
  } catch (error) {
    throw spoolFailure(error);
  }
}

/** A spool's refusal (e.g. a full disk) in the clerk's words. */
function spoolFailure(error: unknown): unknown {
  return error instanceof BackupError ? new BridgeError('failed', error.reason) : error;
}

async function backupFinish(request: BackupFinishRequest): Promise<BackupFinishResult> {
  const { writeId, passphrase } = checked(backupFinishRequestSchema, request);
  const write = pending(writeId);
  writes.delete(writeId);
  let blob: Blob;
  try {
    blob = await write.spool.finish();
    const verdict = await checkBackupInWorker(blob, passphrase);
    if (!verdict.ok) {
      console.error('[backup] verification of the new backup failed:', verdict.detail);
      throw new BridgeError('failed', `备份未通过校验，未保存：${verdict.reason}`);
    }
  } catch (error) {
    await write.spool.discard();
    throw spoolFailure(error);
  }
  const name = backupFileName(write.kind, new Date(), write.timeZone);
  downloadBlob(blob, name);
  downloaded = write.spool;
  return { path: name, bytes: blob.size, removed: [] };
}

async function backupAbort(request: BackupAbortRequest): Promise<void> {
  const { writeId } = checked(backupAbortRequestSchema, request);
  const write = writes.get(writeId);
  writes.delete(writeId);
  await write?.spool.discard();
}

async function backupStatus(): Promise<BackupStatus> {
  return { automatic: false, folder: BROWSER_BACKUP_FOLDER, files: [], removable: false };
}

export const browserBackups = {
  backupBegin,
  backupChunk,
  backupFinish,
  backupAbort,
  backupStatus,
  // A browser has no folders to choose and no quit to intercept.
  chooseBackupFolder: async (): Promise<string | undefined> => undefined,
  onQuitRequested: (_handler: () => Promise<boolean>): void => undefined,
};
