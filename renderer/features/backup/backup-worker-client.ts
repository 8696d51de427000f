// The UI thread's side of the backup worker (./backup-worker.ts): one worker, started when first
// needed and kept (it holds its own database connections); each request gets progress messages
// and one answer. A backup's chunks come back one at a time and are handed on by the caller
// (to the host) before the worker writes the next.
import { checkBackupIntegrity, type BackupSummary, type VerifyResult } from '@shared/backup/backup-reader';
import { blobChunks } from '../../bridge/blob-chunks';
import type { InspectOutcome, RestoreOutcome, WorkProgress } from '../../db/backup';
import { LedgerError } from '../../db/repository';
import type { BackupWorkerRequest, BackupWorkerResponse, BackupWritten } from './backup-worker';

export type { WorkProgress };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: ((progress: WorkProgress) => void) | undefined;
  onChunk?: ((chunk: Uint8Array<ArrayBuffer>, written: number, attachmentBytes: number) => Promise<void>) | undefined;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

const STOPPED = '备份组件意外停止，未做任何更改。请重试；如仍失败请重启程序。';

function failAll(detail: string): void {
  for (const p of pending.values()) p.reject(new LedgerError(STOPPED, detail));
  pending.clear();
  worker?.terminate();
  worker = undefined;
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./backup-worker.ts', import.meta.url), { type: 'module', name: 'backup' });
  w.addEventListener('message', (event: MessageEvent<BackupWorkerResponse>) => {
    const message = event.data;
    const p = pending.get(message.id);
    if (!p) return;
    if ('progress' in message) {
      p.onProgress?.(message.progress);
    } else if ('chunk' in message) {
      const handOn = p.onChunk ?? (async () => undefined);
      handOn(message.chunk, message.written, message.attachmentBytes).then(
        () => post({ id: message.id, type: 'ack' }),
        (error: unknown) => {
          post({ id: message.id, type: 'cancel' });
          pending.delete(message.id);
          p.reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    } else if ('done' in message) {
      pending.delete(message.id);
      p.resolve(message.done);
    } else {
      pending.delete(message.id);
      p.reject(new LedgerError(message.failed.message, message.failed.detail));
    }
  });
  w.addEventListener('error', (event) => failAll(`worker error: ${event.message}`));
  w.addEventListener('messageerror', () => failAll('worker messageerror'));
  worker = w;
  return w;
}

function post(request: BackupWorkerRequest): void {
  getWorker().postMessage(request);
}

type RequestBody = BackupWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function send<T>(body: RequestBody, handlers: Omit<Pending, 'resolve' | 'reject'> = {}): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject, ...handlers });
    post({ ...body, id } as BackupWorkerRequest);
  });
}

/** Writes a backup in the worker; `onChunk` hands each piece on (the next is written once it resolves). */
export function writeBackupInWorker(
  options: { appVersion: string; passphrase?: string },
  onChunk: (chunk: Uint8Array<ArrayBuffer>, written: number, attachmentBytes: number) => Promise<void>,
  onProgress?: (progress: WorkProgress) => void,
): Promise<BackupWritten> {
  return send<BackupWritten>({ type: 'backup', appVersion: options.appVersion, ...(options.passphrase && { passphrase: options.passphrase }) }, { onChunk, onProgress });
}

/**
 * Checks a backup just written by its hashes (not parsing its tables again). Where there are no
 * workers (the unit tests run the browser bridge in Node) the same check runs on this thread.
 */
export function checkBackupInWorker(file: Blob, passphrase?: string): Promise<VerifyResult> {
  if (typeof Worker === 'undefined') return checkBackupIntegrity(blobChunks(file), passphrase ? { passphrase } : {});
  return send<VerifyResult>({ type: 'check', file, ...(passphrase && { passphrase }) });
}

/** Verifies a backup file page by page for the restore's preview, with its audit chain. */
export function inspectBackupInWorker(file: Blob, passphrase: string | undefined, onProgress?: (progress: WorkProgress) => void): Promise<InspectOutcome> {
  return send<InspectOutcome>({ type: 'inspect', file, ...(passphrase && { passphrase }) }, { onProgress });
}

/** Restores a backup file (or a snapshot) in the worker: verify, snapshot, replace in one transaction. */
export function restoreBackupInWorker(
  request: { file: Blob; source: string; appVersion: string; passphrase?: string; withoutSnapshot?: boolean; previewed?: BackupSummary },
  onProgress?: (progress: WorkProgress) => void,
): Promise<RestoreOutcome> {
  return send<RestoreOutcome>({ type: 'restore', ...request }, { onProgress });
}
