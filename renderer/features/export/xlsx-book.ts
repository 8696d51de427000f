// Building the files of an export: the .xlsx workbook (a pure function of the tables) and the CSV
// files, run in the xlsx worker (xlsx-worker.ts) so that 316,000 audit entries never hold up the
// window. The window sends each table's rows a slice at a time (cloning them all in one message
// would itself be a long task), then asks for the files.
import ExcelJS from 'exceljs';
import { encodeCsv, type CsvEncoding } from '@shared/spreadsheet/csv';
import { sheetName, type ExportCell, type ExportTable } from '@shared/spreadsheet/export-table';
import type { WorkerAnswer } from '../../app/worker-channel';

/** What the window asks the xlsx worker. Requests of one export share a job number. */
export type XlsxRequest =
  /** The next table of the job begins. */
  | { id: number; type: 'table'; job: number; name: string; header: string[] }
  /** More rows of the job's last table. */
  | { id: number; type: 'rows'; job: number; rows: ExportCell[][] }
  /** The job's files, after which the worker forgets it. */
  | { id: number; type: 'build'; job: number; format: 'xlsx' | CsvEncoding }
  /** Forget the job (the window gave up on it). */
  | { id: number; type: 'drop'; job: number };

/** The bytes of each file (one workbook, or one CSV per table) and what GBK could not hold. */
export interface BuiltFiles {
  bytes: ArrayBuffer[];
  unencodable: string[];
}

/** The worker's answer: the files' bytes (transferred, not copied), nothing for the other requests, or what went wrong. */
export type XlsxAnswer = WorkerAnswer<BuiltFiles | undefined>;

/** The buffers of an answer to transfer rather than copy: a build's files. */
export const filesTransfer = (value: BuiltFiles | undefined): ArrayBuffer[] => value?.bytes ?? [];

/** Length in characters (a character beyond the BMP, such as 𠮷, counts once). */
function characters(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The workbook's bytes: a bold, frozen header row and column widths that fit the text. */
export async function xlsxWorkbook(tables: readonly ExportTable[]): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '新媒体阵地台账';
  book.created = new Date();
  const used = new Set<string>();
  for (const [index, table] of tables.entries()) {
    let name = sheetName(table.name, `Sheet${index + 1}`);
    // Sheet names must differ (case-insensitively).
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${sheetName(table.name).slice(0, 27)}（${k}）`;
    used.add(name.toLowerCase());
    const ws = book.addWorksheet(name);
    ws.addRow(table.header).font = { bold: true };
    for (const row of table.rows) ws.addRow(row.map((cell) => (cell === undefined ? null : cell)));
    ws.columns.forEach((col, i) => {
      // A plain loop: spreading one argument per row into Math.max overflows the stack on long lists.
      let longest = characters(table.header[i] ?? '');
      for (const row of table.rows) longest = Math.max(longest, characters(String(row[i] ?? '')));
      // CJK characters are about two columns wide.
      col.width = Math.min(60, Math.max(8, longest * 2 + 2));
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  // A copy of exactly the file's bytes (in Node, writeBuffer's Buffer may be a view into a larger pool).
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer).slice().buffer;
}

/** One CSV file per table, and the characters GBK could not hold (written as '?'). */
function csvFiles(tables: readonly ExportTable[], encoding: CsvEncoding): BuiltFiles {
  const unencodable = new Set<string>();
  const bytes = tables.map((table) => {
    const csv = encodeCsv(table, encoding);
    for (const ch of csv.unencodable) unencodable.add(ch);
    // A copy of exactly the file's bytes, transferable on its own.
    return csv.bytes.slice().buffer;
  });
  return { bytes, unencodable: [...unencodable] };
}

/** The worker's state: the tables of each export still arriving, and its answer to each request. */
export function exportJobs() {
  const jobs = new Map<number, ExportTable[]>();

  const run = async (request: XlsxRequest): Promise<BuiltFiles | undefined> => {
    switch (request.type) {
      case 'table': {
        const tables = jobs.get(request.job) ?? [];
        tables.push({ name: request.name, header: request.header, rows: [] });
        jobs.set(request.job, tables);
        return undefined;
      }
      case 'rows': {
        const table = jobs.get(request.job)?.at(-1);
        if (!table) throw new Error('导出数据不完整，请重新导出');
        // A loop, not push(...rows): spreading a long slice overflows the stack.
        for (const row of request.rows) table.rows.push(row);
        return undefined;
      }
      case 'build': {
        const tables = jobs.get(request.job) ?? [];
        jobs.delete(request.job);
        if (request.format !== 'xlsx') return csvFiles(tables, request.format);
        return { bytes: [await xlsxWorkbook(tables)], unencodable: [] };
      }
      case 'drop':
        jobs.delete(request.job);
        return undefined;
    }
  };

  return {
    /** The value of one request (the files' bytes for a build), or it throws what went wrong. */
    handle: run,
    /** How many exports are still held (a test checks that none is left behind). */
    held: () => jobs.size,
  };
}
