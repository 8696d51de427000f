// Working days on the State Council holiday schedule (国务院办公厅关于部分节假日安排的通知), for
// deadlines such as "报备 within 5 working days after the change" (001 第五条, 004 第六条).
//
// Rules: a date is a working day when it is Monday–Friday and not a public holiday, or when it is
// a 调休 make-up day (a Saturday or Sunday declared a working day). Counting starts the day after
// the start date, so the result is always a working day: a deadline that would land on a holiday
// moves to the next working day.
//
// Data: the schedules bundled in the chinese-days package (its JSON only — plain data, no DOM or
// Node APIs) plus a calendar the clerk edits or imports for years the package does not know yet
// (the next year's schedule is published each November). The clerk's entries override bundled
// ones date by date. A date in a year for which neither has any data throws HolidayDataMissing
// with the year: the app says which year's schedule to enter and never guesses Monday–Friday.
//
// Import format (parseHolidayCalendar), UTF-8 text, one date per line:
//
//   # 2027年部分节假日安排（国办发明电〔2026〕X号）      ← '#' starts a comment; blank lines are ignored
//   日期,类型,名称                                        ← an optional header line
//   2027-01-01,holiday,元旦
//   2027-02-07,workday,春节调休
//
// Separators: comma (also '，'), tab or semicolon. Type: holiday / 放假 / 休, workday / 上班 / 班.
// The name is optional. Dates are 'YYYY-MM-DD' (also 'YYYY/M/D'). A line whose date appears
// earlier with the other type is refused; a make-up working day must be a Saturday or Sunday.
// JSON is accepted too: an array of {"date","kind","name"} objects, or chinese-days' own
// {"holidays":{date:"English,中文,n"},"workdays":{…}} (e.g. a newer release's years/2027.json).
// Any error refuses the whole file and names the line.
import bundledData from 'chinese-days/dist/chinese-days.json';
import { dateOfDay, dayNumber, weekdayOf, weekdayOfDay } from '../domain/calendar-days';

export type HolidayKind = 'holiday' | 'workday';

/** One day of a schedule: a public holiday (放假) or a make-up working day (调休上班). */
export interface HolidayEntry {
  date: string;
  kind: HolidayKind;
  name?: string;
}

/** The clerk's entries (settings.holidayOverrides); the years they touch count as known. */
export type HolidayCalendar = readonly HolidayEntry[];

/** Thrown for a date in a year without any holiday data; `year` says which schedule to enter. */
export class HolidayDataMissingError extends Error {
  override readonly name = 'HolidayDataMissing';
  constructor(readonly year: number) {
    super(`${year}年的法定节假日安排尚未录入，无法按工作日计算期限。请在“设置 → 节假日安排”中录入或导入${year}年的放假安排。`);
  }
}

export function isHolidayDataMissing(e: unknown): e is HolidayDataMissingError {
  return e instanceof Error && e.name === 'HolidayDataMissing' && typeof (e as { year?: unknown }).year === 'number';
}

// ---------------------------------------------------------------------------------------------
// Dates as 'YYYY-MM-DD' (counted in shared/domain/calendar-days.ts, in UTC).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written 'YYYY-MM-DD' (no 2027-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function assertDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`not a date 'YYYY-MM-DD': ${date}`);
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

// ---------------------------------------------------------------------------------------------
// The bundled schedules.

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** chinese-days values read 'English,中文,n'; the Chinese name is what the clerk knows. */
function chineseName(value: string): string | undefined {
  return value.split(',')[1]?.trim() || undefined;
}

function entriesOf(data: ChineseDaysData): HolidayEntry[] {
  const list: HolidayEntry[] = [];
  for (const [date, v] of Object.entries(data.holidays)) list.push({ date, kind: 'holiday', name: chineseName(v) });
  for (const [date, v] of Object.entries(data.workdays)) list.push({ date, kind: 'workday', name: chineseName(v) });
  return list;
}

const BUNDLED = new Map<string, HolidayEntry>(entriesOf(bundledData satisfies ChineseDaysData).map((e) => [e.date, e]));

/** Years whose State Council schedule ships with the app, ascending. */
export const BUNDLED_YEARS: readonly number[] = [...new Set([...BUNDLED.keys()].map(yearOf))].sort((a, b) => a - b);

/** The bundled entries of one year (for showing what the app already knows). */
export function bundledEntries(year: number): HolidayEntry[] {
  return [...BUNDLED.values()].filter((e) => yearOf(e.date) === year).sort((a, b) => a.date.localeCompare(b.date));
}

// ---------------------------------------------------------------------------------------------
// Lookups, combined once per calendar (the same settings array is used for many deadlines).

interface Lookup {
  days: Map<string, HolidayEntry>;
  years: Set<number>;
}

const BUNDLED_LOOKUP: Lookup = { days: BUNDLED, years: new Set(BUNDLED_YEARS) };
const lookups = new WeakMap<HolidayCalendar, Lookup>();

function lookupFor(calendar: HolidayCalendar | undefined): Lookup {
  if (!calendar || calendar.length === 0) return BUNDLED_LOOKUP;
  let found = lookups.get(calendar);
  if (!found) {
    const days = new Map(BUNDLED);
    const years = new Set(BUNDLED_YEARS);
    for (const e of calendar) {
      days.set(e.date, e); // the clerk's entry wins over the bundled one
      years.add(yearOf(e.date));
    }
    found = { days, years };
    lookups.set(calendar, found);
  }
  return found;
}

/** Years for which working days can be computed: bundled plus the clerk's, ascending. */
export function knownYears(calendar?: HolidayCalendar): number[] {
  return [...lookupFor(calendar).years].sort((a, b) => a - b);
}

export function hasHolidayData(year: number, calendar?: HolidayCalendar): boolean {
  return lookupFor(calendar).years.has(year);
}

/** Whether a day (its number) is a working day; throws HolidayDataMissing for a year without data. */
function workingDay(day: number, lookup: Lookup): boolean {
  const date = dateOfDay(day);
  const year = yearOf(date);
  if (!lookup.years.has(year)) throw new HolidayDataMissingError(year);
  const entry = lookup.days.get(date);
  if (entry) return entry.kind === 'workday';
  const w = weekdayOfDay(day);
  return w !== 0 && w !== 6;
}

/** Is `date` a working day? Throws HolidayDataMissing for a year without data. */
export function isWorkingDay(date: string, calendar?: HolidayCalendar): boolean {
  assertDate(date);
  return workingDay(dayNumber(date), lookupFor(calendar));
}

/**
 * The `n`th working day after `start` (start not counted). n = 0 gives `start` itself when it is
 * a working day, else the next one. Throws HolidayDataMissing as soon as the count reaches a
 * year without data.
 */
export function addWorkingDays(start: string, n: number, calendar?: HolidayCalendar): string {
  assertDate(start);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  const lookup = lookupFor(calendar);
  let day = dayNumber(start);
  if (n === 0) {
    while (!workingDay(day, lookup)) day++;
    return dateOfDay(day);
  }
  for (let left = n; left > 0; ) {
    day++;
    if (workingDay(day, lookup)) left--;
  }
  return dateOfDay(day);
}

// ---------------------------------------------------------------------------------------------
// Import of a schedule, and merging it into the clerk's calendar.

export interface CalendarLineError {
  line: number;
  message: string;
}

export type ParsedCalendar = { ok: true; entries: HolidayEntry[]; years: number[] } | { ok: false; errors: CalendarLineError[] };

const KIND_WORDS: Record<string, HolidayKind> = {
  holiday: 'holiday',
  放假: 'holiday',
  休: 'holiday',
  假: 'holiday',
  workday: 'workday',
  上班: 'workday',
  班: 'workday',
  调休上班: 'workday',
};
const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const MAX_ERRORS = 20;

/** 'YYYY-MM-DD' or 'YYYY/M/D' → 'YYYY-MM-DD', or undefined when it is not a real date. */
function normaliseDate(raw: string): string | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(raw.trim());
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(date) ? date : undefined;
}

interface RawRow {
  line: number;
  date: string;
  kind: string;
  name?: string;
}

/** Parses a schedule (format in the module header). The whole text is refused on any error. */
export function parseHolidayCalendar(text: string): ParsedCalendar {
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trim();
  if (!trimmed) return { ok: false, errors: [{ line: 1, message: '内容为空，请粘贴或选择放假安排文件。' }] };
  const rows = trimmed.startsWith('[') || trimmed.startsWith('{') ? jsonRows(body) : textRows(body);
  if ('errors' in rows) return { ok: false, errors: rows.errors };
  return checkRows(rows.rows);
}

function textRows(text: string): { rows: RawRow[] } | { errors: CalendarLineError[] } {
  const rows: RawRow[] = [];
  const errors: CalendarLineError[] = [];
  let seenData = false;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    const content = raw.trim();
    if (!content || content.startsWith('#')) return;
    const cells = content.split(/[,，\t;；]/).map((c) => c.trim());
    if (!seenData && /^(date|日期)$/i.test(cells[0] ?? '')) return; // header
    seenData = true;
    if (cells.length < 2 || !cells[1]) {
      errors.push({ line, message: `第 ${line} 行：应为“日期,类型,名称”，例如 2027-01-01,holiday,元旦。` });
      return;
    }
    rows.push({ line, date: cells[0]!, kind: cells[1], name: cells.slice(2).join('，') || undefined });
  });
  return errors.length ? { errors } : { rows };
}

/** The 1-based line of a character index (for naming the line of a JSON entry). */
function lineAt(text: string, index: number): number {
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}

function jsonRows(text: string): { rows: RawRow[] } | { errors: CalendarLineError[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // V8 names the position ("… at position 123" or "(line 4 column 7)"); point at that line.
    const msg = e instanceof Error ? e.message : '';
    const lineCol = /line (\d+)/.exec(msg);
    const pos = /position (\d+)/.exec(msg);
    const line = lineCol ? Number(lineCol[1]) : pos ? lineAt(text, Number(pos[1])) : 1;
    return { errors: [{ line, message: `第 ${line} 行：JSON 格式错误，无法读取。` }] };
  }
  // Each entry's line is found by searching for its date string after the previous one's.
  let cursor = 0;
  const locate = (date: string): number => {
    const at = text.indexOf(`"${date}"`, cursor);
    if (at >= 0) cursor = at + date.length;
    return lineAt(text, at >= 0 ? at : cursor);
  };
  const rows: RawRow[] = [];
  if (Array.isArray(data)) {
    for (const item of data) {
      const o = (item ?? {}) as Record<string, unknown>;
      const date = typeof o.date === 'string' ? o.date : '';
      rows.push({ line: date ? locate(date) : lineAt(text, cursor), date, kind: typeof o.kind === 'string' ? o.kind : '', name: typeof o.name === 'string' ? o.name : undefined });
    }
    return { rows };
  }
  const o = data as Record<string, unknown>;
  const holidays = o.holidays;
  const workdays = o.workdays;
  if (!isStringRecord(holidays) || !isStringRecord(workdays)) {
    return { errors: [{ line: 1, message: '第 1 行：JSON 应为 [{"date","kind","name"}…] 或含 holidays 和 workdays 的对象。' }] };
  }
  for (const [kind, map] of [['holiday', holidays], ['workday', workdays]] as const) {
    for (const [date, v] of Object.entries(map)) rows.push({ line: locate(date), date, kind, name: chineseName(v) ?? (v || undefined) });
  }
  return { rows };
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}

function checkRows(rows: readonly RawRow[]): ParsedCalendar {
  const errors: CalendarLineError[] = [];
  const seen = new Map<string, { kind: HolidayKind; line: number }>();
  const entries: HolidayEntry[] = [];
  for (const r of rows) {
    if (errors.length >= MAX_ERRORS) break;
    const date = normaliseDate(r.date);
    if (!date) {
      errors.push({ line: r.line, message: `第 ${r.line} 行：“${r.date}”不是有效日期，应写成 2027-01-01。` });
      continue;
    }
    const kind = KIND_WORDS[r.kind.trim().toLowerCase()];
    if (!kind) {
      errors.push({ line: r.line, message: `第 ${r.line} 行：类型“${r.kind}”无法识别，应为 holiday（放假）或 workday（调休上班）。` });
      continue;
    }
    const before = seen.get(date);
    if (before) {
      if (before.kind !== kind) {
        errors.push({ line: r.line, message: `第 ${r.line} 行：${date} 与第 ${before.line} 行矛盾（一处为放假，一处为上班）。` });
      }
      continue; // the same day twice with the same type adds nothing
    }
    // Make-up days are always weekends; a weekday "workday" is almost surely a mistyped date.
    const w = weekdayOf(date);
    if (kind === 'workday' && w !== 0 && w !== 6) {
      errors.push({ line: r.line, message: `第 ${r.line} 行：${date} 是${WEEKDAY_NAMES[w]}，本来就是工作日；调休上班日应为周六或周日，请核对日期。` });
      continue;
    }
    seen.set(date, { kind, line: r.line });
    entries.push({ date, kind, ...(r.name ? { name: r.name } : {}) });
  }
  if (errors.length) return { ok: false, errors };
  if (entries.length === 0) return { ok: false, errors: [{ line: 1, message: '没有读到任何日期，请检查文件内容。' }] };
  entries.sort((a, b) => a.date.localeCompare(b.date));
  return { ok: true, entries, years: [...new Set(entries.map((e) => yearOf(e.date)))].sort((a, b) => a - b) };
}

/**
 * The clerk's calendar after importing a schedule: the imported years are replaced as a whole
 * (a newly published schedule supersedes what was typed before), other years are kept.
 */
export function mergeHolidayCalendar(current: HolidayCalendar, imported: readonly HolidayEntry[]): HolidayEntry[] {
  const years = new Set(imported.map((e) => yearOf(e.date)));
  return [...current.filter((e) => !years.has(yearOf(e.date))), ...imported].sort((a, b) => a.date.localeCompare(b.date));
}

/** The clerk's calendar without one year's entries (the year becomes unknown again unless bundled). */
export function removeHolidayYear(current: HolidayCalendar, year: number): HolidayEntry[] {
  return current.filter((e) => yearOf(e.date) !== year);
}

/** Holiday and make-up day counts of one year in a calendar, for showing what was entered. */
export function summariseYear(entries: readonly HolidayEntry[], year: number): { holidays: number; workdays: number } {
  const own = entries.filter((e) => yearOf(e.date) === year);
  return { holidays: own.filter((e) => e.kind === 'holiday').length, workdays: own.filter((e) => e.kind === 'workday').length };
}
