// Export of the review lists and figures to Excel (.xlsx) with exceljs, saved through the bridge
// (a save dialog on the desktop, a download in the browser edition). Nothing is sent anywhere.
import ExcelJS from 'exceljs';
import { bridge } from '../../bridge';

export interface Sheet {
  name: string;
  header: string[];
  rows: (string | number)[][];
}

/** Builds the workbook and hands it to the bridge; true when the file was saved. */
export async function exportSheets(suggestedName: string, sheets: readonly Sheet[]): Promise<boolean> {
  const book = new ExcelJS.Workbook();
  book.creator = '新媒体阵地台账';
  book.created = new Date();
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name.slice(0, 31));
    ws.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row);
    ws.columns.forEach((col, i) => {
      const longest = Math.max(...[sheet.header[i] ?? '', ...sheet.rows.map((r) => String(r[i] ?? ''))].map((s) => [...s].length));
      // CJK characters are about two columns wide.
      col.width = Math.min(60, Math.max(8, longest * 2 + 2));
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const buffer = await book.xlsx.writeBuffer();
  const data = new Uint8Array(buffer as ArrayBuffer);
  const result = await bridge.saveFile({ suggestedName, data, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
  return result.saved;
}
