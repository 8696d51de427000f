// The column table shared by F02 网站主页栏目设置及分工表 (seed 000 附表2) and F03 微信公众服务号
// 栏目设置及分工表 (000 附件3): one row per column of the platform, the level-1 cell merged over
// consecutive rows of the same level 1, the head repeated on every page, and empty rows to fill in
// by hand on a blank form.
import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Platform, PlatformColumn } from '../domain/platform';
import type { FormContext } from './context';
import { cellText } from './format';
import { formDocument, gridTable, inline, label, rich, value, type FormMeta } from './kit';
import { mm } from './layout';

/** The four header texts of the appendix, left to right. */
export type ColumnTableHeads = readonly [level1: string, level2: string, department: string, note: string];

/** Rows a blank form prints for handwriting (one A4 page of them). */
export const BLANK_COLUMN_ROWS = 15;
const BLANK_ROW_HEIGHT = mm(11);
const WIDTHS = [mm(30), '*', mm(30), mm(22)] as const;

/** Level-1 groups: consecutive columns with the same level 1 share one merged cell. */
export function columnGroups(columns: readonly PlatformColumn[]): PlatformColumn[][] {
  const groups: PlatformColumn[][] = [];
  for (const c of columns) {
    const last = groups.at(-1);
    if (last && cellText(last[0]?.level1) === cellText(c.level1)) last.push(c);
    else groups.push([c]);
  }
  return groups;
}

/** Level 1 and the department read best centred, like the appendix's short entries. */
function centered(text: string | undefined, rowSpan = 1): TableCell {
  const cell: TableCell = { stack: [rich(text)], alignment: 'center', verticalAlignment: 'middle' };
  if (rowSpan > 1) cell.rowSpan = rowSpan;
  return cell;
}

export function buildColumnTable(
  meta: FormMeta,
  heads: ColumnTableHeads,
  /** The line above the table that names the platform, e.g. '网站：…'. */
  nameLine: (p: Platform) => string,
  platform: Platform | null,
  ctx: FormContext,
): TDocumentDefinitions {
  const body: TableCell[][] = [heads.map((h) => label(h))];
  const groups = columnGroups(platform?.columns ?? []);
  for (const group of groups) {
    group.forEach((c, i) => {
      const level1: TableCell = i === 0 ? centered(c.level1, group.length) : {};
      body.push([level1, value(rich(c.level2)), centered(c.department), value(rich(c.note))]);
    });
  }
  // A blank form, or a platform whose columns are not recorded yet, is filled in by hand.
  if (!groups.length) for (let i = 0; i < BLANK_COLUMN_ROWS; i++) body.push([value('', 1, BLANK_ROW_HEIGHT), value(''), value(''), value('')]);

  return formDocument(meta, ctx, platform?.id, [
    ...(platform ? [{ text: inline(nameLine(platform)), style: 'belowTable', margin: [0, 0, 0, mm(1.5)] as [number, number, number, number] }] : []),
    gridTable(body, WIDTHS, { headerRows: 1, dontBreakRows: true }),
  ]);
}
