// Property test: corrupted, truncated and hostile inputs to the Excel/CSV import (read → map →
// preview → import). Each is refused or reported with a Chinese reason, none throws or hangs,
// no stored record changes, and neither Object.prototype nor Array.prototype is polluted. One
// property draws every input from the five hostile generators (fc.oneof), so the test that
// counts the inputs is the test that feeds them: running it alone (-t) still checks them all.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerDb } from '../../../renderer/db/schema';
import { createRecord, saveSettings } from '../../../renderer/db/repository';
import { importRows, loadStoredData } from '../../../renderer/db/spreadsheet-import';
import { readWorkbook } from '../../../renderer/features/import/read-workbook';
import type { Person } from '@shared/domain/person';
import type { Unit } from '@shared/domain/unit';
import { newId } from '@shared/domain/ids';
import { buildPreview, splitPreview } from '@shared/spreadsheet/convert';
import { findHeaderRow, proposeMapping } from '@shared/spreadsheet/mapping';
import { IMPORT_TARGETS } from '@shared/spreadsheet/targets';
import { PRESET_PROFILES } from '@shared/profiles/presets';

const FIXTURE = new Uint8Array(readFileSync(new URL('../../fixtures/ledger-libreoffice.xlsx', import.meta.url)));
const CHINESE = /[\u4e00-\u9fff]/;
const CASE_TIMEOUT_MS = 10_000;

/** Inputs fed by the one property, in all: at least 1,000 (fast-check may skip none of them). */
const FUZZ_RUNS = 1050;
/** Least inputs of each generator (weights below give about 150–250 each). */
const MIN_RUNS_PER_GENERATOR = 50;

let db: LedgerDb;
/** Every record stored before the run, as it was: none of them may change. */
let original: Map<string, unknown>;
let cases = 0;
let imported = 0;

/** Own property names and symbols of a prototype, as they are before any input is fed. */
const ownKeys = (o: object): string[] => Reflect.ownKeys(o).map(String).sort();
const OBJECT_PROTOTYPE_KEYS = ownKeys(Object.prototype);
const ARRAY_PROTOTYPE_KEYS = ownKeys(Array.prototype);

function prototypeIsClean(): boolean {
  const probe = {} as Record<string, unknown>;
  const list = [] as unknown as Record<string, unknown>;
  const objectClean = Object.keys(Object.prototype).length === 0 && probe.polluted === undefined && probe.isAdmin === undefined && typeof probe.toString === 'function' && probe.constructor === Object;
  const arrayClean = Object.keys(Array.prototype).length === 0 && list.polluted === undefined && list.isAdmin === undefined && typeof list.map === 'function' && list.constructor === Array;
  const noNewKeys = ownKeys(Object.prototype).join() === OBJECT_PROTOTYPE_KEYS.join() && ownKeys(Array.prototype).join() === ARRAY_PROTOTYPE_KEYS.join();
  return objectClean && arrayClean && noNewKeys && inheritedKeys(probe).length === 0 && inheritedKeys(list).length === 0;
}

/** What for…in walks: own and inherited enumerable keys (none, for a fresh {} or []). */
function inheritedKeys(o: object): string[] {
  const keys: string[] = [];
  for (const key in o) keys.push(key);
  return keys;
}

async function recordsNow(): Promise<Map<string, unknown>> {
  const map = new Map<string, unknown>();
  for (const table of ['units', 'people', 'platforms'] as const) for (const r of await db.table(table).toArray()) map.set(`${table}/${r.id}`, r);
  return map;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${CASE_TIMEOUT_MS} ms`)), CASE_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs the whole import on one input and checks every outcome. */
async function feed(bytes: Uint8Array, fileName: string): Promise<void> {
  cases++;
  const read = await withTimeout(readWorkbook(bytes, fileName), 'readWorkbook');
  if (!read.ok) {
    expect(read.reason).toMatch(CHINESE);
  } else {
    const stored = await loadStoredData(db);
    for (const sheet of read.sheets) {
      if (sheet.problem) {
        expect(sheet.problem).toMatch(CHINESE);
        continue;
      }
      for (const target of IMPORT_TARGETS) {
        const header = findHeaderRow(sheet, target);
        const mapping = proposeMapping(sheet, header, target);
        const result = buildPreview(sheet, header, mapping, target, stored, { today: '2026-03-01', newId });
        if (!result.ok) {
          expect(result.reason).toMatch(CHINESE);
          continue;
        }
        const { ready, problems } = splitPreview(result.preview);
        for (const row of problems) {
          if (row.duplicate) expect(row.duplicate).toMatch(CHINESE);
          else {
            expect(row.errors.length).toBeGreaterThan(0);
            for (const e of row.errors) expect(e.message).toMatch(CHINESE);
          }
        }
        if (ready.length > 0) {
          try {
            imported += await withTimeout(importRows(db, result.preview, ready), 'importRows');
          } catch (e) {
            // A refusal (e.g. the same rows imported by an earlier target) is a Chinese LedgerError.
            expect((e as Error).name).toBe('LedgerError');
            expect((e as Error).message).toMatch(CHINESE);
          }
        }
      }
    }
  }
  expect(prototypeIsClean()).toBe(true);
}

// ---------------------------------------------------------------------------------------------
// Hand-made hostile workbooks

const HOSTILE_TEXT = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', '{"__proto__":{"polluted":1}}', '=cmd|\' /C calc\'!A0', '+1+1', '@SUM(A1)', '-2', '\t', '\r\n', '\u0000', '\uFFFF', '\uD800', '𠮷', '陈𠮷安', '党委宣传部', '校团委', '公众号', '微博', 'QQ群', 'dhsf_youth', 'www.dhsf.edu.cn', '2019.2.30', '2019年6月13日', '60', '是', '否', '运行中', '已认证', ''];
const HEADERS = ['平台类型', '账号名称', '账号ID', '主办单位', '开通时间', '负责人', '管理员', '粉丝数', '姓名', '所在单位', '是否教师', '单位名称', '单位类别', '上级单位', '群人数', '群主', '备注', '__proto__', 'constructor', 'prototype', '', '名称'];

const hostileCell: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer({ min: 0, max: 30 }).map((n) => 'ア𠮷="\n'.repeat(n * 600)), // up to ~90k characters
  fc.double({ noNaN: true }),
  fc.integer({ min: -5, max: 3_000_000 }),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1850, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true }),
  fc.constantFrom<ExcelJS.CellValue>(
    { error: '#N/A' } as ExcelJS.CellErrorValue,
    { error: '#DIV/0!' } as ExcelJS.CellErrorValue,
    { error: '#REF!' } as ExcelJS.CellErrorValue,
    { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue,
    { formula: 'A1&"x"', result: '__proto__' } as ExcelJS.CellFormulaValue,
    { formula: 'NOW()', result: new Date(Date.UTC(2019, 5, 13)) } as ExcelJS.CellFormulaValue,
    { formula: 'SUM(A1:A2)' } as ExcelJS.CellFormulaValue,
    { richText: [{ text: '党委' }, { text: '宣传部' }] },
    { text: '陈𠮷安', hyperlink: 'javascript:alert(1)' },
    null,
  ),
);

const hostileBook = fc.record({
  sheetName: fc.oneof(fc.constantFrom('平台台账', '__proto__', 'constructor', 'Sheet1', '人员'), fc.string({ minLength: 1, maxLength: 31 })),
  headerAt: fc.integer({ min: 1, max: 4 }),
  headers: fc.array(fc.oneof(fc.constantFrom(...HEADERS), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 12 }),
  rows: fc.array(fc.array(hostileCell, { maxLength: 12 }), { maxLength: 12 }),
  merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 })), { maxLength: 3 }),
  farCell: fc.option(fc.tuple(fc.integer({ min: 1, max: 12_000 }), fc.integer({ min: 1, max: 300 })), { nil: undefined }),
});

type HostileBook = typeof hostileBook extends fc.Arbitrary<infer T> ? T : never;

async function writeBook(spec: HostileBook): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet;
  try {
    ws = book.addWorksheet(spec.sheetName);
  } catch {
    // Names exceljs itself refuses to write (quotes at either end, 'History', : \ / ? * [ ]).
    ws = book.addWorksheet('S');
  }
  ws.getRow(spec.headerAt).values = [undefined, ...spec.headers];
  spec.rows.forEach((row, i) => {
    row.forEach((value, j) => {
      ws.getCell(spec.headerAt + 1 + i, j + 1).value = value;
    });
  });
  for (const [top, left, down, right] of spec.merges) {
    try {
      ws.mergeCells(top, left, top + down, left + right);
    } catch {
      // Overlapping merges are refused by exceljs itself; the rest are kept.
    }
  }
  if (spec.farCell) ws.getCell(spec.farCell[0], spec.farCell[1]).value = '远处的单元格';
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------
// The five hostile generators, as cases of one property

const randomBytes = fc.record({
  kind: fc.constant('random bytes' as const),
  bytes: fc.uint8Array({ maxLength: 4096 }),
  name: fc.constantFrom('x.xlsx', 'x.csv', 'x.xls', 'x'),
  zipHead: fc.boolean(),
});

const flippedFixture = fc.record({
  kind: fc.constant('fixture with flipped bits' as const),
  flips: fc.array(fc.tuple(fc.nat(FIXTURE.length - 1), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 4 }),
  run: fc.option(fc.tuple(fc.nat(FIXTURE.length - 1), fc.uint8Array({ minLength: 1, maxLength: 64 })), { nil: undefined }),
});

const truncatedFixture = fc.record({
  kind: fc.constant('fixture truncated or appended' as const),
  length: fc.nat(FIXTURE.length - 1),
  tail: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  append: fc.boolean(),
});

const hostileWorkbook = fc.record({ kind: fc.constant('hostile workbook' as const), spec: hostileBook });

const csvCell = fc.oneof(fc.constantFrom(...HOSTILE_TEXT, ...HEADERS, '"', '""', '"a,b"', ',', '\n'), fc.string({ maxLength: 20 }));
const hostileCsv = fc.record({
  kind: fc.constant('hostile CSV' as const),
  rows: fc.array(fc.array(csvCell, { maxLength: 10 }), { maxLength: 15 }),
  gbk: fc.boolean(),
});

/** Weights as the runs were split before (250, 250, 150, 250, 150 of 1,050). */
const fuzzCase = fc.oneof(
  { arbitrary: randomBytes, weight: 5 },
  { arbitrary: flippedFixture, weight: 5 },
  { arbitrary: truncatedFixture, weight: 3 },
  { arbitrary: hostileWorkbook, weight: 5 },
  { arbitrary: hostileCsv, weight: 3 },
);

type FuzzCase = typeof fuzzCase extends fc.Arbitrary<infer T> ? T : never;
const GENERATORS: readonly FuzzCase['kind'][] = ['random bytes', 'fixture with flipped bits', 'fixture truncated or appended', 'hostile workbook', 'hostile CSV'];

/** The file of one case: its bytes and its name. */
async function fileOf(c: FuzzCase): Promise<[Uint8Array, string]> {
  switch (c.kind) {
    case 'random bytes': {
      // Half of them start like a zip (or an old .xls) so they get past the first check.
      const bytes = c.bytes.slice();
      if (c.zipHead && bytes.length >= 4) bytes.set(c.name === 'x.xls' ? [0xd0, 0xcf, 0x11, 0xe0] : [0x50, 0x4b, 0x03, 0x04]);
      return [bytes, c.name];
    }
    case 'fixture with flipped bits': {
      const bytes = FIXTURE.slice();
      for (const [at, bit] of c.flips) bytes[at] = bytes[at]! ^ (1 << bit);
      if (c.run) bytes.set(c.run[1].subarray(0, bytes.length - c.run[0]), c.run[0]);
      return [bytes, 'ledger.xlsx'];
    }
    case 'fixture truncated or appended':
      return [c.append ? new Uint8Array([...FIXTURE, ...c.tail]) : FIXTURE.slice(0, c.length), 'ledger.xlsx'];
    case 'hostile workbook':
      return [await writeBook(c.spec), 'hostile.xlsx'];
    case 'hostile CSV': {
      const text = c.rows.map((r) => r.join(',')).join(c.gbk ? '\r\n' : '\n');
      const bytes = c.gbk ? new Uint8Array([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : 0xd6))) : new TextEncoder().encode(text);
      return [bytes, 'ledger.csv'];
    }
  }
}

describe('Excel import under corrupted, truncated and hostile input', () => {
  beforeAll(async () => {
    db = new LedgerDb('import-fuzz');
    await db.open();
    await saveSettings(db, { institutionName: '东湖示范大学', profileId: PRESET_PROFILES[0]!.id, profile: PRESET_PROFILES[0]!, operatorName: '王𠮷' });
    const xcb = await createRecord<Unit>(db, 'units', { name: '党委宣传部', kind: '职能部门' });
    await createRecord<Unit>(db, 'units', { name: '校团委', kind: '职能部门' });
    await createRecord<Person>(db, 'people', { name: '陈𠮷安', unitId: xcb.id, isTeacher: true, status: '在岗' });
    original = await recordsNow();
  });

  afterAll(async () => {
    const now = await recordsNow();
    for (const [key, record] of original) expect(now.get(key)).toEqual(record);
    expect(prototypeIsClean()).toBe(true);
    console.info(`import fuzz: ${cases} inputs, ${imported} rows imported, ${now.size - original.size} records added, none of the ${original.size} stored records changed`);
    await db.delete();
  });

  it('reads the untouched fixture (the baseline the corruptions start from)', async () => {
    const read = await readWorkbook(FIXTURE, 'ledger.xlsx');
    expect(read.ok && read.sheets.map((s) => s.name)).toEqual(['平台台账', '单位', '人员']);
  });

  it('notices a polluted Object.prototype or Array.prototype (the check the inputs must pass)', () => {
    const pollute = [
      () => Object.defineProperty(Object.prototype, 'polluted', { value: 1, configurable: true, enumerable: true, writable: true }),
      () => Object.defineProperty(Array.prototype, 'polluted', { value: 1, configurable: true, enumerable: true, writable: true }),
      () => Object.defineProperty(Array.prototype, 'isAdmin', { value: true, configurable: true, enumerable: false, writable: true }),
      () => Object.defineProperty(Array.prototype, Symbol('polluted'), { value: 1, configurable: true, writable: true }),
    ];
    for (const add of pollute) {
      const before = new Set(Reflect.ownKeys(Object.prototype).concat(Reflect.ownKeys(Array.prototype)));
      let cleanWhilePolluted: boolean;
      add();
      try {
        cleanWhilePolluted = prototypeIsClean();
      } finally {
        // Undone before anything else runs (expect included).
        for (const proto of [Object.prototype, Array.prototype]) {
          for (const key of Reflect.ownKeys(proto)) if (!before.has(key)) delete (proto as Record<PropertyKey, unknown>)[key];
        }
      }
      expect(cleanWhilePolluted).toBe(false);
      expect(prototypeIsClean()).toBe(true);
    }
  });

  // One property over all five generators (weights as the runs were split before: 250 random
  // files as .xlsx/.csv/.xls, 250 fixtures with flipped bits and overwritten runs, 150 truncated
  // or appended fixtures, 250 hand-made hostile workbooks with prototype names, huge strings,
  // formulas, error cells and merged cells, 150 hostile CSV texts in UTF-8 and GBK).
  it(
    `survives ${FUZZ_RUNS} corrupted, truncated and hostile files drawn from all five generators`,
    async () => {
      const before = cases;
      const perGenerator = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(fuzzCase, async (c) => {
          perGenerator.set(c.kind, (perGenerator.get(c.kind) ?? 0) + 1);
          const [bytes, fileName] = await fileOf(c);
          await feed(bytes, fileName);
        }),
        { numRuns: FUZZ_RUNS },
      );
      // Counted here, by the test that fed them: filtering tests (-t) cannot skip or fool it.
      expect(cases - before).toBe(FUZZ_RUNS);
      expect(FUZZ_RUNS).toBeGreaterThanOrEqual(1000);
      for (const kind of GENERATORS) expect(perGenerator.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(MIN_RUNS_PER_GENERATOR);
      expect([...perGenerator.values()].reduce((a, b) => a + b, 0)).toBe(FUZZ_RUNS);
    },
    300_000,
  );
});
