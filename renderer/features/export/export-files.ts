// Turning exported lists (shared/spreadsheet/export-table.ts) into files: one .xlsx workbook with
// a sheet per table, or one CSV file per table (UTF-8 with BOM, or GBK for older programs), both
// built in a worker.
// Text that looks like a formula stays plain text: the workbook writes strings as strings (never
// as formulas), and the CSV writer puts an apostrophe before it.
import { localToday } from '@shared/domain/today';
import type { CsvEncoding } from '@shared/spreadsheet/csv';
import { sheetName, sourceSlices, type ExportSource } from '@shared/spreadsheet/export-table';
import { workerChannel } from '../../app/worker-channel';
import type { BuiltFiles, ReadStep, XlsxAnswer, XlsxRequest } from './xlsx-book';

export type ExportFormat = 'xlsx' | CsvEncoding;

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  xlsx: 'Excel 工作簿（.xlsx）',
  'utf8-bom': 'CSV（UTF-8 带 BOM）',
  gbk: 'CSV（GBK，兼容旧版表格软件）',
};

export interface ExportFile {
  name: string;
  /** Made in the worker of its pieces; saved as it is (saveBlob), never copied into one buffer in the window. */
  data: Blob;
  filters: { name: string; extensions: string[] }[];
}

type RequestBody = XlsxRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

const channel = workerChannel<RequestBody, XlsxAnswer, BuiltFiles | ReadStep | undefined>(
  () => new Worker(new URL('./xlsx-worker.ts', import.meta.url), { type: 'module', name: 'xlsx' }),
  (answer) => answer,
);

/** Rows per message: cloning a slice is a short task; 316,000 rows in one message would freeze the window for seconds. */
const ROWS_PER_MESSAGE = 2000;
let nextJob = 1;

/**
 * What the button says while an export runs: the rows being written and, once the worker has some
 * of them, the share written so far (an export of the whole audit log takes half a minute); only
 * the rows written so far, growing, when the total is not known up front.
 */
export function exportingLabel(total: number | undefined, written: number): string {
  const rows = (n: number) => `正在导出 ${n.toLocaleString('zh-CN')} 行`;
  if (total === undefined || written > total) return `${rows(written)}…`;
  return written > 0 ? `${rows(total)}（${Math.floor((written / total) * 100)}%）…` : `${rows(total)}…`;
}

/** Told the number of rows handed to the worker so far, after each message. */
export type ExportProgress = (rowsPosted: number) => void;

/** What an export refuses with once the clerk has cancelled it. */
export class ExportCancelled extends Error {
  constructor() {
    super('已取消导出');
    this.name = 'ExportCancelled';
  }
}

/** `work`'s value, or ExportCancelled as soon as `cancel` is aborted, whichever comes first. */
function unlessCancelled<T>(work: Promise<T>, cancel: AbortSignal | undefined): Promise<T> {
  if (!cancel) return work;
  if (cancel.aborted) return Promise.reject(new ExportCancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new ExportCancelled());
    cancel.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => cancel.removeEventListener('abort', onAbort));
  });
}

/**
 * The files of these tables, built in the xlsx worker (xlsx-book.ts): the workbook and the CSV
 * encoder take seconds for a long list, which on this thread would freeze the window. Each slice of a
 * sliced table is posted as soon as it is read, and the next one is read while the worker writes it,
 * so the window holds a slice or two at a time, never the whole list. Aborting `cancel` stops the
 * export at once (ExportCancelled): nothing more is read and the worker forgets what it was given.
 */
async function buildInWorker(tables: readonly ExportSource[], format: ExportFormat, progress?: ExportProgress, cancel?: AbortSignal): Promise<BuiltFiles> {
  const job = nextJob++;
  let posted = 0;
  // One message of rows is in flight while the window reads the next slice: the worker writes a
  // message's rows into the file while the window reads on, and the window waits for it before
  // posting the next, so neither side gets ahead by more than a message.
  let inFlight: Promise<void> = Promise.resolve();
  try {
    for (const table of tables) {
      await unlessCancelled(channel.request({ type: 'table', job, format, name: table.name, header: table.header }), cancel);
      if ('read' in table) {
        // The worker reads and writes the rows itself, a slice per request; the window only counts them.
        for (let first = true; ; first = false) {
          if (cancel?.aborted) throw new ExportCancelled();
          const step = (await unlessCancelled(channel.request({ type: 'read', job, ...(first && { read: table.read }) }), cancel)) as ReadStep;
          if (step.done) break;
          posted += step.rows;
          progress?.(posted);
        }
        continue;
      }
      for await (const slice of sourceSlices(table)) {
        for (let i = 0; i < slice.length; i += ROWS_PER_MESSAGE) {
          if (cancel?.aborted) throw new ExportCancelled();
          const rows = slice.slice(i, i + ROWS_PER_MESSAGE);
          const sent = channel.request({ type: 'rows', job, rows }).then(() => {
            posted += rows.length;
            // Not after a cancel: the clerk was told the export stopped.
            if (!cancel?.aborted) progress?.(posted);
          });
          // Awaited below (or at the next message); this keeps a failure from being reported as unhandled meanwhile.
          sent.catch(() => undefined);
          await unlessCancelled(inFlight, cancel);
          inFlight = sent;
        }
      }
      await unlessCancelled(inFlight, cancel);
    }
    return (await unlessCancelled(channel.request({ type: 'build', job }), cancel)) as BuiltFiles;
  } catch (e) {
    // The worker forgets the job (a build already answered has forgotten it: nothing to drop).
    void channel.request({ type: 'drop', job }).catch(() => undefined);
    throw e;
  }
}

/** The workbook: a bold, frozen header row and column widths that fit the text. */
export async function xlsxFile(tables: readonly ExportSource[], progress?: ExportProgress, cancel?: AbortSignal): Promise<Blob> {
  return (await buildInWorker(tables, 'xlsx', progress, cancel)).files[0]!;
}

/** The file's date: today on the institution's calendar. */
function stamp(): string {
  return localToday().replaceAll('-', '');
}

/** The files of one export, and the characters GBK could not hold (written as '?'); aborting `cancel` stops it (ExportCancelled). */
export async function buildExport(
  baseName: string,
  tables: readonly ExportSource[],
  format: ExportFormat,
  progress?: ExportProgress,
  cancel?: AbortSignal,
): Promise<{ files: ExportFile[]; unencodable: string[] }> {
  if (format === 'xlsx') {
    const data = await xlsxFile(tables, progress, cancel);
    return { files: [{ name: `${baseName}-${stamp()}.xlsx`, data, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] }], unencodable: [] };
  }
  const built = await buildInWorker(tables, format, progress, cancel);
  const files = tables.map((table, i) => {
    const suffix = tables.length > 1 ? `-${sheetName(table.name)}` : '';
    const encoding = format === 'gbk' ? 'GBK' : 'UTF-8';
    return { name: `${baseName}${suffix}-${stamp()}-${encoding}.csv`, data: built.files[i]!, filters: [{ name: `CSV 文件（${encoding}）`, extensions: ['csv'] }] };
  });
  return { files, unencodable: built.unencodable };
}
