// Module Web Worker that writes, checks and restores backups off the UI thread (issue 15): a
// backup of a large ledger is hundreds of megabytes of JSON to write, hash and check, and a
// restore as much to parse and add. The worker opens the same IndexedDB databases (Dexie works in
// a worker) and does all of it page by page; the UI thread only forwards the backup's chunks to
// the host (the Electron bridge lives in the window) and shows progress.
import { checkBackupIntegrity, type BackupSummary, type VerifyResult } from '@shared/backup/backup-reader';
import { concatBytes } from '@shared/backup/byte-reader';
import { BackupError } from '@shared/backup/format';
import { blobChunks } from '../../bridge/blob-chunks';
import { backupStream, inspectBackup, restoreBackupFile, type InspectOutcome, type RestoreOutcome, type WorkProgress } from '../../db/backup';
import { LedgerError } from '../../db/repository';
import { LedgerDb } from '../../db/schema';
import { SnapshotDb } from '../../db/snapshots';
import { closingHashOf } from './closing-hash';
import type { FileHashAnswer, FileHashRequest } from './file-hash-worker';

export type BackupWorkerRequest =
  | { id: number; type: 'backup'; appVersion: string; passphrase?: string }
  /** The UI thread has handed the last chunk to the host: the next may come. */
  | { id: number; type: 'ack' }
  /** The host refused a chunk: stop writing. */
  | { id: number; type: 'cancel' }
  | { id: number; type: 'check'; file: Blob; passphrase?: string }
  | { id: number; type: 'inspect'; file: Blob; passphrase?: string }
  | { id: number; type: 'restore'; file: Blob; source: string; appVersion: string; passphrase?: string; withoutSnapshot?: boolean; previewed?: BackupSummary };

export interface BackupWritten {
  auditSeq: number;
  bytes: number;
}

export type BackupWorkerResponse =
  | { id: number; progress: WorkProgress }
  | { id: number; chunk: Uint8Array<ArrayBuffer>; written: number; attachmentBytes: number }
  | { id: number; done: BackupWritten | VerifyResult | InspectOutcome | RestoreOutcome }
  | { id: number; failed: { message: string; detail: string } };

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<BackupWorkerRequest>) => void): void;
  postMessage(message: BackupWorkerResponse, transfer: Transferable[]): void;
}

// `self` is typed as Window by the DOM lib; in this file it is the worker's global scope.
const scope = self as unknown as WorkerScope;

const db = new LedgerDb();
const sdb = new SnapshotDb();

/** Bytes handed to the host per call: fewer, larger IPC messages (the host allows up to 16 MiB). */
const PIECE_BYTES = 4 * 1024 * 1024;
/** Progress messages at most this often (each one re-renders the dialog). */
const PROGRESS_MS = 250;

/** Joins the writer's small chunks into pieces of about PIECE_BYTES. */
async function* pieces(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  let parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= PIECE_BYTES) {
      yield concatBytes(parts);
      parts = [];
      size = 0;
    }
  }
  if (size > 0) yield concatBytes(parts);
}

/** Waiting for the UI thread to take a chunk (one chunk in flight keeps memory flat). */
const acks = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

function nextAck(id: number): Promise<void> {
  return new Promise((resolve, reject) => acks.set(id, { resolve, reject }));
}

function progressReporter(id: number): (progress: WorkProgress) => void {
  let last = 0;
  return (progress) => {
    const now = performance.now();
    if (now - last < PROGRESS_MS && progress.done < progress.total) return;
    last = now;
    scope.postMessage({ id, progress }, []);
  };
}

async function backup(id: number, appVersion: string, passphrase: string | undefined): Promise<BackupWritten> {
  const stream = await backupStream(db, { appVersion, ...(passphrase && { passphrase }), onProgress: progressReporter(id) });
  let written = 0;
  for await (const piece of pieces(stream.chunks)) {
    written += piece.length;
    const taken = nextAck(id);
    scope.postMessage({ id, chunk: piece, written, attachmentBytes: stream.attachmentBytes }, [piece.buffer]);
    await taken;
  }
  return { auditSeq: stream.auditSeq, bytes: written };
}

/**
 * Closing checksums' hashes of files (the file read, the snapshot just written), each computed by
 * a worker of its own (./file-hash-worker.ts) on the other core while this one reads: the reader
 * asks for one once it knows a file is unencrypted. A worker that cannot start or fails leaves
 * the hash to this one (slower, and never mistaken for a damaged file or snapshot). `stop` ends
 * every such worker still running.
 */
function hashedElsewhere(): { closingHashOf: (file: Blob) => Promise<string>; stop: () => void } {
  const running = new Set<Worker>();
  const inWorker = (file: Blob) =>
    new Promise<string>((resolve, reject) => {
      const w = new Worker(new URL('./file-hash-worker.ts', import.meta.url), { type: 'module', name: 'backup-file-hash' });
      running.add(w);
      const end = () => {
        w.terminate();
        running.delete(w);
      };
      w.addEventListener('message', (event: MessageEvent<FileHashAnswer>) => {
        if (event.data.ok) resolve(event.data.sha256);
        else reject(new Error(`file hash: ${event.data.error}`));
        end();
      });
      for (const type of ['error', 'messageerror'] as const) {
        w.addEventListener(type, (event) => {
          reject(new Error(`file hash worker: ${(event as ErrorEvent).message || type}`));
          end();
        });
      }
      w.postMessage({ file } satisfies FileHashRequest);
    });
  return {
    closingHashOf: (file) =>
      inWorker(file).catch((error: unknown) => {
        console.warn('[backup worker] hashing the file here instead:', error);
        return closingHashOf(file);
      }),
    stop: () => {
      for (const w of running) w.terminate();
      running.clear();
    },
  };
}

async function handle(request: Exclude<BackupWorkerRequest, { type: 'ack' | 'cancel' }>): Promise<BackupWritten | VerifyResult | InspectOutcome | RestoreOutcome> {
  const passphrase = request.passphrase ? { passphrase: request.passphrase } : {};
  if (request.type === 'backup') return backup(request.id, request.appVersion, request.passphrase);
  const hashing = hashedElsewhere();
  const closingHash = () => hashing.closingHashOf(request.file);
  try {
    switch (request.type) {
      case 'check':
        return await checkBackupIntegrity(blobChunks(request.file), { ...passphrase, closingHash });
      case 'inspect':
        return await inspectBackup(request.file, { ...passphrase, closingHash, onProgress: progressReporter(request.id) });
      case 'restore':
        return await restoreBackupFile(db, sdb, request.file, {
          source: request.source,
          appVersion: request.appVersion,
          ...passphrase,
          ...(request.withoutSnapshot && { withoutSnapshot: true }),
          ...(request.previewed && { previewed: request.previewed }),
          closingHash,
          snapshotClosingHash: hashing.closingHashOf,
          onProgress: progressReporter(request.id),
        });
    }
  } finally {
    hashing.stop();
  }
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type === 'ack' || request.type === 'cancel') {
    const waiting = acks.get(request.id);
    acks.delete(request.id);
    if (request.type === 'ack') waiting?.resolve();
    else waiting?.reject(new Error('cancelled by the UI thread'));
    return;
  }
  handle(request).then(
    (done) => scope.postMessage({ id: request.id, done }, []),
    (error: unknown) => {
      console.error('[backup worker]', error);
      const failed =
        error instanceof LedgerError
          ? { message: error.message, detail: error.detail ?? '' }
          : error instanceof BackupError
            ? { message: error.reason, detail: error.detail }
            : { message: '备份或恢复时出错，未做任何更改。请重试；如仍失败请重启程序。', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
      scope.postMessage({ id: request.id, failed }, []);
    },
  );
});
