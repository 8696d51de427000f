// Dates as people type them into a ledger: "2019.6.13", "2019年6月13日", "2019-06-13",
// "2019/6/13", "20190613", Excel date serials (1900 or 1904 date system) and real date cells. A
// date that does not exist (2019.2.30, month 13) is reported with a reason, never rolled over or
// guessed; so is a number that is only a year or a year and month (Excel keeps a typed "2019",
// "2019.6" or "2019.10" as the number 2019, 2019.6 or 2019.1), and a serial or date cell that
// lands before EARLIEST_LEDGER_DATE.
import type { IsoDate } from '../domain/common';
import { isoMonth, type DayOrMonth } from '../domain/month-date';
import { isRealDate } from '../domain/validation';
import { isCellError, utcDay, type CellValue } from './cells';

export type DateParse = { ok: true; date: IsoDate } | { ok: false; reason: string };

/** Serial of 1899-12-30 offset: Excel's day 1 is 1900-01-01 and it counts a 1900-02-29 that never was. */
const EXCEL_FAKE_LEAP_DAY = 60;
/** Serial of 2999-12-31, the last day the ledger accepts (domain/validation isRealDate). */
const LAST_SERIAL = 401_768;
const DAY_MS = 86_400_000;
/** 1899-12-31 in UTC milliseconds: serial 1 is the day after. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 31);
/** 1904 date system (old Excel for Mac): serial 0 is 1904-01-01, with no fake leap day. */
const SERIAL_EPOCH_1904_MS = Date.UTC(1904, 0, 1);
/** Serial of 2999-12-31 in the 1904 date system. */
const LAST_SERIAL_1904 = LAST_SERIAL - 1462;

/**
 * The earliest date a number or a date cell may give. The import's date fields are 开通日期 and
 * 最近更新日期 of a platform and 状态变动日期 (离岗, 调离, 退休 …) of a person of a new-media
 * post: every one is an event of a university's web sites and accounts, which began in the
 * mid-1990s, so one floor fits them all (there is no birth date or other older date among them).
 * Below it a number is far more likely a misread year (2019 as a serial is 1905-07-11) than a
 * real date. Dates whose year is written out (text, and yyyymmdd numbers such as 20190613) are
 * taken as typed, as the form takes them.
 */
export const EARLIEST_LEDGER_DATE: IsoDate = '1990-01-01';

export interface DateOptions {
  /** The workbook uses the 1904 date system (workbookPr date1904): serials count from 1904-01-01. */
  date1904?: boolean;
  /** Earliest date a serial or a date cell may give; EARLIEST_LEDGER_DATE unless set. */
  earliest?: IsoDate;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function fail(reason: string): DateParse {
  return { ok: false, reason };
}

/** A year, month and day checked against the calendar, with a reason naming what is wrong. */
export function dateFromParts(year: number, month: number, day: number, typed: string): DateParse {
  if (year < 1900 || year > 2999) return fail(`“${typed}”的年份 ${year} 不在 1900—2999 年之间，请核对`);
  if (month < 1 || month > 12) return fail(`“${typed}”的月份 ${month} 不存在（应为 1—12 月），请核对`);
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  if (day < 1 || !isRealDate(iso)) {
    return fail(`“${typed}”不是真实的日期：${year}年${month}月没有${day}日，请核对`);
  }
  return { ok: true, date: iso };
}

/**
 * An Excel serial number: of the 1900 date system (the default of Excel, WPS and LibreOffice), or
 * of the 1904 one when `date1904` (workbooks from old Excel for Mac). Only the calendar is checked
 * here; parseDateCell also refuses dates before EARLIEST_LEDGER_DATE.
 */
export function dateFromExcelSerial(serial: number, date1904 = false): DateParse {
  if (!Number.isFinite(serial)) return fail('日期数值无效');
  const day = Math.floor(serial);
  if (date1904) {
    if (day < 0 || day > LAST_SERIAL_1904) return fail(`数值 ${serial} 不是有效的日期，请填写如 2019-06-13 的日期`);
    return { ok: true, date: utcDay(new Date(SERIAL_EPOCH_1904_MS + day * DAY_MS)) };
  }
  if (day === EXCEL_FAKE_LEAP_DAY) {
    return fail('日期序号 60 对应 Excel 中的“1900年2月29日”，这一天实际并不存在，请核对');
  }
  if (day < 1 || day > LAST_SERIAL) return fail(`数值 ${serial} 不是有效的日期，请填写如 2019-06-13 的日期`);
  // Serials after the fake leap day are one ahead of the real calendar.
  const real = day > EXCEL_FAKE_LEAP_DAY ? day - 1 : day;
  return { ok: true, date: utcDay(new Date(SERIAL_EPOCH_MS + real * DAY_MS)) };
}

const SEPARATED = /^(\d{4})\s*([./\-－、年])\s*(\d{1,2})\s*([./\-－、月])\s*(\d{1,2})\s*(?:日|号)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** A time after the date, as spreadsheets write it ("2019/6/13 0:00:00", "2019-06-13T08:00"). */
const TRAILING_TIME = /(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/;
/** Only a year, or a year and month: "2019", "2019年", "2019.6", "2019-06", "2019年6月", "201906". */
const YEAR_OR_MONTH = /^(\d{4})(?:\s*年|\s*[./\-－、年]\s*(\d{1,2})\s*月?|(\d{2}))?$/;
const SHORT_YEAR = /^(\d{2})\s*[./\-年]\s*\d{1,2}\s*[./\-月]\s*\d{1,2}\s*日?$/;

function separatorsAgree(first: string, second: string): boolean {
  if (first === '年') return second === '月';
  if (second === '月') return false;
  const dash = (s: string) => (s === '－' ? '-' : s);
  return dash(first) === dash(second);
}

/** Text typed by a person. Full-width digits (from a Chinese IME) count as digits. */
export function dateFromText(raw: string): DateParse {
  const typed = raw.trim();
  if (typed === '') return fail('日期为空');
  const text = typed.normalize('NFKC').replace(TRAILING_TIME, '').trim();
  const separated = SEPARATED.exec(text);
  if (separated) {
    const [, y, s1, m, s2, d] = separated as unknown as [string, string, string, string, string, string];
    if (!separatorsAgree(s1, s2)) return fail(`“${typed}”的写法不统一，请写作 2019-06-13 或 2019年6月13日`);
    return dateFromParts(Number(y), Number(m), Number(d), typed);
  }
  const compact = COMPACT.exec(text);
  if (compact) {
    const [, y, m, d] = compact as unknown as [string, string, string, string];
    return dateFromParts(Number(y), Number(m), Number(d), typed);
  }
  const partial = YEAR_OR_MONTH.exec(text);
  if (partial && isYearOrMonth(Number(partial[1]), partial[2] ?? partial[3])) return fail(onlyYearOrMonth(typed));
  if (SHORT_YEAR.test(text)) return fail(`“${typed}”的年份只有两位，无法确定是哪一年，请写全四位年份`);
  return fail(`“${typed}”不是可识别的日期，请写作 2019-06-13、2019.6.13 或 2019年6月13日`);
}

function isYearOrMonth(year: number, month: string | undefined): boolean {
  if (year < 1900 || year > 2999) return false;
  return month === undefined || (Number(month) >= 1 && Number(month) <= 12);
}

function onlyYearOrMonth(typed: string): string {
  return `“${typed}”只有年份或年月，不是完整的日期，请填写完整日期，如 2019.6.13`;
}

/**
 * A number that is only a year (2019) or a year and month: 2019.6, 2019.12, 2019.1 (a typed
 * "2019.10" is the number 2019.1), or 201906. Read as serials they would be dates of 1905 or 2452.
 */
function numberIsYearOrMonth(value: number): boolean {
  if (Number.isInteger(value)) {
    if (value >= 1900 && value <= 2999) return true;
    return value >= 190_001 && value <= 299_912 && isYearOrMonth(Math.floor(value / 100), String(value % 100));
  }
  const decimal = /^(\d{4})\.(\d{1,2})$/.exec(String(value));
  return decimal !== null && isYearOrMonth(Number(decimal[1]), decimal[2]);
}

function tooEarly(what: string, date: IsoDate, earliest: IsoDate): string {
  return `${what}是 ${date}，早于 ${earliest}，不像是本台账的日期。只填了年份或年月（如 2019、2019.6）的单元格会被表格软件当作日期序号，显示成 1905 年前后的日期；请填写完整日期，如 2019.6.13`;
}

/**
 * Any cell of a date column: a date cell, an Excel serial, a yyyymmdd number or typed text.
 * Numbers and date cells giving a date before `options.earliest` are refused (see
 * EARLIEST_LEDGER_DATE); `options.date1904` reads serials in the workbook's 1904 date system.
 */
export function parseDateCell(value: CellValue, options: DateOptions = {}): DateParse {
  const earliest = options.earliest ?? EARLIEST_LEDGER_DATE;
  if (value === null) return fail('日期为空');
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail('日期单元格的值无效，请重新填写');
    const iso = utcDay(value);
    if (!isRealDate(iso)) return fail(`日期 ${iso} 超出 1900—2999 年的范围，请核对`);
    return iso < earliest ? fail(tooEarly('日期单元格的值', iso, earliest)) : { ok: true, date: iso };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('日期数值无效');
    // 20190613 typed into a cell formatted as a number, not a serial (serials end at 2958465).
    if (Number.isInteger(value) && value >= 10_000_000 && value <= 99_999_999) return dateFromText(String(value));
    if (numberIsYearOrMonth(value)) return fail(onlyYearOrMonth(String(value)));
    const serial = dateFromExcelSerial(value, options.date1904 ?? false);
    if (serial.ok && serial.date < earliest) return fail(tooEarly(`数值 ${value} 作为日期`, serial.date, earliest));
    return serial;
  }
  if (typeof value === 'string') return dateFromText(value);
  if (typeof value === 'boolean') return fail('这里应填写日期，而不是“是/否”');
  if (isCellError(value)) return fail(`单元格是错误值 ${value.error}，请在表格中改正`);
  return fail('无法识别的日期');
}

export type DayOrMonthParse = { ok: true; date: DayOrMonth } | { ok: false; reason: string };

/**
 * A cell of a column that accepts a date known only to the month (开通日期, see
 * domain/month-date): a full date as parseDateCell reads it, or a year and month — typed
 * ("2019.6", "2019年6月", "2019-06", "201906") or the number Excel keeps of a typed "2019.6" —
 * kept as '2019-06'. A year alone is still refused, and so is the number 2019.1, which is what
 * Excel keeps of both "2019.1" and "2019.10" (January or October cannot be told apart).
 */
export function parseDayOrMonthCell(value: CellValue, options: DateOptions = {}): DayOrMonthParse {
  const full = parseDateCell(value, options);
  if (full.ok) return full;
  if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      if (value >= 190_001 && value <= 299_912 && isYearOrMonth(Math.floor(value / 100), String(value % 100))) {
        return monthOf(Math.floor(value / 100), value % 100);
      }
      return full;
    }
    const decimal = /^(\d{4})\.(\d{1,2})$/.exec(String(value));
    if (!decimal || !isYearOrMonth(Number(decimal[1]), decimal[2])) return full;
    if (decimal[2] === '1') {
      return fail(`数值 ${value} 可能是${decimal[1]}年1月，也可能是输入“${decimal[1]}.10”后被表格软件存成的${decimal[1]}年10月，请在单元格中写作“${decimal[1]}年1月”或“${decimal[1]}年10月”`);
    }
    return monthOf(Number(decimal[1]), Number(decimal[2]));
  }
  if (typeof value !== 'string') return full;
  const partial = YEAR_OR_MONTH.exec(value.trim().normalize('NFKC'));
  const month = partial?.[2] ?? partial?.[3];
  if (!partial || month === undefined) return full;
  const year = Number(partial[1]);
  if (!isYearOrMonth(year, month)) {
    return Number(month) < 1 || Number(month) > 12 ? fail(`“${value.trim()}”的月份 ${Number(month)} 不存在（应为 1—12 月），请核对`) : full;
  }
  return monthOf(year, Number(month));
}

function monthOf(year: number, month: number): DayOrMonthParse {
  return { ok: true, date: isoMonth(year, month) };
}
