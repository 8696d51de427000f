// Reading rendered forms back for the F01–F03, F05 and F06 tests: render a pdfmake document to a
// file, then ask poppler and qpdf what is in it (text, pages, fonts, page size, syntax).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { expect } from 'vitest';
import { renderPdf } from '../../../scripts/lib/pdf-node';

export const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' });

/** Text with all white space removed: labels compare word for word however lines wrap. */
export const squash = (s: string): string => s.replace(/\s+/gu, '');

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
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

/** Lines of `pdftotext -layout`, spaces removed: rows of cells read left to right. */
export function layoutLines(file: string): string[] {
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).split('\n').map(squash);
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
