// The window's side of the import preview worker: one worker for the life of the page.
import type { PreviewResult } from '@shared/spreadsheet/convert';
import type { PreviewRequest, PreviewResponse } from './preview-worker';
import { workerChannel } from '../../app/worker-channel';

const channel = workerChannel<Omit<PreviewRequest, 'id'>, PreviewResponse, PreviewResult>(
  () => new Worker(new URL('./preview-worker.ts', import.meta.url), { type: 'module', name: 'import-preview' }),
  (r) => r,
  (detail) => new Error(`import preview worker: ${detail}`),
);

/** The preview of the sheet against what is stored now, built in the worker. */
export function previewInWorker(request: Omit<PreviewRequest, 'id'>): Promise<PreviewResult> {
  return channel.request(request);
}
