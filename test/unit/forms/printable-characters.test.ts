// Characters the form fonts cannot print are refused where records are entered. Whether a
// character prints is read from the embedded fonts' cmap tables (Noto Serif SC regular and bold;
// Noto Serif JP for CJK ideographs beyond the BMP), through a generated module that must agree
// with the fonts installed in node_modules.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validatePerson, validatePlatform, validateUnit } from '@shared/domain/validation';
import { isPrintableCodePoint, unprintableCharacters, unprintableMessage } from '@shared/forms/printable';
import { newId } from '@shared/domain/ids';
import type { SheetData } from '@shared/spreadsheet/cells';
import { buildPreview } from '@shared/spreadsheet/convert';
import { proposeMapping } from '@shared/spreadsheet/mapping';
import { coverageModuleSource, readPrintCoverage } from '../../../scripts/lib/font-coverage';
import { HOST_UNIT_ID as UNIT_ID, platformFormDraft as platformDraft } from '../../fixtures/platform';

const GENERATED = fileURLToPath(new URL('../../../shared/forms/printable-coverage.generated.ts', import.meta.url));
const TODAY = '2026-11-22';

describe('the generated coverage module', () => {
  it('is what the fonts in node_modules say (regenerate with scripts/generate-print-coverage.ts)', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(coverageModuleSource());
  });

  it('answers exactly as the fonts do for every code point', () => {
    const { document, rare } = readPrintCoverage();
    const covered = new Set<number>();
    for (const [first, last] of [...document, ...rare]) for (let cp = first; cp <= last; cp++) covered.add(cp);
    const layout = new Set([0x09, 0x0a, 0x0d]);
    const disagreements: string[] = [];
    for (let cp = 0; cp <= 0x3ffff; cp++) {
      if (isPrintableCodePoint(cp) !== (covered.has(cp) || layout.has(cp))) disagreements.push(cp.toString(16));
    }
    expect(disagreements).toEqual([]);
    // The coverage is the fonts' own: tens of thousands of characters, not a short list.
    expect(covered.size).toBeGreaterThan(30_000);
  });
});

describe('which characters print', () => {
  it('keeps rare characters the fonts have: 𠮷 (Noto Serif JP) and 堃 赟 喆 龘 (Noto Serif SC)', () => {
    expect(unprintableCharacters('王𠮷 陈堃 李赟 张喆 李龘')).toEqual([]);
  });

  it('keeps ordinary punctuation, digits, Latin, full-width forms, line breaks and tabs', () => {
    expect(unprintableCharacters('东湖示范大学（图书馆）：“读者服务”，2026年11月22日；No.1 & A-B_c/d?e=f#g…—·\n第二行\t①②')).toEqual([]);
    expect(unprintableCharacters('ＡＢＣ１２３，。！？＠　')).toEqual([]);
    expect(unprintableCharacters('https://mp.weixin.qq.com/s?__biz=MzA3&mid=1#wechat_redirect')).toEqual([]);
  });

  it('refuses emoji and the invisible parts of emoji sequences', () => {
    expect(unprintableCharacters('王🙂')).toEqual(['🙂']);
    expect(unprintableCharacters('宣传部🎉公众号')).toEqual(['🎉']);
    expect(unprintableCharacters('❤️')).toEqual(['❤', '\uFE0F']);
    expect(unprintableCharacters('👨‍👩')).toEqual(['👨', '\u200D', '👩']);
    expect(unprintableCharacters('a\u0007b')).toEqual(['\u0007']);
  });

  it('names the character and its code point in Chinese', () => {
    expect(unprintableMessage('王🙂')).toBe('不能包含“🙂”（U+1F642）：打印表格的字体没有这个字符，会印成空框。请删除或改用文字');
    expect(unprintableMessage('👍\u200D')).toBe('不能包含“👍”（U+1F44D）、不可见字符（U+200D）：打印表格的字体没有这些字符，会印成空框。请删除或改用文字');
    expect(unprintableMessage('🙂🎉👍😀')).toMatch(/^不能包含“🙂”（U\+1F642）、“🎉”（U\+1F389）、“👍”（U\+1F44D）等 4 个字符：/);
    expect(unprintableMessage('王𠮷')).toBeUndefined();
  });
});


describe('entry validation refuses text the forms cannot print, at the field', () => {
  it('a person named 王🙂 is refused at 姓名; 王𠮷 is accepted as typed', () => {
    const refused = validatePerson({ name: '王🙂', isTeacher: false, status: '在岗' }, { today: TODAY });
    expect(refused).toEqual({ ok: false, errors: { name: expect.stringContaining('“🙂”（U+1F642）') } });
    const accepted = validatePerson({ name: '王𠮷', isTeacher: false, status: '在岗', note: '堃赟喆龘\n第二行' }, { today: TODAY });
    expect(accepted).toMatchObject({ ok: true, value: { name: '王𠮷', note: '堃赟喆龘\n第二行' } });
  });

  it('a unit and a platform are refused at the field holding the emoji, other fields unaffected', () => {
    expect(validateUnit({ name: '宣传部🎉', kind: '职能部门', note: '正常备注' }, { today: TODAY })).toEqual({
      ok: false,
      errors: { name: expect.stringContaining('“🎉”（U+1F389）') },
    });
    const platform = validatePlatform(
      platformDraft({ name: '宣传部🎉公众号', purpose: '发布👍', columns: [{ level1: '新闻', department: '宣传部', note: '每周✨' }] }),
      { today: TODAY },
    );
    expect(platform.ok).toBe(false);
    if (platform.ok) return;
    expect(Object.keys(platform.errors).sort()).toEqual(['columns.0.note', 'name', 'purpose']);
    expect(platform.errors.name).toContain('“🎉”（U+1F389）');
    expect(platform.errors.purpose).toContain('“👍”（U+1F44D）');
    expect(platform.errors['columns.0.note']).toContain('“✨”（U+2728）');
  });

  it('the Excel import reports it on the row and column, and imports the other rows', () => {
    const header = ['平台类型', '账号名称', '账号ID', '主办单位', '备注'];
    const sheet: SheetData = {
      name: 'S',
      rows: [header, ['公众号', '宣传部🎉公众号', 'dhsf_xcb', '党委宣传部', ''], ['微博', '东湖青年', 'weibo.com/dhsf', '党委宣传部', '王𠮷负责']],
    };
    const stored = { units: [{ id: UNIT_ID, name: '党委宣传部' }], people: [], platforms: [] };
    const result = buildPreview(sheet, 0, proposeMapping(sheet, 0, 'platforms'), 'platforms', stored, { today: TODAY, newId });
    if (!result.ok) throw new Error(result.reason);
    const [bad, good] = result.preview.rows;
    expect(bad?.draft).toBeUndefined();
    expect(bad).toMatchObject({ rowNumber: 2, errors: [{ column: '账号名称', message: expect.stringContaining('“🎉”（U+1F389）') }] });
    expect(good).toMatchObject({ rowNumber: 3, errors: [], draft: { name: '东湖青年', note: '王𠮷负责' } });
  });
});
