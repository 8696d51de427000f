// F11S 新媒体账号年度检查汇总表 (seed 001 第六条, 004 附件1 第十一条): the year's inspections in one
// list — gathered by the office (001: 综合办公室统一汇总), approved by the unit's first responsible
// person and reported to the 宣传部 — with the count of each conclusion. Landscape; the head row
// repeats on every page.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { INSPECTION_RESULTS, type Inspection } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { BLANK_DATE, cellText, joinNonEmpty } from './format';
import { failedCheckWording } from './f11-annual-inspection';
import { closeWith, formDocument, rich, value } from './kit';
import { mm } from './layout';
import { LIST_BLANK_ROWS, LIST_SPARE_ROWS, SP, labelled, listTable, organiserName, personOf, serialCell } from './record-cells';

export const F11S_META = {
  id: 'F11S',
  title: '新媒体账号年度检查汇总表',
  version: '2026.1',
  source: '001 第六条, 004 附件1 第十一条',
  numberPrefix: 'NJHZ',
} as const;

/** One year's inspection campaign: the record F11S is printed from. */
export interface InspectionYear {
  year: number;
  inspections: Inspection[];
}

export const F11S_HEAD = ['序号', '账号名称', '类型', '主办单位', '责任人', '结论', '备注'] as const;
/** One row fewer than F09: the approval line under the counts needs the room. */
export const F11S_BLANK_ROWS = LIST_BLANK_ROWS - 1;
/** Widths exclude padding; together they fill the 243 mm of a landscape type area. */
const WIDTHS = [mm(12), mm(44), mm(26), mm(42), mm(24), mm(26), '*'] as const;

export function buildF11S(campaign: InspectionYear | null, ctx: FormContext): TDocumentDefinitions {
  const list = campaign?.inspections.filter((r) => !r.deletedAt) ?? [];
  const rows: TableCell[][] = list.map((r, i) => {
    const p = ctx.lookups.platform(r.platformId);
    return [
      serialCell(i + 1),
      value(rich(p?.name)),
      value(rich(p?.kind)),
      value(rich(organiserName(ctx, p))),
      value(rich(personOf(ctx, p?.responsibleId)?.name)),
      { text: cellText(r.result), alignment: 'center', verticalAlignment: 'middle' },
      value(rich(f11sRemark(r))),
    ];
  });

  return formDocument(
    F11S_META,
    ctx,
    undefined,
    [
      {
        columns: [
          labelled('检查年度：', campaign ? `${campaign.year}年` : undefined),
          labelled('汇总部门：', ctx.texts.keepingOffice),
          { width: 'auto', text: `汇总日期：${BLANK_DATE}` },
        ],
        style: 'belowTable',
        margin: [0, 0, 0, mm(1.5)],
      },
      // The approval signature stays on the page of the list's last account.
      ...closeWith(listTable(F11S_HEAD, rows, WIDTHS, F11S_BLANK_ROWS), [
        { text: campaign ? countsLine(list) : blankCountsLine(), style: 'belowTable' },
        { text: `单位第一责任人审批（签字）：${SP.repeat(12)}${BLANK_DATE}`, style: 'belowTable', alignment: 'right', margin: [0, mm(6), 0, 0] },
      ], rows.length ? LIST_SPARE_ROWS + 1 : F11S_BLANK_ROWS),
    ],
    { landscape: true },
  );
}

/**
 * The checks that failed, each in its negative wording, with their notes: what the 宣传部 reads
 * first. A closed 僵尸号 reads 长期未更新，存在“僵尸号”情况, never the check's positive wording.
 */
export function f11sRemark(r: Pick<Inspection, 'checks'>): string {
  return joinNonEmpty(
    r.checks.filter((c) => !c.ok).map((c) => joinNonEmpty([failedCheckWording(c.item), c.note], '：')),
    '；',
  );
}

/** 合格 N 个 限期整改 N 个 关停注销 N 个（未出结论 N 个） 合计 N 个. */
export function countsLine(list: readonly Inspection[]): Content {
  const parts = INSPECTION_RESULTS.map((result) => `${result} ${list.filter((r) => r.result === result).length} 个`);
  const open = list.filter((r) => !r.result).length;
  if (open > 0) parts.push(`未出结论 ${open} 个`);
  return `${parts.join(SP)}${SP}合计 ${list.length} 个`;
}

function blankCountsLine(): string {
  return [...INSPECTION_RESULTS, '合计'].map((r) => `${r}${SP.repeat(3)}个`).join(SP);
}

/** The campaigns in the demo data: one per year that has inspections. */
export function inspectionYears(inspections: readonly Inspection[]): InspectionYear[] {
  const years = new Map<number, Inspection[]>();
  for (const r of inspections) {
    if (r.deletedAt) continue;
    // Appended in place: a copy of the year's list per inspection was quadratic (30,000 a year at scale).
    const list = years.get(r.year);
    if (list) list.push(r);
    else years.set(r.year, [r]);
  }
  return [...years.entries()].sort(([a], [b]) => a - b).map(([year, list]) => ({ year, inspections: list }));
}

export const F11S_FORM: FormDefinition<InspectionYear> = {
  ...F11S_META,
  // A campaign is not one stored record: no table and no id to print as the QR code.
  recordId: () => undefined,
  describe: (c) => `${c.year}年`,
  appliesTo: () => true,
  build: buildF11S,
  samples: (demo) => inspectionYears(demo.inspections ?? []),
};
