// Reads a rendered form back the way a clerk checks the paper: the text of each page (poppler's
// content-stream order), every word's box, and checks that nothing was lost or pushed off the
// type area. Used by the issue-12 tests and the property test over every form.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from '../../../scripts/lib/pdf-node';
import { A4, PAGE_MARGINS } from '../../../shared/forms/layout';
import { squash, type Word } from './pdf-read';

const exec = promisify(execFile);

export interface Paper {
  file: string;
  landscape: boolean;
  /** What poppler complained of while reading the content streams (should be nothing). */
  errors: string;
  /** Each page's text (-raw, whitespace removed), footer included. */
  pages: string[];
  words: Word[];
}

/** Renders the document and reads it back with one pdftotext call for the text and one for the boxes. */
export async function renderPaper(dir: string, name: string, doc: TDocumentDefinitions): Promise<Paper> {
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, await renderPdf(doc));
  const [raw, bbox] = await Promise.all([
    exec('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 }),
    exec('pdftotext', ['-bbox', file, '-'], { maxBuffer: 64 << 20 }),
  ]);
  const pages = raw.stdout.split('\f').map(squash);
  if (pages.at(-1) === '') pages.pop();
  const words: Word[] = [];
  bbox.stdout
    .split('<page ')
    .slice(1)
    .forEach((page, i) => {
      for (const m of page.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)) {
        words.push({ page: i + 1, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), word: decode(m[5] ?? '') });
      }
    });
  return { file, landscape: doc.pageOrientation === 'landscape', errors: raw.stderr.trim(), pages, words };
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/**
 * The value (whitespace removed) is printed: on one page, or begun at the end of a page's
 * content and continued on the next (after the footer and the repeated table head). The footer
 * of a page is drawn after its content, so the page text is searched up to the footer.
 */
export function printed(paper: Paper, value: string): boolean {
  const v = squash(value);
  if (!v) return true;
  const bodies = paper.pages.map(bodyOf);
  return bodies.some((_, i) => continues(v, bodies, i));
}

/** The page text without the footer (编号：… at its end). */
function bodyOf(page: string): string {
  const at = page.lastIndexOf('编号：');
  return at >= 0 ? page.slice(0, at) : page;
}

function continues(v: string, bodies: readonly string[], i: number, from = 0): boolean {
  const body = bodies[i]?.slice(from);
  if (body === undefined) return false;
  if (body.includes(v)) return true;
  // A cell that runs on: its first part here (the row's other cells may follow it), the rest
  // further down this page (a long row is printed as several rows) or from the next page on.
  // The longest head of v printed here, at least a few characters so that the parts are the
  // value's own and not a chance match:
  let lo = 0;
  let hi = v.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (body.includes(v.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  if (lo < Math.min(4, v.length)) return lo > 0 && continues(v.slice(lo), bodies, i + 1);
  const end = from + body.indexOf(v.slice(0, lo)) + lo;
  return continues(v.slice(lo), bodies, i, end) || continues(v.slice(lo), bodies, i + 1);
}

/** The type area of the page in points (x from the left edge, y from the top edge). */
export function typeAreaBox(landscape: boolean): { xMin: number; yMin: number; xMax: number; yMax: number } {
  const [w, h] = landscape ? [A4.height, A4.width] : [A4.width, A4.height];
  const [left, top, right, bottom] = PAGE_MARGINS;
  return { xMin: left, yMin: top, xMax: w - right, yMax: h - bottom };
}

/** Words whose box leaves the type area (the footer, in the bottom margin, is measured apart). */
export function wordsOutside(paper: Paper, tolerance = 1): Word[] {
  const box = typeAreaBox(paper.landscape);
  const [w, h] = paper.landscape ? [A4.height, A4.width] : [A4.width, A4.height];
  return paper.words.filter((word) => {
    const inFooter = word.yMin >= box.yMax - tolerance;
    if (inFooter) return word.xMin < box.xMin - tolerance || word.xMax > box.xMax + tolerance || word.yMax > h;
    return word.xMin < box.xMin - tolerance || word.xMax > box.xMax + tolerance || word.yMin < box.yMin - tolerance || word.xMax > w;
  });
}

/** Words on a page above the footer. */
export function bodyWords(paper: Paper, page: number): Word[] {
  const box = typeAreaBox(paper.landscape);
  return paper.words.filter((w) => w.page === page && w.yMin < box.yMax - 1);
}
