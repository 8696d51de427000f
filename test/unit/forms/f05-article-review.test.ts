// F05 新媒体文章发布审核表 rendered to a real PDF and read back: the rows and both notes of seed 001
// 附件2 word for word (institution and keeping office substituted), the review's values, embedded
// fonts, A4, and a blank form with room to write.
import { beforeAll, describe, expect, it } from 'vitest';
import { createFormContext } from '../../../shared/forms/context';
import { presetProfile } from '../../../shared/profiles/presets';
import { buildF05, F05_FORM } from '../../../shared/forms/f05-article-review';
import { expectRareFontEmbedded, expectSoundA4Pdf, layoutLines, pageCount, pdfText, renderTo, squash, tempDir } from './pdf-read';
import { departmentReview, reviewContext, threeLevelReview } from './review-fixture';

/** Every row, label and note of seed 001 附件2, as printed there (the office is 001's profile text). */
const APPENDIX_TEXTS = [
  '西北工业大学新媒体文章发布审核表',
  '拟发布媒体',
  '拟发布时间',
  '文案人员',
  '编辑人员',
  '图片来源',
  '文章内容',
  '文章内容可附件',
  '审核意见',
  '审核人：',
  '日期：',
  '注：1、图片来源说明摄影人、来源网络等信息。',
  '2、该表审批后由信息化建设与管理处综合办公室保管。',
];

const RECORD_VALUES = [
  '翱翔信息化𠮷（工作动态）',
  '2026年11月25日',
  '吉𠮷龘',
  '李文博',
  '摄影：王工程；示意图来源网络',
  '标题：校园网升级改造完成',
  '信息化建设与管理处完成校园网核心设备升级改造，出口带宽提升至40G。',
  '内容属实，同意发布。',
];

const dir = tempDir('f05-');
let filled = '';
let blank = '';

beforeAll(async () => {
  filled = await renderTo(dir, 'F05-filled', buildF05(departmentReview, createFormContext(reviewContext())));
  blank = await renderTo(dir, 'F05-blank', buildF05(null, createFormContext(reviewContext(''))));
});

describe('F05 新媒体文章发布审核表 (001 附件2)', () => {
  it('prints every row, label and both notes of the appendix word for word', () => {
    const text = squash(pdfText(filled));
    for (const label of APPENDIX_TEXTS) expect(text, label).toContain(squash(label));
    expect(layoutLines(filled).some((l) => l.includes('审核人：王工程日期：2026年11月23日'))).toBe(true);
  });

  it('prints the review: media and column, planned date, people, image source, article and opinion', () => {
    const text = squash(pdfText(filled));
    for (const value of RECORD_VALUES) expect(text, value).toContain(squash(value));
    expect(text).toContain('编号：FB-2026-0012');
    expectRareFontEmbedded(filled);
  });

  it('names the keeping office of the profile in note 2, as seed 001 附件2 words it', async () => {
    expect(squash(pdfText(filled))).toContain('2、该表审批后由信息化建设与管理处综合办公室保管。');
    const profile = presetProfile('functional-department');
    const other = { ...profile, texts: { ...profile.texts, keepingOffice: '党政办公室' } };
    const file = await renderTo(dir, 'F05-office', buildF05(departmentReview, createFormContext(reviewContext('FB-2026-0013', other))));
    expect(squash(pdfText(file))).toContain('2、该表审批后由党政办公室保管。');
  });

  it('prints 审核人／日期 under the table with the reviewer recorded on the review (001 第七条 审查人)', () => {
    const lines = layoutLines(filled);
    const opinionLine = lines.findIndex((l) => l.includes('审核意见'));
    const signLine = lines.findIndex((l) => l.includes('审核人：'));
    expect(signLine).toBeGreaterThan(opinionLine);
    expect(lines[signLine]).toContain('审核人：王工程');
    expect(lines[signLine]).toContain('日期：2026年11月23日');
    // Not inside the 审核意见 cell: no table of the document holds the signature line.
    const tables: string[] = [];
    JSON.stringify(buildF05(departmentReview, createFormContext(reviewContext())).content, (key, v: unknown) => {
      if (key === 'table') tables.push(JSON.stringify(v));
      return v;
    });
    expect(tables.some((t) => t.includes('审核意见'))).toBe(true);
    expect(tables.some((t) => t.includes('审核人：'))).toBe(false);
  });

  it('prints every step of a longer chain with its role', async () => {
    const file = await renderTo(dir, 'F05-chain', buildF05(threeLevelReview, createFormContext(reviewContext())));
    const text = squash(pdfText(file));
    expect(text).toContain('网络阵地管理员：格式规范，同意提交。');
    expect(text).toContain('部门负责人：数据需核实后再报。');
    expect(text).toContain('退回修改');
  });

  it('prints a clean blank form: the labels and the notes, none of the record', () => {
    const text = squash(pdfText(blank));
    for (const label of APPENDIX_TEXTS) expect(text, label).toContain(squash(label));
    for (const value of RECORD_VALUES) expect(text, value).not.toContain(squash(value));
    expect(layoutLines(blank).some((l) => l.includes('审核人：日期：年月日'))).toBe(true);
  });

  it('runs a long article on to a second page, keeping the opinion, signature line and notes together', async () => {
    const long = { ...departmentReview, content: '信息化建设与管理处完成校园网核心设备升级改造，出口带宽显著提升。'.repeat(45) };
    const file = await renderTo(dir, 'F05-long', buildF05(long, createFormContext(reviewContext())));
    expectSoundA4Pdf(file);
    expect(pageCount(file)).toBe(2);
    expect(squash(pdfText(file, 1))).toContain('标题：校园网升级改造完成');
    const page2 = squash(pdfText(file, 2));
    for (const label of ['出口带宽显著提升。', '审核意见', '审核人：', '注：1、图片来源说明摄影人', '第2页共2页']) expect(page2).toContain(label);
  });

  it('links its printouts to the reviews table', () => {
    expect(F05_FORM.recordTable).toBe('reviews');
  });
});
