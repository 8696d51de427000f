// Reading .xlsx workbooks in the 1904 date system (old Excel for Mac): exceljs converts date cells
// with the workbook's base, but plain numbers reach the import as numbers, so the sheet says
// which system its serials are in; and a workbook that writes date1904="true" (as LibreOffice
// writes booleans), which exceljs does not recognise, is read the same way.
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { newId } from '@shared/domain/ids';
import { buildPreview } from '@shared/spreadsheet/convert';
import { proposeMapping } from '@shared/spreadsheet/mapping';
import type { StoredData } from '@shared/spreadsheet/references';
import { readWorkbook, type ReadSheet } from '../../../renderer/features/import/read-workbook';

const TW = newId();
const stored: StoredData = { units: [{ id: TW, name: '校团委' }], people: [], platforms: [] };

/** A ledger whose 开通时间 is 2019-06-13 three ways: a date cell, a plain serial, yyyymmdd. */
async function ledger(date1904: boolean): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.properties.date1904 = date1904;
  const ws = book.addWorksheet('平台台账');
  ws.addRow(['平台类型', '账号名称', '账号ID', '主办单位', '开通时间']);
  ws.addRow(['微博', '日期单元格', 'weibo.com/a', '校团委', new Date(Date.UTC(2019, 5, 13))]);
  ws.getCell('E2').numFmt = 'yyyy/m/d';
  ws.addRow(['微博', '日期序号', 'weibo.com/b', '校团委', date1904 ? 42167 : 43629]);
  ws.addRow(['微博', '八位数字', 'weibo.com/c', '校团委', 20190613]);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The workbook with its workbookPr's date1904 written as `value`. */
function withDate1904Attribute(bytes: Uint8Array, value: string): Uint8Array {
  const parts = unzipSync(bytes);
  const xml = strFromU8(parts['xl/workbook.xml']!);
  const patched = /date1904=/.test(xml) ? xml.replace(/date1904="[^"]*"/, `date1904="${value}"`) : xml.replace('<workbookPr ', `<workbookPr date1904="${value}" `);
  expect(patched).not.toBe(xml);
  return zipSync({ ...parts, 'xl/workbook.xml': strToU8(patched) });
}

async function sheetOf(bytes: Uint8Array): Promise<ReadSheet> {
  const read = await readWorkbook(bytes, '台账.xlsx');
  if (!read.ok) throw new Error(read.reason);
  return read.sheets[0]!;
}

function openedOn(sheet: ReadSheet): unknown[] {
  const result = buildPreview(sheet, 0, proposeMapping(sheet, 0, 'platforms'), 'platforms', stored, { today: '2026-03-01', newId });
  if (!result.ok) throw new Error(result.reason);
  return result.preview.rows.map((r) => r.draft?.openedOn ?? r.errors);
}

describe('date systems of .xlsx workbooks', () => {
  it('reads the 1900 system (the default) as before, and does not mark the sheet', async () => {
    const sheet = await sheetOf(await ledger(false));
    expect(sheet.date1904).toBeUndefined();
    expect(sheet.rows[2]![4]).toBe(43629);
    expect(openedOn(sheet)).toEqual(['2019-06-13', '2019-06-13', '2019-06-13']);
  });

  it('marks a 1904 workbook (date1904="1", as Excel writes it) so that its plain serials are read in that system', async () => {
    const bytes = await ledger(true);
    expect(strFromU8(unzipSync(bytes)['xl/workbook.xml']!)).toMatch(/date1904="1"/);
    const sheet = await sheetOf(bytes);
    expect(sheet.date1904).toBe(true);
    // exceljs already converted the date cell with the 1904 base; the serial reaches the import as a number.
    expect(sheet.rows[1]![4]).toEqual(new Date(Date.UTC(2019, 5, 13)));
    expect(sheet.rows[2]![4]).toBe(42167);
    expect(openedOn(sheet)).toEqual(['2019-06-13', '2019-06-13', '2019-06-13']);
  });

  it('reads date1904="true" too, correcting the date cells exceljs converted with the 1900 base', async () => {
    const bytes = withDate1904Attribute(await ledger(true), 'true');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    // The trap: exceljs takes only "1" for true, and so reads the date cell 1,462 days early.
    expect(book.properties.date1904).toBe(false);
    expect(book.worksheets[0]!.getCell('E2').value).toEqual(new Date(Date.UTC(2015, 5, 12)));
    const sheet = await sheetOf(bytes);
    expect(sheet.date1904).toBe(true);
    expect(sheet.rows[1]![4]).toEqual(new Date(Date.UTC(2019, 5, 13)));
    expect(openedOn(sheet)).toEqual(['2019-06-13', '2019-06-13', '2019-06-13']);
  });

  it('takes date1904="0" and "false" as the 1900 system', async () => {
    for (const value of ['0', 'false']) {
      const sheet = await sheetOf(withDate1904Attribute(await ledger(false), value));
      expect(sheet.date1904).toBeUndefined();
      expect(openedOn(sheet)).toEqual(['2019-06-13', '2019-06-13', '2019-06-13']);
    }
  });
});
