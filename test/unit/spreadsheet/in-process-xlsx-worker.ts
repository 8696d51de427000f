// A test helper: a stand-in for the xlsx worker (renderer/features/export/xlsx-worker.ts) where
// vitest has no Worker. It answers with the worker's own functions (xlsx-book.ts), cloning messages
// as between threads. Install with vi.stubGlobal('Worker', InProcessXlsxWorker).
import { expect, vi } from 'vitest';
import { ExportCancelled, buildExport } from '../../../renderer/features/export/export-files';
import { exportJobs, type XlsxAnswer, type XlsxRequest } from '../../../renderer/features/export/xlsx-book';
import type { ExportSource } from '../../../shared/spreadsheet/export-table';
import { readsFrom } from '../../../renderer/features/export/worker-reads';
import { answerRequest } from '../../../renderer/app/worker-channel';
import { db } from '../../../renderer/db/database';

/** The stand-in worker's state (a test checks that no export is left behind); it reads from the window's database, as the worker reads the same one. */
export const jobs = exportJobs(readsFrom(() => db));

/** Runs xlsx-worker.ts's answers in this process; messages are cloned (and buffers transferred) as between threads. */
export class InProcessXlsxWorker {
  static started: string[] = [];
  static rowMessages: number[] = [];
  /** How long the stand-in takes to answer a message of rows (a real worker takes a while to write them). */
  static rowsDelayMs = 0;
  /** Messages of rows posted and not yet answered, now and at the most. */
  static rowsUnanswered = 0;
  static mostRowsUnanswered = 0;
  private listeners: ((event: { data: XlsxAnswer }) => void)[] = [];
  private queue: Promise<void> = Promise.resolve();
  constructor(url: URL, options: WorkerOptions) {
    InProcessXlsxWorker.started.push(`${url.pathname.split('/').at(-1)} ${options.type} ${options.name}`);
  }
  addEventListener(type: string, listener: (event: { data: XlsxAnswer }) => void): void {
    if (type === 'message') this.listeners.push(listener);
  }
  postMessage(request: XlsxRequest): void {
    const rows = request.type === 'rows';
    if (rows) {
      InProcessXlsxWorker.rowMessages.push(request.rows.length);
      InProcessXlsxWorker.mostRowsUnanswered = Math.max(InProcessXlsxWorker.mostRowsUnanswered, ++InProcessXlsxWorker.rowsUnanswered);
    }
    const cloned = structuredClone(request);
    const delay = rows ? InProcessXlsxWorker.rowsDelayMs : 0;
    // One request after another, each once the one before is answered, as xlsx-worker.ts serves them (inOrder).
    const answered = this.queue.then(() => new Promise((resolve) => setTimeout(resolve, delay))).then(() => answerRequest(jobs.handle, cloned));
    this.queue = answered.then(() => undefined);
    void answered.then(({ message }) => {
      if (rows) InProcessXlsxWorker.rowsUnanswered--;
      // Cloned as between threads (a Blob passes as it is).
      const data = structuredClone(message);
      for (const listener of this.listeners) listener({ data });
    });
  }
  terminate(): void {}
}

/** A file's bytes (exports come as Blobs). */
export async function bytesOf(file: Blob): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await file.arrayBuffer());
}

/**
 * Exports `table` as a workbook and clicks 取消 once the button shows `at` rows written: the export
 * must reject as cancelled, having shown the share every 500 rows up to `at`, and the worker must
 * hold nothing afterwards.
 */
export async function cancelledAt(table: ExportSource, at: number): Promise<void> {
  const cancel = new AbortController();
  const seen: number[] = [];
  const exporting = buildExport('导出', [table], 'xlsx', (n) => {
    seen.push(n);
    if (n >= at) cancel.abort();
  }, cancel.signal);
  await expect(exporting).rejects.toBeInstanceOf(ExportCancelled);
  expect(seen).toEqual(Array.from({ length: at / 500 }, (_, i) => (i + 1) * 500));
  await vi.waitFor(() => expect(jobs.held()).toBe(0));
}
