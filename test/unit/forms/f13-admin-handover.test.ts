// F13 网络平台管理员交接记录表 (seed 000 第六条) rendered to a real PDF and read back: the outgoing and
// incoming administrators and the supervisor with signature cells, the checklist, the password
// change after the handover, and the clause's note word for word.
import { beforeAll, describe, expect, it } from 'vitest';
import { createFormContext } from '../../../shared/forms/context';
import { buildF13, F13_DEFAULT_CHECKLIST, F13_NOTE } from '../../../shared/forms/f13-admin-handover';
import { mm } from '../../../shared/forms/layout';
import { findWord, pageText, qpdfOk, renderAndRead, squash, words, type ReadPdf } from './pdf-read';
import { handover, recordsContext } from './records-fixture';

const LABELS = [
  '西北工业大学网络平台管理员交接记录表',
  '平台名称',
  '平台类型',
  '主办单位',
  '账号',
  '交接日期',
  '移交人',
  '接收人',
  '监交人',
  '签名',
  '交接清单',
  '序号',
  '项目',
  '是否完成',
  '交接后密码更换日期',
  '确认人',
  '注：管理员工作调整时，要与接任人员做好交接，交接后要及时更换密码、口令。',
];

const VALUES = ['翱翔信息化𠮷', '微信公众号', '信息化建设与管理处', 'nwpu_xxh', '2026年11月10日', '孙分管', '吉𠮷龘', '钱监交', '2026年11月11日'];

let filled: ReadPdf;
let blank: ReadPdf;

beforeAll(async () => {
  filled = await renderAndRead('F13-filled', buildF13(handover, createFormContext(recordsContext('JJ-2026-0002'))));
  blank = await renderAndRead('F13-blank', buildF13(null, createFormContext(recordsContext(''))));
});

describe('F13 网络平台管理员交接记录表 (000 第六条)', () => {
  it('prints the institution in the title, every label and the note of 000 第六条 word for word', () => {
    for (const l of LABELS) expect(filled.text, l).toContain(squash(l));
    expect(F13_NOTE).toContain('交接后要及时更换密码、口令');
  });

  it('prints the handover: account, date as 2026年11月10日, the three people (𠮷), the checklist', () => {
    for (const v of VALUES) expect(filled.text, v).toContain(squash(v));
    expect(filled.text).toContain('移交人孙分管签名接收人吉𠮷龘签名监交人钱监交签名');
    expect(filled.text).toContain('1账号、密码及管理口令■是□否');
    expect(filled.text).toContain('2待审核稿件及发布记录□是■否');
    expect(filled.text).toContain('交接后密码更换日期2026年11月11日确认人钱监交签名');
  });

  it('gives each person a signature cell of at least 15 mm', () => {
    const all = words(filled.file);
    const [out, inc, sup] = ['移交人', '接收人', '监交人'].map((w) => findWord(all, w));
    expect(out && inc && sup).toBeTruthy();
    if (!out || !inc || !sup) return;
    expect(inc.yMin - out.yMin).toBeGreaterThanOrEqual(mm(15));
    expect(sup.yMin - inc.yMin).toBeGreaterThanOrEqual(mm(15));
  });

  it('prints a clean blank form with the usual items to hand over, every box empty', () => {
    for (const l of LABELS) expect(blank.text, l).toContain(squash(l));
    for (const v of VALUES) expect(blank.text, v).not.toContain(squash(v));
    F13_DEFAULT_CHECKLIST.forEach((item, i) => expect(blank.text, item).toContain(`${i + 1}${squash(item)}□是□否`));
    expect(blank.text).not.toContain('■');
    expect(blank.pages).toBe(1);
  });

  it('continues a long checklist on the next page with its head repeated, the note at the end', async () => {
    const checklist = Array.from({ length: 40 }, (_, i) => ({ item: `交接事项第${i + 1}项`, done: true }));
    const pdf = await renderAndRead('F13-long', buildF13({ ...handover, checklist }, createFormContext(recordsContext())));
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(qpdfOk(pdf.file)).toBe(true);
    expect(pageText(pdf.file, 2).startsWith('交接清单序号项目是否完成')).toBe(true);
    expect(pdf.text).toContain('40交接事项第40项■是□否');
    // The password change, its confirmation and the note stay together at the end.
    const last = pageText(pdf.file, pdf.pages);
    expect(last).toContain('交接后密码更换日期2026年11月11日确认人钱监交签名');
    expect(last).toContain(squash(F13_NOTE));
  });
});
