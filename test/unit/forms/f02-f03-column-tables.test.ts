// F02 网站主页栏目设置及分工表 (seed 000 附表2) and F03 微信公众服务号栏目设置及分工表 (000 附件3)
// rendered to real PDFs and read back: the appendix's header texts word for word (its 二级目),
// one row per column with level 1 merged, the head repeated on every page, 15 rows when blank.
import type { ContentTable } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoDataset } from '../../../shared/demo/demo-dataset';
import type { Platform } from '../../../shared/domain/platform';
import { BLANK_COLUMN_ROWS, columnGroups } from '../../../shared/forms/column-table';
import { createFormContext } from '../../../shared/forms/context';
import { buildF02, F02_FORM } from '../../../shared/forms/f02-website-columns';
import { buildF03, F03_FORM } from '../../../shared/forms/f03-wechat-columns';
import { expectRareFontEmbedded, expectSoundA4Pdf, layoutLines, occurrences, pageCount, pdfText, renderTo, squash, tempDir } from './pdf-read';
import { reviewContext, websitePlatform, wechatPlatform } from './review-fixture';

const dir = tempDir('f02-f03-');
const ctx = createFormContext(reviewContext());
const blankCtx = createFormContext(reviewContext(''));

function tableOf(doc: ReturnType<typeof buildF02>): ContentTable {
  const table = (doc.content as unknown[]).find((c): c is ContentTable => typeof c === 'object' && c !== null && 'table' in c);
  if (!table) throw new Error('no table');
  return table;
}

const CASES = [
  {
    id: 'F02',
    build: buildF02,
    platform: websitePlatform,
    title: '西北工业大学网站主页栏目设置及分工表',
    heads: ['一级栏目或版块', '二级目或版块内容', '负责部门', '备注'],
    values: ['网站：图书馆网站', 'lib.example.edu.cn', '订购数据库、使用数据库列表、自建数据库、网络免费资源', '期刊导航、数据库导航、综合服务平台', '采编部、技术部', '中文核心期刊目录、CALIS服务导航', '本馆简介、馆舍风貌、历史沿革', '办公室', '吉𠮷龘审定'],
    merged: '数字资源',
    mergedRows: 2,
  },
  {
    id: 'F03',
    build: buildF03,
    platform: wechatPlatform,
    title: '西北工业大学微信公众服务号栏目设置及分工表',
    heads: ['一级栏目', '二级目', '负责部门', '备注'],
    values: ['公众号：图书馆服务号𠮷', '微信号：lib_service', '馆藏查询', '已借续借', '馆藏布局', '南北馆流通部', '服务动态', '本馆公告'],
    merged: '我的图书馆',
    mergedRows: 3,
  },
] as const;

describe.each(CASES)('$id column table ($title)', (c) => {
  let filled = '';
  let blank = '';

  beforeAll(async () => {
    filled = await renderTo(dir, `${c.id}-filled`, c.build(c.platform, ctx));
    blank = await renderTo(dir, `${c.id}-blank`, c.build(null, blankCtx));
  });

  it('prints the title with the institution and the appendix’s header texts word for word, in one row', () => {
    const text = squash(pdfText(filled));
    expect(text).toContain(c.title);
    expect(layoutLines(filled)).toContain(c.heads.join(''));
  });

  it('prints one row per column, the level-1 cell merged over consecutive rows', () => {
    const text = squash(pdfText(filled));
    for (const value of c.values) expect(text, value).toContain(squash(value));
    expect(occurrences(text, c.merged)).toBe(1);
    const body = tableOf(c.build(c.platform, ctx)).table.body;
    expect(body.length).toBe(1 + c.platform.columns.length);
    expect((body[1]?.[0] as { rowSpan?: number }).rowSpan).toBe(c.mergedRows);
    expectRareFontEmbedded(filled);
  });

  it('prints a clean blank form: the title, the head and 15 empty rows', () => {
    const text = squash(pdfText(blank));
    expect(text).toContain(c.title);
    expect(layoutLines(blank)).toContain(c.heads.join(''));
    for (const value of c.values) expect(text, value).not.toContain(squash(value));
    const table = tableOf(c.build(null, blankCtx)).table;
    expect(table.body.length).toBe(1 + BLANK_COLUMN_ROWS);
    expect(table.headerRows).toBe(1);
  });

  it('repeats the head on every page of a long table', async () => {
    const columns = Array.from({ length: 45 }, (_, i) => ({
      level1: `栏目${Math.floor(i / 3) + 1}`,
      level2: `二级栏目${i + 1}：通知公告、工作动态、规章制度与办事指南`,
      department: '办公室',
    }));
    const file = await renderTo(dir, `${c.id}-long`, c.build({ ...c.platform, columns } satisfies Platform, ctx));
    expectSoundA4Pdf(file);
    const pages = pageCount(file);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) expect(squash(pdfText(file, page)), `page ${page}`).toContain(c.heads.join(''));
    expect(squash(pdfText(file, pages))).toContain('二级栏目45');
  });
});

describe('F02/F03 definitions', () => {
  it('groups only consecutive columns with the same level 1', () => {
    const groups = columnGroups([
      { level1: 'A', department: 'x' },
      { level1: 'A', department: 'y' },
      { level1: 'B', department: 'x' },
      { level1: 'A', department: 'z' },
    ]);
    expect(groups.map((g) => g.length)).toEqual([2, 1, 1]);
  });

  it('applies F02 to websites and F03 to WeChat accounts, with demo samples that have columns', () => {
    expect(F02_FORM.appliesTo(websitePlatform)).toBe(true);
    expect(F02_FORM.appliesTo(wechatPlatform)).toBe(false);
    expect(F03_FORM.appliesTo(wechatPlatform)).toBe(true);
    expect(F03_FORM.appliesTo(websitePlatform)).toBe(false);
    const demo = createDemoDataset();
    for (const form of [F02_FORM, F03_FORM]) {
      const samples = form.samples(demo);
      expect(samples.length, form.id).toBeGreaterThan(0);
      for (const p of samples) expect(p.columns.length).toBeGreaterThan(0);
    }
  });
});
