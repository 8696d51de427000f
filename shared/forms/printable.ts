// Whether a text can be printed on the forms, decided from the embedded fonts' own character
// coverage (printable-coverage.generated.ts, read from their cmap tables). A character the fonts
// lack prints as an empty box (王🙂 → 王☐) on a paper that is signed and sealed, so text that
// goes on paper is refused at entry with a message naming the character.
import { DOCUMENT_FONT_RANGES, RARE_FONT_RANGES } from './printable-coverage.generated';
import { isRareCodePoint } from './format';

/** Sorted inclusive ranges, starts and ends in parallel arrays for a binary search. */
interface Ranges {
  starts: number[];
  ends: number[];
}

function decode(encoded: string): Ranges {
  const numbers = encoded.split(',').map((part) => parseInt(part, 36));
  const ranges: Ranges = { starts: [], ends: [] };
  let previousEnd = -1;
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    const first = previousEnd + 1 + numbers[i]!;
    previousEnd = first + numbers[i + 1]!;
    ranges.starts.push(first);
    ranges.ends.push(previousEnd);
  }
  return ranges;
}

let documentFont: Ranges | undefined;
let rareFont: Ranges | undefined;

function contains(ranges: Ranges, codePoint: number): boolean {
  let low = 0;
  let high = ranges.starts.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (codePoint < ranges.starts[mid]!) high = mid - 1;
    else if (codePoint > ranges.ends[mid]!) low = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Tab and line breaks are layout, not glyphs: the forms turn them into spaces and new lines
 * (format.ts cellText), so they print although no font maps them.
 */
const LAYOUT_CHARACTERS = new Set([0x09, 0x0a, 0x0d]);

/** True when the form fonts print this code point (in the family richText would use for it). */
export function isPrintableCodePoint(codePoint: number): boolean {
  if (LAYOUT_CHARACTERS.has(codePoint)) return true;
  if (isRareCodePoint(codePoint)) return contains((rareFont ??= decode(RARE_FONT_RANGES)), codePoint);
  return contains((documentFont ??= decode(DOCUMENT_FONT_RANGES)), codePoint);
}

/** The distinct characters of `text` the forms cannot print, in order of appearance. */
export function unprintableCharacters(text: string): string[] {
  const found: string[] = [];
  for (const ch of text) {
    // A lone surrogate half has no code point of its own; it is never printable.
    if (!isPrintableCodePoint(ch.codePointAt(0) ?? 0) && !found.includes(ch)) found.push(ch);
  }
  return found;
}

/** 'U+1F642' */
export function codePointLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

// Control, format (zero-width joiner, variation selectors), separator and combining characters
// show nothing by themselves: name them by code point only.
const INVISIBLE_RE = /^[\p{C}\p{Z}\p{M}]$/u;

function describe(ch: string): string {
  return INVISIBLE_RE.test(ch) ? `不可见字符（${codePointLabel(ch)}）` : `“${ch}”（${codePointLabel(ch)}）`;
}

/** How many unprintable characters a message names before saying 等. */
const NAMED_AT_MOST = 3;

/**
 * The Chinese message for a text holding characters the forms cannot print, e.g.
 * 不能包含“🙂”（U+1F642）：打印表格的字体没有这个字符，会印成空框。请删除或改用文字;
 * undefined when every character prints.
 */
export function unprintableMessage(text: string): string | undefined {
  const found = unprintableCharacters(text);
  if (found.length === 0) return undefined;
  const named = found.slice(0, NAMED_AT_MOST).map(describe).join('、');
  const more = found.length > NAMED_AT_MOST ? `等 ${found.length} 个字符` : '';
  const subject = found.length > 1 ? '这些字符' : '这个字符';
  return `不能包含${named}${more}：打印表格的字体没有${subject}，会印成空框。请删除或改用文字`;
}
