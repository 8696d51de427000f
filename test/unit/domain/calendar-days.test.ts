import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addCalendarDays, dateOfDay, dayNumber, daysBetween, weekdayOf, weekdayOfDay } from '@shared/domain/calendar-days';

// Dates from 1900 to 2999, as the app's date fields accept them.
const dates = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('calendar days', () => {
  it('adds days across months, leap days and years', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addCalendarDays('1969-12-31', 1)).toBe('1970-01-01');
    expect(addCalendarDays('2026-12-06', 0)).toBe('2026-12-06');
  });

  it('gives the weekday, before 1970 too', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2026-12-06')).toBe(0);
    expect(weekdayOf('2026-12-05')).toBe(6);
    expect(weekdayOf('1969-12-29')).toBe(1);
    expect(weekdayOfDay(-1)).toBe(3);
  });

  it('counts the days between two dates, negative when the second is earlier', () => {
    expect(daysBetween('2026-12-06', '2026-12-11')).toBe(5);
    expect(daysBetween('2026-12-11', '2026-12-06')).toBe(-5);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('agrees with Date in UTC for any date and any count', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        const expected = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        expect(addCalendarDays(date, days)).toBe(expected);
        expect(daysBetween(date, expected)).toBe(days);
        expect(weekdayOf(date)).toBe(new Date(`${date}T00:00:00Z`).getUTCDay());
        expect(dateOfDay(dayNumber(date))).toBe(date);
      }),
    );
  });

  it('refuses text that is not a date', () => {
    expect(() => addCalendarDays('2026-13-01', 1)).toThrow(RangeError);
    expect(Number.isNaN(daysBetween('今天', '2026-12-06'))).toBe(true);
  });
});
