// Working days on the State Council schedule: every 2025–2026 holiday period with its 调休
// make-up days, year boundaries, the missing-data error, the clerk's calendar and its import.
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_YEARS,
  HolidayDataMissingError,
  addWorkingDays,
  hasHolidayData,
  isHolidayDataMissing,
  isWorkingDay,
  knownYears,
  mergeHolidayCalendar,
  parseHolidayCalendar,
  removeHolidayYear,
  type HolidayCalendar,
} from '../../../shared/rules/working-days';

/** Both seeds give 5 working days for a change filing (001 第五条, 004 第六条). */
const N = 5;

function missingYearOf(run: () => unknown): number | undefined {
  try {
    run();
  } catch (e) {
    if (isHolidayDataMissing(e)) return e.year;
    throw e;
  }
  return undefined;
}

describe('bundled State Council schedules', () => {
  it('ships 2025 and 2026 (the years the tests below rely on)', () => {
    expect(BUNDLED_YEARS).toContain(2025);
    expect(BUNDLED_YEARS).toContain(2026);
    expect(hasHolidayData(2026)).toBe(true);
  });

  it('counts ordinary weeks Monday to Friday: a change on a Tuesday is due the next Tuesday (001 第五条)', () => {
    expect(addWorkingDays('2026-03-10', N)).toBe('2026-03-17');
    // The start day is not counted, and a weekend in between is skipped.
    expect(addWorkingDays('2026-03-13', N)).toBe('2026-03-20');
    expect(addWorkingDays('2026-03-13', 1)).toBe('2026-03-16');
  });

  it('a deadline never lands on a weekend: a change on a Saturday is due 5 working days later (004 第六条)', () => {
    expect(isWorkingDay('2026-03-14')).toBe(false);
    expect(addWorkingDays('2026-03-14', N)).toBe('2026-03-20');
    // n = 0 moves a non-working day to the next working day.
    expect(addWorkingDays('2026-03-14', 0)).toBe('2026-03-16');
    expect(addWorkingDays('2026-03-16', 0)).toBe('2026-03-16');
  });
});

describe('2025 holiday periods (001 第五条: 5个工作日内报备)', () => {
  it('元旦 2025: 1 January is a holiday; a change on 31 December 2024 is due 8 January', () => {
    expect(isWorkingDay('2025-01-01')).toBe(false);
    expect(isWorkingDay('2025-01-02')).toBe(true);
    // Year boundary: counted across 2024 → 2025.
    expect(addWorkingDays('2024-12-31', N)).toBe('2025-01-08');
  });

  it('春节 2025: 28 Jan – 4 Feb off, Sunday 26 Jan and Saturday 8 Feb are working days', () => {
    expect(isWorkingDay('2025-01-26')).toBe(true); // 调休 Sunday
    expect(isWorkingDay('2025-02-08')).toBe(true); // 调休 Saturday
    for (const d of ['2025-01-28', '2025-01-31', '2025-02-03', '2025-02-04']) expect(isWorkingDay(d)).toBe(false);
    // Fri 24 → Sun 26 (1), Mon 27 (2), then the festival, Wed 5 (3), Thu 6 (4), Fri 7 (5).
    expect(addWorkingDays('2025-01-24', N)).toBe('2025-02-07');
    // Mon 27 Jan → Wed 5, Thu 6, Fri 7, Sat 8 (调休), Mon 10.
    expect(addWorkingDays('2025-01-27', N)).toBe('2025-02-10');
  });

  it('清明 2025: Friday 4 April off; a change on Wednesday 2 April is due Thursday 10 April', () => {
    expect(isWorkingDay('2025-04-04')).toBe(false);
    expect(addWorkingDays('2025-04-02', N)).toBe('2025-04-10');
  });

  it('劳动节 2025: 1–5 May off, Sunday 27 April is a working day', () => {
    expect(isWorkingDay('2025-04-27')).toBe(true);
    expect(isWorkingDay('2025-05-05')).toBe(false);
    // Fri 25 Apr → Sun 27 (1), Mon 28 (2), Tue 29 (3), Wed 30 (4), Tue 6 May (5).
    expect(addWorkingDays('2025-04-25', N)).toBe('2025-05-06');
  });

  it('端午 2025: Monday 2 June off; a change on Wednesday 28 May is due Thursday 5 June', () => {
    expect(isWorkingDay('2025-06-02')).toBe(false);
    expect(addWorkingDays('2025-05-28', N)).toBe('2025-06-05');
  });

  it('国庆·中秋 2025: 1–8 October off, Sunday 28 Sep and Saturday 11 Oct are working days', () => {
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2025-10-06')).toBe(false); // 中秋
    expect(isWorkingDay('2025-10-08')).toBe(false);
    expect(isWorkingDay('2025-10-11')).toBe(true);
    // Fri 26 Sep → Sun 28 (1), Mon 29 (2), Tue 30 (3), Thu 9 Oct (4), Fri 10 (5).
    expect(addWorkingDays('2025-09-26', N)).toBe('2025-10-10');
    // Tue 30 Sep → Thu 9, Fri 10, Sat 11 (调休), Mon 13, Tue 14.
    expect(addWorkingDays('2025-09-30', N)).toBe('2025-10-14');
  });
});

describe('2026 holiday periods (004 第六条: 应在5个工作日内报备)', () => {
  it('元旦 2026: 1–3 January off, Sunday 4 January is a working day; counted across the year boundary', () => {
    expect(isWorkingDay('2026-01-02')).toBe(false);
    expect(isWorkingDay('2026-01-04')).toBe(true);
    // Tue 30 Dec 2025 → Wed 31 (1), Sun 4 Jan (2), Mon 5 (3), Tue 6 (4), Wed 7 (5).
    expect(addWorkingDays('2025-12-30', N)).toBe('2026-01-07');
  });

  it('春节 2026: 15–23 February off, Saturdays 14 and 28 February are working days', () => {
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-16')).toBe(false);
    expect(isWorkingDay('2026-02-23')).toBe(false);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    // Wed 11 Feb → Thu 12 (1), Fri 13 (2), Sat 14 (3), Tue 24 (4), Wed 25 (5).
    expect(addWorkingDays('2026-02-11', N)).toBe('2026-02-25');
    // Tue 24 Feb → Wed 25, Thu 26, Fri 27, Sat 28 (调休), Mon 2 Mar.
    expect(addWorkingDays('2026-02-24', N)).toBe('2026-03-02');
  });

  it('清明 2026: Monday 6 April off; a change on Thursday 2 April is due Friday 10 April', () => {
    expect(isWorkingDay('2026-04-06')).toBe(false);
    expect(addWorkingDays('2026-04-02', N)).toBe('2026-04-10');
  });

  it('劳动节 2026: 1–5 May off, Saturday 9 May is a working day', () => {
    expect(isWorkingDay('2026-05-05')).toBe(false);
    expect(isWorkingDay('2026-05-09')).toBe(true);
    // Thu 30 Apr → Wed 6 (1), Thu 7 (2), Fri 8 (3), Sat 9 (4), Mon 11 (5).
    expect(addWorkingDays('2026-04-30', N)).toBe('2026-05-11');
  });

  it('端午 2026: Friday 19 June off; a change on Wednesday 17 June is due Thursday 25 June', () => {
    expect(isWorkingDay('2026-06-19')).toBe(false);
    // Thu 18 (1), Mon 22 (2), Tue 23 (3), Wed 24 (4), Thu 25 (5).
    expect(addWorkingDays('2026-06-17', N)).toBe('2026-06-25');
  });

  it('中秋 2026: Friday 25 September off, Sunday 20 September is a working day', () => {
    expect(isWorkingDay('2026-09-20')).toBe(true);
    expect(isWorkingDay('2026-09-25')).toBe(false);
    // Fri 18 Sep → Sun 20 (1), Mon 21 (2), Tue 22 (3), Wed 23 (4), Thu 24 (5).
    expect(addWorkingDays('2026-09-18', N)).toBe('2026-09-24');
  });

  it('国庆 2026: 1–7 October off, Saturday 10 October is a working day; a change on 30 September is due 13 October, not 7 October', () => {
    expect(isWorkingDay('2026-10-07')).toBe(false);
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(addWorkingDays('2026-09-30', N)).toBe('2026-10-13');
    // A deadline that would fall on 1 October moves past the holiday: Tue 29 Sep + 2 = Thu 8 Oct.
    expect(addWorkingDays('2026-09-29', 2)).toBe('2026-10-08');
  });
});

describe('years without data (working-day deadlines of 001 第五条, 004 第六条: never a silent Mon–Fri guess)', () => {
  it('throws HolidayDataMissing with the year for a date in a year nobody entered', () => {
    const year = Math.max(...BUNDLED_YEARS) + 1;
    expect(() => isWorkingDay(`${year}-03-02`)).toThrow(HolidayDataMissingError);
    expect(missingYearOf(() => isWorkingDay(`${year}-03-02`))).toBe(year);
    try {
      isWorkingDay(`${year}-03-02`);
    } catch (e) {
      expect((e as Error).name).toBe('HolidayDataMissing');
      expect((e as Error).message).toContain(`${year}年`);
    }
  });

  it('a change late in the last bundled year whose 5 working days run into the next year throws for that year (001 第五条)', () => {
    expect(missingYearOf(() => addWorkingDays('2026-12-28', N))).toBe(2027);
    // Within the year it still works.
    expect(addWorkingDays('2026-12-21', N)).toBe('2026-12-28');
  });

  it('throws for a year before the bundled data too', () => {
    expect(missingYearOf(() => addWorkingDays('2003-06-02', 1))).toBe(2003);
  });

  it('refuses a malformed date or a negative count', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-10', -1)).toThrow(RangeError);
  });
});

describe("the clerk's calendar", () => {
  const schedule2027 = parseHolidayCalendar(
    ['# 2027年部分节假日安排', '2027-01-01,holiday,元旦', '2027-02-06,holiday,春节', '2027-02-07,workday,春节调休', '2027-02-08,holiday,春节'].join('\n'),
  );
  if (!schedule2027.ok) throw new Error('fixture does not parse');
  const calendar: HolidayCalendar = schedule2027.entries;

  it('makes a year known: the change on 28 December 2026 is due 5 January 2027 (元旦 skipped) (001 第五条)', () => {
    expect(hasHolidayData(2027, calendar)).toBe(true);
    expect(knownYears(calendar)).toContain(2027);
    // Tue 29 (1), Wed 30 (2), Thu 31 (3), Fri 1 Jan holiday, Mon 4 (4), Tue 5 (5).
    expect(addWorkingDays('2026-12-28', N, calendar)).toBe('2027-01-05');
  });

  it('treats an entered make-up Sunday as a working day and entered holidays as days off', () => {
    expect(isWorkingDay('2027-02-07', calendar)).toBe(true);
    expect(isWorkingDay('2027-02-08', calendar)).toBe(false);
  });

  it("overrides a bundled day: the clerk's extra day off moves the deadline (004 第六条)", () => {
    const extra: HolidayCalendar = [{ date: '2026-03-16', kind: 'holiday', name: '校庆' }];
    expect(isWorkingDay('2026-03-16')).toBe(true);
    expect(isWorkingDay('2026-03-16', extra)).toBe(false);
    expect(addWorkingDays('2026-03-13', N, extra)).toBe('2026-03-23');
    // …and turning a bundled holiday into a working day.
    expect(isWorkingDay('2026-10-07', [{ date: '2026-10-07', kind: 'workday' }])).toBe(true);
  });

  it('importing a year replaces that year only; removing it makes the year unknown again', () => {
    const old: HolidayCalendar = [
      { date: '2027-01-01', kind: 'holiday' },
      { date: '2027-05-03', kind: 'holiday' },
      { date: '2028-01-03', kind: 'holiday' },
    ];
    const merged = mergeHolidayCalendar(old, calendar);
    expect(merged.filter((e) => e.date.startsWith('2027')).map((e) => e.date)).toEqual(['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08']);
    expect(merged.some((e) => e.date === '2028-01-03')).toBe(true);
    const without = removeHolidayYear(merged, 2027);
    expect(hasHolidayData(2027, without)).toBe(false);
    expect(missingYearOf(() => isWorkingDay('2027-02-08', without))).toBe(2027);
  });
});

describe('importing a schedule (refused with the wrong line, in Chinese)', () => {
  it('reads lines with a header, comments, Chinese types and separators', () => {
    const r = parseHolidayCalendar('\uFEFF日期,类型,名称\n# 注释\n\n2027/1/1，放假，元旦\n2027-02-07\t上班\t春节调休\n');
    expect(r).toEqual({
      ok: true,
      years: [2027],
      entries: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-07', kind: 'workday', name: '春节调休' },
      ],
    });
  });

  it('refuses a date that does not exist, naming its line', () => {
    const r = parseHolidayCalendar('2027-01-01,holiday,元旦\n2027-02-30,holiday,春节');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ line: 2, message: expect.stringContaining('第 2 行') }]);
  });

  it('refuses the same date twice with different types, naming both lines', () => {
    const r = parseHolidayCalendar('2027-02-06,holiday,春节\n2027-02-07,workday\n2027-02-06,workday');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]!.line).toBe(3);
      expect(r.errors[0]!.message).toContain('与第 1 行矛盾');
    }
  });

  it('refuses an unknown type, a missing type and a weekday "make-up" day', () => {
    const r = parseHolidayCalendar('2027-01-01,vacation\n2027-01-02\n2027-02-09,workday');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.line)).toEqual([2]); // the line-shape error stops before content checks
    }
    const r2 = parseHolidayCalendar('2027-01-01,vacation\n2027-02-09,workday');
    expect(r2.ok).toBe(false);
    if (!r2.ok) {
      expect(r2.errors.map((e) => e.line)).toEqual([1, 2]);
      expect(r2.errors[1]!.message).toContain('周二');
    }
  });

  it('refuses empty input', () => {
    expect(parseHolidayCalendar('  \n# only a comment\n').ok).toBe(false);
  });

  it("reads JSON: an entry list, and chinese-days' own year file, naming the line of a bad entry", () => {
    const list = parseHolidayCalendar('[\n  {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},\n  {"date": "2027-13-01", "kind": "holiday"}\n]');
    expect(list.ok).toBe(false);
    if (!list.ok) expect(list.errors[0]!.line).toBe(3);
    const cd = parseHolidayCalendar('{"holidays":{"2027-01-01":"New Year\'s Day,元旦,1"},\n"workdays":{"2027-02-07":"Spring Festival,春节,4"}}');
    expect(cd).toEqual({
      ok: true,
      years: [2027],
      entries: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-07', kind: 'workday', name: '春节' },
      ],
    });
    const broken = parseHolidayCalendar('[\n{"date": "2027-01-01",\n "kind" "holiday"}\n]');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0]!.line).toBe(3);
  });
});
