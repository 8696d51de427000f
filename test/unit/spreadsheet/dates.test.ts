// Dates as people type them into a ledger, Excel serials (1900 and 1904 date systems) and date
// cells; numbers that are only a year or a year and month, and serials before 1990, are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EARLIEST_LEDGER_DATE, dateFromExcelSerial, dateFromText, parseDateCell } from '@shared/spreadsheet/dates';

const ok = (date: string) => ({ ok: true, date });

describe('dates typed by people', () => {
  it.each([
    ['2019.6.13', '2019-06-13'],
    ['2019.06.13', '2019-06-13'],
    ['2019年6月13日', '2019-06-13'],
    ['2019年06月13号', '2019-06-13'],
    ['2019 年 6 月 13 日', '2019-06-13'],
    ['2019-06-13', '2019-06-13'],
    ['2019-6-3', '2019-06-03'],
    ['2019/6/13', '2019-06-13'],
    ['20190613', '2019-06-13'],
    ['２０１９年６月１３日', '2019-06-13'],
    ['2019/6/13 0:00:00', '2019-06-13'],
    ['2019-06-13T08:30', '2019-06-13'],
    ['  2020.2.29 ', '2020-02-29'],
  ])('understands %s', (typed, iso) => {
    expect(dateFromText(typed)).toEqual(ok(iso));
  });

  it.each([
    ['2019.2.30', /2019年2月没有30日/],
    ['2019年2月29日', /2019年2月没有29日/],
    ['2019.13.1', /月份 13 不存在/],
    ['2019-00-10', /月份 0 不存在/],
    ['2019.4.31', /没有31日/],
    ['20190230', /没有30日/],
    ['2019.6.0', /没有0日/],
    ['1899.12.31', /年份 1899/],
    ['19.6.13', /年份只有两位/],
    ['2019/6-13', /写法不统一/],
    ['下周一', /不是可识别的日期/],
    ['2019.6', /“2019\.6”只有年份或年月.*如 2019\.6\.13/],
    ['2019', /只有年份或年月/],
    ['2019年', /只有年份或年月/],
    ['2019年6月', /只有年份或年月/],
    ['2019-06', /只有年份或年月/],
    ['2019/10', /只有年份或年月/],
    ['201906', /只有年份或年月/],
    ['2019.13', /不是可识别的日期/],
    ['1234', /不是可识别的日期/],
    ['43629', /不是可识别的日期/],
  ])('reports %s with a reason instead of guessing', (typed, reason) => {
    const result = dateFromText(typed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('Excel serial numbers (1900 date system)', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [43629, '2019-06-13'],
    [43629.75, '2019-06-13'],
    [45658, '2025-01-01'],
    [401768, '2999-12-31'],
  ])('serial %d is %s', (serial, iso) => {
    expect(dateFromExcelSerial(serial)).toEqual(ok(iso));
  });

  it('refuses serial 60, the 1900-02-29 that Excel counts but never was', () => {
    const result = dateFromExcelSerial(60);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/1900年2月29日.*不存在/);
    expect(dateFromExcelSerial(60.5).ok).toBe(false);
  });

  it.each([0, -1, 401769, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d', (serial) => {
    expect(dateFromExcelSerial(serial).ok).toBe(false);
  });
});

describe('Excel serial numbers (1904 date system, old Excel for Mac)', () => {
  it.each([
    [0, '1904-01-01'],
    [1, '1904-01-02'],
    [59, '1904-02-29'],
    [42167, '2019-06-13'],
    [42167.5, '2019-06-13'],
    [400306, '2999-12-31'],
  ])('serial %d is %s', (serial, iso) => {
    expect(dateFromExcelSerial(serial, true)).toEqual(ok(iso));
  });

  it('is 1,462 days behind the 1900 system, and has no fake leap day', () => {
    expect(dateFromExcelSerial(43629 - 1462, true)).toEqual(dateFromExcelSerial(43629));
    expect(dateFromExcelSerial(60, true)).toEqual(ok('1904-03-01'));
  });

  it.each([-1, 400307, Number.NaN])('refuses %d', (serial) => {
    expect(dateFromExcelSerial(serial, true).ok).toBe(false);
  });

  it('reads a number of a date column by the workbook\'s date system', () => {
    expect(parseDateCell(42167, { date1904: true })).toEqual(ok('2019-06-13'));
    expect(parseDateCell(43629, { date1904: false })).toEqual(ok('2019-06-13'));
    // The same number in the 1904 system is four years and a day later.
    expect(parseDateCell(43629, { date1904: true })).toEqual(ok('2023-06-14'));
    // yyyymmdd and the year checks do not depend on the date system.
    expect(parseDateCell(20190613, { date1904: true })).toEqual(ok('2019-06-13'));
    expect(parseDateCell(2019, { date1904: true })).toMatchObject({ ok: false, reason: expect.stringMatching(/只有年份或年月/) });
  });
});

describe('numbers that are not dates of this ledger', () => {
  // Excel keeps "2019", "2019.6" and "2019.10" typed into a General cell as the numbers 2019,
  // 2019.6 and 2019.1; read as serials they were 1905 dates (2019 → 1905-07-11).
  it.each([1900, 2019, 2999, 2019.6, 2019.06, 2019.1, 2019.12, 2020.9, 201906, 201912])('refuses %d: only a year or a year and month', (value) => {
    const result = parseDateCell(value);
    expect(result).toEqual({ ok: false, reason: `“${value}”只有年份或年月，不是完整的日期，请填写完整日期，如 2019.6.13` });
  });

  it.each([
    [1, '1900-01-01'],
    [1899, '1905-03-13'],
    [3000, '1908-03-18'],
    [2019.123, '1905-07-11'],
    [2019.13, '1905-07-11'],
    [32873, '1989-12-31'],
  ])('refuses %d: a serial giving %s, before 1990', (value, iso) => {
    const result = parseDateCell(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(new RegExp(`^数值 ${String(value).replace('.', '\\.')} 作为日期是 ${iso}，早于 1990-01-01，不像是本台账的日期.*如 2019\\.6\\.13$`));
  });

  it('keeps real serials from 1990 on, and 8-digit yyyymmdd numbers', () => {
    expect(EARLIEST_LEDGER_DATE).toBe('1990-01-01');
    expect(parseDateCell(32874)).toEqual(ok('1990-01-01'));
    expect(parseDateCell(43629)).toEqual(ok('2019-06-13'));
    expect(parseDateCell(45839)).toEqual(ok('2025-07-01'));
    expect(parseDateCell(20190613)).toEqual(ok('2019-06-13'));
    expect(parseDateCell(19851001)).toEqual(ok('1985-10-01'));
  });

  it('refuses date cells before 1990 too: a year typed into a date-formatted cell shows as 1905', () => {
    expect(parseDateCell(new Date(Date.UTC(1905, 6, 11)))).toMatchObject({ ok: false, reason: expect.stringMatching(/^日期单元格的值是 1905-07-11，早于 1990-01-01.*2019、2019\.6/) });
    expect(parseDateCell(new Date(Date.UTC(1990, 0, 1)))).toEqual(ok('1990-01-01'));
  });

  it('takes typed text as typed, and lets a caller choose another floor', () => {
    expect(parseDateCell('1985.10.1')).toEqual(ok('1985-10-01'));
    expect(parseDateCell(2019.6, { earliest: '1900-01-01' }).ok).toBe(false);
    expect(parseDateCell(1, { earliest: '1900-01-01' })).toEqual(ok('1900-01-01'));
  });
});

describe('cells of a date column', () => {
  const savedTz = process.env.TZ;
  // A time zone west of UTC: reading exceljs's UTC-midnight dates in local time would give the day before.
  beforeAll(() => {
    process.env.TZ = 'America/New_York';
  });
  afterAll(() => {
    process.env.TZ = savedTz;
  });

  it('reads date cells as the UTC day exceljs means, whatever the time zone', () => {
    const cell = new Date(Date.UTC(2019, 5, 13));
    expect(cell.getDate()).toBe(12); // the trap: local time is still 12 June in New York
    expect(parseDateCell(cell)).toEqual(ok('2019-06-13'));
    expect(parseDateCell(new Date(Date.UTC(2019, 5, 13, 23, 59)))).toEqual(ok('2019-06-13'));
  });

  it('takes numbers as serials, and 8-digit numbers as yyyymmdd', () => {
    expect(parseDateCell(43629)).toEqual(ok('2019-06-13'));
    expect(parseDateCell(20190613)).toEqual(ok('2019-06-13'));
    expect(parseDateCell(20190230).ok).toBe(false);
    expect(parseDateCell('2019年6月13日')).toEqual(ok('2019-06-13'));
  });

  it('reports invalid dates, booleans and error values', () => {
    expect(parseDateCell(new Date(Number.NaN)).ok).toBe(false);
    expect(parseDateCell(new Date(Date.UTC(1850, 0, 1))).ok).toBe(false);
    expect(parseDateCell(true)).toMatchObject({ ok: false, reason: expect.stringMatching(/应填写日期/) });
    expect(parseDateCell({ error: '#N/A' })).toMatchObject({ ok: false, reason: expect.stringMatching(/#N\/A/) });
  });
});
