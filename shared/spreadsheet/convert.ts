// Rows of the clerk's sheet turned into drafts of the chosen target, with every problem of a
// row reported by its row number in the sheet, the column's header and a Chinese reason, and
// duplicates (same platform kind + account id, or — where one of the two has no account id — the
// same kind, name and host unit; same unit name; same person in the same unit) found within the
// file and against what is stored. Text cells lose the apostrophe the CSV export puts before
// formula-looking text, so an exported list imports as it was. Nothing here writes anything: the
// preview is what the clerk sees, and only its clean rows can be imported.
import type { IsoDate } from '../domain/common';
import { isGroupKind, isWebsiteKind, type PlatformKind } from '../domain/platform';
import { isValidWebAddress, validatePerson, validatePlatform, validateUnit, type FieldErrors } from '../domain/validation';
import { cellText, isBlankCell, isCellError, type CellValue, type SheetData } from './cells';
import { parseDateCell, parseDayOrMonthCell, type DateOptions } from './dates';
import { unguardFormula } from './export-table';
import { headerLabels, type ColumnMapping } from './mapping';
import { PlatformDuplicates, platformIdentity, ReferenceIndex, nameKey, type StoredData } from './references';
import { TARGET_FIELDS, TARGET_LABELS, fieldOf, type ImportField, type ImportTarget } from './targets';

export interface RowIssue {
  /** The column's header as in the sheet, or the field's label when no column holds it. */
  column: string;
  message: string;
}

export interface PreviewRow {
  /** Row number as the spreadsheet program shows it (1-based). */
  rowNumber: number;
  /** The id the record gets when imported. */
  id: string;
  /** Every column's text as shown to the clerk. */
  cells: string[];
  /** The validated draft; present only when the row has no problem. */
  draft?: Record<string, unknown>;
  errors: RowIssue[];
  /** Set when the row repeats a stored record or an earlier row of the file. */
  duplicate?: string;
}

export interface ImportPreview {
  target: ImportTarget;
  headers: string[];
  rows: PreviewRow[];
}

export type PreviewResult = { ok: true; preview: ImportPreview } | { ok: false; reason: string };

export interface ConvertOptions {
  /** 'YYYY-MM-DD' for "not in the future" checks and the date of imported counts. */
  today: IsoDate;
  newId: () => string;
  /** Most data rows accepted at once. */
  maxRows?: number;
}

/**
 * Most data rows of one import when the caller sets none: 10,000, the rows the reader takes from a
 * sheet (renderer/features/import/read-workbook.ts MAX_SHEET_ROWS) and the limit the README names.
 */
export const DEFAULT_MAX_ROWS = 10_000;
/** Characters of a cell shown in the preview. */
const SHOWN_CHARS = 200;

/** Problems of the mapping itself (a required field without a column, an unknown field). */
export function mappingProblems(mapping: ColumnMapping, target: ImportTarget): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const key of mapping) {
    if (key === null) continue;
    const field = fieldOf(target, key);
    if (!field) problems.push('列的对应关系无效，请重新选择');
    else if (seen.has(key)) problems.push(`“${field.label}”对应了不止一列，请只保留一列`);
    seen.add(key);
  }
  for (const field of TARGET_FIELDS[target]) {
    if (field.required && !seen.has(field.key)) problems.push(`必须有一列对应“${field.label}”`);
  }
  return [...new Set(problems)];
}

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

function enumValue(field: ImportField, text: string): Parsed {
  const folded = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const values = field.values ?? [];
  const exact = values.find((v) => v.toLowerCase() === folded);
  if (exact) return { ok: true, value: exact };
  const aliases = field.aliases ?? {};
  if (Object.hasOwn(aliases, folded)) return { ok: true, value: aliases[folded] };
  return { ok: false, reason: `“${text}”不是可选的${field.label}，可选：${values.join('、')}` };
}

function boolValue(field: ImportField, cell: CellValue): Parsed {
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  const text = cellText(cell).trim();
  const folded = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const aliases = field.aliases ?? {};
  if (Object.hasOwn(aliases, folded)) return { ok: true, value: aliases[folded] === '是' };
  return { ok: false, reason: `“${text}”无法判断${field.label}，请填写“是”或“否”` };
}

function countValue(field: ImportField, cell: CellValue): Parsed {
  if (typeof cell === 'number') return { ok: true, value: cell };
  const text = cellText(cell).normalize('NFKC').replace(/[\s,，]/g, '');
  // Ledgers often round large counts: 2.6万.
  const wan = /^(\d+(?:\.\d+)?)万$/.exec(text);
  if (wan) return { ok: true, value: Math.round(Number(wan[1]) * 10_000) };
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return { ok: true, value: Number(text) };
  return { ok: false, reason: `“${cellText(cell)}”不是数字，${field.label}请填写数字，如 12000 或 1.2万` };
}

/** One cell → the field's value, or the reason it cannot be. Blank cells are `undefined`. */
function parseCell(field: ImportField, cell: CellValue, refs: ReferenceIndex, inFileUnits: ReadonlyMap<string, string> | undefined, dates: DateOptions): Parsed {
  if (isCellError(cell)) return { ok: false, reason: `单元格是错误值 ${cell.error}，请在表格中改正` };
  if (isBlankCell(cell)) return { ok: true, value: undefined };
  const text = cellText(cell).trim();
  switch (field.type) {
    case 'text':
      return { ok: true, value: text };
    case 'date': {
      const date = parseDateCell(cell, dates);
      return date.ok ? { ok: true, value: date.date } : { ok: false, reason: date.reason };
    }
    case 'dayOrMonth': {
      const date = parseDayOrMonthCell(cell, dates);
      return date.ok ? { ok: true, value: date.date } : { ok: false, reason: date.reason };
    }
    case 'count':
      return countValue(field, cell);
    case 'enum':
      return enumValue(field, text);
    case 'bool':
      return boolValue(field, cell);
    case 'unit': {
      const r = refs.unit(text, field.label, inFileUnits);
      return r.ok ? { ok: true, value: r.id } : { ok: false, reason: r.reason };
    }
    case 'person': {
      const r = refs.person(text, field.label);
      return r.ok ? { ok: true, value: r.id } : { ok: false, reason: r.reason };
    }
    case 'people': {
      const ids: string[] = [];
      for (const name of text.split(/[、,，;；/\s]+/).filter(Boolean)) {
        const r = refs.person(name, field.label);
        if (!r.ok) return { ok: false, reason: r.reason };
        if (!ids.includes(r.id)) ids.push(r.id);
      }
      return { ok: true, value: ids };
    }
  }
}

/** The draft without the keys left blank, as a stored record would be. */
function definedOnly(draft: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined));
}

/** The draft of each target from the parsed fields (keys as in TARGET_FIELDS). */
function draftOf(target: ImportTarget, v: ReadonlyMap<string, unknown>, today: IsoDate): Record<string, unknown> {
  const get = (key: string) => v.get(key);
  if (target === 'units') {
    return {
      name: get('name'),
      kind: get('kind') ?? '其他',
      parentId: get('parentId'),
      firstResponsibleId: get('firstResponsibleId'),
      firstResponsibleRank: get('firstResponsibleRank'),
      partySecretaryId: get('partySecretaryId'),
      contactId: get('contactId'),
      phone: get('phone'),
      note: get('note'),
    };
  }
  if (target === 'people') {
    return {
      name: get('name'),
      unitId: get('unitId'),
      title: get('title'),
      phone: get('phone'),
      isTeacher: get('isTeacher') ?? false,
      status: get('status') ?? '在岗',
      statusDate: get('statusDate'),
      note: get('note'),
    };
  }
  const kind = get('kind') as PlatformKind | undefined;
  const status = (get('status') as string | undefined) ?? '运行中';
  const website = kind !== undefined && isWebsiteKind(kind);
  let accountId = (get('accountId') as string | undefined) ?? '';
  let url = get('url') as string | undefined;
  // A website's account id is its address: either column may hold it.
  if (website && !accountId && url) accountId = url;
  if (website && !url && accountId && isValidWebAddress(accountId)) url = accountId;
  const followers = get('followers');
  return {
    kind,
    name: get('name'),
    accountId,
    url,
    hostUnitId: get('hostUnitId'),
    sponsorUnitId: get('sponsorUnitId'),
    guidingTeacherId: get('guidingTeacherId'),
    purpose: get('purpose') ?? '',
    contentScope: get('contentScope') ?? '',
    openedOn: get('openedOn'),
    certification: get('certification') ?? '未认证',
    followers: followers === undefined ? [] : [{ date: today, value: followers, note: '导入时的数字' }],
    server: { involvesData: false },
    responsibleId: get('responsibleId'),
    businessLeadId: get('businessLeadId'),
    technicalLeadId: get('technicalLeadId'),
    chiefAdminId: get('chiefAdminId'),
    sectionAdminIds: get('sectionAdminIds') ?? [],
    measures: get('measures') ?? '',
    columns: [],
    lastUpdateOn: get('lastUpdateOn'),
    status,
    statusHistory: [{ date: today, value: status, note: '从表格导入' }],
    group: kind && isGroupKind(kind) ? { ownerId: get('group.ownerId'), memberCount: get('group.memberCount'), realNameCheckDates: [] } : undefined,
    note: get('note'),
  };
}

function validate(target: ImportTarget, draft: Record<string, unknown>, today: IsoDate) {
  if (target === 'units') return validateUnit(draft, { today });
  if (target === 'people') return validatePerson(draft, { today });
  return validatePlatform(draft, { today });
}

/** The field an error path belongs to: 'followers.0.value' → 'followers'. */
function fieldOfPath(target: ImportTarget, path: string): ImportField | undefined {
  let best: ImportField | undefined;
  for (const field of TARGET_FIELDS[target]) {
    if ((path === field.key || path.startsWith(`${field.key}.`)) && (!best || field.key.length > best.key.length)) best = field;
  }
  return best;
}

/** Wording of the form ("请选择…") does not fit a sheet: a missing reference reads "请填写…". */
function sheetWording(message: string): string {
  return message.replace(/^请选择/, '请填写');
}

/** Where a row's duplicate is: a stored record (live or in the trash) or an earlier row of the file. */
interface Duplicate {
  where: 'stored' | 'trash' | number;
  name: string;
  /** Found by the platforms' kind + name + host unit rule, where an account id is missing. */
  possible: boolean;
}

/** The duplicate rules of one target, fed with what is stored and then row by row. */
class Duplicates {
  private readonly storedPlatforms = new PlatformDuplicates<{ name: string; deleted: boolean }>();
  private readonly filePlatforms = new PlatformDuplicates<number>();
  private readonly storedKeys = new Map<string, { name: string; deleted: boolean }>();
  private readonly fileKeys = new Map<string, number>();

  constructor(
    private readonly target: ImportTarget,
    stored: StoredData,
  ) {
    // A live record wins over one in the trash with the same key.
    const add = (key: string | undefined, name: string, deletedAt: string | undefined) => {
      if (key && (!this.storedKeys.has(key) || !deletedAt)) this.storedKeys.set(key, { name, deleted: Boolean(deletedAt) });
    };
    if (target === 'platforms') for (const p of stored.platforms) this.storedPlatforms.add(p, { name: p.name, deleted: Boolean(p.deletedAt) }, !p.deletedAt);
    else if (target === 'units') for (const u of stored.units) add(nameKey(u.name), u.name, u.deletedAt);
    else for (const p of stored.people) add(personKey(p.name, p.unitId), p.name, p.deletedAt);
  }

  /** The duplicate of a validated row, or undefined after noting the row as the first of its keys. */
  check(draft: Record<string, unknown>, rowNumber: number): Duplicate | undefined {
    if (this.target === 'platforms') {
      const p = platformIdentity(draft);
      const stored = this.storedPlatforms.find(p);
      if (stored) return { where: stored.value.deleted ? 'trash' : 'stored', name: stored.value.name, possible: stored.rule === 'name' };
      const first = this.filePlatforms.find(p);
      if (first) return { where: first.value, name: '', possible: first.rule === 'name' };
      this.filePlatforms.add(p, rowNumber);
      return undefined;
    }
    const key = this.target === 'units' ? nameKey(String(draft.name ?? '')) : personKey(String(draft.name ?? ''), draft.unitId as string | undefined);
    if (!key) return undefined;
    const hit = this.storedKeys.get(key);
    if (hit) return { where: hit.deleted ? 'trash' : 'stored', name: hit.name, possible: false };
    const first = this.fileKeys.get(key);
    if (first !== undefined) return { where: first, name: '', possible: false };
    this.fileKeys.set(key, rowNumber);
    return undefined;
  }
}

function personKey(name: string, unitId: string | undefined): string {
  return `${nameKey(name)}\u0000${unitId ?? ''}`;
}

const POSSIBLE_PLATFORM = '平台类型、名称、主办单位都相同，且有一方没有填写账号';

function duplicateMessage(target: ImportTarget, { where, name, possible }: Duplicate): string {
  if (possible) {
    if (where === 'stored') return `与已登记的平台“${name}”可能重复（${POSSIBLE_PLATFORM}），不再重复导入；如确是另一个平台，请在表格中填写账号或改用能区分的名称`;
    if (where === 'trash') return `与回收站中的平台“${name}”可能重复（${POSSIBLE_PLATFORM}），请先在回收站恢复它，不再重复导入`;
    return `与本表第 ${where} 行可能重复（${POSSIBLE_PLATFORM}），只导入第 ${where} 行；如确是另一个平台，请填写账号或改用能区分的名称`;
  }
  const what = target === 'platforms' ? '同类型、同账号的平台' : target === 'units' ? '同名单位' : '同一单位的同名人员';
  if (where === 'stored') return `与已登记的${what}“${name}”重复，不再重复导入`;
  if (where === 'trash') return `与回收站中的${what}“${name}”重复，请先在回收站恢复它，不再重复导入`;
  return `与本表第 ${where} 行重复（${what}），只导入第 ${where} 行`;
}

/** Builds the preview of every data row below the header row. Never throws on bad cells. */
export function buildPreview(
  sheet: SheetData,
  headerRow: number,
  mapping: ColumnMapping,
  target: ImportTarget,
  stored: StoredData,
  options: ConvertOptions,
): PreviewResult {
  const problems = mappingProblems(mapping, target);
  if (problems.length > 0) return { ok: false, reason: problems.join('；') };
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const headers = headerLabels(sheet, headerRow);
  const columns = mapping.flatMap((key, index) => {
    const field = key === null ? undefined : fieldOf(target, key);
    return field ? [{ index, field }] : [];
  });
  const columnOf = new Map(columns.map((c) => [c.field.key, headers[c.index] ?? c.field.label]));

  const dataRows: { rowNumber: number; cells: CellValue[] }[] = [];
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    // The apostrophe the CSV export put before formula-looking text is not part of the text.
    const cells = (sheet.rows[r] ?? []).map((c) => (typeof c === 'string' ? unguardFormula(c) : c));
    if (columns.every((c) => isBlankCell(cells[c.index]))) continue;
    dataRows.push({ rowNumber: r + 1, cells });
    if (dataRows.length > maxRows) {
      return { ok: false, reason: `表格中超过 ${maxRows} 行数据，请分成几个文件分批导入` };
    }
  }
  if (dataRows.length === 0) return { ok: false, reason: '标题行下面没有数据。请确认选择了正确的工作表和标题行。' };

  const refs = new ReferenceIndex(stored);
  // Units of the same file may be the parent of another row (上级单位).
  const ids = dataRows.map(() => options.newId());
  const inFileUnits = new Map<string, string>();
  const unitRowById = new Map<string, number>();
  if (target === 'units') {
    const nameColumn = columns.find((c) => c.field.key === 'name');
    dataRows.forEach((row, i) => {
      const name = nameColumn ? cellText(row.cells[nameColumn.index] ?? null).trim() : '';
      const key = nameKey(name);
      if (key && !inFileUnits.has(key)) {
        inFileUnits.set(key, ids[i]!);
        unitRowById.set(ids[i]!, i);
      }
    });
  }

  const duplicates = new Duplicates(target, stored);
  const dates: DateOptions = { date1904: sheet.date1904 === true };
  const rows: PreviewRow[] = dataRows.map((row, i) => {
    const errors: RowIssue[] = [];
    const values = new Map<string, unknown>();
    for (const { index, field } of columns) {
      const parsed = parseCell(field, row.cells[index] ?? null, refs, target === 'units' ? inFileUnits : undefined, dates);
      if (parsed.ok) values.set(field.key, parsed.value);
      else errors.push({ column: headers[index] ?? field.label, message: parsed.reason });
    }
    for (const field of TARGET_FIELDS[target]) {
      if (field.required && values.has(field.key) && values.get(field.key) === undefined && !errors.some((e) => e.column === columnOf.get(field.key))) {
        errors.push({ column: columnOf.get(field.key) ?? field.label, message: `请填写${field.label}` });
      }
    }
    const kind = values.get('kind');
    if (target === 'platforms' && typeof kind === 'string' && !isGroupKind(kind as PlatformKind)) {
      for (const key of ['group.ownerId', 'group.memberCount']) {
        if (values.get(key) !== undefined) {
          errors.push({ column: columnOf.get(key) ?? key, message: `只有工作群（QQ群、微信群、钉钉群）才填写${fieldOf(target, key)?.label}，本行的平台类型是“${kind}”` });
        }
      }
    }
    const cells = row.cells.map((c) => [...cellText(c)].slice(0, SHOWN_CHARS).join(''));
    const base = { rowNumber: row.rowNumber, id: ids[i]!, cells };
    if (errors.length > 0) return { ...base, errors };

    const draft = definedOnly(draftOf(target, values, options.today));
    if (target === 'units' && draft.parentId === ids[i]) {
      return { ...base, errors: [{ column: columnOf.get('parentId') ?? '上级单位', message: '上级单位不能是本单位自己' }] };
    }
    const checked = validate(target, draft, options.today);
    if (!checked.ok) return { ...base, errors: issuesOf(target, checked.errors, columnOf) };

    const value = checked.value as unknown as Record<string, unknown>;
    const duplicate = duplicates.check(value, row.rowNumber);
    if (duplicate) return { ...base, errors: [], duplicate: duplicateMessage(target, duplicate) };
    return { ...base, errors: [], draft: value };
  });

  if (target === 'units') refuseBrokenParents(rows, unitRowById, columnOf.get('parentId') ?? '上级单位');
  return { ok: true, preview: { target, headers, rows } };
}

function issuesOf(target: ImportTarget, errors: FieldErrors, columnOf: ReadonlyMap<string, string>): RowIssue[] {
  return Object.entries(errors).map(([path, message]) => {
    const field = fieldOfPath(target, path);
    const column = field ? (columnOf.get(field.key) ?? `${field.label}（表格中没有此列）`) : TARGET_LABELS[target];
    return { column, message: sheetWording(message) };
  });
}

/**
 * A unit whose parent row of the same file cannot be imported cannot be imported either. Linear in
 * the rows (issue 15: a sheet of 10,000 units, each under the one above, walked every chain to its
 * root and took a minute and a half): a chain found to end is remembered, and the rows under a row
 * with problems are found by following each row's parents once.
 */
function refuseBrokenParents(rows: PreviewRow[], unitRowById: ReadonlyMap<string, number>, column: string): void {
  const parentRow = (row: PreviewRow): number | undefined => {
    const parentId = row.draft?.parentId;
    return typeof parentId === 'string' ? unitRowById.get(parentId) : undefined;
  };
  // Parents pointing at each other (A 上级 B, B 上级 A) would never reach a root. Rows are taken
  // in file order; a row found in a loop loses its draft, which ends the walks of later rows there.
  const ends = new Set<number>();
  rows.forEach((row, index) => {
    const path = [index];
    const seen = new Set(path);
    for (let at = parentRow(row); at !== undefined && !ends.has(at); at = parentRow(rows[at]!)) {
      if (seen.has(at)) {
        row.draft = undefined;
        row.errors = [{ column, message: '上级单位互相引用，形成了循环，请改正' }];
        return;
      }
      seen.add(at);
      path.push(at);
    }
    // This row's chain of parents ends, and so does every chain it passed through.
    for (const i of path) ends.add(i);
  });
  // Whether a row and every parent above it in the file can be imported, each row decided once.
  const importable = new Map<number, boolean>();
  const decide = (start: number): boolean => {
    const chain: number[] = [];
    let at: number | undefined = start;
    let ok = true;
    while (at !== undefined) {
      const known = importable.get(at);
      if (known !== undefined) {
        ok = known;
        break;
      }
      const row: PreviewRow = rows[at]!;
      if (!row.draft || row.duplicate) {
        ok = false;
        importable.set(at, false);
        break;
      }
      chain.push(at);
      at = parentRow(row);
    }
    // The loops above were cut, so every chain ends; a row is importable when all above it are.
    for (const i of chain) importable.set(i, ok);
    return importable.get(start)!;
  };
  const refused = rows.flatMap((row) => {
    const parent = parentRow(row);
    return row.draft && parent !== undefined && !decide(parent) ? [{ row, parent: rows[parent]! }] : [];
  });
  for (const { row, parent } of refused) {
    row.draft = undefined;
    row.errors = [{ column, message: `上级单位在本表第 ${parent.rowNumber} 行，那一行有问题不能导入，本行也不能导入` }];
  }
}

/** Rows that can be imported, and those with problems (errors or duplicates). */
export function splitPreview(preview: ImportPreview): { ready: PreviewRow[]; problems: PreviewRow[] } {
  const ready = preview.rows.filter((r) => r.draft && !r.duplicate);
  const problems = preview.rows.filter((r) => !r.draft || r.duplicate);
  return { ready, problems };
}
