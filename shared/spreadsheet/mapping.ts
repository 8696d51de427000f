// Which column of the clerk's sheet holds which field: the header row is found among the first
// rows (old ledgers often start with a title row), and each header is matched against the
// field labels and their common synonyms. Unknown columns stay unmapped; the clerk can change
// every proposal before importing.
import { cellText, type SheetData } from './cells';
import { TARGET_FIELDS, type ImportTarget } from './targets';

/** Field key per column (index 0 = column A), or null when the column is not imported. */
export type ColumnMapping = (string | null)[];

/** How many leading rows are searched for the header row. */
const HEADER_SEARCH_ROWS = 20;
/** Headers longer than this are cut for display and never match a field. */
const MAX_HEADER_CHARS = 60;

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Full-width forms folded (NFKC), spaces, line breaks and required-field marks removed, lower case. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[*＊]+|[*＊]+$/g, '')
    .replace(/\((?:必填|选填|可选)\)$/, '')
    .toLowerCase();
}

/** The header without bracketed notes: '开通时间(年月日)' → '开通时间'. */
function withoutNotes(normalized: string): string {
  return normalized.replace(/\([^)]*\)/g, '');
}

/** Number of columns of the sheet (the longest row). */
export function columnCount(sheet: SheetData): number {
  let max = 0;
  for (const row of sheet.rows) if (row.length > max) max = row.length;
  return max;
}

/** The header of each column as shown to the clerk; an empty header reads '（第 C 列）'. */
export function headerLabels(sheet: SheetData, headerRow: number): string[] {
  const row = sheet.rows[headerRow] ?? [];
  return Array.from({ length: columnCount(sheet) }, (_, i) => {
    const text = [...cellText(row[i] ?? null).trim()].slice(0, MAX_HEADER_CHARS).join('');
    return text || `（第 ${columnLetter(i)} 列）`;
  });
}

function synonymIndex(target: ImportTarget): Map<string, string> {
  const index = new Map<string, string>();
  for (const field of TARGET_FIELDS[target]) {
    for (const name of [field.label, ...field.synonyms]) {
      const key = normalizeHeader(name);
      if (!index.has(key)) index.set(key, field.key);
    }
  }
  return index;
}

function matchHeader(index: Map<string, string>, raw: string): string | null {
  if ([...raw].length > MAX_HEADER_CHARS) return null;
  const normalized = normalizeHeader(raw);
  if (!normalized) return null;
  return index.get(normalized) ?? index.get(withoutNotes(normalized)) ?? null;
}

/** The proposed field of each column; a field goes to the first column that names it. */
export function proposeMapping(sheet: SheetData, headerRow: number, target: ImportTarget): ColumnMapping {
  const index = synonymIndex(target);
  const row = sheet.rows[headerRow] ?? [];
  const taken = new Set<string>();
  return Array.from({ length: columnCount(sheet) }, (_, i) => {
    const field = matchHeader(index, cellText(row[i] ?? null));
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** The row (0-based) among the first rows that names the most fields of the target. */
export function findHeaderRow(sheet: SheetData, target: ImportTarget): number {
  const index = synonymIndex(target);
  let best = -1;
  let bestScore = 0;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const fields = new Set<string>();
    for (const cell of sheet.rows[r] ?? []) {
      const field = matchHeader(index, cellText(cell));
      if (field) fields.add(field);
    }
    if (fields.size > bestScore) {
      best = r;
      bestScore = fields.size;
    }
  }
  if (best >= 0) return best;
  const firstFilled = sheet.rows.findIndex((row) => row.some((c) => cellText(c).trim() !== ''));
  return Math.max(0, firstFilled);
}
