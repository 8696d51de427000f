import { describe, expect, it } from 'vitest';
import {
  BLANK_DATE,
  cellText,
  charCount,
  checkbox,
  checked,
  formatDate,
  orUnderline,
  richText,
  truncate,
} from '../../../shared/forms/format';
import { mm, CONTENT_WIDTH, PAGE_MARGINS } from '../../../shared/forms/layout';
import { formNumber, FORM_REGISTRY, IMPLEMENTED_FORMS, isFormId } from '../../../shared/forms/registry';
import { fixturePlatform } from './fixture';

describe('formatDate (dates as 2026年11月22日, the 年 月 日 of the seed appendices)', () => {
  it('prints calendar dates without leading zeros', () => {
    expect(formatDate('2026-11-22')).toBe('2026年11月22日');
    expect(formatDate('2020-06-10')).toBe('2020年6月10日');
  });
  it('prints an ISO datetime as its day in China, whatever the machine’s zone', () => {
    expect(formatDate('2026-11-22T12:00:00+08:00')).toBe('2026年11月22日');
    // 17:30 UTC on 30 June is 01:30 on 1 July in China (the machine running the tests is on UTC or another zone).
    expect(formatDate('2026-06-30T17:30:00.000Z')).toBe('2026年7月1日');
    expect(formatDate('2026-06-30T15:59:59.000Z')).toBe('2026年6月30日');
  });
  it('leaves room to write by hand when empty or invalid', () => {
    expect(BLANK_DATE).toBe('　　　　　年　　　月　　　日');
    expect(formatDate(undefined)).toBe(BLANK_DATE);
    expect(formatDate('')).toBe(BLANK_DATE);
    expect(formatDate('2026-13-01')).toBe(BLANK_DATE);
    expect(formatDate('not a date')).toBe(BLANK_DATE);
  });
});

describe('check boxes and cell text', () => {
  it('uses □ and ■ as in the appendices', () => {
    expect(checkbox(false)).toBe('□');
    expect(checkbox(true)).toBe('■');
    expect(checked('微信', true)).toBe('■微信');
  });
  it('cleans text for printing', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(12345)).toBe('12345');
    expect(cellText(Number.NaN)).toBe('');
    expect(cellText('  a\r\nb\u0007 ')).toBe('a\nb');
    expect(cellText('x\uD800y')).toBe('xy');
    expect(orUnderline('', 4)).toBe('____');
    expect(orUnderline('机房', 4)).toBe('机房');
  });
  it('never splits a character outside the BMP', () => {
    expect(charCount('吉𠮷龘')).toBe(3);
    expect(truncate('𠮷𠮷𠮷𠮷', 3)).toBe('𠮷𠮷…');
    expect(truncate('吉𠮷', 2)).toBe('吉𠮷');
    expect(cellText('𠮷')).toBe('𠮷');
  });
  it('routes characters beyond the BMP to the rare-character font', () => {
    expect(richText('李四', 'Rare')).toBe('李四');
    expect(richText('吉𠮷龘', 'Rare')).toEqual([{ text: '吉' }, { text: '𠮷', font: 'Rare' }, { text: '龘' }]);
    expect(richText('𠮷𠮷', 'Rare')).toEqual([{ text: '𠮷𠮷', font: 'Rare' }]);
  });
});

describe('layout (GB/T 9704-2012)', () => {
  it('uses the official margins on A4', () => {
    expect(mm(25.4)).toBeCloseTo(72);
    expect(PAGE_MARGINS.map((v) => Math.round(v * 100) / 100)).toEqual([79.37, 104.88, 73.7, 99.21]);
    expect(CONTENT_WIDTH / mm(1)).toBeCloseTo(156, 0);
  });
});

describe('form registry', () => {
  it('numbers forms as BA-2026-0007', () => {
    expect(formNumber('BA', 2026, 7)).toBe('BA-2026-0007');
    expect(formNumber('BA', 2026, 12345)).toBe('BA-2026-12345');
    expect(() => formNumber('BA', 2026, 0)).toThrow(RangeError);
    expect(() => formNumber('ba', 2026, 1)).toThrow(RangeError);
    expect(() => formNumber('BA', 26, 1)).toThrow(RangeError);
  });
  it('lists F04 from seed 001 附件1', () => {
    expect(IMPLEMENTED_FORMS.map((f) => f.id)).toContain('F04');
    expect(FORM_REGISTRY.F04).toMatchObject({ title: '微信、微博账号备案信息表', source: '001 附件1', numberPrefix: 'BA' });
    expect(FORM_REGISTRY.F04.version).toMatch(/^\d{4}\.\d+$/);
    expect(isFormId('F04')).toBe(true);
    expect(isFormId('F99')).toBe(false);
    expect(isFormId('toString')).toBe(false);
  });
  it('F04 applies to WeChat and Weibo accounts only', () => {
    expect(FORM_REGISTRY.F04.appliesTo({ ...fixturePlatform, kind: '微博' })).toBe(true);
    expect(FORM_REGISTRY.F04.appliesTo({ ...fixturePlatform, kind: '微信服务号' })).toBe(true);
    expect(FORM_REGISTRY.F04.appliesTo({ ...fixturePlatform, kind: '抖音' })).toBe(false);
  });
});
