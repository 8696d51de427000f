// Turning exported lists (shared/spreadsheet/export-table.ts) into files: one .xlsx workbook with
// a sheet per table (built in a worker), or one CSV file per table (UTF-8 with BOM, or GBK for
// older programs).
// Text that looks like a formula stays plain text: exceljs writes strings as strings (never as
// formulas), and the CSV writer puts an apostrophe before it.
import dayjs from 'dayjs';
import { encodeCsv, type CsvEncoding } from '@shared/spreadsheet/csv';
import { sheetName, type ExportTable } from '@shared/spreadsheet/export-table';
import { workerChannel } from '../../app/worker-channel';
import type { XlsxAnswer, XlsxRequest } from './xlsx-book';

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

const xlsxChannel = workerChannel<Omit<XlsxRequest, 'id'>, XlsxAnswer, ArrayBuffer>(
  () => new Worker(new URL('./xlsx-worker.ts', import.meta.url), { type: 'module', name: 'xlsx' }),
  (answer) => answer,
);

/**
 * The workbook's bytes, built in the xlsx worker (xlsx-book.ts): exceljs takes seconds for a long
 * list, which on this thread would freeze the window.
 */
export async function xlsxBytes(tables: readonly ExportTable[]): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await xlsxChannel.request({ tables: [...tables] }));
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
