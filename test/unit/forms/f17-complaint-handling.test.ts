// F17 举报投诉（舆情）受理处置登记表 rendered to a real PDF and read back: the labels (002 第十条
// (二)(三)), the complaint from intake to feedback, the boxes, signature rooms, fonts, A4, blank.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoDataset } from '../../../shared/demo/demo-dataset';
import { buildF17, F17_CHANNELS, F17_FORM } from '../../../shared/forms/f17-complaint-handling';
import { mm } from '../../../shared/forms/layout';
import { complaint, groupContext, groupProblems, pagesOf, renderToFile, squash, textOf, wordsOf } from './group-fixture';

const LABELS = [
  '东湖示范大学举报投诉（舆情）受理处置登记表',
  '受理编号', '受理日期', '类别', '举报投诉', '舆情', '来源/渠道', ...F17_CHANNELS, '涉及平台',
  '反映（发现）的问题', '调查核实情况', '处置措施', '劝阻', '禁言', '移出', '删除', '屏蔽', '上报',
  '举报人', '联系方式', '上报对象', '处理结果反馈举报人', '办结日期', '经办人（签字）', '负责人（签字）',
];
const VALUES = [
  'JB-2026-0003', '2026年10月25日', '图书馆技术保障部工作群（微信群，微信群·技术保障部）',
  '读者来信反映工作群截图外传，含读者借阅信息', '党委宣传部网宣室',
  '已删除外传截图并提醒群成员遵守保密规定，电话告知举报人', '2026年10月27日',
];

let filled = '';
let blank = '';

beforeAll(async () => {
  filled = await renderToFile('F17', buildF17(complaint, groupContext('JB-2026-0003')));
  blank = await renderToFile('F17-blank', buildF17(null, groupContext('')));
});

describe('F17 举报投诉（舆情）受理处置登记表 (002 第十条)', () => {
  it('prints every label and option word for word', () => {
    const text = textOf(filled);
    for (const l of LABELS) expect(text, l).toContain(squash(l));
  });

  it('prints the complaint: number, dates, platform, problem, actions ticked, reported to, feedback', () => {
    const text = textOf(filled);
    for (const v of VALUES) expect(text, v).toContain(squash(v));
    expect(text).toContain('■举报投诉□舆情');
    // 002 第十条(二): the result goes back to the complainant, so the form says who and how to reach them.
    expect(text).toContain('举报人读者吉𠮷龘联系方式029-88460000');
    expect(text).toContain('□劝阻□禁言□移出■删除■屏蔽■上报');
    // The channel is not stored: the clerk ticks it by hand.
    expect(text).toContain('□举报电话□举报邮箱□来信来访□舆情监测□其他');
  });

  it('gives the handler and the person in charge at least 15 mm to sign', () => {
    const words = wordsOf(filled);
    const closedRow = words.find((w) => w.word.includes('办结日期'));
    const handler = words.find((w) => w.word.startsWith('经办人'));
    const dateFoot = words.filter((w) => w.word === '日').at(-1);
    expect(closedRow && handler && dateFoot).toBeTruthy();
    // From the rule under 办结日期 (its text plus the cell's 3 pt padding) to the date at the foot.
    expect(dateFoot!.yMax - (closedRow!.yMax + 3)).toBeGreaterThanOrEqual(mm(15));
  });

  it('prints a clean blank form: labels, no values, no box ticked', () => {
    const text = textOf(blank);
    for (const l of LABELS) expect(text, l).toContain(squash(l));
    for (const v of VALUES) expect(text, v).not.toContain(squash(v));
    expect(text).not.toContain('■');
  });

  it('continues a long report on page 2 with the intake number and date repeated at the head', async () => {
    const long = { ...complaint, found: '读者来信反映工作群截图外传，含读者借阅信息，要求核查处理。'.repeat(30) };
    const file = await renderToFile('F17-long', buildF17(long, groupContext('JB-2026-0004')));
    expect(pagesOf(file)).toBe(2);
    const page2 = textOf(file, 2);
    expect(page2).toContain('受理编号JB-2026-0004受理日期2026年10月25日');
    expect(page2).toContain('负责人（签字）');
  });

  it('records complaints and opinion events only; the demo has both', () => {
    expect(F17_FORM.appliesTo(groupProblems[0]!)).toBe(false);
    const samples = F17_FORM.samples(createDemoDataset());
    expect(new Set(samples.map((i) => i.kind))).toEqual(new Set(['举报投诉', '舆情']));
    expect(F17_FORM.describe(complaint, 'Asia/Shanghai')).toContain('读者来信');
  });
});
