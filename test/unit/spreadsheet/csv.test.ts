// CSV export: RFC 4180 quoting, CRLF, UTF-8 with BOM or GBK (bytes checked against known codes),
// characters GBK cannot hold reported, and the formula-injection guard; CSV reading for the import.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, encodeCsv, parseCsv, toCsvText } from '@shared/spreadsheet/csv';
import { encodeGbk } from '@shared/spreadsheet/gbk';
import { guardFormula, looksLikeFormula, sheetName, unguardFormula } from '@shared/spreadsheet/export-table';

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');

describe('CSV text', () => {
  it('quotes fields with commas, quotes and line breaks, and ends every line with CRLF', () => {
    const text = toCsvText({
      header: ['名称', '备注'],
      rows: [
        ['东湖示范大学', 'a,b'],
        ['他说"好"', '第一行\n第二行'],
        [12000, null],
        ['', undefined],
      ],
    });
    expect(text).toBe('名称,备注\r\n东湖示范大学,"a,b"\r\n"他说""好""","第一行\n第二行"\r\n12000,\r\n,\r\n');
  });

  it('guards text that a spreadsheet would run as a formula with a leading apostrophe', () => {
    for (const text of ['=1+1', '+86 138', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","点我")']) {
      expect(looksLikeFormula(text)).toBe(true);
      expect(guardFormula(text)).toBe(`'${text}`);
    }
    for (const text of ['东湖', '1-2', 'a=b', "'x", "x'=", '']) expect(guardFormula(text)).toBe(text);
    // Apostrophes already before such a character get one more, so that the import can undo the guard.
    expect(guardFormula("'=x")).toBe("''=x");
    expect(guardFormula("''-x")).toBe("'''-x");
    expect(toCsvText({ header: ['备注'], rows: [['=已合并'], ['=A1,"x"']] })).toBe('备注\r\n\'=已合并\r\n"\'=A1,""x"""\r\n');
    // Numbers are numbers, not text: a negative count stays as it is.
    expect(toCsvText({ header: ['n'], rows: [[-5]] })).toBe('n\r\n-5\r\n');
  });

  it('undoes exactly the guard on import: one apostrophe before = + - @, and no other', () => {
    for (const text of ["'=1+1", "'+86 138", "'-abc", "'@SUM(A1)", "'\tx", "'\rx"]) expect(unguardFormula(text)).toBe(text.slice(1));
    expect(unguardFormula("''-abc")).toBe("'-abc");
    for (const text of ["'abc", "'", "''", "'1-2", '-abc', '=x', "a'-b", " '-x", '']) expect(unguardFormula(text)).toBe(text);
  });

  it('guard and unguard are inverses for any text, also through the CSV file', () => {
    const text = fc.oneof(fc.string(), fc.stringMatching(/^'{0,3}[=+\-@\t\r']?.{0,5}$/s));
    fc.assert(
      fc.property(text, (t) => {
        expect(unguardFormula(guardFormula(t))).toBe(t);
        const parsed = parseCsv(toCsvText({ header: ['备注'], rows: [[t]] }), { maxRows: 10, maxColumns: 2 });
        expect(parsed.ok).toBe(true);
        // An empty field reads as a blank cell.
        if (parsed.ok) expect(parsed.rows[1]!.map((c) => (typeof c === 'string' ? unguardFormula(c) : c))).toEqual([t === '' ? null : t]);
      }),
      { numRuns: 500 },
    );
  });

  it('cleans sheet names of the characters Excel forbids', () => {
    expect(sheetName('年度检查 2026/2027')).toBe('年度检查 2026 2027');
    expect([...sheetName('很'.repeat(40))]).toHaveLength(31);
    expect(sheetName('[]')).toBe('Sheet1');
  });
});

describe('UTF-8 with BOM', () => {
  it('starts with EF BB BF and holds every character', () => {
    const file = encodeCsv({ header: ['姓名'], rows: [['陈𠮷安']] }, 'utf8-bom');
    expect(hex(file.bytes.subarray(0, 3))).toBe('EF BB BF');
    expect(new TextDecoder().decode(file.bytes.subarray(3))).toBe('姓名\r\n陈𠮷安\r\n');
    expect(file.unencodable).toEqual([]);
  });
});

describe('GBK', () => {
  it('writes the known GBK codes', () => {
    expect(hex(encodeGbk('中').bytes)).toBe('D6 D0');
    expect(hex(encodeGbk('中文').bytes)).toBe('D6 D0 CE C4');
    expect(hex(encodeGbk('台账').bytes)).toBe('CC A8 D5 CB');
    expect(hex(encodeGbk('A,1\r\n').bytes)).toBe('41 2C 31 0D 0A');
    // GBK holds characters GB2312 does not: 喆 (the ledger's people) and 堃.
    expect(hex(encodeGbk('喆').bytes)).toBe('86 B4');
    expect(hex(encodeGbk('€').bytes)).toBe('80');
    expect(hex(encodeGbk('，').bytes)).toBe('A3 AC');
  });

  it('round-trips through the platform GBK decoder', () => {
    const text = '东湖示范大学党委宣传部网宣室，负责人：王喆、郑堃；“龘”';
    const { bytes, unencodable } = encodeGbk(text);
    expect(unencodable).toEqual([]);
    expect(new TextDecoder('gbk').decode(bytes)).toBe(text);
  });

  it('reports characters GBK cannot hold and writes them as ?', () => {
    const file = encodeCsv({ header: ['姓名'], rows: [['陈𠮷安'], ['䶮😀'], ['𠮷']] }, 'gbk');
    // 䶮 (CJK extension A, as in the demo's 欧阳䶮) is beyond GBK's two-byte codes too.
    expect(file.unencodable).toEqual(['𠮷', '䶮', '😀']);
    const back = new TextDecoder('gbk').decode(file.bytes);
    expect(back).toBe('姓名\r\n陈?安\r\n??\r\n?\r\n');
  });
});

describe('CSV reading', () => {
  const limits = { maxRows: 100, maxColumns: 20 };

  it('reads UTF-8 with and without BOM, and GBK', () => {
    const withBom = encodeCsv({ header: ['姓名', '单位'], rows: [['陈𠮷安', '宣传部']] }, 'utf8-bom').bytes;
    expect(decodeCsvBytes(withBom)).toBe('姓名,单位\r\n陈𠮷安,宣传部\r\n');
    expect(decodeCsvBytes(new TextEncoder().encode('王喆,1'))).toBe('王喆,1');
    const gbk = encodeCsv({ header: ['姓名'], rows: [['王喆']] }, 'gbk').bytes;
    expect(decodeCsvBytes(gbk)).toBe('姓名\r\n王喆\r\n');
  });

  it('parses quoted fields, doubled quotes, line breaks in fields and LF-only lines', () => {
    const parsed = parseCsv('a,"b,c","他说""好"""\n"多\r\n行",,x\r\n', limits);
    expect(parsed).toEqual({ ok: true, rows: [['a', 'b,c', '他说"好"'], ['多\r\n行', null, 'x']] });
  });

  it('round-trips what toCsvText writes', () => {
    const table = { header: ['名称', '备注'], rows: [['a,b', '"q"'], ['line\nbreak', '中']] };
    expect(parseCsv(toCsvText(table), limits)).toEqual({ ok: true, rows: [table.header, ...table.rows] });
  });

  it('refuses an unterminated quote and too many rows or columns', () => {
    expect(parseCsv('a,"b', limits)).toMatchObject({ ok: false, reason: expect.stringMatching(/未结束的引号/) });
    expect(parseCsv('x\n'.repeat(101), limits)).toMatchObject({ ok: false, reason: expect.stringMatching(/超过 100 行/) });
    expect(parseCsv(','.repeat(25), limits)).toMatchObject({ ok: false, reason: expect.stringMatching(/列数超过 20 列/) });
  });
});
