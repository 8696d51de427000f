// Text helpers for printed forms: Chinese dates, check boxes and safe cell text.
// Strings are handled as Unicode code points, never UTF-16 units, because names may hold
// characters outside the BMP (𠮷 is two UTF-16 units and must never be cut in half).

import { formatMonth } from '../domain/month-date';
import { DEFAULT_TIME_ZONE, zonedMoment } from '../domain/time-zone';

/**
 * What an empty date prints as: room to write the date by hand, ≥ 15 mm for the year and
 * ≥ 10 mm each for month and day at 小四 (12 pt: five and three ideographic spaces).
 */
export const BLANK_DATE = '　　　　　年　　　月　　　日';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T/;

/**
 * '2026-11-22' → '2026年11月22日'; a date known only to its month, '2019-06', → '2019年6月' (see
 * domain/month-date: the form never invents a day). An ISO datetime is shown as its day in China
 * (forms pass instants through formatZonedDate, on the profile's zone). Empty or unparsable → {@link BLANK_DATE}, so a bad value
 * never prints as a wrong date.
 */
export function formatDate(value: string | null | undefined): string {
  const v = (value ?? '').trim();
  if (!v) return BLANK_DATE;
  const month = formatMonth(v);
  if (month) return month;
  const m = DATE_RE.exec(v);
  if (m) {
    const [, y, mo, d] = m;
    return chineseDate(Number(y), Number(mo), Number(d));
  }
  // An instant reaches here only from a caller that should have read it on the profile's clock
  // (formatZonedDate); it is read on China time, never on the machine's.
  if (DATETIME_RE.test(v)) {
    const m = zonedMoment(v, DEFAULT_TIME_ZONE);
    if (m) return formatDate(m.date);
  }
  return BLANK_DATE;
}

function chineseDate(year: number, month: number, day: number): string {
  if (month < 1 || month > 12 || day < 1 || day > 31) return BLANK_DATE;
  return `${year}年${month}月${day}日`;
}

/** □ or ■, the check boxes of the paper forms. */
export function checkbox(checked: boolean): string {
  return checked ? '■' : '□';
}

/** '■微信' / '□微博': a box followed by its label, as printed in the appendices. */
export function checked(label: string, isChecked: boolean): string {
  return `${checkbox(isChecked)}${label}`;
}

// C0/C1 control characters other than tab and newline would print as boxes or break pdfkit.
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;
// Unpaired surrogates cannot be encoded in the PDF's text; the `u` flag keeps pairs intact.
const LONE_SURROGATE_RE = /[\uD800-\uDFFF]/gu;

/**
 * Text as it may be printed in a cell: nothing for null/undefined, numbers as digits, Windows
 * line ends unified, control characters and broken surrogates removed, outer spaces trimmed.
 */
export function cellText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return value
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_RE, '')
    .replace(LONE_SURROGATE_RE, '')
    .replace(/\t/g, '    ')
    .trim();
}

/** The number of characters as a reader counts them (code points, not UTF-16 units). */
export function charCount(value: string): number {
  return Array.from(value).length;
}

/** At most `max` characters, with '…' when cut; never splits a surrogate pair. */
export function truncate(value: string, max: number): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** The value, or a run of underscores of the given length for the reader to fill in by hand. */
export function orUnderline(value: string | null | undefined, blankLength: number): string {
  const v = cellText(value);
  return v || '_'.repeat(blankLength);
}

/** Joins the non-empty parts with a separator. */
export function joinNonEmpty(parts: readonly (string | null | undefined)[], separator: string): string {
  return parts.map((p) => cellText(p)).filter((p) => p !== '').join(separator);
}

/** CJK ideographs beyond the BMP (Ext B–H, planes 2 and 3) that Noto Serif SC lacks. */
export function isRareCodePoint(codePoint: number): boolean {
  return codePoint >= 0x20000 && codePoint <= 0x3ffff;
}

/** A run of text, printed in the rare-character family when `rare` is set. */
export interface TextRun {
  text: string;
  font?: string;
}

/**
 * Splits text into runs so that characters beyond the BMP are printed in `rareFamily`
 * (a font that has them) and the rest in the document font. Plain text stays a plain string.
 */
export function richText(value: string | null | undefined, rareFamily: string): string | TextRun[] {
  const text = cellText(value);
  const runs: TextRun[] = [];
  let current = '';
  let currentRare = false;
  for (const ch of text) {
    const rare = isRareCodePoint(ch.codePointAt(0) ?? 0);
    if (rare !== currentRare && current) {
      runs.push(currentRare ? { text: current, font: rareFamily } : { text: current });
      current = '';
    }
    currentRare = rare;
    current += ch;
  }
  if (current) runs.push(currentRare ? { text: current, font: rareFamily } : { text: current });
  if (runs.length <= 1 && !runs[0]?.font) return text;
  return runs;
}
