// F17 举报投诉（舆情）受理处置登记表 (seed 002 第十条 (二): 对举报投诉的问题，应及时进行调查核实，
// 并将处理结果反馈给举报人; (三): 网络舆情…按照规定的程序进行应对处置): one complaint or opinion
// event from intake to closure — what was reported, what was found, what was done, who was told —
// signed by the clerk who handled it and the person in charge.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { INCIDENT_ACTIONS, type Incident } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { cellText, checked, formatDate, truncate } from './format';
import { closeWith, DATE_BLANKS, formDocument, gridTable, label, rich, value, writingRoom } from './kit';
import { mm, SIGNATURE_CELL_HEIGHT } from './layout';
import { breakTitle } from './title-lines';

export const F17_META = {
  id: 'F17',
  title: '举报投诉（舆情）受理处置登记表',
  version: '2026.1',
  source: '002 第十条',
  numberPrefix: 'JB',
} as const;

/** The kinds this form records (the third kind, 问题登记, goes on F15). */
export const F17_KINDS = ['举报投诉', '舆情'] as const;

/** Channels of 002 第十条: the complaint telephone and mailbox, and opinion monitoring. Not stored: ticked by hand. */
export const F17_CHANNELS = ['举报电话', '举报邮箱', '来信来访', '舆情监测', '其他'] as const;

/** label | value | label | value over the 156 mm type area (widths exclude cell padding). */
const WIDTHS = [mm(33), '*', mm(24), '*'] as const;

export function f17AppliesTo(incident: Pick<Incident, 'kind'>): boolean {
  return (F17_KINDS as readonly string[]).includes(incident.kind);
}

export function buildF17(incident: Incident | null, ctx: FormContext): TDocumentDefinitions {
  const i = incident ?? undefined;
  const platform = i ? ctx.lookups.platform(i.platformId) : undefined;
  const platformText = platform ? `${platform.name}（${platform.kind}${cellText(platform.accountId) ? `，${platform.accountId}` : ''}）` : '';

  const main: TableCell[][] = [
    // The first row identifies the record on every page a long entry runs to.
    [label('受理编号'), value(cellText(ctx.formNumber)), label('受理日期'), value(formatDate(i?.date))],
    [label('类别'), value(F17_KINDS.map((k) => checked(k, i?.kind === k)).join('  '), 3), {}, {}],
    [label('来源/渠道'), value(F17_CHANNELS.map((c) => checked(c, false)).join('  '), 3), {}, {}],
    [label('涉及平台'), value(rich(platformText), 3), {}, {}],
    // 002 第十条(二): 将处理结果反馈给举报人 — who complained and how to reach them.
    [label('举报人'), value(rich(i?.complainant)), label('联系方式'), value(rich(i?.complainantContact))],
    [label('反映（发现）\n的问题'), value(rich(i?.found), 3, writingRoom(i?.found, mm(30))), {}, {}],
    // Not stored: the clerk writes what the investigation found.
    [label('调查核实情况'), value('', 3, mm(38)), {}, {}],
    [label('处置措施'), value(INCIDENT_ACTIONS.map((a) => checked(a, !!i?.actions.includes(a))).join('  '), 3), {}, {}],
    [label('上报对象'), value(rich(i?.reportedTo), 3, writingRoom(i?.reportedTo, mm(10))), {}, {}],
    [label('处理结果\n反馈举报人'), value(rich(i?.feedback), 3, writingRoom(i?.feedback, mm(25))), {}, {}],
    [label('办结日期'), value(formatDate(i?.closedOn), 3), {}, {}],
  ];

  const signatures: TableCell[][] = [[label('经办人\n（签字）'), signCell(), label('负责人\n（签字）'), signCell()]];

  // The signatures never stand on a page of their own: the last row goes with them.
  const doc = formDocument(F17_META, ctx, i?.id, closeWith(gridTable(main, WIDTHS, { headerRows: 1 }), [gridTable(signatures, WIDTHS, { dontBreakRows: true })]));
  return breakTitle(doc, [ctx.institutionName]);
}

/** Room for a signature (≥ 15 mm) with the date at its foot. */
function signCell(): TableCell {
  const content: Content[] = [{ text: '', margin: [0, 0, 0, mm(9)] }, { text: DATE_BLANKS, alignment: 'right' }];
  return value(content, 1, SIGNATURE_CELL_HEIGHT + mm(5));
}

export const F17_FORM: FormDefinition<Incident> = {
  ...F17_META,
  recordTable: 'incidents',
  recordId: (i) => i.id,
  describe: (i) => truncate(cellText(i.found), 16),
  appliesTo: f17AppliesTo,
  build: buildF17,
  samples: (demo) => demo.incidents.filter((i) => !i.deletedAt && f17AppliesTo(i)),
};
