// F10 新媒体账号变更（注销）备案表 (seed 001 第五条, 004 附件1 第六条) rendered to a real PDF and read
// back: □变更/□注销 from the kind, before → after of each change or the reason for closing, the
// change and due dates, the filing deadline in working days, signatures and seals.
import { beforeAll, describe, expect, it } from 'vitest';
import { createFormContext } from '../../../shared/forms/context';
import { buildF10, F10_FORM, filingDeadlineNote } from '../../../shared/forms/f10-change-filing';
import { presetProfile } from '../../../shared/profiles/presets';
import { mm } from '../../../shared/forms/layout';
import { pageText, qpdfOk, renderAndRead, sealAreaUnder, squash, words, type ReadPdf } from './pdf-read';
import { change, closure, opening, recordsContext } from './records-fixture';

const LABELS = [
  '西北工业大学新媒体账号变更（注销）备案表',
  '备案类别',
  '账号名称',
  '平台类型',
  '主办单位',
  '账号',
  '变更（注销）日期',
  '应报备日期',
  '（变更后5个工作日内报党委宣传部备案）',
  '单位负责人意见',
  '党委宣传部备案意见',
  '签名（公章）：',
  '备注',
];
const CHANGE_LABELS = ['变更事项', '变更项目', '变更前', '变更后'];

const CHANGE_VALUES = ['翱翔信息化𠮷', '微信公众号', '信息化建设与管理处', 'nwpu_xxh', '2026年11月16日', '2026年11月23日', '管理员岗位调整'];

let filled: ReadPdf;
let closed: ReadPdf;
let blank: ReadPdf;
const ctx = () => createFormContext(recordsContext());

beforeAll(async () => {
  filled = await renderAndRead('F10-change', buildF10(change, ctx()));
  closed = await renderAndRead('F10-closure', buildF10(closure, ctx()));
  blank = await renderAndRead('F10-blank', buildF10(null, createFormContext(recordsContext(''))));
});

describe('F10 新媒体账号变更（注销）备案表 (001 第五条, 004 第六条)', () => {
  it('prints the institution in the title and every label word for word', () => {
    for (const l of [...LABELS, ...CHANGE_LABELS]) expect(filled.text, l).toContain(squash(l));
  });

  it('prints a change filing: ■变更, each change before → after (𠮷), the dates as 2026年11月16日', () => {
    expect(filled.text).toContain('备案类别■变更□注销');
    for (const v of CHANGE_VALUES) expect(filled.text, v).toContain(squash(v));
    expect(filled.text).toContain('总管理员赵总管吉𠮷龘');
    expect(filled.text).toContain('账号名称信息化处翱翔信息化𠮷');
    expect(filled.text).toContain('变更（注销）日期2026年11月16日');
    expect(filled.text).toContain('应报备日期2026年11月23日（变更后5个工作日内报党委宣传部备案）');
    expect(filled.text).not.toContain('注销原因');
  });

  it('prints a closure filing: ■注销 and the reason instead of the change table', () => {
    expect(closed.text).toContain('备案类别□变更■注销');
    expect(closed.text).toContain('注销原因内容并入微信公众号，长期不更新');
    expect(closed.text).toContain('信息化处微博');
    expect(closed.text).toContain('2026年3月2日');
    expect(closed.text).toContain('2026年3月9日');
    expect(closed.text).not.toContain('变更项目');
  });

  it('takes the deadline in working days from the profile in the form context (5 in both seeds)', async () => {
    const profile = presetProfile('functional-department');
    const three = createFormContext(recordsContext('BG-2026-0003', [], { ...profile, changeFilingWorkingDays: 3 }));
    const pdf = await renderAndRead('F10-days', buildF10(change, three));
    expect(pdf.text).toContain('（变更后3个工作日内报党委宣传部备案）');
    expect(filingDeadlineNote(ctx())).toBe('变更后5个工作日内报党委宣传部备案');
  });

  it('reckons a due date the record lacks from the profile and the holiday calendar', async () => {
    const { dueDate: _stored, ...undated } = change;
    // 2026-11-16 (Monday) + 5 working days with Wednesday the 18th declared a holiday → Tuesday the 24th.
    const data = { ...recordsContext('BG-2026-0004'), holidays: [{ date: '2026-11-18', kind: 'holiday' as const }] };
    const pdf = await renderAndRead('F10-reckoned', buildF10(undated, createFormContext(data)));
    expect(pdf.text).toContain('应报备日期2026年11月24日');
  });

  it('asks for 附件1 to be filled in again under a profile that uses it (001 第五条), not under 004', async () => {
    expect(filled.text).toContain(squash('注：分管领导或管理员变更的，应重新填写《西北工业大学微信、微博账号备案信息表》，与本表一并报党委宣传部备案。'));
    const under004 = createFormContext(recordsContext('BG-2026-0005', [], presetProfile('undergraduate-filing-three-reviewers')));
    const pdf = await renderAndRead('F10-004', buildF10(change, under004));
    expect(pdf.text).not.toContain('重新填写');
  });

  it('leaves a seal area of at least 50 mm under both opinions', () => {
    const all = words(filled.file);
    expect(sealAreaUnder(all, '单位负责人意见')).toBeGreaterThanOrEqual(mm(50) - 1);
    expect(sealAreaUnder(all, '党委宣传部备案意见')).toBeGreaterThanOrEqual(mm(50) - 1);
  });

  it('prints a clean blank form: both boxes empty, the change table and the closure reason, no values', () => {
    for (const l of [...LABELS, ...CHANGE_LABELS, '注销原因']) expect(blank.text, l).toContain(squash(l));
    expect(blank.text).toContain('备案类别□变更□注销');
    for (const v of CHANGE_VALUES) expect(blank.text, v).not.toContain(squash(v));
    expect(blank.text).not.toContain('2026年');
  });

  it('continues a long list of changes on the next page with the head repeated', async () => {
    const many = { ...change, changes: Array.from({ length: 30 }, (_, i) => ({ field: `分管理员${i + 1}`, before: '赵总管', after: '吉𠮷龘' })) };
    const pdf = await renderAndRead('F10-long', buildF10(many, ctx()));
    expect(pdf.pages).toBe(2);
    expect(qpdfOk(pdf.file)).toBe(true);
    const page2 = pageText(pdf.file, 2);
    expect(page2.startsWith('变更事项变更项目变更前变更后')).toBe(true);
    expect(page2).toContain('分管理员30赵总管吉𠮷龘');
    expect(page2).toContain('签名（公章）：');
  });

  it('is the form of change and closure filings only', () => {
    expect(F10_FORM.appliesTo(change)).toBe(true);
    expect(F10_FORM.appliesTo(closure)).toBe(true);
    expect(F10_FORM.appliesTo(opening)).toBe(false);
  });
});
