// Makes a form's content fit the paper whatever the record holds. pdfmake 0.3 keeps only the
// first page of a block that must not break (an `unbreakable` stack, a row of a `dontBreakRows`
// table) when that block is taller than a page: the rest of the form silently vanishes. And a
// token without break opportunities (a URL, an AppID, a long number) widens its column past the
// margin. This pass, run on every form (see kit.ts formDocument), estimates each kept-together
// block's height and lets the ones that cannot fit on one page break; it marks long tokens so
// that pdfmake breaks them anywhere inside their cell; and it keeps the blank room of a
// handwritten date or signature (runs of ideographic spaces that pdfmake would trim at a line's
// start or end).
import type { Content, ContentTable, Style, TableCell } from 'pdfmake/interfaces';
import { BLANK_DATE } from './format';
import { FORM_STYLES } from './layout';

/** Noto Serif SC's line height is 1.448 em. */
const LINE_EM = 1.448;
/** Cell padding of the ruled tables (kit.ts RULED_LAYOUT); pdfmake's default is the same or less. */
const PAD_X = 4;
const PAD_Y = 3;

/**
 * A run of characters with no break opportunity for pdfmake: Latin letters, digits and ASCII
 * punctuation (URLs, ids, numbers). Only BMP characters: pdfmake's break-all splits UTF-16 units
 * and would cut a surrogate pair in half. CJK text breaks between any two characters anyway.
 */
const TOKEN_RE = /[\u0021-\u007e\u00a0-\u02ff\u0370-\u1fff\u2010-\u2027\u2030-\u205e]{8,}/gu;

interface TextStyle {
  fontSize: number;
  lineHeight: number;
}

type Run = string | ({ text: unknown } & Record<string, unknown>);

export interface FitArea {
  /** Width of the type area in points. */
  width: number;
  /** Height of the type area in points. */
  height: number;
}

/** Width of a string in em: CJK and full-width forms 1 em, everything else at most 0.62 em. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    ems += cp >= 0x2e80 ? 1 : cp === 0x20 ? 0.3 : 0.62;
  }
  return ems;
}

function styleOf(node: Record<string, unknown>, inherited: TextStyle): TextStyle {
  const names = node.style === undefined ? [] : Array.isArray(node.style) ? node.style : [node.style];
  let out = inherited;
  for (const name of names) {
    const s: Style | undefined = typeof name === 'string' ? FORM_STYLES[name] : (name as Style);
    if (s) out = { fontSize: s.fontSize ?? out.fontSize, lineHeight: s.lineHeight ?? out.lineHeight };
  }
  const fontSize = typeof node.fontSize === 'number' ? node.fontSize : out.fontSize;
  const lineHeight = typeof node.lineHeight === 'number' ? node.lineHeight : out.lineHeight;
  return { fontSize, lineHeight };
}

function margins(node: Record<string, unknown>): [number, number, number, number] {
  const m = node.margin;
  if (typeof m === 'number') return [m, m, m, m];
  if (Array.isArray(m) && m.length === 2) return [m[0] as number, m[1] as number, m[0] as number, m[1] as number];
  if (Array.isArray(m) && m.length === 4) return m as [number, number, number, number];
  return [0, 0, 0, 0];
}

/** The plain text of a text node's runs. */
function plain(text: unknown): string {
  if (typeof text === 'string' || typeof text === 'number') return String(text);
  if (Array.isArray(text)) return text.map(plain).join('');
  if (text && typeof text === 'object' && 'text' in text) return plain((text as { text: unknown }).text);
  return '';
}

/** Estimated height of text laid in `width`: every paragraph rounded up to whole lines, plus slack. */
function textHeight(text: string, width: number, style: TextStyle): number {
  const lineWidth = Math.max(width, style.fontSize);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    const w = textEms(paragraph) * style.fontSize * 1.08;
    lines += Math.max(1, Math.ceil(w / lineWidth));
  }
  return lines * style.fontSize * LINE_EM * style.lineHeight;
}

/** Splits a string into runs so that long tokens break anywhere ('break-all'). */
function breakTokens(text: string): Run[] {
  const runs: Run[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    if (m.index > last) runs.push(text.slice(last, m.index));
    runs.push({ text: m[0], wordBreak: 'break-all' });
    last = m.index + m[0].length;
  }
  if (last === 0) return [text];
  if (last < text.length) runs.push(text.slice(last));
  return runs;
}

/**
 * A text node's runs with long tokens marked; the text itself when nothing changes. pdfmake does
 * not pass a run's own style (fontSize, bold, font) on to runs nested in it, so a run that is
 * split, or that holds runs, is flattened with its style copied onto each piece.
 */
function fitRuns(text: unknown): unknown {
  if (typeof text === 'string') {
    const runs = breakTokens(text);
    return runs.length === 1 && typeof runs[0] === 'string' ? text : runs;
  }
  if (Array.isArray(text)) return text.flatMap((t) => pieces(t, {}));
  return text;
}

function pieces(run: unknown, inherited: Record<string, unknown>): unknown[] {
  if (typeof run === 'string' || typeof run === 'number') {
    const runs = breakTokens(String(run));
    if (runs.length === 1 && typeof runs[0] === 'string') return Object.keys(inherited).length ? [{ ...inherited, text: runs[0] }] : [runs[0]];
    return runs.map((r) => (typeof r === 'string' ? { ...inherited, text: r } : { ...inherited, ...r }));
  }
  if (run && typeof run === 'object' && 'text' in run) {
    const { text, ...style } = run as { text: unknown } & Record<string, unknown>;
    const own = { ...inherited, ...style };
    if (typeof text === 'string' && breakTokens(text).length === 1) return [{ ...own, text }];
    return (Array.isArray(text) ? text : [text]).flatMap((t) => pieces(t, own));
  }
  return [run];
}

/** Handwriting room after a signature label: two or more ideographic spaces in a row. */
const BLANK_RE = /\u3000\u3000/u;

/** Width (points, padding excluded) of the cell at column `c` of a fitted row. */
function cellWidth(row: readonly TableCell[], c: number, colWidth: readonly number[]): number {
  const span = (row[c] as { colSpan?: number } | undefined)?.colSpan ?? 1;
  let w = 0;
  for (let k = c; k < c + span && k < colWidth.length; k++) w += (colWidth[k] ?? 0) + 2 * PAD_X;
  return w - 2 * PAD_X;
}

interface Segment {
  text: string;
  style: Record<string, unknown>;
}

/** A text node's runs as plain segments, each with its own style; undefined when a run is not text. */
function segments(text: unknown, inherited: Record<string, unknown> = {}): Segment[] | undefined {
  if (typeof text === 'string' || typeof text === 'number') return [{ text: String(text), style: inherited }];
  if (Array.isArray(text)) {
    const out: Segment[] = [];
    for (const run of text) {
      const part = segments(run, inherited);
      if (!part) return undefined;
      out.push(...part);
    }
    return out;
  }
  if (text && typeof text === 'object' && 'text' in text) {
    const { text: inner, ...style } = text as Record<string, unknown>;
    return segments(inner, { ...inherited, ...style });
  }
  return undefined;
}

/** Cuts segments into pieces each estimated at most `height` high in `width`, at line ends. */
function cutSegments(segs: readonly Segment[], width: number, style: TextStyle, height: number): Run[][] {
  const lineWidth = Math.max(width, style.fontSize);
  const linesPerPiece = Math.max(1, Math.floor(height / (style.fontSize * LINE_EM * style.lineHeight)));
  const pieces: Run[][] = [];
  let piece: Run[] = [];
  let lines = 1;
  let line = 0;
  for (const seg of segs) {
    let run = '';
    const flush = (): void => {
      if (run !== '') piece.push(Object.keys(seg.style).length ? { ...seg.style, text: run } : run);
      run = '';
    };
    for (const ch of seg.text) {
      const w = ch === '\n' ? 0 : textEms(ch) * style.fontSize * 1.08;
      if (ch === '\n' || line + w > lineWidth) {
        lines += 1;
        line = 0;
        if (lines > linesPerPiece) {
          flush();
          pieces.push(piece);
          piece = [];
          lines = 1;
          if (ch === '\n') continue;
        }
      }
      run += ch;
      line += w;
    }
    flush();
  }
  if (piece.length > 0 || pieces.length === 0) pieces.push(piece);
  return pieces;
}

/**
 * A fitted cell as parts of at most `height` each: a text is cut at line ends, a stack between
 * (or inside) its texts; anything else stays whole in the first part.
 */
function splitCell(cell: TableCell, width: number, height: number, inherited: TextStyle): TableCell[] {
  if (typeof cell === 'string') return cell === '' ? [cell] : splitCell({ text: cell }, width, height, inherited);
  if (!cell || typeof cell !== 'object' || Array.isArray(cell)) return [cell];
  const node = cell as Record<string, unknown>;
  const [ml, , mr] = margins(node);
  const inner = width - ml - mr;
  const own = styleOf(node, inherited);
  if ('text' in node) {
    const segs = segments(node.text);
    if (!segs) return [cell];
    const cut = cutSegments(segs, inner, own, height);
    if (cut.length === 1) return [cell];
    return cut.map((runs) => ({ ...node, text: runs }) as TableCell);
  }
  if ('stack' in node && Array.isArray(node.stack)) {
    const { stack, ...props } = node;
    const parts: unknown[][] = [[]];
    let used = 0;
    for (const child of stack as TableCell[]) {
      const h = estimateHeight(child as Content, inner, own);
      if (used + h <= height) {
        parts[parts.length - 1]!.push(child);
        used += h;
        continue;
      }
      const pieces = splitCell(child, inner, height, own);
      for (const piece of pieces) {
        const ph = estimateHeight(piece as Content, inner, own);
        if (used > 0 && used + ph > height) {
          parts.push([]);
          used = 0;
        }
        parts[parts.length - 1]!.push(piece);
        used += ph;
      }
    }
    if (parts.length === 1) return [cell];
    return parts.map((stackPart) => ({ ...props, stack: stackPart }) as TableCell);
  }
  return [cell];
}

/** The empty object pdfmake wants under a cell's colSpan. */
function isPlaceholder(cell: TableCell | undefined): boolean {
  return Boolean(cell && typeof cell === 'object' && !Array.isArray(cell) && Object.keys(cell).length === 0);
}

/** An empty cell in place of one whose content has run out, keeping its span and fill. */
function blankLike(cell: TableCell | undefined): TableCell {
  if (!cell || typeof cell !== 'object' || Array.isArray(cell)) return '';
  const { colSpan, fillColor } = cell as { colSpan?: number; fillColor?: string };
  if (colSpan === undefined) return fillColor === undefined ? '' : { text: '', fillColor };
  return { text: '', colSpan, ...(fillColor !== undefined && { fillColor }) };
}

class Fitter {
  constructor(private readonly limit: number) {}

  /** The fitted node and its estimated height. */
  fit(node: Content | TableCell, width: number, style: TextStyle): { node: Content; height: number } {
    if (node === null || node === undefined) return { node: node as unknown as Content, height: 0 };
    if (typeof node === 'string' || typeof node === 'number') {
      return this.fit({ text: String(node) }, width, style);
    }
    if (Array.isArray(node)) return this.fit({ stack: node }, width, style);
    const n: Record<string, unknown> = { ...(node as object) };
    const [ml, mt, mr, mb] = margins(n);
    const inner = width - ml - mr;
    const own = styleOf(n, style);
    let height = 0;
    if ('stack' in n && Array.isArray(n.stack)) {
      n.stack = n.stack.map((child: Content) => {
        const r = this.fit(child, inner, own);
        height += r.height;
        return r.node;
      });
    } else if ('columns' in n && Array.isArray(n.columns)) {
      const cols = n.columns as Record<string, unknown>[];
      const gap = typeof n.columnGap === 'number' ? n.columnGap : 0;
      const fixed = cols.reduce((s, c) => s + (typeof c.width === 'number' ? c.width : 0), 0);
      const flexible = cols.filter((c) => typeof c.width !== 'number').length;
      const rest = Math.max(0, inner - fixed - gap * (cols.length - 1)) / Math.max(1, flexible);
      n.columns = cols.map((c) => {
        const r = this.fit(c as unknown as Content, typeof c.width === 'number' ? c.width : rest, own);
        height = Math.max(height, r.height);
        return r.node;
      });
    } else if ('table' in n && n.table) {
      const r = this.fitTable(n as unknown as ContentTable, inner, own);
      n.table = r.table;
      height = r.height;
    } else if ('text' in n) {
      // A blank date too wide for its cell goes on two lines (year, then month and day), each
      // part keeping its room to write.
      if (typeof n.text === 'string' && n.text.includes(BLANK_DATE) && textEms(n.text) * own.fontSize > inner) {
        n.text = n.text.replace(BLANK_DATE, BLANK_DATE.replace('年', '年\n'));
      }
      // A signature line too wide for its cell (签名（公章）： and the room after it in a half-width
      // cell) would split the label. It moves to the cell's left edge instead, so that the whole
      // rest of the line is room to sign, and keeps the spaces that fit.
      if (typeof n.text === 'string' && n.alignment === 'right') {
        const room = /\u3000+$/u.exec(n.text)?.[0].length ?? 0;
        const label = n.text.slice(0, n.text.length - room);
        const em = own.fontSize * 1.08;
        if (room > 2 && textEms(n.text) * em > inner) {
          const width = inner + mr;
          n.alignment = 'left';
          n.margin = [ml, mt, 0, mb];
          n.text = label + '\u3000'.repeat(Math.max(0, Math.min(room, Math.floor(width / em - textEms(label)))));
        }
      }
      n.text = fitRuns(n.text);
      const t = plain(n.text);
      if (t.startsWith('\u3000') || t.includes('\n\u3000')) n.preserveLeadingSpaces = true;
      if (n.alignment === 'right' && BLANK_RE.test(t)) n.preserveTrailingSpaces = true;
      height = textHeight(t, inner, own);
    } else if ('qr' in n && typeof n.fit === 'number') {
      height = n.fit;
    }
    height += mt + mb;
    // A block taller than a page cannot stay whole: pdfmake would keep its first page only.
    if (n.unbreakable && height > this.limit) delete n.unbreakable;
    return { node: n as unknown as Content, height };
  }

  private fitTable(node: ContentTable, width: number, style: TextStyle): { table: ContentTable['table']; height: number } {
    const t = node.table;
    const widths: readonly unknown[] = Array.isArray(t.widths) ? t.widths : [];
    const fixed = widths.reduce<number>((s: number, w) => s + (typeof w === 'number' ? w : 0), 0);
    const flexible = widths.filter((w) => typeof w !== 'number').length;
    const star = Math.max(0, width - fixed - widths.length * 2 * PAD_X) / Math.max(1, flexible);
    const colWidth = widths.map((w) => (typeof w === 'number' ? w : star));
    const minHeight = typeof t.heights === 'function' ? t.heights : (): number => 0;
    let hasSpan = false;
    const rowHeights: number[] = [];
    const body = t.body.map((row, r) => {
      let rowHeight = (Number(minHeight(r)) || 0) + 2 * PAD_Y;
      const cells = row.map((cell, c) => {
        if (cell && typeof cell === 'object' && !Array.isArray(cell) && Object.keys(cell).length === 0) return cell;
        const span = (cell as { colSpan?: number }).colSpan ?? 1;
        const rowSpan = (cell as { rowSpan?: number }).rowSpan ?? 1;
        if (rowSpan > 1) hasSpan = true;
        let w = 0;
        for (let k = c; k < c + span && k < colWidth.length; k++) w += (colWidth[k] ?? 0) + 2 * PAD_X;
        const fitted = this.fit(cell, w - 2 * PAD_X, style);
        if (rowSpan === 1) rowHeight = Math.max(rowHeight, fitted.height + 2 * PAD_Y);
        return fitted.node as TableCell;
      });
      rowHeights.push(rowHeight);
      return cells;
    });
    // A row that breaks cannot be centred vertically: pdfmake would shift its first page's part
    // down past the foot of the page. Its cells start at the top.
    body.forEach((row, r) => {
      if ((rowHeights[r] ?? 0) <= this.limit) return;
      for (const cell of row) if (cell && typeof cell === 'object' && 'verticalAlignment' in cell) delete (cell as { verticalAlignment?: unknown }).verticalAlignment;
    });
    const table = { ...t, body };
    const height = rowHeights.reduce((a, b) => a + b, 0);
    const head = t.headerRows ?? 0;
    // pdfmake 0.3 breaks a row over two pages but drops every row after one that runs over three,
    // which a row taller than a page does when it starts low on a page.
    const tall = rowHeights.some((h, r) => r >= head && h > this.limit);
    // Rows under a rowSpan cannot break (pdfmake loses the rest of the document when a spanned
    // row breaks): builders keep those short. Any other row stays whole unless it is taller than a
    // page: a row split at the foot of a page leaves a sliver of empty cells (a page of its own
    // when it is the last row).
    if (!hasSpan) table.dontBreakRows = !rowHeights.some((h) => h > this.limit);
    if (hasSpan || !tall) return { table, height };
    // Such a row is split into rows of about a third of a page, kept whole (a part breaking
    // across pages still upsets pdfmake), each cell's text continuing in the same column of the
    // next row (the other cells of those rows are left empty).
    const chunk = this.limit * 0.45;
    const rows: TableCell[][] = [];
    const origin: number[] = [];
    body.forEach((row, r) => {
      if (r < head || (rowHeights[r] ?? 0) <= this.limit) {
        rows.push(row);
        origin.push(r);
        return;
      }
      const parts = row.map((cell, c) => splitCell(cell, cellWidth(row, c, colWidth), chunk, style));
      const count = Math.max(...parts.map((p) => p.length));
      for (let k = 0; k < count; k++) {
        rows.push(parts.map((p, c) => p[k] ?? (isPlaceholder(row[c]) ? {} : blankLike(row[c]))));
        origin.push(-1);
      }
    });
    table.body = rows;
    table.heights = (i: number): number => (origin[i] !== undefined && origin[i] >= 0 ? Number(minHeight(origin[i])) || 0 : 0);
    table.dontBreakRows = true;
    return { table, height };
  }
}

/** Height a kept-together block may have: a page less the repeated table head and some slack. */
export function keepLimit(area: FitArea): number {
  return area.height * 0.8;
}

/** The content, fitted to the type area (see the file comment). */
export function fitContent(content: Content[], area: FitArea, base: TextStyle): Content[] {
  const fitter = new Fitter(keepLimit(area));
  return content.map((c) => fitter.fit(c, area.width, base).node);
}

/** Estimated height of content laid in `width` (points), for builders that split blocks. */
export function estimateHeight(content: Content, width: number, base: TextStyle): number {
  return new Fitter(Number.POSITIVE_INFINITY).fit(content, width, base).height;
}
