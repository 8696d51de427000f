// Building the files of an export: the .xlsx workbook (a pure function of the tables, written here
// a row at a time) and the CSV files, run in the xlsx worker (xlsx-worker.ts) so that 316,000 audit entries never hold up the
// window. The window sends each table's rows a slice at a time (cloning them all in one message
// would itself be a long task), then asks for the files.
import { Zip, ZipDeflate } from 'fflate';
import { concatBytes } from '@shared/backup/byte-reader';
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

// The workbook is written here as the few XML parts a spreadsheet program needs, a row at a time
// into a streaming zip: a whole university's audit log (316,000 rows) took exceljs 72 s and 4.6 GB
// in its in-memory model before a byte was written. Strings are written as strings (inline), never
// as formulas, so text such as '=SUM(A1)' stays text.

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF): left out, or the file would not open. */
// eslint-disable-next-line no-control-regex -- the control characters are what this pattern is for.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 'A', 'B', … 'Z', 'AA' … for column index 0, 1, … */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** One row's XML (row number from 1); `style` 1 is the bold header. Empty cells are left out. */
function rowXml(cells: readonly ExportCell[], rowNumber: number, style: 0 | 1, columns: readonly string[]): string {
  const s = style ? ' s="1"' : '';
  // The header's style is the row's too (cells typed in it later are bold as well).
  let xml = style ? `<row r="${rowNumber}"${s} customFormat="1">` : `<row r="${rowNumber}">`;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === undefined || cell === null || cell === '') continue;
    const ref = `${columns[i] ?? columnName(i)}${rowNumber}`;
    if (typeof cell === 'number' && Number.isFinite(cell)) xml += `<c r="${ref}"${s}><v>${cell}</v></c>`;
    else xml += `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(cell))}</t></is></c>`;
  }
  return `${xml}</row>`;
}

/** Column widths that fit the text: CJK characters are about two columns wide; 8 to 60. */
function columnWidths(table: ExportTable): number[] {
  return table.header.map((title, i) => {
    // A plain loop: spreading one argument per row into Math.max overflows the stack on long lists.
    let longest = characters(title);
    for (const row of table.rows) {
      const cell = row[i];
      if (cell !== undefined && cell !== null) longest = Math.max(longest, characters(String(cell)));
    }
    return Math.min(60, Math.max(8, longest * 2 + 2));
  });
}

/** Text a zip entry is fed in pieces of about this many characters. */
const PIECE = 1 << 16;

/** The workbook's bytes: a sheet per table, a bold, frozen header row and column widths that fit the text. */
export async function xlsxWorkbook(tables: readonly ExportTable[]): Promise<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failed = error;
    else parts.push(chunk);
  });
  const encoder = new TextEncoder();
  const put = (path: string, text: string) => {
    const file = new ZipDeflate(path, { level: 6 });
    zip.add(file);
    file.push(encoder.encode(text), true);
  };

  const names: string[] = [];
  const used = new Set<string>();
  for (const [index, table] of tables.entries()) {
    let name = sheetName(table.name, `Sheet${index + 1}`);
    // Sheet names must differ (case-insensitively).
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${sheetName(table.name).slice(0, 27)}（${k}）`;
    used.add(name.toLowerCase());
    names.push(name);
  }

  put(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '</Types>',
  );
  put(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '</Relationships>',
  );
  put(
    'docProps/core.xml',
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>新媒体阵地台账</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')}</dcterms:created>` +
      '</cp:coreProperties>',
  );
  put(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
      names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
  );
  put(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
      names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${names.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
      '</Relationships>',
  );
  put(
    'xl/styles.xml',
    `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>',
  );

  for (const [index, table] of tables.entries()) {
    const file = new ZipDeflate(`xl/worksheets/sheet${index + 1}.xml`, { level: 6 });
    zip.add(file);
    const columns = table.header.map((_, i) => columnName(i));
    const widths = columnWidths(table);
    let text =
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (widths.length ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '') +
      `<sheetData>${rowXml(table.header, 1, 1, columns)}`;
    for (let r = 0; r < table.rows.length; r++) {
      text += rowXml(table.rows[r]!, r + 2, 0, columns);
      if (text.length >= PIECE) {
        file.push(encoder.encode(text));
        text = '';
      }
    }
    file.push(encoder.encode(`${text}</sheetData></worksheet>`), true);
  }
  zip.end();
  if (failed) throw failed;

  return concatBytes(parts).buffer;
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
