// F10 新媒体账号变更（注销）备案表 (seed 001 第五条, 004 附件1 第六条): when an account's name,
// administrators or maintenance change — or the account is closed — the unit files it in writing
// with the 党委宣传部 within 5 working days. Built from an Approval of kind 变更备案 or 注销备案.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Approval } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { F04_META } from './f04-account-filing';
import { changeFilingDeadline } from '../rules/deadlines';
import { cellText, formatDate } from './format';
import { formatZonedDate } from './zoned-format';
import { belowTable, formDocument, gridTable, label, rich, sealBlock, value, writingRoom } from './kit';
import { mm } from './layout';
import { breakTitle } from './title-lines';
import { SP, accountOf, choices, keepTogether, organiserName } from './record-cells';

export const F10_META = {
  id: 'F10',
  title: '新媒体账号变更（注销）备案表',
  version: '2026.1',
  source: '001 第五条, 004 附件1 第六条',
  numberPrefix: 'BG',
} as const;

/** Empty rows of the 变更事项 table on a blank form. */
const BLANK_CHANGE_ROWS = 3;

/** label | value | label | value, filling the 156 mm type area. */
const WIDTHS = [mm(34), '*', mm(26), '*'] as const;
/** 变更项目 | 变更前 | 变更后. */
const CHANGE_WIDTHS = [mm(34), '*', '*'] as const;

export function f10AppliesTo(a: Pick<Approval, 'kind'>): boolean {
  return a.kind === '变更备案' || a.kind === '注销备案';
}

/** The deadline as the profile in force states it (001 第五条, 004 第六条: 5 个工作日). */
export function filingDeadlineNote(ctx: Pick<FormContext, 'profile' | 'texts'>): string {
  return `变更后${ctx.profile.changeFilingWorkingDays}个工作日内报${cellText(ctx.texts.filingOffice)}备案`;
}

/**
 * 001 第五条: a change of 分管领导 or 管理员 means filling in 附件1 (F04) again. Printed under every
 * profile that uses F04, so the clerk hands both sheets in together.
 */
export function refileNote(ctx: Pick<FormContext, 'profile' | 'texts' | 'institutionName'>): string | undefined {
  if (!ctx.profile.forms.includes('F04')) return undefined;
  return `注：分管领导或管理员变更的，应重新填写《${ctx.institutionName}${F04_META.title}》，与本表一并报${cellText(ctx.texts.filingOffice)}备案。`;
}

export function buildF10(approval: Approval | null, ctx: FormContext): TDocumentDefinitions {
  const a = approval ?? undefined;
  const p = a ? ctx.lookups.platform(a.platformId) : undefined;
  const closing = a?.kind === '注销备案';
  const office = cellText(ctx.texts.filingOffice);
  // The record's own due date; one filed before it was stored is reckoned from the profile.
  const dueDate = a?.dueDate ?? (a?.changeDate ? changeFilingDeadline(a.changeDate, ctx.profile, ctx.holidays).dueDate : undefined);

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
      value({ text: [formatDate(dueDate), { text: `${SP}（${filingDeadlineNote(ctx)}）`, style: 'note' }] }, 3),
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
  const refile = closing ? undefined : refileNote(ctx);
  if (refile) parts.push(belowTable(refile));

  return breakTitle(formDocument(F10_META, ctx, a?.id, parts), [ctx.institutionName]);
}

/** 变更事项 as a caption over its column heads (both repeat when a long list runs on), then the rows. */
function changeRows(a: Approval | undefined): TableCell[][] {
  const rows: TableCell[][] = (a?.changes ?? []).map((c) => [value(rich(c.field)), value(rich(c.before)), value(rich(c.after))]);
  while (rows.length < (a ? 1 : BLANK_CHANGE_ROWS)) rows.push([value(''), value(''), value('')]);
  return [[label('变更事项', { colSpan: 3 }), {}, {}], [label('变更项目'), label('变更前'), label('变更后')], ...rows];
}

export const F10_FORM: FormDefinition<Approval> = {
  ...F10_META,
  recordTable: 'approvals',
  recordId: (a) => a.id,
  describe: (a, timeZone) => `${a.kind}${formatZonedDate(a.changeDate ?? a.createdAt, { timeZone })}`,
  appliesTo: f10AppliesTo,
  build: buildF10,
  samples: (demo) => (demo.approvals ?? []).filter((a) => !a.deletedAt && f10AppliesTo(a)),
};
