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
import { serveRequests, type WorkerAnswer } from '../../app/worker-channel';

export interface PreviewRequest {
  id: number;
  sheet: SheetData;
  headerRow: number;
  mapping: ColumnMapping;
  target: ImportTarget;
  /** The clerk's today, from the window (the worker's clock is not the one tests set). */
  today: string;
}

export type PreviewResponse = WorkerAnswer<PreviewResult>;

const db = new LedgerDb();

serveRequests(async ({ sheet, headerRow, mapping, target, today }: PreviewRequest) => buildPreview(sheet, headerRow, mapping, target, await loadStoredData(db), { today, newId }));
