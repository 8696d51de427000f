// Promise API over the PDF worker: renderForm() builds a form's PDF off the UI thread.
// One worker is created lazily and kept for the life of the page, so the fonts load once.
// warmUpPdfWhenIdle() (called once the app has started) loads them while the clerk reads the home
// page; warmUpPdf() starts it at once, e.g. when a page with a print button opens.
import type { FormContextData } from '../../shared/forms/context';
import type { FormId, FormRecordMap } from '../../shared/forms/registry';
import type { PdfWorkerRequest, PdfWorkerResponse } from './pdf-worker';
import { whenQuiet } from '../app/quiet';

/** A PDF could not be made; `message` is for the clerk, `detail` for the log. */
export class PdfRenderError extends Error {
  readonly detail: string;
  constructor(message: string, detail: string) {
    super(message);
    this.name = 'PdfRenderError';
    this.detail = detail;
  }
}

/** The clerk stopped a batch; nothing was produced. */
export class PdfCancelledError extends Error {
  constructor() {
    super('已取消');
    this.name = 'PdfCancelledError';
  }
}

type Pending = {
  resolve: (pdf: Uint8Array<ArrayBuffer> | undefined) => void;
  reject: (error: Error) => void;
  onProgress?: (done: number, total: number) => void;
  /** Which worker of the pool runs it. */
  worker: number;
};

/**
 * Up to two workers: single forms always use the first (its fonts are warm); a batch is split
 * across all of them so both cores of a typical office PC work on it.
 */
const POOL_SIZE = Math.max(1, Math.min(2, globalThis.navigator?.hardwareConcurrency ?? 1));
const workers: (Worker | undefined)[] = [];
let nextId = 1;
const pending = new Map<number, Pending>();

/**
 * Stops a worker at once and fails what it was doing. Used to cancel a batch: a worker busy
 * building PDFs may not read a "cancel" message for a long time, terminating it is immediate.
 */
function stopWorker(index: number, error: Error): void {
  workers[index]?.terminate();
  workers[index] = undefined;
  // Single forms use the first worker: a new one starts with cold fonts.
  if (index === 0) coolDown();
  for (const [id, p] of pending) {
    if (p.worker !== index) continue;
    pending.delete(id);
    p.reject(error);
  }
}

function failAll(detail: string): void {
  for (const p of pending.values()) {
    p.reject(new PdfRenderError('PDF 生成组件意外停止，请重试；如仍失败请重启程序。', detail));
  }
  pending.clear();
  // A crashed worker is dropped; the next request starts a fresh one, with cold fonts.
  for (const w of workers) w?.terminate();
  workers.length = 0;
  coolDown();
}

function getWorker(index = 0): Worker {
  const existing = workers[index];
  if (existing) return existing;
  const w = new Worker(new URL('./pdf-worker.ts', import.meta.url), { type: 'module', name: `pdf-${index}` });
  w.addEventListener('message', (event: MessageEvent<PdfWorkerResponse>) => {
    const response = event.data;
    const p = pending.get(response.id);
    if (!p) return;
    if ('progress' in response) {
      p.onProgress?.(response.progress.done, response.progress.total);
      return;
    }
    pending.delete(response.id);
    if (response.ok) {
      // How long the worker took, for the log (the figures behind the benchmark).
      console.debug(`[pdf] ${response.ms} ms`);
      p.resolve(response.pdf);
    } else p.reject(new PdfRenderError(`${response.error}，请重试；如仍失败请重启程序。`, response.detail));
  });
  w.addEventListener('error', (event) => failAll(`worker error: ${event.message}`));
  w.addEventListener('messageerror', () => failAll('worker messageerror'));
  workers[index] = w;
  return w;
}

type RequestBody = PdfWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function send(
  body: RequestBody,
  options: { onProgress?: Pending['onProgress']; worker?: number; transfer?: Transferable[] } = {},
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress: options.onProgress, worker: options.worker ?? 0 });
    try {
      getWorker(options.worker ?? 0).postMessage({ ...body, id } as PdfWorkerRequest, options.transfer ?? []);
    } catch (error) {
      // e.g. DataCloneError when the record holds something that cannot be posted.
      pending.delete(id);
      reject(new PdfRenderError('无法把记录交给 PDF 生成组件，请检查记录内容。', String(error)));
    }
  });
}

/**
 * Whether the first worker has its fonts loaded and its layout code warm, so that a preview takes
 * about as long as any later one. The preview's spinner says which wait the clerk is in.
 */
let warm = false;
let warming: Promise<void> | undefined;
const warmListeners = new Set<() => void>();

function coolDown(): void {
  warming = undefined;
  if (!warm) return;
  warm = false;
  for (const listener of warmListeners) listener();
}

function setWarm(): void {
  if (warm) return;
  warm = true;
  for (const listener of warmListeners) listener();
}

/** For useSyncExternalStore: true once a warm-up or a form has completed in the worker. */
export function isPdfWarm(): boolean {
  return warm;
}

export function subscribePdfWarm(listener: () => void): () => void {
  warmListeners.add(listener);
  return () => warmListeners.delete(listener);
}

/**
 * Loads the fonts and builds a throw-away form in the worker (a few seconds the first time, off the
 * UI thread) so that the first print is quick. Once per worker; never rejects.
 */
export function warmUpPdf(): Promise<void> {
  warming ??= send({ type: 'warm-up' }).then(
    () => {
      // The benchmark reads this to tell when the first preview stops waiting for the warm-up.
      console.debug('[pdf] warm');
      setWarm();
    },
    () => {
      // Retried by the next caller; a preview meanwhile loads what it needs itself.
      warming = undefined;
    },
  );
  return warming;
}

/**
 * Starts warmUpPdf() once the clerk has paused typing and clicking (quiet.ts) and the window is
 * idle (or `timeoutMs` after that at the latest), so that it never competes with a screen being
 * drawn or the answer to a key.
 */
export function warmUpPdfWhenIdle(timeoutMs = 3_000): void {
  const start = () => void warmUpPdf();
  void whenQuiet().then(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: timeoutMs });
    else setTimeout(start, 200);
  });
}

/**
 * Builds the PDF of form `formId` for `record` (null → blank form). `context` is plain data:
 * the people and units the record refers to, the institution and the profile's texts.
 */
export async function renderForm<K extends FormId>(
  formId: K,
  record: FormRecordMap[K] | null,
  context: FormContextData,
): Promise<Uint8Array<ArrayBuffer>> {
  const pdf = await send({ type: 'render', formId, record, context });
  if (!pdf) throw new PdfRenderError('生成 PDF 失败，请重试。', 'worker returned no data');
  setWarm();
  return pdf;
}

export interface BatchOptions {
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the batch at once (its workers are stopped); the promise rejects with PdfCancelledError. */
  signal?: AbortSignal;
}

/**
 * Builds many forms into one PDF (e.g. F04 for every account of a unit), each with its own
 * form number, reporting progress after every form. Runs in the worker: the window stays live.
 */
export async function renderBatch(
  items: { formId: FormId; record: FormRecordMap[FormId]; formNumber: string }[],
  context: FormContextData,
  title: string,
  options: BatchOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  if (options.signal?.aborted) throw new PdfCancelledError();
  // Contiguous chunks, one per worker, so the joined PDF keeps the clerk's order.
  const size = Math.ceil(items.length / POOL_SIZE);
  const chunks = Array.from({ length: POOL_SIZE }, (_, i) => items.slice(i * size, (i + 1) * size)).filter((c) => c.length > 0);
  const done = chunks.map(() => 0);
  const abort = () => chunks.forEach((_, w) => stopWorker(w, new PdfCancelledError()));
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    const parts = await Promise.all(
      chunks.map((chunk, w) =>
        send(
          { type: 'render-batch', items: chunk, context, title },
          {
            worker: w,
            onProgress: (n) => {
              done[w] = n;
              options.onProgress?.(done.reduce((a, b) => a + b, 0), items.length);
            },
          },
        ),
      ),
    );
    // Cancelled just as the last form finished: the clerk asked to stop, so it stopped.
    if (options.signal?.aborted) throw new PdfCancelledError();
    if (parts.some((p) => !p)) throw new PdfRenderError('生成 PDF 失败，请重试。', 'worker returned no batch');
    const whole = parts.length === 1 ? parts[0] : await send({ type: 'merge', parts: parts as Uint8Array<ArrayBuffer>[], title }, { transfer: parts.map((p) => p!.buffer) });
    if (!whole) throw new PdfRenderError('生成 PDF 失败，请重试。', 'worker returned no merged batch');
    return whole;
  } catch (e) {
    // One chunk failed or was cancelled: stop the others too.
    if (!options.signal?.aborted) abort();
    throw e;
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
}
