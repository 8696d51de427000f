// What a spreadsheet cell holds once read from an .xlsx or .csv file, independent of the library
// that read it: text, a number, a boolean, a date (exceljs gives dates as UTC midnight), an error
// value (#N/A, #DIV/0!) or nothing. The import works on these plain values only.

/** An error value of a cell, such as '#N/A' or '#REF!'. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | Date | CellError | null;

/** One sheet: rows[0] is the sheet's row 1, cells[0] its column A. */
export interface SheetData {
  name: string;
  rows: CellValue[][];
  /**
   * The workbook uses the 1904 date system, so a plain number in a date column is a serial
   * counted from 1904-01-01 (date cells already come as dates). Never set for CSV files.
   */
  date1904?: boolean;
}

export function isCellError(value: CellValue): value is CellError {
  return value !== null && typeof value === 'object' && !(value instanceof Date);
}

export function isBlankCell(value: CellValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A Date's calendar day as exceljs means it: the UTC date (its dates are UTC midnight). */
export function utcDay(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The cell as the clerk would read it on screen (dates as YYYY-MM-DD, booleans as 是/否). */
export function cellText(value: CellValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : utcDay(value);
  return value.error;
}
