// F09 校务微博（微信）公众平台登记表 (seed 004, survey notice) rendered to a real PDF and read back:
// a unit's accounts on a landscape list whose head repeats on every page, work groups left out,
// 是否已备案 from the lifecycle status, and the 填报单位（盖章） / 填表人 / 联系电话 / 填报日期 lines.
import type { Content, ContentTable } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoDataset } from '../../../shared/demo/demo-dataset';
import type { Platform } from '../../../shared/domain/platform';
import { createFormContext } from '../../../shared/forms/context';
import { buildF09, F09_FORM, F09_HEAD, F09_BLANK_ROWS } from '../../../shared/forms/f09-unit-platform-list';

import { pageText, qpdfOk, renderAndRead, squash, type ReadPdf } from './pdf-read';
import { recordsContext, units, wechat } from './records-fixture';

const [xxh, tw] = [units[0]!, units[1]!];

const LABELS = ['西北工业大学校务微博（微信）公众平台登记表', '填报单位（盖章）：', '填报日期：', '填表人：', '联系电话：', ...F09_HEAD];

const VALUES = [
  '信息化建设与管理处',
  '翱翔信息化𠮷',
  'nwpu_xxh',
  '2025年9月1日',
  '吉𠮷龘',
  '赵总管、孙分管',
  '12345',
  '年审已通过',
  '信息化处微博',
  'weibo.com/xxh',
  '已停用',
  '李文博',
  '13800001111',
];

let filled: ReadPdf;
let blank: ReadPdf;
const blankDoc = buildF09(null, createFormContext(recordsContext('')));

beforeAll(async () => {
  filled = await renderAndRead('F09-filled', buildF09(xxh, createFormContext(recordsContext('DJB-2026-0001'))));
  blank = await renderAndRead('F09-blank', blankDoc);
});

describe('F09 校务微博（微信）公众平台登记表 (004 通知)', () => {
  it('prints the institution in the title and every label word for word', () => {
    for (const l of LABELS) expect(filled.text, l).toContain(squash(l));
  });

  it("lists the unit's accounts, one numbered row each, with dates as 2025年9月1日 and names with 𠮷", () => {
    for (const v of VALUES) expect(filled.text, v).toContain(squash(v));
    expect(filled.text).toContain('1翱翔信息化𠮷微信公众号nwpu_xxh2025年9月1日吉𠮷龘赵总管、孙分管12345是年审已通过');
    expect(filled.text).toContain('2信息化处微博微博weibo.com/xxh2025年9月1日吉𠮷龘赵总管、孙分管12345是已停用');
  });

  it('leaves out work groups (they are filed on F14)', () => {
    expect(filled.text).not.toContain('信息化处工作群');
  });

  it('lists the accounts a unit sponsors for its student bodies, 否 while still 申请中', async () => {
    const pdf = await renderAndRead('F09-sponsor', buildF09(tw, createFormContext(recordsContext())));
    expect(pdf.text).toContain('1学生会之声微信公众号su_voice');
    expect(pdf.text).toMatch(/1学生会之声微信公众号su_voice.*否申请中/u);
  });

  it(`prints a clean blank form of ${F09_BLANK_ROWS} empty rows on one landscape page`, () => {
    for (const l of LABELS) expect(blank.text, l).toContain(squash(l));
    for (const v of VALUES) expect(blank.text, v).not.toContain(squash(v));
    expect(blank.pages).toBe(1);
    expect(blank.pageSize).toBe('landscape');
    // The list is kept with the seal block below it (a stack holding both).
    const tables = (blankDoc.content as Content[]).flatMap((c) => (typeof c === 'object' && 'stack' in c ? (c.stack as Content[]) : [c]));
    const table = tables.find((c): c is ContentTable => typeof c === 'object' && 'table' in c);
    expect(table?.table.headerRows).toBe(1);
    expect(table?.table.body.length).toBe(1 + F09_BLANK_ROWS);
  });

  it('continues a long list on the next pages with the head repeated', async () => {
    const many: Platform[] = Array.from({ length: 30 }, (_, i) => ({ ...wechat, id: `01JPLATLONG${String(i).padStart(15, '0')}`, name: `测试账号${i + 1}号` }));
    const pdf = await renderAndRead('F09-long', buildF09(xxh, createFormContext(recordsContext('DJB-2026-0002', many))));
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(qpdfOk(pdf.file)).toBe(true);
    const page2 = pageText(pdf.file, 2);
    expect(page2.startsWith(squash(F09_HEAD.join('')))).toBe(true);
    expect(page2).toContain('测试账号');
    expect(page2).toContain(`第2页共${pdf.pages}页`);
    expect(pdf.text).toContain('32测试账号30号');
    // The contact line and the seal area stay together at the foot of the list.
    const last = pageText(pdf.file, pdf.pages);
    expect(last).toContain('填表人：李文博');
    expect(last).toContain('填报单位（盖章）：');
  });

  it('prints a sample for every demo unit that hosts or sponsors an account', () => {
    const demo = createDemoDataset();
    const samples = F09_FORM.samples(demo);
    expect(samples.map((u) => u.name)).toContain('图书馆');
    expect(samples.map((u) => u.name)).toContain('校团委');
    expect(samples.map((u) => u.name)).not.toContain('纪委办公室（监察处）');
    expect(F09_FORM.recordId(xxh)).toBe(xxh.id);
    expect(F09_FORM.describe(xxh, 'Asia/Shanghai')).toBe('信息化建设与管理处');
  });
});
