// F06 信息发布三级审核单 rendered to a real PDF and read back: built from seed 002 第六条 — the item,
// a row per level of the chain (分管领导 for major items), the review points as a checklist,
// the clause's rules as notes — with the review's values, embedded fonts, A4, and a blank slip.
import { beforeAll, describe, expect, it } from 'vitest';
import { createFormContext } from '../../../shared/forms/context';
import { buildF06, f06StepRows } from '../../../shared/forms/f06-three-level-review';
import { presetProfile } from '../../../shared/profiles/presets';
import { expectRareFontEmbedded, expectSoundA4Pdf, layoutLines, occurrences, pageCount, pdfText, renderTo, squash, tempDir } from './pdf-read';
import { departmentReview, reviewContext, threeLevelReview } from './review-fixture';

/** Labels and notes of the slip; the phrases in quotes are 002 第六条's own words. */
const SLIP_TEXTS = [
  '西北工业大学信息发布三级审核单',
  '发布平台',
  '栏目',
  '信息标题',
  '报送部门',
  '拟发布时间',
  '重大事项',
  '（涉及学院重大决策、重要活动、重要事件等信息，需报分管领导审批）',
  '信息内容',
  '（审核内容包括信息的标题、正文、图片、视频等）',
  '审核要点',
  '□政治导向',
  '□内容真实性',
  '□语言规范性',
  '□是否涉密',
  '审核级别',
  '审核人（签名）',
  '审核意见',
  '结论',
  '日期',
  '第一级',
  '网络阵地管理员',
  '第二级',
  '部门负责人',
  '第三级',
  '党委宣传部负责人',
  '注：1、实行“三级审核，先审后发，授权发布”制度，未经审核的信息不得发布。',
  '2、涉及学院重大决策、重要活动、重要事件等信息，需报分管领导审批。',
  '3、对存在问题的信息，审核人应提出修改意见，退回信息发布人进行修改完善。',
];

const RECORD_VALUES = [
  '翱翔信息化𠮷',
  '工作动态',
  '校园网升级改造完成',
  '信息化建设与管理处',
  '2026年11月25日',
  '信息化建设与管理处完成校园网核心设备升级改造，出口带宽提升至40G。',
  '王工程',
  '吉𠮷龘',
  '格式规范，同意提交。',
  '数据需核实后再报。',
  '2026年11月22日',
  '2026年11月23日',
];

const dir = tempDir('f06-');
/** F06 is seed 002's slip: its tests run under 002's profile unless they say otherwise. */
const P002 = presetProfile('vocational-three-level-review');
const slipContext = (formNumber?: string, profile = P002) => createFormContext(reviewContext(formNumber, profile));
let filled = '';
let blank = '';

beforeAll(async () => {
  filled = await renderTo(dir, 'F06-filled', buildF06(threeLevelReview, slipContext()));
  blank = await renderTo(dir, 'F06-blank', buildF06(null, slipContext('')));
});

describe('F06 信息发布三级审核单 (002 第六条)', () => {
  it('prints the item, the levels, the review points and the notes', () => {
    const text = squash(pdfText(filled));
    for (const label of SLIP_TEXTS) expect(text, label).toContain(squash(label));
    expect(text).toContain('审核级别审核人（签名）审核意见结论日期');
    expect(layoutLines(filled).some((l) => l.includes('第一级格式规范，同意■通过'))).toBe(true);
  });

  it('prints the review: platform, column, title, unit, planned date, reviewers, opinions and decisions', () => {
    const text = squash(pdfText(filled));
    for (const value of RECORD_VALUES) expect(text, value).toContain(squash(value));
    expect(text).toContain('■是□否');
    // Level 1 passed, level 2 sent it back, level 3 and 分管领导 are still to sign.
    expect(text).toContain('■通过□退回修改');
    expect(text).toContain('□通过■退回修改');
    expect(occurrences(text, '□通过□退回修改')).toBe(2);
    expect(text).toContain('重大事项分管领导');
    expectRareFontEmbedded(filled);
  });

  it('prints the review points unticked: the clerk ticks them by hand', () => {
    expect(squash(pdfText(filled))).toContain('□政治导向□内容真实性□语言规范性□是否涉密');
  });

  it('takes the level labels from the review, then from the chain of the profile in force; 分管领导 only for major items', () => {
    const minor = { ...departmentReview, major: false };
    expect(f06StepRows(minor, P002.reviewChain).map((r) => [r.level, r.role])).toEqual([
      ['第一级', '负责宣传的处级领导'],
      ['第二级', '部门负责人'],
      ['第三级', '党委宣传部负责人'],
    ]);
    expect(f06StepRows(threeLevelReview, P002.reviewChain).map((r) => r.role)).toEqual(['网络阵地管理员', '部门负责人', '党委宣传部负责人', '分管领导']);
    expect(f06StepRows(null, P002.reviewChain).map((r) => r.level)).toEqual(['第一级', '第二级', '第三级', '重大事项']);
  });

  it('prints the chain of the profile in force, never 002\'s: 004 gives one level with three signature places', async () => {
    const p004 = presetProfile('undergraduate-filing-three-reviewers');
    expect(f06StepRows(null, p004.reviewChain).map((r) => [r.level, r.role, r.signers])).toEqual([['第一级', '信息发布内容审核人（本单位教师）', 3]]);
    const file = await renderTo(dir, 'F06-004', buildF06(null, slipContext('', p004)));
    const text = squash(pdfText(file));
    expect(text).toContain('西北工业大学信息发布审核单');
    expect(text).not.toContain('三级审核');
    for (const other of ['网络阵地管理员', '部门负责人', '党委宣传部负责人', '分管领导', '第二级']) expect(text, other).not.toContain(other);
    expect(occurrences(text, '年月日')).toBe(3);
    expectSoundA4Pdf(file);
  });

  it('prints 003\'s chain under 003: 本单位主管领导, 党委宣传部, 学院相关机构 for major items', async () => {
    const p003 = presetProfile('vocational-approval-sealed-archive');
    const file = await renderTo(dir, 'F06-003', buildF06(null, slipContext('', p003)));
    const text = squash(pdfText(file));
    for (const role of ['第一级本单位主管领导', '第二级党委宣传部', '重大事项学院相关机构', '2、重大事项需报学院相关机构审批。']) expect(text, role).toContain(role);
    expect(text).not.toContain('网络阵地管理员');
    expect(text).not.toContain('需报分管领导审批');
  });

  it('leaves signature cells at least 15 mm tall', () => {
    const doc = buildF06(threeLevelReview, slipContext());
    const content = doc.content as { table?: { body: unknown[][]; heights: (row: number) => number } }[];
    const steps = content.map((c) => (c as { stack?: typeof content }).stack?.[0]).find((t) => t?.table?.body[0]?.length === 5);
    expect(steps?.table).toBeDefined();
    for (let row = 1; row < (steps?.table?.body.length ?? 0); row++) {
      // pdfmake's heights exclude the 3 pt padding above and below.
      expect((steps?.table?.heights(row) ?? 0) + 6).toBeGreaterThanOrEqual((15 * 72) / 25.4);
    }
  });

  it('prints a clean blank slip: every level including 分管领导, empty boxes, none of the record', () => {
    const text = squash(pdfText(blank));
    for (const label of SLIP_TEXTS) expect(text, label).toContain(squash(label));
    for (const value of RECORD_VALUES) expect(text, value).not.toContain(squash(value));
    expect(text).not.toContain('■');
    expect(text).toContain('□是□否');
    expect(occurrences(text, '□通过□退回修改')).toBe(4);
    expect(occurrences(text, '年月日')).toBe(4);
  });

  it('runs long content on to a second page with the levels table, its head and the notes whole', async () => {
    const long = { ...threeLevelReview, content: '信息化建设与管理处完成校园网核心设备升级改造，出口带宽显著提升。'.repeat(30) };
    const file = await renderTo(dir, 'F06-long', buildF06(long, slipContext()));
    expectSoundA4Pdf(file);
    expect(pageCount(file)).toBe(2);
    expect(squash(pdfText(file, 1))).toContain('信息内容（审核内容包括信息的标题、正文、图片、视频等）');
    const page2 = squash(pdfText(file, 2));
    for (const label of ['出口带宽显著提升。', '审核要点', '审核级别', '审核人（签名）', '第一级', '重大事项分管领导', '3、对存在问题的信息', '第2页共2页']) expect(page2).toContain(label);
  });

});
