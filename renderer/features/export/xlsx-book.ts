// Building the .xlsx workbook of an export: a pure function of the tables, run in the xlsx worker
// (xlsx-worker.ts) so that a workbook of 316,000 audit entries never holds up the window.
import ExcelJS from 'exceljs';
import { sheetName, type ExportTable } from '@shared/spreadsheet/export-table';
import type { WorkerAnswer } from '../../app/worker-channel';

/** What the window asks the xlsx worker: the workbook of these tables. */
export interface XlsxRequest {
  id: number;
  tables: ExportTable[];
}

/** The worker's answer: the workbook's bytes (transferred, not copied), or what went wrong. */
export type XlsxAnswer = WorkerAnswer<ArrayBuffer>;

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

/** The worker's answer to one request, and the buffers to transfer with it. */
export async function answerXlsx(request: XlsxRequest): Promise<{ answer: XlsxAnswer; transfer: ArrayBuffer[] }> {
  try {
    const value = await xlsxWorkbook(request.tables);
    return { answer: { id: request.id, ok: true, value }, transfer: [value] };
  } catch (e) {
    return { answer: { id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}
