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

/** For CSV: a leading apostrophe makes the spreadsheet show the text instead of running it. */
export function guardFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** Excel forbids : \ / ? * [ ] in sheet names and caps them at 31 characters. */
export function sheetName(name: string, fallback = 'Sheet1'): string {
  const cleaned = [...name.replace(/[:\\/?*[\]]/g, ' ').trim()].slice(0, 31).join('');
  return cleaned || fallback;
}
