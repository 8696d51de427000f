// Backups in the browser edition: a browser cannot write into a folder, so the chunks are
// collected (as Blobs, which Chromium may keep on disk), checked by their hashes in the backup
// worker (the rows were checked as they were written), and only then offered as one download.
// Nothing automatic: the clerk is reminded to back up instead.
import { backupFileName } from '@shared/backup/file-names';
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
import { blobPart } from './blob-chunks';
import { checked, downloadBlob } from './browser-files';

export const BROWSER_BACKUP_FOLDER = '浏览器的“下载”文件夹（每次备份都会下载一个文件）';

interface PendingWrite {
  kind: BackupKind;
  parts: Blob[];
}

const writes = new Map<string, PendingWrite>();

function randomWriteId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function pending(writeId: string): PendingWrite {
  const write = writes.get(writeId);
  if (!write) throw new BridgeError('failed', '备份写入已结束或不存在，请重新备份。');
  return write;
}

async function backupBegin(request: BackupBeginRequest): Promise<BackupBeginResult> {
  const { kind } = checked(backupBeginRequestSchema, request);
  if (writes.size > 0) throw new BridgeError('failed', '另一个备份正在进行中，请等它完成后再试。');
  const writeId = randomWriteId();
  writes.set(writeId, { kind, parts: [] });
  return { started: true, writeId, folder: BROWSER_BACKUP_FOLDER };
}

async function backupChunk(request: BackupChunkRequest): Promise<void> {
  const { writeId, data } = checked(backupChunkRequestSchema, request);
  pending(writeId).parts.push(new Blob([blobPart(data)]));
}

async function backupFinish(request: BackupFinishRequest): Promise<BackupFinishResult> {
  const { writeId, passphrase } = checked(backupFinishRequestSchema, request);
  const write = pending(writeId);
  writes.delete(writeId);
  const blob = new Blob(write.parts);
  const verdict = await checkBackupInWorker(blob, passphrase);
  if (!verdict.ok) {
    console.error('[backup] verification of the new backup failed:', verdict.detail);
    throw new BridgeError('failed', `备份未通过校验，未保存：${verdict.reason}`);
  }
  const name = backupFileName(write.kind, new Date());
  downloadBlob(blob, name);
  return { path: name, bytes: blob.size, removed: [] };
}

async function backupAbort(request: BackupAbortRequest): Promise<void> {
  const { writeId } = checked(backupAbortRequestSchema, request);
  writes.delete(writeId);
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
