// Export files: the .xlsx holds formula-looking text as plain text (never a formula), one sheet per
// table with the Chinese headers; CSV files come one per table, as UTF-8 with BOM or GBK. The
// files are built in the xlsx worker: here a stand-in Worker answers with the worker's own
// functions (xlsx-book.ts), messages cloned and the bytes transferred as the browser does.
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { zipEntries } from '../../fixtures/zip-entries';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ExportCancelled, buildExport, exportingLabel, xlsxFile } from '../../../renderer/features/export/export-files';
import { xlsxWorkbook } from '../../../renderer/features/export/xlsx-book';
import { InProcessXlsxWorker, bytesOf, jobs } from './in-process-xlsx-worker';
import type { ExportCell, ExportTable, SlicedExportTable } from '@shared/spreadsheet/export-table';

const table: ExportTable = {
  name: '平台台账',
  header: ['平台名称', '粉丝数', '备注'],
  rows: [
    ['东湖青年', 26000, '=HYPERLINK("http://evil.example","点我")'],
    ['𠮷林校友会', null, '+1+1'],
    ['-暂停', undefined, '@SUM(A1)'],
  ],
};

beforeAll(() => {
  vi.stubGlobal('Worker', InProcessXlsxWorker);
});

describe('xlsx export', () => {
  it('writes formula-looking text as plain text cells, never as formulas', async () => {
    const bytes = await xlsxBytes([table]);
    const parts = unzipSync(bytes);
    const sheetXml = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    expect(sheetXml).not.toMatch(/<f[\s>]/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = book.getWorksheet('平台台账')!;
    expect(ws.getRow(1).values).toEqual([undefined, '平台名称', '粉丝数', '备注']);
    expect(ws.getCell('C2').value).toBe('=HYPERLINK("http://evil.example","点我")');
    expect(ws.getCell('C2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A3').value).toBe('𠮷林校友会');
    expect(ws.getCell('B2').value).toBe(26000);
    expect(ws.getCell('B3').value).toBeNull();
    expect(ws.getCell('A4').value).toBe('-暂停');
  });

  it('builds the workbook in the module worker xlsx-worker.ts, once started', async () => {
    await xlsxBytes([table]);
    await xlsxBytes([table]);
    expect(InProcessXlsxWorker.started).toEqual(['xlsx-worker.ts module xlsx']);
  });

  it('writes what the window built before: creator, bold frozen header, cells, widths by the longest text', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsxWorkbook([table, { name: '', header: ['甲'], rows: [[1], ['a'.repeat(100)]] }])) as unknown as ExcelJS.Buffer);
    expect(book.creator).toBe('新媒体阵地台账');
    expect(book.worksheets.map((w) => w.name)).toEqual(['平台台账', 'Sheet2']);
    const [ws, second] = book.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(ws.getRow(1).font).toMatchObject({ bold: true });
    expect(ws.getRow(2).font?.bold).toBeFalsy();
    expect(ws.views).toEqual([expect.objectContaining({ state: 'frozen', ySplit: 1 })]);
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(3).values).toEqual([undefined, '𠮷林校友会', undefined, '+1+1']);
    // 𠮷林校友会 and 26000: 5 characters each (𠮷 once) → 12; the HYPERLINK text → 60 at most.
    expect(ws.columns.map((c) => c.width)).toEqual([12, 12, 60]);
    expect(second.getCell('A2').value).toBe(1);
    expect(second.columns.map((c) => c.width)).toEqual([60]);
    const narrow = new ExcelJS.Workbook();
    await narrow.xlsx.load((await xlsxWorkbook([{ name: '单位', header: ['甲'], rows: [['乙'], [null]] }])) as unknown as ExcelJS.Buffer);
    // One character → the minimum width 8.
    expect(narrow.worksheets[0]!.columns.map((c) => c.width)).toEqual([8]);
  });

  it('keeps markup-like text, formulas and far columns as text a spreadsheet program reads back; characters XML cannot hold are left out', async () => {
    const header = Array.from({ length: 30 }, (_, i) => `列${i + 1}`);
    const row: (string | number)[] = Array.from({ length: 30 }, (_, i) => `第${i + 1}格`);
    row[0] = '<b>甲 & "乙"</b>';
    row[1] = '=HYPERLINK("http://x")';
    row[2] = `前\u0001后\uD800尾`;
    row[3] = 26000;
    row[29] = '王𠮷';
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsxWorkbook([{ name: '<特殊>', header, rows: [row] }])) as unknown as ExcelJS.Buffer);
    const ws = book.worksheets[0]!;
    expect(ws.name).toBe('<特殊>');
    expect(ws.getCell('A2').value).toBe('<b>甲 & "乙"</b>');
    expect(ws.getCell('B2').value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell('B2').formula).toBeUndefined();
    expect(ws.getCell('C2').value).toBe('前后尾');
    expect(ws.getCell('D2').value).toBe(26000);
    expect(ws.getCell('AD1').value).toBe('列30');
    expect(ws.getCell('AD2').value).toBe('王𠮷');
  });

  it('gives every entry the CRC-32 and size of its bytes, a sheet whose opening (its column widths) is longer than a stored block included', async () => {
    // 1,300 columns: the sheet's opening holds 1,300 widths, more than a stored deflate block's 65,535 bytes.
    const header = Array.from({ length: 1_300 }, (_, i) => `列${i + 1}`);
    const rows = Array.from({ length: 300 }, (_, r) => header.map((_, c) => (c % 50 ? `第${r + 1}行${'长'.repeat(c % 40)}` : r * c)));
    const entries = zipEntries(new Uint8Array(await xlsxWorkbook([{ name: '宽表', header, rows }, table])));
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet2.xml');
    for (const entry of entries) {
      expect(entry.data.length, entry.name).toBe(entry.size);
      expect(zlibCrc32(entry.data), entry.name).toBe(entry.crc);
    }
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!.data.toString('utf8');
    expect(sheet.indexOf('<sheetData>')).toBeGreaterThan(65_535);
    // Column 1,300's longest text is 第300行 and 19 × 长: 24 characters, width 50.
    expect(sheet.includes('<col min="1300" max="1300" width="50" customWidth="1"/>')).toBe(true);
    expect(sheet.match(/<row /g)?.length).toBe(301);
  });

  it('gives every table its own sheet, with unique, valid names', async () => {
    const bytes = await xlsxBytes([{ ...table, name: '按单位' }, { ...table, name: '按单位' }, { ...table, name: '年度/汇总' }]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['按单位', '按单位（2）', '年度 汇总']);
  });

  it('exports 200,000 rows (a long audit log), the column as wide as its longest text', async () => {
    // The longest text is the last row's, so the width must come from looking at every row.
    const rows = Array.from({ length: 200_000 }, (_, i) => [`第 ${i + 1} 条`]);
    rows[rows.length - 1] = ['𠮷'.repeat(20)];
    const { files } = await buildExport('审计日志', [{ name: '审计日志', header: ['内容'], rows }], 'xlsx');
    const sheetXml = strFromU8(unzipSync(await bytesOf(files[0]!.data))['xl/worksheets/sheet1.xml']!);
    expect(sheetXml.match(/<row /g)?.length).toBe(200_001);
    expect(sheetXml).toContain('<col min="1" max="1" width="42"');
    // Sent a slice at a time, never the whole list in one message; the worker keeps nothing afterwards.
    expect(Math.max(...InProcessXlsxWorker.rowMessages)).toBe(2000);
    expect(jobs.held()).toBe(0);
  });
});

/** The workbook of these tables, as bytes. */
async function xlsxBytes(tables: Parameters<typeof xlsxFile>[0], progress?: Parameters<typeof xlsxFile>[1]): Promise<Uint8Array<ArrayBuffer>> {
  return bytesOf(await xlsxFile(tables, progress));
}

/** The rows in slices of these sizes, read as the export asks for them (as the audit log is read page by page). */
function sliced(whole: ExportTable, sizes: readonly number[], failAfter?: number): SlicedExportTable {
  async function* slices(): AsyncGenerator<ExportCell[][]> {
    let at = 0;
    for (const [k, size] of sizes.entries()) {
      if (k === failAfter) throw new Error('读取失败');
      await new Promise((resolve) => setTimeout(resolve, 0));
      yield whole.rows.slice(at, (at += size));
    }
  }
  return { name: whole.name, header: whole.header, slices: slices() };
}

describe('sliced tables', () => {
  const rows: ExportCell[][] = Array.from({ length: 4_501 }, (_, i) => [i + 1, `第 ${i + 1} 条`, i % 7 ? null : '=1+1']);
  rows[2_600] = [2_601, '𠮷'.repeat(25), '@SUM(A1)'];
  const whole: ExportTable = { name: '审计日志', header: ['序号', '内容', '备注'], rows };

  it('give the same workbook as the whole table, each slice posted in messages of at most 2,000 rows', async () => {
    const at = InProcessXlsxWorker.rowMessages.length;
    const progress: number[] = [];
    const fromSlices = await xlsxBytes([sliced(whole, [1_500, 2_500, 0, 501])], (posted) => progress.push(posted));
    expect(InProcessXlsxWorker.rowMessages.slice(at)).toEqual([1_500, 2_000, 500, 501]);
    expect(progress).toEqual([1_500, 3_500, 4_000, 4_501]);
    const fromWhole = await xlsxBytes([whole]);
    // The sheet itself (cells, widths, frozen header) byte for byte; only the file's timestamps differ.
    const sheetOf = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(sheetOf(fromSlices)).toBe(sheetOf(fromWhole));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fromSlices as unknown as ExcelJS.Buffer);
    const saved: ExportCell[][] = [];
    book.worksheets[0]!.eachRow((row) => saved.push((row.values as ExportCell[]).slice(1)));
    expect(saved[0]).toEqual(whole.header);
    expect(saved.slice(1).map((r) => [r[0], r[1], r[2] ?? null])).toEqual(rows);
    expect(book.worksheets[0]!.columns.map((c) => c.width)).toEqual([10, 52, 18]);
  });

  it('are read while the worker writes the slice before, never more than one message ahead of it', async () => {
    // Far longer than reading a slice here takes, however loaded the machine: the next slice is read and posted before the answer comes.
    InProcessXlsxWorker.rowsDelayMs = 200;
    InProcessXlsxWorker.mostRowsUnanswered = 0;
    try {
      const fromSlices = await xlsxBytes([sliced(whole, [1_000, 1_000, 1_000, 1_000, 501])]);
      expect(strFromU8(unzipSync(fromSlices)['xl/worksheets/sheet1.xml']!)).toBe(strFromU8(unzipSync(await xlsxBytes([whole]))['xl/worksheets/sheet1.xml']!));
    } finally {
      InProcessXlsxWorker.rowsDelayMs = 0;
    }
    // Waiting for each answer before reading on gives 1; posting without waiting, 5.
    expect(InProcessXlsxWorker.mostRowsUnanswered).toBe(2);
  });

  it('stop at once when the clerk cancels: nothing more is read or reported, and the worker forgets the export', async () => {
    let read = 0;
    async function* slices(): AsyncGenerator<ExportCell[][]> {
      for (let at = 0; at < rows.length; at += 500) {
        read++;
        await new Promise((resolve) => setTimeout(resolve, 0));
        yield rows.slice(at, at + 500);
      }
    }
    InProcessXlsxWorker.rowsDelayMs = 20;
    const cancel = new AbortController();
    const progress: number[] = [];
    try {
      const exporting = buildExport('审计日志', [{ name: '审计日志', header: whole.header, slices: slices() }], 'xlsx', (posted) => {
        progress.push(posted);
        if (posted >= 1_000) cancel.abort();
      }, cancel.signal);
      await expect(exporting).rejects.toBeInstanceOf(ExportCancelled);
    } finally {
      InProcessXlsxWorker.rowsDelayMs = 0;
    }
    const [readThen, reported] = [read, progress.length];
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(progress).toEqual([500, 1_000]);
    expect(progress.length).toBe(reported);
    // At most the slice being read and the one in flight past the cancel; the list holds ten.
    expect(readThen).toBeLessThanOrEqual(4);
    expect(read).toBe(readThen);
    await vi.waitFor(() => expect(jobs.held()).toBe(0));
    await expect(buildExport('审计日志', [whole], 'xlsx', undefined, AbortSignal.abort())).rejects.toThrow('已取消导出');
    await vi.waitFor(() => expect(jobs.held()).toBe(0));
  });

  it('give the same CSV as the whole table, and the worker keeps nothing when a slice cannot be read', async () => {
    const fromSlices = await buildExport('审计日志', [sliced(whole, [2_000, 2_000, 501])], 'utf8-bom');
    const fromWhole = await buildExport('审计日志', [whole], 'utf8-bom');
    expect(await bytesOf(fromSlices.files[0]!.data)).toEqual(await bytesOf(fromWhole.files[0]!.data));
    await expect(buildExport('审计日志', [sliced(whole, [2_000, 2_000, 501], 2)], 'xlsx')).rejects.toThrow('读取失败');
    await vi.waitFor(() => expect(jobs.held()).toBe(0));
  });
});

describe('export files', () => {
  it('names the files by list, date and encoding, one CSV per table', async () => {
    const xlsx = await buildExport('平台台账', [table], 'xlsx');
    expect(xlsx.files.map((f) => f.name)).toEqual([expect.stringMatching(/^平台台账-\d{8}\.xlsx$/)]);
    const csv = await buildExport('发布审核统计', [{ ...table, name: '按单位' }, { ...table, name: '按平台' }], 'utf8-bom');
    expect(csv.files.map((f) => f.name)).toEqual([expect.stringMatching(/^发布审核统计-按单位-\d{8}-UTF-8\.csv$/), expect.stringMatching(/^发布审核统计-按平台-\d{8}-UTF-8\.csv$/)]);
    expect(csv.unencodable).toEqual([]);
  });

  it('reports what GBK cannot hold and guards formulas in the CSV', async () => {
    const gbk = await buildExport('平台台账', [table], 'gbk');
    expect(gbk.unencodable).toEqual(['𠮷']);
    const text = new TextDecoder('gbk').decode(await bytesOf(gbk.files[0]!.data));
    expect(text).toBe('平台名称,粉丝数,备注\r\n东湖青年,26000,"\'=HYPERLINK(""http://evil.example"",""点我"")"\r\n?林校友会,,\'+1+1\r\n\'-暂停,,\'@SUM(A1)\r\n');
  });
});

describe('the export button while it runs', () => {
  it('says the rows being written and, once the worker has some, the share written so far', () => {
    expect(exportingLabel(315_755, 0)).toBe('正在导出 315,755 行…');
    expect(exportingLabel(315_755, 120_000)).toBe('正在导出 315,755 行（38%）…');
    expect(exportingLabel(315_755, 315_755)).toBe('正在导出 315,755 行（100%）…');
    // Not known up front (or more than was counted): the rows written so far, growing.
    expect(exportingLabel(undefined, 4_000)).toBe('正在导出 4,000 行…');
    expect(exportingLabel(10, 12)).toBe('正在导出 12 行…');
  });
});
