// Dates known only to the month (old ledgers: 2019.6, 2019年6月) as 开通日期: read at import, kept
// as '2019-06', validated, and shown and printed as 2019年6月 — never with an invented day.
import { describe, expect, it } from 'vitest';
import { firstDay, formatMonth, isIsoMonth, monthNotAfter } from '@shared/domain/month-date';
import { validatePlatform } from '@shared/domain/validation';
import { formatDate } from '@shared/forms/format';
import { formatCnDate } from '@shared/rules/compliance-reminder';
import { parseDayOrMonthCell } from '@shared/spreadsheet/dates';
import { platformFormDraft } from '../../fixtures/platform';

const draft = (openedOn: string): Record<string, unknown> => platformFormDraft({ purpose: '', contentScope: '', openedOn });

describe('month-only dates', () => {
  it('knows a real month and nothing else', () => {
    expect(isIsoMonth('2019-06')).toBe(true);
    expect(isIsoMonth('2019-13')).toBe(false);
    expect(isIsoMonth('2019-6')).toBe(false);
    expect(isIsoMonth('2019-06-01')).toBe(false);
    expect(isIsoMonth('1899-12')).toBe(false);
  });

  it('shows and prints 2019年6月, and full dates as before', () => {
    expect(formatMonth('2019-06')).toBe('2019年6月');
    expect(formatMonth('2019-06-13')).toBeUndefined();
    expect(formatDate('2019-06')).toBe('2019年6月');
    expect(formatDate('2019-06-13')).toBe('2019年6月13日');
    expect(formatCnDate('2019-12')).toBe('2019年12月');
    expect(formatCnDate('2019-12-01')).toBe('2019年12月1日');
  });

  it('counts a month from its first day', () => {
    expect(firstDay('2019-06')).toBe('2019-06-01');
    expect(firstDay('2019-06-13')).toBe('2019-06-13');
    expect(monthNotAfter('2026-11', '2026-11-01')).toBe(true);
    expect(monthNotAfter('2026-12', '2026-11-30')).toBe(false);
  });
});

describe('开通日期 in the registry accepts a month, never a future one', () => {
  const opts = { today: '2026-11-22' };
  it('accepts 2019-06 and the current month', () => {
    expect(validatePlatform(draft('2019-06'), opts).ok).toBe(true);
    expect(validatePlatform(draft('2026-11'), opts).ok).toBe(true);
  });
  it('refuses next month, a month 13 and a year alone', () => {
    const errorOf = (v: string) => {
      const r = validatePlatform(draft(v), opts);
      return r.ok ? undefined : r.errors.openedOn;
    };
    expect(errorOf('2026-12')).toBe('开通日期不能晚于今天（2026-11-22）');
    expect(errorOf('2019-13')).toContain('只知道月份的写作“年-月”');
    expect(errorOf('2019')).toContain('只知道月份的写作“年-月”');
  });
});

describe('Excel import of 开通日期 known only to the month', () => {
  it.each([
    ['2019.6', '2019-06'],
    ['2019年6月', '2019-06'],
    ['２０１９年６月', '2019-06'],
    ['2019-06', '2019-06'],
    ['201906', '2019-06'],
    ['2019.6.13', '2019-06-13'],
  ])('reads the text %s as %s', (typed, expected) => {
    expect(parseDayOrMonthCell(typed)).toEqual({ ok: true, date: expected });
  });

  it('reads the numbers Excel keeps of a typed year and month', () => {
    expect(parseDayOrMonthCell(2019.6)).toEqual({ ok: true, date: '2019-06' });
    expect(parseDayOrMonthCell(2019.12)).toEqual({ ok: true, date: '2019-12' });
    expect(parseDayOrMonthCell(201906)).toEqual({ ok: true, date: '2019-06' });
  });

  it('refuses 2019.1, which Excel keeps of both 2019.1 and 2019.10', () => {
    const r = parseDayOrMonthCell(2019.1);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain('2019年10月');
  });

  it('still refuses a year alone and a month that does not exist', () => {
    expect(parseDayOrMonthCell('2019').ok).toBe(false);
    expect(parseDayOrMonthCell(2019).ok).toBe(false);
    const r = parseDayOrMonthCell('2019.13');
    expect(r.ok ? '' : r.reason).toContain('月份 13 不存在');
  });
});
