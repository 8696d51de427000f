// Module Web Worker that builds the import preview off the UI thread: it reads the stored units,
// people and platforms (Dexie works in a worker; the same database by name) and checks every row
// of the sheet. A sheet of 10,000 rows takes seconds; the window stays live meanwhile.
import { newId } from '@shared/domain/ids';
import { buildPreview, type PreviewResult } from '@shared/spreadsheet/convert';
import type { SheetData } from '@shared/spreadsheet/cells';
import type { ColumnMapping } from '@shared/spreadsheet/mapping';
import type { ImportTarget } from '@shared/spreadsheet/targets';
import { LedgerDb } from '../../db/schema';
import { loadStoredData } from '../../db/spreadsheet-import';

export interface PreviewRequest {
  id: number;
  sheet: SheetData;
  headerRow: number;
  mapping: ColumnMapping;
  target: ImportTarget;
  /** The clerk's today, from the window (the worker's clock is not the one tests set). */
  today: string;
}

export type PreviewResponse = { id: number; ok: true; result: PreviewResult } | { id: number; ok: false; detail: string };

/** The DedicatedWorkerGlobalScope members used here (the project's lib has DOM, not WebWorker). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<PreviewRequest>) => void): void;
  postMessage(message: PreviewResponse): void;
}

// `self` is typed as Window by the DOM lib; in this file it is the worker's global scope.
const scope = self as unknown as WorkerScope;
const db = new LedgerDb();

scope.addEventListener('message', (event) => {
  const { id, sheet, headerRow, mapping, target, today } = event.data;
  loadStoredData(db).then(
    (stored) => scope.postMessage({ id, ok: true, result: buildPreview(sheet, headerRow, mapping, target, stored, { today, newId }) }),
    (error: unknown) => scope.postMessage({ id, ok: false, detail: String(error) }),
  );
});
