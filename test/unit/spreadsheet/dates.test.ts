// Dates as people type them into a ledger, Excel serials (1900 date system) and date cells.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateFromExcelSerial, dateFromText, parseDateCell } from '@shared/spreadsheet/dates';

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
    ['2019.6', /不是可识别的日期/],
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
