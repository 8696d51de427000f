// F08 新媒体账号登记备案表 (seed 004 附件1 第五条): the filing sheet of one account with what the
// clause lists — 建立单位、责任人、发布平台、账号名称、创建时间、发布内容、后台管理队伍信息 — and, for
// student bodies, the unit they belong to and the guiding teacher (第三条). The unit's head signs
// and the unit seals it.
import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Person } from '../domain/person';
import { isGroupKind, type Platform } from '../domain/platform';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { formatDate } from './format';
import { breakLabel, closeWith, formDocument, gridTable, label, rich, sealBlock, value, writingRoom } from './kit';
import { mm } from './layout';
import { adminsOf, keepTogether, personLine, personOf, personRow, unitName } from './record-cells';

export const F08_META = {
  id: 'F08',
  title: '新媒体账号登记备案表',
  version: '2026.1',
  source: '004 附件1 第五条',
  numberPrefix: 'DJ',
} as const;

/** section label | role | 姓名 | 职务 | 电话, filling the 156 mm type area. */
const WIDTHS = [mm(26), mm(22), mm(26), mm(34), '*'] as const;

/** Seed 004 第二条 covers every account except the campus website; work groups have F14. */
export function f08AppliesTo(p: Pick<Platform, 'kind'>): boolean {
  return p.kind !== '官方网站' && !isGroupKind(p.kind);
}

export function buildF08(platform: Platform | null, ctx: FormContext): TDocumentDefinitions {
  const p = platform ?? undefined;
  const person = (id: string | undefined): Person | undefined => personOf(ctx, id);
  const team: [string, Person | undefined][] = p
    ? [...adminsOf(ctx, p), ['业务负责人', person(p.businessLeadId)], ['技术负责人', person(p.technicalLeadId)]]
    : [['总管理员', undefined], ['分管理员', undefined], ['业务负责人', undefined], ['技术负责人', undefined]];

  const top: TableCell[][] = [
    [label('建立单位'), value(rich(unitName(ctx, p?.hostUnitId)), 2), {}, label('发布平台'), value(rich(p?.kind))],
    [label('账号名称'), value(rich(p?.name), 2), {}, label('账号'), value(rich(p?.accountId || p?.url))],
    [label('创建时间'), value(formatDate(p?.openedOn), 4), {}, {}, {}],
    [label('责任人'), value(personLine(person(p?.responsibleId)), 4), {}, {}, {}],
    [label('发布内容'), value(rich(p?.contentScope), 4, writingRoom(p?.contentScope, mm(16))), {}, {}, {}],
  ];
  const teamRows: TableCell[][] = [
    // At the top of its span: pdfmake centres a spanned cell too low, and the label crossed the border.
    [{ ...(label(breakLabel('后台管理队伍信息', ['后台管理']), { rowSpan: team.length + 1 }) as object), verticalAlignment: 'top' } as TableCell, label('——'), label('姓名'), label('职务'), label('电话')],
    ...team.map(([role, who]) => personRow(role, who, [{}])),
    [
      label('所属单位（学生组织填写）'),
      value(rich(unitName(ctx, p?.sponsorUnitId)), 2),
      {},
      label('指导教师'),
      value(rich(person(p?.guidingTeacherId)?.name)),
    ],
  ];

  // The signature and seal row never breaks, so the seal area stays whole on one page.
  const closing: TableCell[][] = [[label('单位主要负责人意见'), value(sealBlock(), 4), {}, {}, {}]];
  const remarks: TableCell[][] = [[label('备注'), value(rich(p?.note), 4, writingRoom(p?.note, mm(10))), {}, {}, {}]];

  return formDocument(F08_META, ctx, p?.id, [
    gridTable(top, WIDTHS),
    // The team stays whole (its label spans its rows); its last row goes with the seal row.
    // The team stays whole (its label spans its rows); its last row goes with the seal row.
    ...closeWith(gridTable(teamRows, WIDTHS, { dontBreakRows: true }), [gridTable(closing, WIDTHS, { dontBreakRows: true })]).map((c, i) =>
      i === 0 ? keepTogether(c) : c,
    ),
    gridTable(remarks, WIDTHS),
  ]);
}

export const F08_FORM: FormDefinition<Platform> = {
  ...F08_META,
  recordTable: 'platforms',
  recordId: (p) => p.id,
  describe: (p) => p.name,
  appliesTo: f08AppliesTo,
  build: buildF08,
  samples: (demo) => demo.platforms.filter((p) => !p.deletedAt && f08AppliesTo(p)),
};
