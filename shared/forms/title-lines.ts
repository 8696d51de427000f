// Long form titles (the institution name plus an appendix title of 15–25 characters) wrap at
// whatever character reaches the margin: "…微信公众服务号栏目设置及分工" / "表". This breaks them
// at a chosen phrase boundary instead, the latest one whose first line still fits.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { CONTENT_WIDTH, TYPE_SIZE } from './layout';

/** Estimated width in points of a title line: CJK and full-width forms 1 em, the rest ½ em. */
function titleWidth(text: string): number {
  let ems = 0;
  for (const ch of text) ems += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.5;
  return ems * TYPE_SIZE.erhao;
}

/**
 * Breaks the title (the first content item of a {@link formDocument}) after one of `breakAfter`
 * (prefixes of the title, e.g. the institution name, then `${institution}微信公众服务号`) when
 * it does not fit on one line. The PDF's info title is left as it is.
 */
export function breakTitle(doc: TDocumentDefinitions, breakAfter: readonly string[]): TDocumentDefinitions {
  const content: Content[] = Array.isArray(doc.content) ? doc.content : [doc.content];
  const [first, ...rest] = content;
  if (!first || typeof first !== 'object' || !('text' in first) || typeof first.text !== 'string') return doc;
  const title = first.text;
  // Leave a little slack: the estimate ignores kerning and punctuation compression.
  const fits = (line: string): boolean => titleWidth(line) <= CONTENT_WIDTH - TYPE_SIZE.erhao / 2;
  if (fits(title)) return doc;
  const candidates = breakAfter.filter((p) => p && title.startsWith(p) && p.length < title.length);
  const head = candidates.filter(fits).sort((a, b) => b.length - a.length)[0] ?? candidates[0];
  if (!head) return doc;
  return { ...doc, content: [{ ...first, text: `${head}\n${title.slice(head.length)}` }, ...rest] };
}
