// F12C 密码信封封面 (seed 003 第十七条, 002 第九条) rendered to a real PDF and read back: the envelope
// number in large type, the account and sealing date, signature cells for the sealer and the
// witness, a dashed 骑缝 band tall enough for a seal, and 非经批准不得启封 in large bold type.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFormContext } from '../../../shared/forms/context';
import { buildF12C, F12C_FORM, F12C_TEXTS } from '../../../shared/forms/f12c-envelope-cover';
import { mm } from '../../../shared/forms/layout';
import { findWord, renderAndRead, squash, words, type ReadPdf } from './pdf-read';
import { envelope, recordsContext } from './records-fixture';

const LABELS = ['西北工业大学密码信封封面', '信封编号：', '平台/账号名称', '主办单位', '封存日期', '封存人', '监封人', '签名', F12C_TEXTS.flap, F12C_TEXTS.flapNote, F12C_TEXTS.warning];
const VALUES = ['MF-2026-003', '翱翔信息化𠮷', '信息化建设与管理处', '2026年11月18日', '赵总管', '吉𠮷龘'];

let filled: ReadPdf;
let blank: ReadPdf;

beforeAll(async () => {
  filled = await renderAndRead('F12C-filled', buildF12C(envelope, createFormContext(recordsContext('MFC-2026-0003'))));
  blank = await renderAndRead('F12C-blank', buildF12C(null, createFormContext(recordsContext(''))));
});

describe('F12C 密码信封封面 (003 第十七条, 002 第九条)', () => {
  it('prints the institution in the title and every label word for word', () => {
    for (const l of LABELS) expect(filled.text, l).toContain(squash(l));
  });

  it('prints the envelope number, account, unit, sealing date and the people (𠮷)', () => {
    for (const v of VALUES) expect(filled.text, v).toContain(squash(v));
    expect(filled.text).toContain('信封编号：MF-2026-003');
    expect(filled.text).toContain('封存人赵总管签名监封人吉𠮷龘签名');
  });

  it('prints the number and the warning in large bold type', () => {
    const all = words(filled.file);
    const number = findWord(all, 'MF-2026-003');
    const warning = findWord(all, F12C_TEXTS.warning);
    expect(number && warning).toBeTruthy();
    if (!number || !warning) return;
    expect(number.yMax - number.yMin).toBeGreaterThan(30);
    expect(warning.yMax - warning.yMin).toBeGreaterThan(30);
    expect(execFileSync('pdffonts', [filled.file], { encoding: 'utf8' })).toMatch(/NotoSerifSC-Bold/);
  });

  it('draws a dashed 骑缝 band at least 50 mm tall for signing and sealing across the flap', () => {
    const all = words(filled.file);
    const flap = findWord(all, F12C_TEXTS.flap);
    const warning = findWord(all, F12C_TEXTS.warning);
    expect(flap && warning).toBeTruthy();
    if (!flap || !warning) return;
    expect(warning.yMin - flap.yMin).toBeGreaterThanOrEqual(mm(50));
    // The page content, uncompressed: pdfkit sets a [5 3] dash pattern for the band's border.
    const qdf = `${filled.file}.qdf`;
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', filled.file, qdf]);
    expect(readFileSync(qdf, 'latin1')).toMatch(/\[5(\.0+)? 3(\.0+)?\] 0 d/);
  });

  it('gives the sealer and the witness a signature cell of at least 15 mm', () => {
    const all = words(filled.file);
    const sealer = findWord(all, '封存人');
    const witness = findWord(all, '监封人');
    expect(sealer && witness).toBeTruthy();
    if (!sealer || !witness) return;
    expect(witness.yMin - sealer.yMin).toBeGreaterThanOrEqual(mm(15));
  });

  it('prints a clean blank cover: the labels and a line for the number, none of the record', () => {
    for (const l of LABELS) expect(blank.text, l).toContain(squash(l));
    for (const v of VALUES) expect(blank.text, v).not.toContain(squash(v));
    expect(blank.text).toContain('信封编号：＿＿＿＿＿＿');
    expect(blank.pages).toBe(1);
  });

  it('is named by its envelope number', () => {
    expect(F12C_FORM.describe(envelope, 'Asia/Shanghai')).toBe('MF-2026-003');
    expect(F12C_FORM.recordId(envelope)).toBe(envelope.id);
  });
});
