// Reading the clerk's file for the import: an .xlsx workbook (any program's: Excel, WPS,
// LibreOffice) through exceljs, or a CSV file. Every sheet becomes plain cell values
// (shared/spreadsheet/cells.ts). Sizes are bounded before exceljs unpacks anything (the zip's
// parts are inflated once and counted, see zip-bounds.ts), and every failure is a Chinese reason;
// this function never throws. A workbook in the 1904 date system (old Excel for Mac) is marked
// as such, so that plain numbers in its date columns are read as its serials.
import type ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { CellValue, SheetData } from '@shared/spreadsheet/cells';
import { decodeCsvBytes, parseCsv } from '@shared/spreadsheet/csv';
import { checkZipBounds, type ZipProblem } from './zip-bounds';

/** Largest file accepted (an old ledger of a few thousand rows is well under 1 MB). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Largest unpacked size of all parts of an .xlsx: both as declared and as really inflated. */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 2000;
/** Sheet rows and columns read; beyond them a sheet is refused or cut (see below). */
export const MAX_SHEET_ROWS = 10_000;
export const MAX_SHEET_COLUMNS = 256;
const MAX_CELL_CHARS = 32_767;

export interface ReadSheet extends SheetData {
  /** Why this sheet cannot be imported (too many rows), shown when it is chosen. */
  problem?: string;
  /** Set when cells beyond MAX_SHEET_COLUMNS were left out. */
  columnsCut?: boolean;
}

export type ReadResult = { ok: true; sheets: ReadSheet[] } | { ok: false; reason: string; detail: string };

const NOT_A_WORKBOOK = '无法读取此文件：它不是有效的 Excel 工作簿（.xlsx），可能已损坏或不完整。请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入。';
/** The program's own reader could not be loaded (its file missing or damaged): not the clerk's file. */
const READER_MISSING = '读取 Excel 文件的组件未能载入，文件本身未被改动。请关闭程序重新打开后再试；仍不行时请重新安装程序。';
const OLD_FORMAT = '这是旧版 Excel（.xls）、WPS（.et）或加密的文件，无法直接导入。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（.xlsx）”后再导入。';

function refuse(reason: string, detail: string): ReadResult {
  return { ok: false, reason, detail };
}

function limitText(text: string): string {
  return text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text;
}

function isErrorValue(v: object): v is { error: string } {
  return 'error' in v && typeof (v as { error: unknown }).error === 'string';
}

/** An exceljs cell value → a plain cell value; anything unexpected becomes an error value. */
export function toCellValue(value: unknown, depth = 0): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return limitText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : { error: '#NUM!' };
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { error: '#VALUE!' } : value;
  if (typeof value !== 'object' || depth > 2) return { error: '#VALUE!' };
  const v = value as Record<string, unknown>;
  if (isErrorValue(v)) return { error: limitText(v.error) };
  if (Array.isArray(v.richText)) {
    return limitText(v.richText.map((run: unknown) => (run && typeof run === 'object' && typeof (run as { text?: unknown }).text === 'string' ? (run as { text: string }).text : '')).join(''));
  }
  if ('formula' in v || 'sharedFormula' in v) {
    // The value the program last calculated; a formula never calculated has none.
    return 'result' in v && v.result !== undefined ? toCellValue(v.result, depth + 1) : { error: '公式没有计算结果' };
  }
  if ('hyperlink' in v || 'text' in v) return toCellValue(v.text, depth + 1);
  return { error: '#VALUE!' };
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOle(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Why a zip whose size or number of parts is out of bounds is refused. */
const ZIP_REASONS: Record<ZipProblem, string> = {
  unreadable: NOT_A_WORKBOOK,
  'too-large': `此文件解压后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB，不像是台账工作簿（也可能已损坏），无法导入。请确认选择了正确的文件；如确是台账，请在 Excel 或 WPS 中删去无关的工作表和图片，另存为 .xlsx 后再导入，或分成几个文件。`,
  'too-many-entries': `此文件内部包含的部分超过 ${MAX_ZIP_ENTRIES} 个，不像是台账工作簿（也可能已损坏），无法导入。请确认选择了正确的文件，或在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入。`,
};

const DAY_MS = 86_400_000;
/** Days from 1899-12-31 (serial 1 of the 1900 system) to 1904-01-02 (serial 1 of the 1904 one). */
const DAYS_1900_TO_1904 = 1462;
/** workbookPr's date1904 attribute, true as OOXML writes a boolean: "1" (Excel, WPS) or "true" (LibreOffice). */
const DATE_1904_ATTRIBUTE = /<(?:[\w.-]+:)?workbookPr\b[^>]*?\sdate1904\s*=\s*(["'])\s*(?:1|true)\s*\1/i;

/**
 * Whether xl/workbook.xml declares the 1904 date system. exceljs reads only date1904="1" (it
 * converts date cells with that base and keeps it as workbook.properties.date1904), so the part
 * is looked at here too. The zip's sizes were bounded before (checkZipBounds); a part fflate
 * cannot read leaves the answer to exceljs.
 */
function declares1904(bytes: Uint8Array): boolean {
  try {
    const parts = unzipSync(bytes, { filter: (file) => file.name === 'xl/workbook.xml' });
    const xml = parts['xl/workbook.xml'];
    return xml !== undefined && DATE_1904_ATTRIBUTE.test(new TextDecoder('utf-8').decode(xml));
  } catch {
    return false;
  }
}

function sheetOf(ws: ExcelJS.Worksheet, date1904: boolean, dateShiftMs: number): ReadSheet {
  const rows: CellValue[][] = [];
  let columnsCut = false;
  let tooManyRows = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > MAX_SHEET_ROWS) {
      tooManyRows = true;
      return;
    }
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > MAX_SHEET_COLUMNS) {
        if (cell.value !== null && cell.value !== undefined) columnsCut = true;
        return;
      }
      const value = toCellValue(cell.value);
      // A date cell exceljs converted with the 1900 base although the workbook is 1904.
      cells[col - 1] = value instanceof Date && dateShiftMs !== 0 ? new Date(value.getTime() + dateShiftMs) : value;
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  const sheet: ReadSheet = { name: limitText(String(ws.name ?? '')).slice(0, 100), rows };
  if (tooManyRows) sheet.problem = `工作表“${sheet.name}”超过 ${MAX_SHEET_ROWS} 行，请分成几个文件分批导入`;
  if (columnsCut) sheet.columnsCut = true;
  if (date1904) sheet.date1904 = true;
  return sheet;
}

async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  if (isOle(bytes)) return refuse(OLD_FORMAT, 'OLE compound file (xls/et or encrypted xlsx)');
  if (!isZip(bytes)) return refuse(NOT_A_WORKBOOK, 'no zip signature');
  const bounds = checkZipBounds(bytes, { maxEntries: MAX_ZIP_ENTRIES, maxUnpackedBytes: MAX_UNPACKED_BYTES });
  if (!bounds.ok) return refuse(ZIP_REASONS[bounds.problem], bounds.detail);
  // Loaded when a workbook is read, not with the page: evaluating exceljs was a task of 69 ms in
  // a trace, which the page's loading in the background put wherever the clerk happened to be.
  let Excel: typeof ExcelJS;
  try {
    ({ default: Excel } = await import('exceljs'));
  } catch (e) {
    return refuse(READER_MISSING, `exceljs could not be loaded: ${String(e)}`);
  }
  const book = new Excel.Workbook();
  try {
    // exceljs accepts the bytes as they are; its Buffer type is only a stand-in for ArrayBuffer.
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    return refuse(NOT_A_WORKBOOK, `exceljs: ${String(e)}`);
  }
  try {
    const byExceljs = book.properties?.date1904 === true;
    const date1904 = byExceljs || declares1904(bytes);
    const dateShiftMs = date1904 && !byExceljs ? DAYS_1900_TO_1904 * DAY_MS : 0;
    const sheets = book.worksheets.map((ws) => sheetOf(ws, date1904, dateShiftMs));
    if (sheets.length === 0) return refuse('工作簿中没有工作表，无法导入。', 'no worksheets');
    return { ok: true, sheets };
  } catch (e) {
    return refuse(NOT_A_WORKBOOK, `reading cells: ${String(e)}`);
  }
}

function readCsv(bytes: Uint8Array, name: string): ReadResult {
  let text: string;
  try {
    text = decodeCsvBytes(bytes);
  } catch (e) {
    return refuse('无法识别此 CSV 文件的文字编码，请另存为“CSV UTF-8”后再导入。', String(e));
  }
  if (text.includes('\u0000')) return refuse('此文件不是文本格式的 CSV 文件，请确认选择了正确的文件。', 'NUL in text');
  const parsed = parseCsv(text, { maxRows: MAX_SHEET_ROWS, maxColumns: MAX_SHEET_COLUMNS });
  if (!parsed.ok) return refuse(parsed.reason, 'csv parse');
  const sheetName = name.replace(/\.csv$/i, '') || 'CSV';
  return { ok: true, sheets: [{ name: sheetName, rows: parsed.rows }] };
}

/** Reads an .xlsx or .csv file (chosen by its name's extension). */
export async function readWorkbook(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  try {
    if (bytes.byteLength === 0) return refuse('所选文件是空的（0 字节），请选择台账文件。', 'empty file');
    if (bytes.byteLength > MAX_IMPORT_BYTES) {
      return refuse(`文件太大（超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB），请删去无关的工作表和图片后再导入，或分成几个文件。`, `size ${bytes.byteLength}`);
    }
    if (/\.csv$/i.test(fileName)) return readCsv(bytes, fileName);
    if (/\.(xls|et)$/i.test(fileName) && isOle(bytes)) return refuse(OLD_FORMAT, 'xls by name');
    return await readXlsx(bytes);
  } catch (e) {
    return refuse(NOT_A_WORKBOOK, `unexpected: ${String(e)}`);
  }
}
