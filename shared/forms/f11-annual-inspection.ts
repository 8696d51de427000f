// F11 新媒体账号年度检查表 (seed 001 第六条, 004 附件1 第十一条): each account's yearly inspection —
// the checks, the administrators' self-assessment, the conclusion (合格/限期整改/关停注销), the
// approval of the unit's first responsible person and the 宣传部's opinion. The year's summary
// list is F11S (f11s-inspection-summary.ts).
import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { INSPECTION_RESULTS, type Inspection } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { cellText } from './format';
import { formDocument, gridTable, label, rich, sealBlock, value, writingRoom } from './kit';
import { mm } from './layout';
import { accountOf, adminsOf, choices, firstResponsibleOf, keepTogether, organiserName, peopleCell, personOf, serialCell, yesNo } from './record-cells';

export const F11_META = {
  id: 'F11',
  title: '新媒体账号年度检查表',
  version: '2026.1',
  source: '001 第六条, 004 附件1 第十一条',
  numberPrefix: 'NJ',
} as const;

/** What a blank form asks about, drawn from the seeds' duties (004 第六、九、十条; 003 第十七条; 004 通知). */
export const F11_DEFAULT_CHECKS = [
  '已备案，变更已按时报备',
  '落实先审后发的审核制度',
  '持续更新，无“僵尸号”情况',
  '无广告、经营性信息及侵权行为',
  '无违法违规、有损学校声誉的信息',
  '密码专人管理、密封存档、定期修改',
  '管理人员参加业务培训',
] as const;

/** label | value | label | value, filling the 156 mm type area. */
const WIDTHS = [mm(28), '*', mm(24), '*'] as const;
/** 序号 | 检查项目 | 是否符合 | 说明. */
const CHECK_WIDTHS = [mm(12), '*', mm(24), mm(32)] as const;

export function buildF11(inspection: Inspection | null, ctx: FormContext): TDocumentDefinitions {
  const r = inspection ?? undefined;
  const p = r ? ctx.lookups.platform(r.platformId) : undefined;
  const office = cellText(ctx.texts.filingOffice);
  const firstResponsible = r ? (personOf(ctx, r.approvedById) ?? firstResponsibleOf(ctx, p)) : undefined;

  const head: TableCell[][] = [
    [label('年度'), value(r ? `${r.year}年度` : '　　　　年度'), label('账号名称'), value(rich(p?.name))],
    [label('平台类型'), value(rich(p?.kind)), label('账号'), value(rich(accountOf(p)))],
    [label('主办单位'), value(rich(organiserName(ctx, p))), label('责任人'), value(rich(personOf(ctx, p?.responsibleId)?.name))],
    [label('管理员'), value(peopleCell(adminsOf(ctx, p).map(([, who]) => who))), label('第一责任人'), value(rich(firstResponsible?.name))],
  ];

  const checks = r ? r.checks : F11_DEFAULT_CHECKS.map((item) => ({ item, ok: undefined, note: undefined }));
  const checkRows: TableCell[][] = [
    [label('序号'), label('检查项目'), label('是否符合'), label('说明')],
    ...checks.map((c, i) => [serialCell(i + 1), value(rich(c.item)), value(yesNo(c.ok)), value(rich(c.note))]),
  ];

  const assessment: TableCell[][] = [
    [label('自查情况'), value(rich(r?.selfAssessment), 3, writingRoom(r?.selfAssessment, mm(22))), {}, {}],
    [label('检查结论'), value(choices(INSPECTION_RESULTS, (o) => r?.result === o), 3), {}, {}],
  ];

  // 001 第六条: the unit's first responsible person approves before it goes to the 宣传部.
  const tail: TableCell[][] = [
    [label('单位第一责任人审批', { colSpan: 2 }), {}, label(`${office}意见`, { colSpan: 2 }), {}],
    [value(sealBlock(), 2), {}, value(sealBlock(), 2), {}],
  ];

  return formDocument(F11_META, ctx, r?.id, [
    gridTable(head, WIDTHS),
    gridTable(checkRows, CHECK_WIDTHS, { headerRows: 1, dontBreakRows: true }),
    gridTable(assessment, WIDTHS),
    keepTogether(gridTable(tail, WIDTHS, { dontBreakRows: true })),
  ]);
}

export const F11_FORM: FormDefinition<Inspection> = {
  ...F11_META,
  recordTable: 'inspections',
  recordId: (r) => r.id,
  describe: (r) => `${r.year}年度`,
  appliesTo: () => true,
  build: buildF11,
  samples: (demo) => (demo.inspections ?? []).filter((r) => !r.deletedAt),
};
