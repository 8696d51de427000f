// F15 网络平台及工作群检查与问题登记表 rendered to a real PDF and read back: the log's head and
// columns (003 第二十三条, 002 第十条), the registered problems, empty rows for the days to come,
// and the head repeated on every page of a long log.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoDataset } from '../../../shared/demo/demo-dataset';
import type { Incident } from '../../../shared/domain/records';
import { buildF15, F15_FORM, F15_TEXTS, problemLogFor } from '../../../shared/forms/f15-problem-log';
import { complaint, expectRareName, groupContext, groupPlatform, groupProblems, pagesOf, problemLog, renderToFile, squash, textOf } from './group-fixture';

const HEAD = ['平台（群）名称：', '群号/账号：', '群主（管理员）：', '登记期间：'];
const COLUMNS = ['日期', '发现的问题', '处置措施', F15_TEXTS.actionsNote, '上报对象', '处理人', '办结日期'];
const LABELS = ['东湖示范大学网络平台及工作群检查与问题登记表', ...HEAD, ...COLUMNS, F15_TEXTS.signature, F15_TEXTS.note];

const VALUES = [
  '图书馆技术保障部工作群', '微信群·技术保障部', '吉𠮷龘', '2026年10月1日至2026年11月30日',
  '2026年10月9日', '群成员转发商业保险推销链接', '劝阻、删除',
  '2026年11月2日', '离岗人员尚未退出工作群', '图书馆党政综合办公室',
];

const log = problemLog;
let filled = '';
let blank = '';

beforeAll(async () => {
  filled = await renderToFile('F15', buildF15(log, groupContext()));
  blank = await renderToFile('F15-blank', buildF15(null, groupContext('')));
});

describe('F15 网络平台及工作群检查与问题登记表 (003 第二十三条, 002 第十条)', () => {
  it('prints the head, every column label and the note of 003 第二十三条 word for word', () => {
    const text = textOf(filled);
    for (const l of LABELS) expect(text, l).toContain(squash(l));
  });

  it('lists the check points of 002 第十条(一) to tick: 建设、信息发布、安全管理、互动交流', () => {
    for (const text of [textOf(filled), textOf(blank)]) {
      expect(text).toContain('检查内容：□建设情况□信息发布情况□安全管理情况□互动交流情况');
    }
  });

  it('prints the group, its owner (𠮷) and each registered problem with its actions and dates', () => {
    const text = textOf(filled);
    for (const v of VALUES) expect(text, v).toContain(squash(v));
    // Complaints have their own form (F17): not on the daily log.
    expect(text).not.toContain(squash(complaint.found));
    expectRareName(filled);
  });

  it('prints a clean blank log: the labels, none of the record', () => {
    const text = textOf(blank);
    for (const l of LABELS) expect(text, l).toContain(squash(l));
    for (const v of VALUES) expect(text, v).not.toContain(squash(v));
  });

  it('runs a long log onto more pages, each with the head and column labels, the signature at the end', async () => {
    const many: Incident[] = Array.from({ length: 30 }, (_, n) => ({
      ...groupProblems[0]!,
      id: `01JINCI0000000000000001${String(n).padStart(3, '0')}`,
      date: `2026-10-${String(1 + (n % 28)).padStart(2, '0')}`,
      found: `第${n + 1}号问题：群成员发布与工作无关的信息`,
    }));
    const file = await renderToFile('F15-long', buildF15({ platformId: groupPlatform.id, incidents: many }, groupContext()));
    const pages = pagesOf(file);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) {
      const text = textOf(file, page);
      expect(text, `page ${page}`).toContain('平台（群）名称：图书馆技术保障部工作群');
      expect(text, `page ${page}`).toContain('群主（管理员）：吉𠮷龘');
      expect(text, `page ${page}`).toContain('日期发现的问题处置措施');
    }
    expect(textOf(file, pages)).toContain(squash(F15_TEXTS.signature));
    expect(textOf(file)).toContain('第30号问题');
  });

  it('samples one log per platform with problems in the demo register', () => {
    const demo = createDemoDataset();
    const logs = F15_FORM.samples(demo);
    for (const l of logs) {
      expect(l.incidents.length).toBeGreaterThan(0);
      expect(l.incidents.every((i) => i.kind === '问题登记' && i.platformId === l.platformId)).toBe(true);
      expect(l.from! <= l.to!).toBe(true);
    }
    const csGroup = demo.platforms.find((p) => p.name === '计算机与人工智能学院教职工群')!;
    expect(problemLogFor(csGroup, demo.incidents).incidents.length).toBe(2);
  });
});
