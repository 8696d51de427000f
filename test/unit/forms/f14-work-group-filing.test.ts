// F14 工作群登记备案表 rendered to a real PDF and read back: the labels and the unit's commitment
// (000 第五条, 003 第十九—二十一条), the group's record, the seal area, fonts, A4, a blank form.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildF14, F14_FORM, F14_TEXTS } from '../../../shared/forms/f14-work-group-filing';
import { mm } from '../../../shared/forms/layout';
import { createDemoDataset } from '../../../shared/demo/demo-dataset';
import { tmpdir } from 'node:os';
import { printed, renderPaper } from './paper-check';
import { expectRareName, groupContext, groupPlatform, pagesOf, renderToFile, squash, textOf, wordsOf } from './group-fixture';

const LABELS = [
  '东湖示范大学工作群登记备案表',
  '群名称', '群类型', '群号', '建群单位', '成员人数', '建群日期', '登记日期',
  '群主（管理员）', F14_TEXTS.ownerNote, '监督人', F14_TEXTS.supervisorNote,
  '建群用途', '成员范围', F14_TEXTS.memberScope, '实名核查记录', '备注', '单位意见',
  F14_TEXTS.commitmentLead, ...F14_TEXTS.commitments, F14_TEXTS.signature,
];

const VALUES = [
  '图书馆技术保障部工作群', '微信群·技术保障部', '图书馆', '14人', '2023年6月5日',
  '吉𠮷龘', '党政综合办公室主任', '027-87650405', '韩振华', '纪委副书记',
  '技术保障部日常运维协调。', '系统巡检、故障处置，仅限日常工作。',
  '核查日期：2026年5月26日；2026年11月12日', '离岗人员尚未移出群聊',
];

let filled = '';
let blank = '';

beforeAll(async () => {
  filled = await renderToFile('F14', buildF14(groupPlatform, groupContext()));
  blank = await renderToFile('F14-blank', buildF14(null, groupContext('')));
});

describe('F14 工作群登记备案表 (000 第五条, 003 第十九、二十条)', () => {
  it('prints every label and the commitment of 003 第二十、二十一条 word for word', () => {
    const text = textOf(filled);
    for (const l of LABELS) expect(text, l).toContain(squash(l));
  });

  it('prints the group: type box, number, unit, owner (𠮷), supervisor, real-name checks in date order', () => {
    const text = textOf(filled);
    for (const v of VALUES) expect(text, v).toContain(squash(v));
    expect(text).toContain('□QQ群■微信群□钉钉群');
    expect(text).toContain('编号：QZ-2026-0014');
    expectRareName(filled);
  });

  it('leaves at least 50 mm for the unit seal above the signature date', () => {
    const words = wordsOf(filled);
    const lastCommitment = words.filter((w) => w.word.includes('敏感信息。')).at(-1);
    const dateLine = words.filter((w) => w.word === '日').at(-1);
    expect(lastCommitment && dateLine).toBeTruthy();
    expect(dateLine!.yMax - lastCommitment!.yMax).toBeGreaterThanOrEqual(mm(50) - 1);
  });

  it('prints a clean blank form: the labels, no values, every box empty', () => {
    const text = textOf(blank);
    for (const l of LABELS) expect(text, l).toContain(squash(l));
    for (const v of VALUES) expect(text, v).not.toContain(squash(v));
    expect(text).toContain('□QQ群□微信群□钉钉群');
    expect(text).not.toContain('■');
  });

  it('continues a long entry on page 2 with the group name repeated at the head', async () => {
    const long = { ...groupPlatform, purpose: '技术保障部日常运维协调，系统巡检与故障处置。'.repeat(40) };
    const file = await renderToFile('F14-long', buildF14(long, groupContext()));
    // The entry taller than a page is printed in parts of about a quarter page each (fit.ts).
    const pages = pagesOf(file);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(printed(await renderPaper(tmpdir(), 'F14-long', buildF14(long, groupContext())), long.purpose)).toBe(true);
    const page2 = textOf(file, 2);
    expect(page2).toContain('群名称图书馆技术保障部工作群');
    const last = textOf(file, pages);
    expect(last).toContain(squash(F14_TEXTS.signature));
    expect(last).toContain(`第${pages}页共${pages}页`);
  });

  it('files only work groups, and has the demo groups as samples', () => {
    const demo = createDemoDataset();
    const samples = F14_FORM.samples(demo);
    for (const p of samples) expect(['QQ群', '微信群', '钉钉群']).toContain(p.kind);
    expect(F14_FORM.appliesTo({ ...groupPlatform, kind: '微信公众号' })).toBe(false);
  });
});
