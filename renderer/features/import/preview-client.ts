// The window's side of the import preview worker: one worker for the life of the page.
import type { PreviewResult } from '@shared/spreadsheet/convert';
import type { PreviewRequest, PreviewResponse } from './preview-worker';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: PreviewResult) => void; reject: (e: Error) => void }>();

function failAll(detail: string): void {
  for (const p of pending.values()) p.reject(new Error(detail));
  pending.clear();
  worker?.terminate();
  worker = undefined;
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./preview-worker.ts', import.meta.url), { type: 'module', name: 'import-preview' });
  w.addEventListener('message', (event: MessageEvent<PreviewResponse>) => {
    const response = event.data;
    const p = pending.get(response.id);
    if (!p) return;
    pending.delete(response.id);
    if (response.ok) p.resolve(response.result);
    else p.reject(new Error(response.detail));
  });
  w.addEventListener('error', (event) => failAll(`import preview worker: ${event.message}`));
  worker = w;
  return w;
}

/** The preview of the sheet against what is stored now, built in the worker. */
export function previewInWorker(request: Omit<PreviewRequest, 'id'>): Promise<PreviewResult> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ ...request, id } satisfies PreviewRequest);
  });
}
