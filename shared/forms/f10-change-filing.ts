// F10 新媒体账号变更（注销）备案表 (seed 001 第五条, 004 附件1 第六条): when an account's name,
// administrators or maintenance change — or the account is closed — the unit files it in writing
// with the 党委宣传部 within 5 working days. Built from an Approval of kind 变更备案 or 注销备案.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Approval } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { cellText, formatDate } from './format';
import { formDocument, gridTable, label, rich, sealBlock, value, writingRoom } from './kit';
import { mm } from './layout';
import { SP, accountOf, choices, keepTogether, organiserName } from './record-cells';

export const F10_META = {
  id: 'F10',
  title: '新媒体账号变更（注销）备案表',
  version: '2026.1',
  source: '001 第五条, 004 附件1 第六条',
  numberPrefix: 'BG',
} as const;

/**
 * The filing, and — when the caller knows it — the profile's deadline in working days
 * (RuleProfile.changeFilingWorkingDays). Approval has no such field yet.
 */
export type ChangeFiling = Approval & { changeFilingWorkingDays?: number };

/** Both seeds give 5 working days (001 第五条, 004 第六条). */
export const DEFAULT_CHANGE_FILING_DAYS = 5;
/** Empty rows of the 变更事项 table on a blank form. */
const BLANK_CHANGE_ROWS = 3;

/** label | value | label | value, filling the 156 mm type area. */
const WIDTHS = [mm(34), '*', mm(26), '*'] as const;
/** 变更项目 | 变更前 | 变更后. */
const CHANGE_WIDTHS = [mm(34), '*', '*'] as const;

export function f10AppliesTo(a: Pick<Approval, 'kind'>): boolean {
  return a.kind === '变更备案' || a.kind === '注销备案';
}

export function filingDeadlineNote(days: number | undefined, office: string): string {
  const n = days !== undefined && Number.isInteger(days) && days > 0 ? days : DEFAULT_CHANGE_FILING_DAYS;
  return `变更后${n}个工作日内报${office}备案`;
}

export function buildF10(approval: ChangeFiling | null, ctx: FormContext): TDocumentDefinitions {
  const a = approval ?? undefined;
  const p = a ? ctx.lookups.platform(a.platformId) : undefined;
  const closing = a?.kind === '注销备案';
  const office = cellText(ctx.texts.filingOffice);

  const head: TableCell[][] = [
    [label('备案类别'), value(choices(['变更', '注销'], (o) => a?.kind === `${o}备案`), 3), {}, {}],
    [label('账号名称'), value(rich(p?.name)), label('平台类型'), value(rich(p?.kind))],
    [label('主办单位'), value(rich(organiserName(ctx, p))), label('账号'), value(rich(accountOf(p)))],
  ];

  // A blank form has both the 变更事项 table and the 注销原因 row; a record prints the one it needs.
  const parts: Content[] = [gridTable(head, WIDTHS)];
  if (!closing) parts.push(gridTable(changeRows(a), CHANGE_WIDTHS, { headerRows: 2, dontBreakRows: true }));
  const dates: TableCell[][] = [];
  if (!a || closing) {
    dates.push([label('注销原因'), value(rich(a?.note), 3, writingRoom(a?.note, mm(18))), {}, {}]);
  }
  dates.push(
    [label('变更（注销）日期'), value(formatDate(a?.changeDate), 3), {}, {}],
    [
      label('应报备日期'),
      value({ text: [formatDate(a?.dueDate), { text: `${SP}（${filingDeadlineNote(a?.changeFilingWorkingDays, office)}）`, style: 'note' }] }, 3),
      {},
      {},
    ],
  );
  parts.push(gridTable(dates, WIDTHS));

  // Signatures and seals side by side; the row never breaks across pages.
  const note = closing ? undefined : a?.note;
  const tail: TableCell[][] = [
    [label('单位负责人意见', { colSpan: 2 }), {}, label(`${office}备案意见`, { colSpan: 2 }), {}],
    [value(sealBlock(), 2), {}, value(sealBlock(), 2), {}],
  ];
  const remarks: TableCell[][] = [[label('备注'), value(rich(note), 3, writingRoom(note, mm(10))), {}, {}]];
  parts.push(keepTogether(gridTable(tail, WIDTHS, { dontBreakRows: true })), gridTable(remarks, WIDTHS));

  return formDocument(F10_META, ctx, a?.id, parts);
}

/** 变更事项 as a caption over its column heads (both repeat when a long list runs on), then the rows. */
function changeRows(a: ChangeFiling | undefined): TableCell[][] {
  const rows: TableCell[][] = (a?.changes ?? []).map((c) => [value(rich(c.field)), value(rich(c.before)), value(rich(c.after))]);
  while (rows.length < (a ? 1 : BLANK_CHANGE_ROWS)) rows.push([value(''), value(''), value('')]);
  return [[label('变更事项', { colSpan: 3 }), {}, {}], [label('变更项目'), label('变更前'), label('变更后')], ...rows];
}

export const F10_FORM: FormDefinition<ChangeFiling> = {
  ...F10_META,
  recordTable: 'approvals',
  recordId: (a) => a.id,
  describe: (a) => `${a.kind}${formatDate(a.changeDate ?? a.createdAt)}`,
  appliesTo: f10AppliesTo,
  build: buildF10,
  samples: (demo) => (demo.approvals ?? []).filter((a) => !a.deletedAt && f10AppliesTo(a)),
};
