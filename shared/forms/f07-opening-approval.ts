// F07 开通官方微博、微信及相关公众号等新媒体审批表 (seed 003 第五条): a unit applies to open an
// account, stating 名称、宗旨、信息发布范围、管理人员; the unit's party and administrative head signs,
// and the 党委宣传部 approves. Built from an Approval of kind 开通审批 and the platform it opens.
import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Person } from '../domain/person';
import type { Platform } from '../domain/platform';
import type { Approval } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { cellText } from './format';
import { formatZonedDate } from './zoned-format';
import { breakLabel, formDocument, gridTable, label, rich, sealBlock, value, writingRoom } from './kit';
import { breakTitle } from './title-lines';
import { mm } from './layout';
import { adminsOf, firstResponsibleOf, keepTogether, organiserName, personLine, personOf, personRow, unitName } from './record-cells';

export const F07_META = {
  id: 'F07',
  title: '开通官方微博、微信及相关公众号等新媒体审批表',
  version: '2026.1',
  source: '003 第五条',
  numberPrefix: 'KT',
} as const;

/** section label | role | 姓名 | 职务 | 电话; widths exclude padding and fill the 156 mm type area. */
const WIDTHS = [mm(24), mm(22), mm(26), mm(36), '*'] as const;

export function f07AppliesTo(a: Pick<Approval, 'kind'>): boolean {
  return a.kind === '开通审批';
}

export function buildF07(approval: Approval | null, ctx: FormContext): TDocumentDefinitions {
  const p = approval ? ctx.lookups.platform(approval.platformId) : undefined;
  const admins = adminsOf(ctx, p);
  // A blank form offers one line for each kind of administrator.
  const adminRows: [string, Person | undefined][] = admins.length > 0 ? admins : [['总管理员', undefined], ['分管理员', undefined]];

  const top: TableCell[][] = [
    [label('申请单位'), value(rich(organiserName(ctx, p)), 2), {}, label('平台类型'), value(rich(p?.kind))],
    [label('名称'), value(rich(p?.name), 4), {}, {}, {}],
    ...studentRows(ctx, p),
    [label('宗旨'), value(rich(p?.purpose), 4, writingRoom(p?.purpose, mm(16))), {}, {}, {}],
    [label(breakLabel('信息发布范围', ['信息发布'])), value(rich(p?.contentScope), 4, writingRoom(p?.contentScope, mm(16))), {}, {}, {}],
  ];
  const team: TableCell[][] = [
    [label('管理人员', { rowSpan: adminRows.length + 1 }), label('——'), label('姓名'), label('职务'), label('电话')],
    ...adminRows.map(([role, person]) => personRow(role, person, [{}])),
    [label('第一责任人'), value(personLine(firstResponsibleOf(ctx, p)), 4), {}, {}, {}],
  ];

  // The two opinions side by side, each with a whole seal area; their rows never break across pages.
  const closing: TableCell[][] = [
    [label('单位党政主要负责人意见', { colSpan: 3 }), {}, {}, label(`${cellText(ctx.texts.filingOffice)}审批意见`, { colSpan: 2 }), {}],
    [value(sealBlock(), 3), {}, {}, value(sealBlock(), 2), {}],
  ];
  const remarks: TableCell[][] = [[label('备注'), value(rich(approval?.note), 4, writingRoom(approval?.note, mm(10))), {}, {}, {}]];

  const doc = formDocument(F07_META, ctx, approval?.id, [
    gridTable(top, WIDTHS),
    keepTogether(gridTable(team, WIDTHS, { dontBreakRows: true })),
    keepTogether(gridTable(closing, WIDTHS, { dontBreakRows: true })),
    gridTable(remarks, WIDTHS),
  ]);
  // Between words: …微博、微信 / 及相关公众号等新媒体审批表, or after the institution's name.
  return breakTitle(doc, [`${ctx.institutionName}开通官方微博、微信`, ctx.institutionName]);
}

/** Student bodies apply through their sponsoring unit (003 第六条): name the body and its teacher. */
function studentRows(ctx: FormContext, p: Platform | undefined): TableCell[][] {
  if (!p?.sponsorUnitId) return [];
  return [[label('学生组织'), value(rich(unitName(ctx, p.hostUnitId)), 2), {}, label('指导教师'), value(rich(personOf(ctx, p.guidingTeacherId)?.name))]];
}

export const F07_FORM: FormDefinition<Approval> = {
  ...F07_META,
  recordTable: 'approvals',
  recordId: (a) => a.id,
  describe: (a, timeZone) => `开通审批${formatZonedDate(a.signedOn ?? a.createdAt, { timeZone })}`,
  appliesTo: f07AppliesTo,
  build: buildF07,
  samples: (demo) => (demo.approvals ?? []).filter((a) => !a.deletedAt && f07AppliesTo(a)),
};
