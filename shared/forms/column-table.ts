// The column table shared by F02 网站主页栏目设置及分工表 (seed 000 附表2) and F03 微信公众服务号
// 栏目设置及分工表 (000 附件3): one row per column of the platform, the level-1 cell merged over
// consecutive rows of the same level 1, the head repeated on every page, and empty rows to fill in
// by hand on a blank form.
import type { ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Platform, PlatformColumn } from '../domain/platform';
import type { FormContext } from './context';
import { cellText } from './format';
import { estimateHeight } from './fit';
import { formDocument, gridTable, inline, label, rich, typeArea, value, type FormMeta } from './kit';
import { mm, TYPE_SIZE } from './layout';

/** Height the title (two lines at most) and the platform's name line take on the first page. */
const TITLE_ROOM = mm(32);

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
  const head: TableCell[] = heads.map((h) => label(h));
  const groups = columnGroups(platform?.columns ?? []);
  const named = platform ? [{ text: inline(nameLine(platform)), style: 'belowTable', margin: [0, 0, 0, mm(1.5)] as [number, number, number, number] }] : [];
  // A blank form, or a platform whose columns are not recorded yet, is filled in by hand.
  if (!groups.length) {
    const blank = Array.from({ length: BLANK_COLUMN_ROWS }, (): TableCell[] => [value('', 1, BLANK_ROW_HEIGHT), value(''), value(''), value('')]);
    return formDocument(meta, ctx, platform?.id, [...named, gridTable([head, ...blank], WIDTHS, { headerRows: 1, dontBreakRows: true })]);
  }
  return formDocument(meta, ctx, platform?.id, [...named, ...pagedTables(head, groups)]);
}

/**
 * The table laid out page by page. pdfmake misplaces a merged level-1 cell whose rows run onto the
 * next page (its text lands in another cell and the continued rows show no level 1), so the rows
 * are packed into pages here by their estimated height (an estimate above the real one), each
 * page its own table under the head, and a group that runs on is merged again on the next page
 * with its level 1 repeated.
 */
function pagedTables(head: TableCell[], groups: readonly PlatformColumn[][]): ContentTable[] {
  const area = typeArea(false);
  const base = { fontSize: TYPE_SIZE.sihao, lineHeight: 1 };
  const height = (row: TableCell[]): number => estimateHeight(gridTable([row], WIDTHS), area.width, base);
  // Room under the head: the first page also holds the title and the line naming the platform.
  const headHeight = height(head);
  const firstPage = area.height - TITLE_ROOM - headHeight;
  const nextPages = area.height - headHeight - mm(5);
  const pages: TableCell[][][] = [[]];
  let room = firstPage;
  for (const group of groups) {
    let part: TableCell[][] = [];
    const close = () => {
      if (part.length === 0) return;
      part[0]![0] = centered(group[0]!.level1, part.length);
      pages.at(-1)!.push(...part);
      part = [];
    };
    for (const c of group) {
      const row: TableCell[] = [{}, value(rich(c.level2)), centered(c.department), value(rich(c.note))];
      const h = height([centered(c.level1), ...row.slice(1)]);
      if (h > room && (part.length > 0 || pages.at(-1)!.length > 0)) {
        close();
        pages.push([]);
        room = nextPages;
      }
      part.push(row);
      room -= h;
    }
    close();
  }
  return pages.map((rows, i) => {
    const table = gridTable([head, ...rows], WIDTHS, { headerRows: 1, dontBreakRows: true });
    return i === 0 ? table : { ...table, pageBreak: 'before' as const };
  });
}
