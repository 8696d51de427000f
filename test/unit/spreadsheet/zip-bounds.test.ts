// The import's zip bounds: a workbook whose parts declare tiny sizes but inflate far past the limit
// (a zip bomb) is refused with a Chinese reason before exceljs sees it, the inflating stops soon
// after the limit, and honest workbooks (exceljs's, LibreOffice's, a zip64 one) still read.
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { Deflate, deflateSync, unzipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readWorkbook } from '../../../renderer/features/import/read-workbook';
import { checkZipBounds } from '../../../renderer/features/import/zip-bounds';

const MB = 1024 * 1024;
const FIXTURE = new Uint8Array(readFileSync(new URL('../../fixtures/ledger-libreoffice.xlsx', import.meta.url)));
/** The product's limit (read-workbook.ts), for the tests that go through readWorkbook. */
const PRODUCT_LIMIT = 100 * MB;

interface Part {
  name: string;
  method: 0 | 8;
  /** The bytes as stored in the zip (deflated when method is 8). */
  stored: Uint8Array;
  crc: number;
  /** The unpacked size the zip declares, true or not. */
  declaredSize: number;
}

function honestPart(name: string, data: Uint8Array, method: 0 | 8 = 8): Part {
  return { name, method, stored: method === 8 ? deflateSync(data) : data, crc: crc32(data), declaredSize: data.length };
}

/** `megabytes` MB of zeros, deflated in 1 MB steps (the zeros are never all in memory). */
function deflatedZeros(megabytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => chunks.push(chunk));
  const zeros = new Uint8Array(MB);
  for (let i = 0; i < megabytes; i++) deflate.push(zeros, i === megabytes - 1);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A part of zeros whose directory entries declare only `declaredSize` bytes. */
function lyingPart(name: string, deflated: Uint8Array, declaredSize = 1000): Part {
  return { name, method: 8, stored: deflated, crc: 0, declaredSize };
}

/** A zip as spreadsheet programs write it; with zip64 its directory uses the zip64 records. */
function writeZip(parts: readonly Part[], zip64 = false): Uint8Array {
  const out: number[][] = [];
  let size = 0;
  const emit = (...fields: [bytes: number, value: number][]): void => {
    const chunk: number[] = [];
    for (const [bytes, value] of fields) for (let i = 0; i < bytes; i++) chunk.push(Math.floor(value / 2 ** (8 * i)) & 0xff);
    out.push(chunk);
    size += chunk.length;
  };
  const raw = (bytes: Uint8Array): void => {
    out.push(Array.from(bytes));
    size += bytes.length;
  };
  const full32 = 0xffffffff;
  const offsets: number[] = [];
  const names = parts.map((p) => new TextEncoder().encode(p.name));
  parts.forEach((p, i) => {
    offsets.push(size);
    emit([4, 0x04034b50], [2, 20], [2, 0x0800], [2, p.method], [2, 0], [2, 0x21], [4, p.crc], [4, p.stored.length], [4, p.declaredSize], [2, names[i]!.length], [2, 0]);
    raw(names[i]!);
    // Large parts are pushed in pieces: Array.from of many MB would be slow.
    for (let at = 0; at < p.stored.length; at += 64 * 1024) raw(p.stored.subarray(at, at + 64 * 1024));
  });
  const directoryAt = size;
  parts.forEach((p, i) => {
    const sizes = zip64 ? [full32, full32, full32] : [p.stored.length, p.declaredSize, offsets[i]!];
    emit([4, 0x02014b50], [2, 20], [2, 20], [2, 0x0800], [2, p.method], [2, 0], [2, 0x21], [4, p.crc], [4, sizes[0]!], [4, sizes[1]!], [2, names[i]!.length], [2, zip64 ? 28 : 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, sizes[2]!]);
    raw(names[i]!);
    // The zip64 extra field: unpacked size, packed size, local header offset.
    if (zip64) emit([2, 1], [2, 24], [8, p.declaredSize], [8, p.stored.length], [8, offsets[i]!]);
  });
  const directorySize = size - directoryAt;
  if (zip64) {
    const recordAt = size;
    emit([4, 0x06064b50], [8, 44], [2, 45], [2, 45], [4, 0], [4, 0], [8, parts.length], [8, parts.length], [8, directorySize], [8, directoryAt]);
    emit([4, 0x07064b50], [4, 0], [8, recordAt], [4, 1]);
    emit([4, 0x06054b50], [2, 0xffff], [2, 0xffff], [2, 0xffff], [2, 0xffff], [4, full32], [4, full32], [2, 0]);
  } else {
    emit([4, 0x06054b50], [2, 0], [2, 0], [2, parts.length], [2, parts.length], [4, directorySize], [4, directoryAt], [2, 0]);
  }
  const zip = new Uint8Array(size);
  let at = 0;
  for (const chunk of out) {
    zip.set(chunk, at);
    at += chunk.length;
  }
  return zip;
}

async function smallWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('平台台账');
  ws.addRow(['平台名称', '账号ID', '粉丝数']);
  ws.addRow(['东湖青年', 'dhsf_youth', 26000]);
  ws.addRow(['𠮷林校友会', 'jilin_alumni', 1200]);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The parts of an honest workbook, deflated again by this test's own zip writer. */
function partsOf(workbook: Uint8Array): Part[] {
  return Object.entries(unzipSync(workbook)).map(([name, data]) => honestPart(name, data));
}

let workbook: Uint8Array;
/** 110 MB of zeros deflated (about 110 KB): past the product's limit. */
let bigBomb: Uint8Array;
/** 40 MB of zeros deflated. */
let bomb: Uint8Array;

beforeAll(async () => {
  workbook = await smallWorkbook();
  bigBomb = deflatedZeros(110);
  bomb = deflatedZeros(40);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('zip bomb', () => {
  it('refuses a workbook whose part declares 1,000 bytes but inflates to 110 MB, before exceljs sees it', async () => {
    const zip = writeZip([...partsOf(workbook), lyingPart('xl/media/image1.png', bigBomb)]);
    expect(zip.length).toBeLessThan(MB);
    const exceljsReached = vi.spyOn(ExcelJS.Workbook.prototype, 'xlsx', 'get');
    const read = await readWorkbook(zip, '台账.xlsx');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.reason).toBe('此文件解压后超过 100 MB，不像是台账工作簿（也可能已损坏），无法导入。请确认选择了正确的文件；如确是台账，请在 Excel 或 WPS 中删去无关的工作表和图片，另存为 .xlsx 后再导入，或分成几个文件。');
    expect(read.detail).toMatch(/inflate to more than 104857600 bytes/);
    expect(exceljsReached).not.toHaveBeenCalled();
  });

  it('stops inflating soon after the limit, keeping nothing', () => {
    const zip = writeZip([lyingPart('xl/worksheets/sheet1.xml', bomb)]);
    const limit = 4 * MB;
    const result = checkZipBounds(zip, { maxEntries: 10, maxUnpackedBytes: limit });
    expect(result).toMatchObject({ ok: false, problem: 'too-large' });
    if (result.ok) return;
    // Past the limit, but by at most one step (8 KB of deflate data expands at most ~1032 times),
    // far from the 40 MB the part holds.
    expect(result.inflatedBytes).toBeGreaterThan(limit);
    expect(result.inflatedBytes).toBeLessThan(limit + 8.5 * MB);
  });

  it('adds up the parts: each under the limit, together over it', () => {
    const zeros = deflatedZeros(3);
    const parts = [1, 2, 3].map((n) => lyingPart(`xl/media/image${n}.png`, zeros, 100));
    const limits = { maxEntries: 10, maxUnpackedBytes: 8 * MB };
    expect(checkZipBounds(writeZip(parts.slice(0, 2)), limits)).toEqual({ ok: true, entries: 2, unpackedBytes: 6 * MB });
    expect(checkZipBounds(writeZip(parts), limits)).toMatchObject({ ok: false, problem: 'too-large', inflatedBytes: 9 * MB });
  });

  it('refuses honestly declared sizes over the limit before inflating anything', () => {
    const part = honestPart('xl/worksheets/sheet1.xml', new Uint8Array(3 * MB));
    expect(checkZipBounds(writeZip([part]), { maxEntries: 10, maxUnpackedBytes: 2 * MB })).toMatchObject({ ok: false, problem: 'too-large', inflatedBytes: 0, detail: expect.stringMatching(/^declared unpacked size 3145728/) });
  });

  it('counts stored (not deflated) parts by their bytes', () => {
    const part = honestPart('xl/media/image1.png', new Uint8Array(2 * MB).fill(7), 0);
    const lying = { ...part, declaredSize: 10 };
    expect(checkZipBounds(writeZip([lying]), { maxEntries: 10, maxUnpackedBytes: 2 * MB })).toEqual({ ok: true, entries: 1, unpackedBytes: 2 * MB });
    expect(checkZipBounds(writeZip([lying]), { maxEntries: 10, maxUnpackedBytes: 2 * MB - 1 })).toMatchObject({ ok: false, problem: 'too-large' });
  });

  it('refuses a zip64 bomb as well', () => {
    const zip = writeZip([...partsOf(workbook), lyingPart('xl/media/image1.png', bomb)], true);
    expect(checkZipBounds(zip, { maxEntries: 2000, maxUnpackedBytes: 4 * MB })).toMatchObject({ ok: false, problem: 'too-large', detail: expect.stringMatching(/^parts inflate/) });
  });

  it('refuses more than 2,000 parts with a Chinese reason', async () => {
    const empty = honestPart('', new Uint8Array(0));
    const parts = Array.from({ length: 2001 }, (_, i) => ({ ...empty, name: `xl/media/image${i}.png` }));
    const read = await readWorkbook(writeZip(parts), '台账.xlsx');
    expect(read).toMatchObject({ ok: false, reason: expect.stringContaining('内部包含的部分超过 2000 个'), detail: 'more than 2000 zip entries' });
    expect(checkZipBounds(writeZip(parts.slice(0, 2000)), { maxEntries: 2000, maxUnpackedBytes: PRODUCT_LIMIT })).toEqual({ ok: true, entries: 2000, unpackedBytes: 0 });
  });

  it('refuses a part whose deflate data is broken, as not a workbook', async () => {
    const parts = partsOf(workbook);
    const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    // Block type 3 does not exist.
    sheet.stored = Uint8Array.of(0x07, ...sheet.stored.subarray(1));
    const read = await readWorkbook(writeZip(parts), '台账.xlsx');
    expect(read).toMatchObject({ ok: false, reason: expect.stringContaining('不是有效的 Excel 工作簿'), detail: expect.stringMatching(/^deflate data/) });
  });
});

describe('honest workbooks', () => {
  it('reads a small workbook, counting what its parts really unpack to', async () => {
    const real = Object.values(unzipSync(workbook)).reduce((n, d) => n + d.length, 0);
    expect(checkZipBounds(workbook, { maxEntries: 2000, maxUnpackedBytes: PRODUCT_LIMIT })).toEqual({ ok: true, entries: Object.keys(unzipSync(workbook)).length, unpackedBytes: real });
    const read = await readWorkbook(workbook, '台账.xlsx');
    expect(read).toMatchObject({ ok: true, sheets: [{ name: '平台台账', rows: [['平台名称', '账号ID', '粉丝数'], ['东湖青年', 'dhsf_youth', 26000], ['𠮷林校友会', 'jilin_alumni', 1200]] }] });
  });

  it('reads the same workbook written with zip64 records (which exceljs reads too)', async () => {
    const read = await readWorkbook(writeZip(partsOf(workbook), true), '台账.xlsx');
    expect(read).toMatchObject({ ok: true, sheets: [{ name: '平台台账', rows: [['平台名称', '账号ID', '粉丝数'], ['东湖青年', 'dhsf_youth', 26000], ['𠮷林校友会', 'jilin_alumni', 1200]] }] });
  });

  it('reads the LibreOffice fixture', async () => {
    const read = await readWorkbook(FIXTURE, 'ledger-libreoffice.xlsx');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheets.map((s) => s.name)).toEqual(['平台台账', '单位', '人员']);
    expect(read.sheets[2]!.rows.length).toBe(18);
  });
});
