// Turning exported lists (shared/spreadsheet/export-table.ts) into files: one .xlsx workbook with
// a sheet per table, or one CSV file per table (UTF-8 with BOM, or GBK for older programs).
// Text that looks like a formula stays plain text: exceljs writes strings as strings (never as
// formulas), and the CSV writer puts an apostrophe before it.
import ExcelJS from 'exceljs';
import dayjs from 'dayjs';
import { encodeCsv, type CsvEncoding } from '@shared/spreadsheet/csv';
import { sheetName, type ExportTable } from '@shared/spreadsheet/export-table';

export type ExportFormat = 'xlsx' | CsvEncoding;

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  xlsx: 'Excel 工作簿（.xlsx）',
  'utf8-bom': 'CSV（UTF-8 带 BOM）',
  gbk: 'CSV（GBK，兼容旧版表格软件）',
};

export interface ExportFile {
  name: string;
  data: Uint8Array<ArrayBuffer>;
  filters: { name: string; extensions: string[] }[];
}

/** Length in characters (a character beyond the BMP, such as 𠮷, counts once). */
function characters(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The workbook's bytes: a bold, frozen header row and column widths that fit the text. */
export async function xlsxBytes(tables: readonly ExportTable[]): Promise<Uint8Array<ArrayBuffer>> {
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
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

function stamp(): string {
  return dayjs().format('YYYYMMDD');
}

/** The files of one export, and the characters GBK could not hold (written as '?'). */
export async function buildExport(baseName: string, tables: readonly ExportTable[], format: ExportFormat): Promise<{ files: ExportFile[]; unencodable: string[] }> {
  if (format === 'xlsx') {
    const data = await xlsxBytes(tables);
    return { files: [{ name: `${baseName}-${stamp()}.xlsx`, data, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] }], unencodable: [] };
  }
  const unencodable = new Set<string>();
  const files = tables.map((table) => {
    const csv = encodeCsv(table, format);
    for (const ch of csv.unencodable) unencodable.add(ch);
    const suffix = tables.length > 1 ? `-${sheetName(table.name)}` : '';
    const encoding = format === 'gbk' ? 'GBK' : 'UTF-8';
    return { name: `${baseName}${suffix}-${stamp()}-${encoding}.csv`, data: new Uint8Array(csv.bytes), filters: [{ name: `CSV 文件（${encoding}）`, extensions: ['csv'] }] };
  });
  return { files, unencodable: [...unencodable] };
}
