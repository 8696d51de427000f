// What the backup page and the automatic backups do, apart from the screens: write a backup
// through the host (begin → chunks → finish, verified by the host before it is kept), read and
// verify a backup file for a restore, take the snapshot that makes a restore undoable, and restore.
// The work itself runs in the backup worker (./backup-worker.ts); this thread hands the chunks to
// the host and reports progress.
import type { BackupSummary } from '@shared/backup/backup-reader';
import { ENCRYPTED_MAGIC } from '@shared/backup/format';
import type { BackupFinishResult, BackupKind } from '@shared/bridge';
import { todayZone } from '@shared/domain/today';
import { bridge } from '../../bridge';
import { db } from '../../db/database';
import { SnapshotFailed, type InspectOutcome } from '../../db/backup';
import { LedgerError } from '../../db/repository';
import { SnapshotDb } from '../../db/snapshots';
import { inspectBackupInWorker, restoreBackupInWorker, writeBackupInWorker, type WorkProgress } from './backup-worker-client';

export type { WorkProgress };

/** The snapshot store of this installation. */
export const snapshotDb = new SnapshotDb();

/** localStorage key: audit position and time of the last successful backup (for on-quit and reminders). */
const LAST_BACKUP_KEY = 'media-ledger.last-backup';

export interface LastBackup {
  at: string;
  auditSeq: number;
  kind: BackupKind;
}

export function lastBackup(): LastBackup | undefined {
  try {
    const raw = localStorage.getItem(LAST_BACKUP_KEY);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<LastBackup>;
    if (typeof parsed.at !== 'string' || typeof parsed.auditSeq !== 'number' || typeof parsed.kind !== 'string') return undefined;
    return parsed as LastBackup;
  } catch {
    return undefined;
  }
}

async function currentAuditSeq(): Promise<number> {
  return (await db.auditLog.orderBy('seq').last())?.seq ?? 0;
}

/** Whether anything was recorded since the last successful backup. */
export async function changedSinceLastBackup(): Promise<boolean> {
  const last = lastBackup();
  return !last || (await currentAuditSeq()) !== last.auditSeq;
}

export interface BackupProgress {
  /** Bytes of the backup file written so far. */
  written: number;
  /** Bytes of all attachments (the bulk of a large backup), for an estimate of the whole. */
  attachmentBytes: number;
  /** While the tables are read and written: rows done of all rows. */
  rows?: { done: number; total: number };
}

export interface RunBackupOptions {
  passphrase?: string;
  onProgress?: (progress: BackupProgress) => void;
}

/** The backup being written now (manual or automatic); the host writes one at a time. */
let inFlight: Promise<unknown> | undefined;

/** Whether a backup is being written at this moment. */
export function backupRunning(): boolean {
  return inFlight !== undefined;
}

/** Resolves when the backup being written (if any) has finished, whatever its outcome. */
export async function backupSettled(): Promise<void> {
  while (inFlight) await inFlight.catch(() => undefined);
}

/**
 * Writes a backup of everything through the host. Resolves undefined when the clerk cancelled
 * the folder choice. On any failure the host drops its temporary file; earlier backups stay.
 */
export function runBackup(kind: BackupKind, options: RunBackupOptions = {}): Promise<BackupFinishResult | undefined> {
  const job = writeThroughHost(kind, options);
  inFlight = job;
  const clear = () => {
    if (inFlight === job) inFlight = undefined;
  };
  job.then(clear, clear);
  return job;
}

async function writeThroughHost(kind: BackupKind, options: RunBackupOptions): Promise<BackupFinishResult | undefined> {
  const begun = await bridge.backupBegin({ kind, timeZone: todayZone() });
  if (!begun.started) return undefined;
  const { writeId } = begun;
  try {
    const written = await writeBackupInWorker(
      { appVersion: await bridge.appVersion(), ...(options.passphrase && { passphrase: options.passphrase }) },
      async (data, bytes, attachmentBytes) => {
        await bridge.backupChunk({ writeId, data });
        options.onProgress?.({ written: bytes, attachmentBytes });
      },
      (rows) => options.onProgress?.({ written: 0, attachmentBytes: 0, rows }),
    );
    const result = await bridge.backupFinish({ writeId, ...(options.passphrase && { passphrase: options.passphrase }) });
    localStorage.setItem(LAST_BACKUP_KEY, JSON.stringify({ at: new Date().toISOString(), auditSeq: written.auditSeq, kind } satisfies LastBackup));
    return result;
  } catch (error) {
    await bridge.backupAbort({ writeId }).catch(() => undefined);
    throw error;
  }
}

/** Whether the file is an encrypted backup (its passphrase must be asked for before reading). */
export async function isEncryptedBackup(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return String.fromCharCode(...head) === ENCRYPTED_MAGIC;
}

export type InspectResult = InspectOutcome;

/**
 * Reads and verifies a whole backup file in the worker, page by page, with its audit log's hash
 * chain (for the preview); never throws, changes nothing.
 */
export async function inspectBackupFile(file: Blob, passphrase?: string, onProgress?: (progress: WorkProgress) => void): Promise<InspectResult> {
  let result: InspectResult;
  try {
    result = await inspectBackupInWorker(file, passphrase, onProgress);
  } catch (error) {
    const reason = error instanceof LedgerError ? error.message : '读取备份文件时出错，未做任何更改。请确认文件可以打开，或换用另一份备份。';
    result = { ok: false, reason, detail: error instanceof LedgerError ? (error.detail ?? '') : String(error) };
  }
  if (!result.ok) console.warn('[backup] file refused:', result.detail);
  return result;
}

/**
 * Restores a backup file (or a snapshot's Blob) in the worker: read and verified again from the
 * start, then a snapshot of the current data, then the replace. `source` names it in the audit
 * log. Throws a LedgerError with the reason when refused; the current data is then unchanged.
 */
export async function restoreBackup(
  file: Blob,
  source: string,
  passphrase?: string,
  options: {
    withoutSnapshot?: boolean;
    onProgress?: (progress: WorkProgress) => void;
    /** What the preview's read of this very file established (see restoreBackupFile). */
    previewed?: BackupSummary;
  } = {},
): Promise<void> {
  const outcome = await restoreBackupInWorker(
    {
      file,
      source,
      appVersion: await bridge.appVersion(),
      ...(passphrase && { passphrase }),
      ...(options.withoutSnapshot && { withoutSnapshot: true }),
      ...(options.previewed && { previewed: options.previewed }),
    },
    options.onProgress,
  );
  if (!outcome.ok) throw outcome.snapshotFailed ? new SnapshotFailed(outcome.reason, outcome.detail) : new LedgerError(outcome.reason, outcome.detail);
}
