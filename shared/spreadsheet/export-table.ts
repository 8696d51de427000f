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
 * A table whose rows arrive in slices as they are read (the audit log's 316,000 entries): the
 * export hands each slice on to the file writer and lets it go, so the rows are never all held at
 * once. Its slices can be read once; a second export asks for a new table.
 */
export interface SlicedExportTable {
  name: string;
  header: string[];
  /** The rows in order, a slice at a time; the next slice is read once the last one was written. */
  slices: AsyncIterable<ExportCell[][]>;
  /** How many rows it holds, when known before reading (the export shows it while it runs). */
  count?: number;
}

/**
 * A table whose rows the export's own worker reads from the database and writes (发布审核's
 * 100,000 reviews, the audit log's 316,000 entries): the window says only what to read (`read`, plain data the worker knows how to
 * read) and how many rows there are, and reads and formats none of them.
 */
export interface WorkerReadTable<Read = unknown> {
  name: string;
  header: string[];
  count: number;
  read: Read;
}

/** What one sheet (or CSV file) of an export is made of: rows at hand (one slice), rows read in slices, or rows the worker reads. */
export type ExportSource = ExportTable | SlicedExportTable | WorkerReadTable;

/** The rows of a source the window hands over, a slice at a time: a table at hand is a single slice. */
export function sourceSlices(source: ExportTable | SlicedExportTable): AsyncIterable<ExportCell[][]> | Iterable<ExportCell[][]> {
  return 'slices' in source ? source.slices : [source.rows];
}

/** How many rows these sources hold, if every one says so before it is read. */
export function knownRowCount(sources: readonly ExportSource[]): number | undefined {
  let total = 0;
  for (const source of sources) {
    const count = 'rows' in source ? source.rows.length : source.count;
    if (count === undefined) return undefined;
    total += count;
  }
  return total;
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
