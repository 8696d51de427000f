// F11 新媒体账号年度检查表 (seed 001 第六条, 004 附件1 第十一条): each account's yearly inspection —
// the checks, the administrators' self-assessment, the conclusion (合格/限期整改/关停注销), the
// approval of the unit's first responsible person and the 宣传部's opinion. The year's summary
// list is F11S (f11s-inspection-summary.ts).
import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DEFAULT_INSPECTION_CHECKS } from '../domain/inspection-checks';
import { INSPECTION_RESULTS, type Inspection } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { BLANK_DATE, cellText } from './format';
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

/** Each check said the other way round, for where a failed check is listed (F11S 备注). */
const FAILED_WORDING: Readonly<Record<string, string>> = {
  '已备案，变更已按时报备': '未备案或变更未按时报备',
  '落实先审后发的审核制度': '未落实先审后发的审核制度',
  '持续更新，无“僵尸号”情况': '长期未更新，存在“僵尸号”情况',
  '无广告、经营性信息及侵权行为': '存在广告、经营性信息或侵权行为',
  '无违法违规、有损学校声誉的信息': '存在违法违规、有损学校声誉的信息',
  '密码专人管理、密封存档、定期修改': '密码未落实专人管理、密封存档、定期修改',
  '管理人员参加业务培训': '管理人员未参加业务培训',
  // The demo's year-end checks (after 002 第十条 (一)).
  '备案信息完整，变更按时报备': '备案信息不完整或变更未按时报备',
  '信息发布先审后发，审核记录齐全': '信息发布未先审后发或审核记录不全',
  '内容按要求更新，无长期不更新': '内容未按要求更新，存在长期不更新',
  '账号安全管理到位，账号信息密封存档': '账号安全管理不到位或账号信息未密封存档',
  '互动交流正常，无违规信息': '互动交流不正常或存在违规信息',
} satisfies Record<(typeof DEFAULT_INSPECTION_CHECKS)[number], string> & Record<string, string>;

/** A failed check in its negative wording; an item of the clerk's own is marked 不符合. */
export function failedCheckWording(item: string): string {
  return FAILED_WORDING[item.trim()] ?? `不符合：${item.trim()}`;
}

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

  const checks = r ? r.checks : DEFAULT_INSPECTION_CHECKS.map((item) => ({ item, ok: undefined, note: undefined }));
  const checkRows: TableCell[][] = [
    [label('序号'), label('检查项目'), label('是否符合'), label('说明')],
    ...checks.map((c, i) => [serialCell(i + 1), value(rich(c.item)), value(yesNo(c.ok)), value(rich(c.note))]),
  ];

  const assessment: TableCell[][] = [
    [label('自查情况'), value(rich(r?.selfAssessment), 3, writingRoom(r?.selfAssessment, mm(22))), {}, {}],
    [label('检查结论'), value(choices(INSPECTION_RESULTS, (o) => r?.result === o), 3), {}, {}],
    // 001 第六条: 新媒体管理员…填报年审材料 — the administrator who fills it in signs and dates it.
    [label('填报管理员（签字）', { minHeight: mm(14) }), value(''), label('填报日期'), value(BLANK_DATE)],
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
