// Renders forms to real PDF files and reads them back with poppler and qpdf, for the form tests:
// text (whitespace removed, so table cells compare word for word), pages, page size, fonts,
// word boxes, qpdf's structural check and poppler's reading of every content stream.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { expect } from 'vitest';
import { renderPdf } from '../../../scripts/lib/pdf-node';
import { tempDir } from '../../fixtures/temp-dir';

export { tempDir };

export const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' });
export const squash = (s: string): string => s.replace(/\s+/gu, '');

const dir = tempDir('forms-');

export interface ReadPdf {
  file: string;
  /**
   * pdftotext -raw (content-stream order: each cell's lines together, cells left to right) of the
   * whole document, whitespace removed.
   */
  text: string;
  pages: number;
  /** 'portrait' or 'landscape' A4, or the raw size line when it is neither. */
  pageSize: string;
  size: number;
}

export async function renderAndRead(name: string, doc: TDocumentDefinitions): Promise<ReadPdf> {
  const pdf = await renderPdf(doc);
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = run('pdfinfo', [file]);
  const sizeLine = /Page size:\s+(.*)/.exec(info)?.[1] ?? '';
  const pageSize = sizeLine.startsWith('595.28 x 841.89 pts (A4)')
    ? 'portrait'
    : sizeLine.startsWith('841.89 x 595.28 pts (A4)')
      ? 'landscape'
      : sizeLine;
  return {
    file,
    text: squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'])),
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
    pageSize,
    size: pdf.length,
  };
}

/** The text of one page (content-stream order), whitespace removed. */
export function pageText(file: string, page: number): string {
  return squash(run('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']));
}

/** Lines of `pdftotext -layout`, spaces removed: a table row reads left to right across its cells. */
export function layoutLines(file: string): string[] {
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).split('\n').map(squash);
}

/** pdffonts lines that are not an embedded, subset-tagged Noto Serif face (should be none). */
export function badFonts(file: string): string[] {
  const lines = run('pdffonts', [file]).trim().split('\n').slice(2);
  if (lines.length === 0) return ['no fonts'];
  return lines.filter((l) => !/^[A-Z]{6}\+NotoSerif(SC|JP)-(Regular|Bold)\s.*\byes\s+yes\s+yes\b/.test(l));
}

/**
 * qpdf finds no structural error, and poppler reads every content stream without complaint
 * (pdfmake can write unbalanced graphics states that qpdf does not look into).
 */
export function qpdfOk(file: string): boolean {
  const poppler = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  return /No syntax or stream encoding errors/.test(run('qpdf', ['--check', file])) && poppler.stderr.trim() === '';
}

export interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  word: string;
}

/** Every word with its box in PDF points (y grows downwards), page by page. */
export function words(file: string): Word[] {
  const html = run('pdftotext', ['-bbox', file, '-']);
  const out: Word[] = [];
  html.split('<page ').slice(1).forEach((page, i) => {
    for (const m of page.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)) {
      out.push({ page: i + 1, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), word: m[5] ?? '' });
    }
  });
  return out;
}

/** The first word containing `text` (on `page` when given). */
export function findWord(all: readonly Word[], text: string, page?: number): Word | undefined {
  return all.find((w) => w.word.includes(text) && (page === undefined || w.page === page));
}

/**
 * Height of the seal area below the word `above` (the opinion's heading, or the last text of the
 * row above it): from that word's foot to the foot of the 年 月 日 line that closes the area (the
 * seal is stamped over the signature and the date).
 */
export function sealAreaUnder(all: readonly Word[], above: string): number {
  const head = findWord(all, above);
  if (!head) return 0;
  const below = all.filter((w) => w.page === head.page && w.yMin > head.yMax && w.xMin >= head.xMin - 120 && w.xMax <= head.xMax + 200);
  const signature = below.find((w) => w.word.includes('签名'));
  const date = below.find((w) => w.word === '日' && signature !== undefined && w.yMin > signature.yMax);
  return date ? date.yMax - head.yMax : 0;
}

export async function renderTo(dir: string, name: string, doc: TDocumentDefinitions): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await renderPdf(doc));
  return file;
}

/** The text of the whole file, or of one page, in drawing order (cell by cell, as pdfmake draws). */
export function pdfText(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return run('pdftotext', [...range, '-raw', '-enc', 'UTF-8', file, '-']);
}

export function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1] ?? 0);
}

export function occurrences(text: string, word: string): number {
  return text.split(word).length - 1;
}

/** A4 portrait, every font embedded as a subset, and qpdf finds nothing wrong. */
export function expectSoundA4Pdf(file: string): void {
  expect(run('pdfinfo', [file])).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  const fonts = run('pdffonts', [file]).trim().split('\n').slice(2);
  expect(fonts.length).toBeGreaterThanOrEqual(1);
  for (const line of fonts) {
    // name type… encoding emb sub uni object gen: emb and sub must be "yes", the name subset-tagged.
    expect(line, line).toMatch(/^[A-Z]{6}\+NotoSerif(SC|JP)-(Regular|Bold)\s.*\byes\s+yes\s+yes\b/);
  }
  expect(run('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors/);
  expectNoDrawingErrors(file);
}

/**
 * Poppler reads every page without complaint. qpdf checks the file's syntax only; a table
 * pdfmake lays out wrongly (rowSpan over a split row) leaves unbalanced graphics states that
 * poppler reports as "Syntax Error" while qpdf is content.
 */
export function expectNoDrawingErrors(file: string): void {
  const result = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  expect(result.stderr, file).toBe('');
}

/** 𠮷 (beyond the BMP) printed in the rare-character face. */
export function expectRareFontEmbedded(file: string): void {
  expect(run('pdffonts', [file])).toMatch(/\+NotoSerifJP-Regular\s.*\byes\s+yes\s+yes\b/);
}
