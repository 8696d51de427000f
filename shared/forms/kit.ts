// Building blocks every form shares: the document shell (page, title with the institution name,
// PDF info, footer), ruled tables with label and value cells, rare-character text, and the
// signature/seal block. Form builders compose these; they never repeat page or table setup.
import type { Content, ContentTable, TableCell, TableLayout, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FormContext } from './context';
import { fitContent, type FitArea } from './fit';
import { buildFooter } from './footer';
import { RARE_FAMILY } from './fonts';
import { BLANK_DATE, cellText, richText } from './format';
import { A4, basePage, mm, PAGE_MARGINS, SEAL_AREA_HEIGHT, TYPE_SIZE } from './layout';

/** What a form states about itself (see registry.ts). */
export interface FormMeta {
  id: string;
  /** Title without the institution name. */
  title: string;
  version: string;
  source: string;
  numberPrefix: string;
}

export const ROW_MIN = mm(8);
export const CELL_PADDING_X = 4;
export const CELL_PADDING_Y = 3;

/** A cell may ask for a minimum row height (room to write by hand); read by {@link rowHeights}. */
export type KitCell = TableCell & { minHeight?: number };

/**
 * The whole document: page setup, `{institution}{title}` as the title, PDF info and the footer
 * (form number, QR of the record id, 第 N 页 共 M 页).
 */
export function formDocument(
  meta: FormMeta,
  ctx: FormContext,
  recordId: string | undefined,
  content: Content[],
  options: { landscape?: boolean; title?: string } = {},
): TDocumentDefinitions {
  const title = options.title ?? `${ctx.institutionName}${meta.title}`;
  const page = basePage();
  if (options.landscape) page.pageOrientation = 'landscape';
  return {
    ...page,
    info: {
      title,
      subject: `${meta.id} ${meta.title}（${meta.source}）`,
      creator: '新媒体阵地台账',
      producer: '新媒体阵地台账',
      creationDate: new Date(ctx.printedAt),
    },
    footer: buildFooter({ formNumber: ctx.formNumber, recordId, template: `${meta.id} · ${meta.version}` }),
    content: [{ text: title, style: 'title' }, ...fitContent(content, typeArea(options.landscape ?? false), { fontSize: TYPE_SIZE.sihao, lineHeight: 1 })],
  };
}

/** The type area between the margins, in points. */
export function typeArea(landscape: boolean): FitArea {
  const [left, top, right, bottom] = PAGE_MARGINS;
  const [w, h] = landscape ? [A4.height, A4.width] : [A4.width, A4.height];
  return { width: w - left - right, height: h - top - bottom };
}

/** Inline runs for use inside a larger paragraph; rare (non-BMP) characters get the font that has them. */
export function inline(v: string | null | undefined): string | { text: string; font?: string }[] {
  return richText(v, RARE_FAMILY);
}

/** One paragraph of user text; rare characters go in runs of their own font within the same line. */
export function rich(v: string | null | undefined): Content {
  const runs = inline(v);
  return typeof runs === 'string' ? runs : { text: runs };
}

export function label(text: string, options: { minHeight?: number; rowSpan?: number; colSpan?: number } = {}): KitCell {
  const cell: KitCell = { text, bold: true, alignment: 'center', verticalAlignment: 'middle' };
  if (options.rowSpan) cell.rowSpan = options.rowSpan;
  if (options.colSpan) cell.colSpan = options.colSpan;
  if (options.minHeight) cell.minHeight = options.minHeight;
  return cell;
}

/**
 * A value cell spanning `colSpan` grid columns; `minHeight` reserves room for handwriting.
 * An array is a stack of paragraphs; use {@link rich} for one paragraph of user text.
 */
export function value(content: Content, colSpan = 1, minHeight?: number): KitCell {
  const cell: KitCell = { stack: Array.isArray(content) ? content : [content], verticalAlignment: 'middle' };
  if (colSpan > 1) cell.colSpan = colSpan;
  if (minHeight) cell.minHeight = minHeight;
  return cell;
}

/** Room to write by hand where the record has nothing to print (always on a blank form). */
export function writingRoom(v: string | null | undefined, height: number): number {
  return cellText(v) ? ROW_MIN : height;
}

/** Row heights: at least ROW_MIN, or what a cell asks for (pdfmake's heights exclude padding). */
export function rowHeights(body: TableCell[][]): (row: number) => number {
  return (row) => {
    let h = ROW_MIN;
    for (const cell of body[row] ?? []) {
      const wanted = (cell as KitCell).minHeight;
      if (typeof wanted === 'number' && wanted > h) h = wanted;
    }
    return h - 2 * CELL_PADDING_Y;
  };
}

export const RULED_LAYOUT: TableLayout = {
  hLineWidth: () => 0.75,
  vLineWidth: () => 0.75,
  paddingLeft: () => CELL_PADDING_X,
  paddingRight: () => CELL_PADDING_X,
  paddingTop: () => CELL_PADDING_Y,
  paddingBottom: () => CELL_PADDING_Y,
};

/**
 * A ruled table. `headerRows` repeat on every page when the table runs on; `dontBreakRows`
 * keeps each row whole (for signature and seal rows).
 */
export function gridTable(
  body: TableCell[][],
  widths: readonly (number | string)[],
  options: { dontBreakRows?: boolean; headerRows?: number; style?: string } = {},
): ContentTable {
  return {
    style: options.style ?? 'cell',
    table: {
      widths: [...widths],
      body,
      dontBreakRows: options.dontBreakRows ?? false,
      headerRows: options.headerRows,
      heights: rowHeights(body),
    },
    layout: RULED_LAYOUT,
  };
}

export const SIGNATURE_TEXT = '签名（公章）：';
/** Room after 签名（公章）： to sign by hand: ≥ 40 mm at 12 pt (nine ideographic spaces kept by fit.ts, then the 4 mm right margin). */
export const SIGNATURE_SPACE = '　'.repeat(9);
/** 年 月 日 under a seal area, with room to write each part by hand (see format.ts BLANK_DATE). */
export const DATE_BLANKS = BLANK_DATE;
/** Height of the signature and date lines at the foot of a seal area. */
const SIGNATURE_BLOCK_HEIGHT = 2 * 12 * 1.448 * 0.9 + mm(3);

/**
 * A free area of ≥ 50 mm for a round seal with 签名（公章）： and 年 月 日 at its foot, to the
 * right. The seal is stamped over the signature and the date (GB/T 9704 §7.3.5.1), so those
 * two lines sit at the bottom of the area. `lead` is printed at the top (e.g. a commitment).
 */
export function sealBlock(lead: Content[] = [], signature: string = SIGNATURE_TEXT): Content[] {
  return [
    ...lead,
    { text: '', margin: [0, 0, 0, SEAL_AREA_HEIGHT - SIGNATURE_BLOCK_HEIGHT] },
    { text: `${signature}${SIGNATURE_SPACE}`, alignment: 'right', margin: [0, 0, mm(4), 0] },
    { text: DATE_BLANKS, alignment: 'right', margin: [0, mm(3), mm(4), 0] },
  ];
}

/**
 * A table followed by its closing block (signature, seal, the lines under it): the table's last
 * `rows` rows go with the block, kept on one page, so a signature or seal never stands on a page
 * without content (offices refuse a seal on such a page). The rows are cut above any cell
 * spanning several rows. When the block moves to the next page, the table's head is not repeated
 * above those rows (pdfmake repeats it only within one table). A block taller than a page breaks
 * after all (see fit.ts).
 */
export function closeWith(table: ContentTable, closing: Content[], rows = 1): Content[] {
  const body = table.table.body;
  const head = table.table.headerRows ?? 0;
  let cut = Math.max(head, body.length - rows);
  for (let r = 0; r < cut; r++) {
    for (const cell of body[r] ?? []) {
      const span = (cell as { rowSpan?: number }).rowSpan ?? 1;
      if (r + span > cut) cut = Math.max(head, r);
    }
  }
  if (cut <= head) return [{ unbreakable: true, stack: [table, ...closing] }];
  const widths: readonly (number | string)[] = Array.isArray(table.table.widths) ? table.table.widths : [];
  const last = gridTable(body.slice(cut), widths, { dontBreakRows: true, style: typeof table.style === 'string' ? table.style : undefined });
  const first: ContentTable = { ...table, table: { ...table.table, body: body.slice(0, cut), heights: rowHeights(body.slice(0, cut)) } };
  return [first, { unbreakable: true, stack: [last, ...closing] }];
}

/**
 * A label broken into lines after the given phrases, so a narrow label column never splits a
 * word: breakLabel('分管领导审核意见', ['分管领导']) → '分管领导\n审核意见'.
 */
export function breakLabel(text: string, after: readonly string[]): string {
  let rest = text;
  const lines: string[] = [];
  for (const phrase of after) {
    if (!rest.startsWith(phrase) || rest === phrase) break;
    lines.push(phrase);
    rest = rest.slice(phrase.length);
  }
  return [...lines, rest].join('\n');
}

/** A line under a table, e.g. 制表：党委宣传部网宣室. */
export function belowTable(text: string): Content {
  return { text, style: 'belowTable' };
}
