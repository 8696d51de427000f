// CSV files (RFC 4180): writing the exported lists, with CRLF line ends, quoting where needed and
// the formula guard, as UTF-8 with BOM (what Excel needs to recognise UTF-8) or GBK (for older
// spreadsheet programs); and reading a CSV ledger for the import, whatever its encoding.
import { concatBytes } from '../backup/byte-reader';
import type { CellValue } from './cells';
import { encodeGbk } from './gbk';
import { guardFormula, type ExportCell, type ExportTable } from './export-table';
import { textDecoder, utf8Bytes } from './text-codec';

export type CsvEncoding = 'utf8-bom' | 'gbk';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function field(cell: ExportCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = guardFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** These rows as CSV lines, each ending in CRLF. */
function csvLines(rows: readonly (readonly ExportCell[])[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(field).join(',')}\r\n`;
  return text;
}

/** The table as CSV text: header first, every line ending in CRLF. */
export function toCsvText(table: Pick<ExportTable, 'header' | 'rows'>): string {
  return csvLines([table.header, ...table.rows]);
}

export interface CsvFile {
  bytes: Uint8Array<ArrayBuffer>;
  /** Characters the chosen encoding cannot hold (GBK only); they were written as '?'. */
  unencodable: string[];
}

/**
 * A CSV file written as its rows come (the export worker gets a long list a slice at a time): each
 * slice is encoded at once, so that only the file's bytes are held, not the rows.
 */
export class CsvWriter {
  private readonly pieces: Uint8Array[] = [];
  private readonly missing = new Set<string>();

  constructor(
    header: readonly string[],
    private readonly encoding: CsvEncoding,
  ) {
    if (encoding === 'utf8-bom') this.pieces.push(Uint8Array.from(UTF8_BOM));
    this.add([header]);
  }

  add(rows: readonly (readonly ExportCell[])[]): void {
    const text = csvLines(rows);
    if (this.encoding === 'utf8-bom') {
      this.pieces.push(utf8Bytes(text));
      return;
    }
    const gbk = encodeGbk(text);
    this.pieces.push(gbk.bytes);
    for (const ch of gbk.unencodable) this.missing.add(ch);
  }

  /** The characters GBK could not hold (written as '?'). */
  unencodable(): string[] {
    return [...this.missing];
  }

  /** The file's bytes. */
  file(): CsvFile {
    return { bytes: concatBytes(this.pieces), unencodable: this.unencodable() };
  }

  /** The file's bytes in the pieces they were encoded in (a file of them need never join them into one buffer). */
  parts(): readonly Uint8Array[] {
    return this.pieces;
  }
}

export function encodeCsv(table: Pick<ExportTable, 'header' | 'rows'>, encoding: CsvEncoding): CsvFile {
  const writer = new CsvWriter(table.header, encoding);
  writer.add(table.rows);
  return writer.file();
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Text of a CSV file: UTF-8 (with or without BOM) when it is valid UTF-8, otherwise GBK. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2]) {
    return textDecoder('utf-8', false).decode(bytes.subarray(3));
  }
  try {
    return textDecoder('utf-8', true).decode(bytes);
  } catch {
    // Not UTF-8: a CSV saved by an older Chinese spreadsheet program is GBK.
    return textDecoder('gbk', false).decode(bytes);
  }
}

export type CsvParse = { ok: true; rows: CellValue[][] } | { ok: false; reason: string };

export interface CsvLimits {
  maxRows: number;
  maxColumns: number;
}

/**
 * RFC 4180 parsing, lenient where spreadsheet programs are (LF alone ends a line too; a quote
 * inside an unquoted field is kept). An unterminated quoted field is refused.
 */
export function parseCsv(text: string, limits: CsvLimits): CsvParse {
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let fieldText = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(fieldText === '' ? null : fieldText);
    fieldText = '';
  };
  const endRow = (): boolean => {
    endField();
    rows.push(row);
    row = [];
    return rows.length <= limits.maxRows;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          fieldText += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else fieldText += ch;
      i++;
      continue;
    }
    if (ch === '"' && fieldText === '') quoted = true;
    else if (ch === ',') {
      endField();
      if (row.length > limits.maxColumns) return { ok: false, reason: `CSV 文件的列数超过 ${limits.maxColumns} 列，不像是台账表格，请检查文件` };
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (!endRow()) return { ok: false, reason: `CSV 文件超过 ${limits.maxRows} 行，请分成几个文件分批导入` };
    } else fieldText += ch;
    i++;
  }
  if (quoted) return { ok: false, reason: 'CSV 文件中有未结束的引号（文件可能不完整），请用表格软件打开检查后另存' };
  if (fieldText !== '' || row.length > 0) endRow();
  if (rows.length > limits.maxRows) return { ok: false, reason: `CSV 文件超过 ${limits.maxRows} 行，请分成几个文件分批导入` };
  return { ok: true, rows };
}
