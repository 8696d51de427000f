// Building the files of an export: the .xlsx workbook (a pure function of the tables) and the CSV
// files, run in the xlsx worker (xlsx-worker.ts) so that 316,000 audit entries never hold up the
// window. The window sends each table's rows a slice at a time (cloning them all in one message
// would itself be a long task), or has the worker read them from the database itself (a 'read'
// request, for 发布审核's reviews and the audit log: worker-reads.ts), then asks for the files. Each slice is written into its file as it
// comes (compressed, or encoded), so that the worker holds the files' bytes, never the rows. The
// files go back as Blobs, made of those pieces: the window hands a Blob to the download as it is,
// where copying 40 MB into one buffer and then into a Blob held the window for a quarter second.
import { Zip, ZipDeflate, type ZipInputFile } from 'fflate';
import { CsvWriter, type CsvEncoding } from '@shared/spreadsheet/csv';
import { sheetName, type ExportCell, type ExportTable } from '@shared/spreadsheet/export-table';
import { crc32, crc32Join } from './crc32';
import type { WorkerAnswer } from '../../app/worker-channel';

/** What the window asks the xlsx worker. Requests of one export share a job number. */
export type XlsxRequest =
  /** The next table of the job begins (the first one says the job's format). */
  | { id: number; type: 'table'; job: number; format: 'xlsx' | CsvEncoding; name: string; header: string[] }
  /** More rows of the job's last table. */
  | { id: number; type: 'rows'; job: number; rows: ExportCell[][] }
  /**
   * The worker reads the next slice of the job's last table itself (a WorkerReadTable): `read`,
   * what to read, comes with the first of these requests.
   */
  | { id: number; type: 'read'; job: number; read?: unknown }
  /** The job's files, after which the worker forgets it. */
  | { id: number; type: 'build'; job: number }
  /** Forget the job (the window gave up on it). */
  | { id: number; type: 'drop'; job: number };

/** Each file (one workbook, or one CSV per table) and what GBK could not hold. */
export interface BuiltFiles {
  files: Blob[];
  unencodable: string[];
}

/** What one 'read' did: the rows it read and wrote, or that the table has no more. */
export interface ReadStep {
  rows: number;
  done: boolean;
}

/** The worker's answer: the files (Blobs, which pass to the window without their bytes being copied), a read's step, nothing for the other requests, or what went wrong. */
export type XlsxAnswer = WorkerAnswer<BuiltFiles | ReadStep | undefined>;

/** The rows of what a 'read' request names, a slice at a time (the worker reads them from the database). */
export type ReadRows = (read: unknown) => AsyncIterator<ExportCell[][]>;


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

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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

/** The width of a column whose longest text has this many characters: CJK characters are about two columns wide; 8 to 60. */
const widthFor = (characterCount: number): number => Math.min(60, Math.max(8, characterCount * 2 + 2));

/** Rows' XML is encoded and compressed in pieces of about this many characters. */
const PIECE = 1 << 16;

const encoder = new TextEncoder();

/** `bytes` as stored (uncompressed) deflate blocks, none of them the last, so that a deflate stream may follow them. */
function storedBlocks(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const MAX = 0xffff;
  const count = Math.max(1, Math.ceil(bytes.length / MAX));
  const out = new Uint8Array(bytes.length + 5 * count);
  let at = 0;
  for (let b = 0; b < count; b++) {
    const piece = bytes.subarray(b * MAX, (b + 1) * MAX);
    // BFINAL 0 and BTYPE 00 (stored); the rest of the byte pads the header to a byte boundary.
    out[at] = 0;
    out[at + 1] = piece.length & 0xff;
    out[at + 2] = piece.length >>> 8;
    out[at + 3] = ~piece.length & 0xff;
    out[at + 4] = (~piece.length >>> 8) & 0xff;
    out.set(piece, at + 5);
    at += 5 + piece.length;
  }
  return out;
}

/** A gzip member's fixed header (no name, comment or extra field) and trailer (CRC-32 and size), in bytes. */
const GZIP_HEAD = 10;
const GZIP_TAIL = 8;

/**
 * The raw deflate stream inside a gzip member given in pieces, as views of them (nothing copied),
 * and the CRC-32 of what it holds, which the member's trailer carries: zlib computes it as it
 * compresses, where the project's CRC-32 in JavaScript took 1.6–2.0 s of the audit log's export.
 * `size` is the number of bytes written into the member; the trailer's own count must agree.
 */
export function gzipContents(pieces: readonly Uint8Array<ArrayBuffer>[], size: number): { deflated: Uint8Array<ArrayBuffer>[]; crc: number } {
  const total = pieces.reduce((sum, p) => sum + p.length, 0);
  if (total < GZIP_HEAD + GZIP_TAIL) throw new Error('压缩数据不完整，请重新导出');
  const bytesAt = (from: number, count: number): number[] => {
    const out: number[] = [];
    let at = 0;
    for (const p of pieces) {
      for (let i = Math.max(0, from - at); i < p.length && out.length < count; i++) out.push(p[i]!);
      at += p.length;
      if (out.length === count) break;
    }
    return out;
  };
  const head = bytesAt(0, GZIP_HEAD);
  // ID1 ID2, deflate, and no optional fields: what CompressionStream('gzip') writes.
  if (head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8 || head[3] !== 0) throw new Error('压缩数据格式不符，请重新导出');
  const tail = bytesAt(total - GZIP_TAIL, GZIP_TAIL);
  const word = (at: number) => (tail[at]! | (tail[at + 1]! << 8) | (tail[at + 2]! << 16) | (tail[at + 3]! << 24)) >>> 0;
  const crc = word(0);
  // ISIZE: the bytes compressed, modulo 2^32. A member of other bytes than those written is refused.
  if (word(4) !== size % 2 ** 32) throw new Error('压缩数据与写入的内容不符，请重新导出');
  const deflated: Uint8Array<ArrayBuffer>[] = [];
  let at = 0;
  for (const p of pieces) {
    const from = Math.max(0, GZIP_HEAD - at);
    const to = Math.min(p.length, total - GZIP_TAIL - at);
    if (to > from) deflated.push(p.subarray(from, to));
    at += p.length;
  }
  return { deflated, crc };
}

/**
 * One worksheet, written as its rows come: each piece of the rows' XML is encoded and compressed at
 * once, so that the worker holds the compressed sheet rather than the rows, and compresses while
 * the window reads the next slice. The compressing is the platform's own (CompressionStream, zlib):
 * fflate's deflate in JavaScript took about three times as long. It writes a gzip member, whose
 * trailer gives the rows' CRC-32 (gzipContents), and the zip takes the deflate stream inside it.
 * The sheet's opening names the column widths, which come from every row and so are known only
 * after the last: it is put in front of the compressed rows at the end as stored deflate blocks,
 * and the entry's CRC is the opening's joined with the rows'.
 */
class SheetWriter {
  private readonly columns: string[];
  /** The longest text of each column so far, in characters. */
  private readonly longest: number[];
  private rowNumber = 1;
  private text: string;
  private size = 0;
  private readonly compressed: Uint8Array<ArrayBuffer>[] = [];
  private readonly input: WritableStreamDefaultWriter<BufferSource>;
  /** Ends once the compressed stream has ended, every chunk of it in `compressed`. */
  private readonly output: Promise<void>;

  constructor(header: readonly string[]) {
    this.columns = header.map((_, i) => columnName(i));
    this.longest = header.map(characters);
    this.text = rowXml(header, 1, 1, this.columns);
    const stream = new CompressionStream('gzip');
    this.input = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    this.output = (async () => {
      for (let read = await reader.read(); !read.done; read = await reader.read()) this.compressed.push(read.value as Uint8Array<ArrayBuffer>);
    })();
    // Read when the sheet ends; meanwhile a failure is the writes' to report, not an unhandled one.
    this.output.catch(() => undefined);
  }

  async add(rows: readonly (readonly ExportCell[])[]): Promise<void> {
    for (const row of rows) {
      for (let i = 0; i < this.longest.length; i++) {
        const cell = row[i];
        if (cell !== undefined && cell !== null) this.longest[i] = Math.max(this.longest[i]!, characters(String(cell)));
      }
      this.text += rowXml(row, ++this.rowNumber, 0, this.columns);
      if (this.text.length >= PIECE) await this.compress();
    }
  }

  private async compress(): Promise<void> {
    const bytes = encoder.encode(this.text);
    this.text = '';
    this.size += bytes.length;
    await this.input.write(bytes);
  }

  /** Stops compressing (the export was dropped). */
  discard(): void {
    this.input.abort().catch(() => undefined);
  }

  /** Ends the sheet and adds it to the zip as an entry of this name. */
  async addTo(zip: Zip, filename: string): Promise<void> {
    this.text += '</sheetData></worksheet>';
    await this.compress();
    await this.input.close();
    await this.output;
    const rows = gzipContents(this.compressed, this.size);
    this.compressed.length = 0;
    const opening = encoder.encode(
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
        '<sheetFormatPr defaultRowHeight="15"/>' +
        (this.longest.length ? `<cols>${this.longest.map((n, i) => `<col min="${i + 1}" max="${i + 1}" width="${widthFor(n)}" customWidth="1"/>`).join('')}</cols>` : '') +
        '<sheetData>',
    );
    const entry: ZipInputFile = {
      filename,
      compression: 8,
      crc: crc32Join(crc32(opening), rows.crc, this.size),
      size: opening.length + this.size,
    };
    zip.add(entry);
    const send = entry.ondata!;
    const chunks = [storedBlocks(opening), ...rows.deflated];
    chunks.forEach((chunk, i) => send(null, chunk, i === chunks.length - 1));
  }
}

/** Unique, valid sheet names for these tables (case-insensitively different; 'Sheet2' for a nameless second table). */
function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((tableName, index) => {
    let name = sheetName(tableName, `Sheet${index + 1}`);
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${sheetName(tableName).slice(0, 27)}（${k}）`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** The workbook's file from its sheets, already written: a bold, frozen header row and column widths that fit the text. */
async function workbookFile(sheets: readonly { name: string; sheet: SheetWriter }[]): Promise<Blob> {
  const parts: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failed = error;
    else parts.push(chunk);
  });
  const put = (path: string, text: string) => {
    const file = new ZipDeflate(path, { level: 6 });
    zip.add(file);
    file.push(encoder.encode(text), true);
  };
  const names = sheetNames(sheets.map((s) => s.name));

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

  for (const [i, { sheet }] of sheets.entries()) await sheet.addTo(zip, `xl/worksheets/sheet${i + 1}.xml`);
  zip.end();
  if (failed) throw failed;

  // The zip's own buffers: plain, never shared.
  return new Blob(parts as Uint8Array<ArrayBuffer>[], { type: XLSX_TYPE });
}

/** The workbook of these tables (a sheet per table), as bytes. */
export async function xlsxWorkbook(tables: readonly ExportTable[]): Promise<ArrayBuffer> {
  const sheets = [];
  for (const table of tables) {
    const sheet = new SheetWriter(table.header);
    await sheet.add(table.rows);
    sheets.push({ name: table.name, sheet });
  }
  return (await workbookFile(sheets)).arrayBuffer();
}

/** An export the worker is writing: its tables so far, each written as its rows come. */
type Job = ({ format: 'xlsx'; sheets: { name: string; sheet: SheetWriter }[] } | { format: CsvEncoding; files: CsvWriter[] }) & {
  /** The rows the worker reads for the job's last table, while it reads them. */
  reading?: AsyncIterator<ExportCell[][]>;
};

/** The worker's state: the exports still arriving, and its answer to each request; `readRows` reads what a 'read' request names. */
export function exportJobs(readRows?: ReadRows) {
  const jobs = new Map<number, Job>();
  const lastTable = (job: Job | undefined) => (job?.format === 'xlsx' ? job.sheets.at(-1)?.sheet : job?.files.at(-1));

  const run = async (request: XlsxRequest): Promise<BuiltFiles | ReadStep | undefined> => {
    switch (request.type) {
      case 'table': {
        let job = jobs.get(request.job);
        if (!job) {
          job = request.format === 'xlsx' ? { format: 'xlsx', sheets: [] } : { format: request.format, files: [] };
          jobs.set(request.job, job);
        }
        if (job.format === 'xlsx') job.sheets.push({ name: request.name, sheet: new SheetWriter(request.header) });
        else job.files.push(new CsvWriter(request.header, job.format));
        return undefined;
      }
      case 'rows': {
        const table = lastTable(jobs.get(request.job));
        if (!table) throw new Error('导出数据不完整，请重新导出');
        await table.add(request.rows);
        return undefined;
      }
      case 'read': {
        const job = jobs.get(request.job);
        const table = lastTable(job);
        if (!job || !table) throw new Error('导出数据不完整，请重新导出');
        if (request.read !== undefined) {
          if (!readRows) throw new Error('导出无法读取数据，请重新导出');
          job.reading = readRows(request.read);
        }
        if (!job.reading) throw new Error('导出数据不完整，请重新导出');
        const next = await job.reading.next();
        if (next.done) {
          job.reading = undefined;
          return { rows: 0, done: true };
        }
        await table.add(next.value);
        return { rows: next.value.length, done: false };
      }
      case 'build': {
        const job = jobs.get(request.job);
        jobs.delete(request.job);
        if (!job) throw new Error('导出数据不完整，请重新导出');
        if (job.format === 'xlsx') return { files: [await workbookFile(job.sheets)], unencodable: [] };
        // The encoders' own buffers: plain, never shared.
        const files = job.files.map((writer) => new Blob(writer.parts() as Uint8Array<ArrayBuffer>[], { type: 'text/csv' }));
        return { files, unencodable: [...new Set(job.files.flatMap((writer) => writer.unencodable()))] };
      }
      case 'drop': {
        const job = jobs.get(request.job);
        jobs.delete(request.job);
        void job?.reading?.return?.(undefined);
        if (job?.format === 'xlsx') for (const { sheet } of job.sheets) sheet.discard();
        return undefined;
      }
    }
  };

  return {
    /** The value of one request (the files' bytes for a build), or it rejects with what went wrong. */
    handle: run,
    /** How many exports are still held (a test checks that none is left behind). */
    held: () => jobs.size,
  };
}
