// A list as it is exported: a sheet name, Chinese column headers and the rows as shown (already
// filtered). The same table becomes an .xlsx sheet or a CSV file.

export type ExportCell = string | number | null | undefined;

export interface ExportTable {
  /** Sheet name (Excel allows 31 characters; longer names are cut). */
  name: string;
  header: string[];
  rows: ExportCell[][];
}

/**
 * Text that a spreadsheet program would run as a formula when the file is opened: it starts with
 * = + - @, a tab or a carriage return (OWASP "CSV injection").
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/**
 * What the CSV guard marks: formula-looking text, and text whose apostrophes already stand before
 * such a character ('=x), so that unguardFormula can tell the two apart and the guard is undone
 * exactly ('=x is written ''=x, which a spreadsheet shows as '=x).
 */
const GUARDED = /^'*[=+\-@\t\r]/;
/** What the guard wrote: one apostrophe it added, then the text it was added to. */
const GUARD_WRITTEN = /^'+[=+\-@\t\r]/;

/** For CSV: a leading apostrophe makes the spreadsheet show the text instead of running it. */
export function guardFormula(text: string): string {
  return GUARDED.test(text) ? `'${text}` : text;
}

/**
 * The import's inverse of guardFormula: one leading apostrophe before = + - @ (a tab, a carriage
 * return, or further apostrophes before one of them) is removed, so a list exported as CSV and
 * imported again holds "-abc", not "'-abc". Any other apostrophe is the clerk's and is kept.
 */
export function unguardFormula(text: string): string {
  return GUARD_WRITTEN.test(text) ? text.slice(1) : text;
}

/** Excel forbids : \ / ? * [ ] in sheet names and caps them at 31 characters. */
export function sheetName(name: string, fallback = 'Sheet1'): string {
  const cleaned = [...name.replace(/[:\\/?*[\]]/g, ' ').trim()].slice(0, 31).join('');
  return cleaned || fallback;
}
