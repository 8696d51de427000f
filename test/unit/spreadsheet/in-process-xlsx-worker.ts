// A test helper: a stand-in for the xlsx worker (renderer/features/export/xlsx-worker.ts) where
// vitest has no Worker. It answers with the worker's own functions (xlsx-book.ts), cloning messages
// and transferring the bytes as between threads. Install with vi.stubGlobal('Worker', InProcessXlsxWorker).
import { expect } from 'vitest';
import { exportJobs, filesTransfer, type XlsxAnswer, type XlsxRequest } from '../../../renderer/features/export/xlsx-book';
import { answerRequest } from '../../../renderer/app/worker-channel';

/** The stand-in worker's state (a test checks that no export is left behind). */
export const jobs = exportJobs();

/** Runs xlsx-worker.ts's answers in this process; messages are cloned (and buffers transferred) as between threads. */
export class InProcessXlsxWorker {
  static started: string[] = [];
  static rowMessages: number[] = [];
  private listeners: ((event: { data: XlsxAnswer }) => void)[] = [];
  constructor(url: URL, options: WorkerOptions) {
    InProcessXlsxWorker.started.push(`${url.pathname.split('/').at(-1)} ${options.type} ${options.name}`);
  }
  addEventListener(type: string, listener: (event: { data: XlsxAnswer }) => void): void {
    if (type === 'message') this.listeners.push(listener);
  }
  postMessage(request: XlsxRequest): void {
    if (request.type === 'rows') InProcessXlsxWorker.rowMessages.push(request.rows.length);
    void answerRequest(jobs.handle, structuredClone(request), { transfer: filesTransfer }).then(({ message, transfer }) => {
      const data = structuredClone(message, { transfer });
      // A transferred buffer is gone from the worker's side: the bytes were moved, not copied.
      for (const buffer of transfer) expect((buffer as ArrayBuffer).byteLength).toBe(0);
      for (const listener of this.listeners) listener({ data });
    });
  }
  terminate(): void {}
}
