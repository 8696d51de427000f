// Pinyin search: the clerk finds 图书馆 by typing 'tsg', 'tushuguan' or the characters themselves.
import { describe, expect, it } from 'vitest';
import { buildSearchKey, CACHE_LIMIT } from '@shared/search/pinyin-search';
import { matchesSearch, searchTerms } from '@shared/search/search-match';

describe('buildSearchKey / matchesSearch', () => {
  const library = buildSearchKey(['东湖示范大学图书馆', 'dhsf_lib', '微信服务号']);

  it("finds 图书馆 by its initials 'tsg'", () => {
    expect(library).toContain('tsg');
    expect(matchesSearch(library, 'tsg')).toBe(true);
  });

  it("finds 图书馆 by full pinyin 'tushuguan' and by the characters", () => {
    expect(matchesSearch(library, 'tushuguan')).toBe(true);
    expect(matchesSearch(library, '图书')).toBe(true);
  });

  it('ignores case, including full-width letters', () => {
    expect(matchesSearch(library, 'TSG')).toBe(true);
    expect(matchesSearch(library, 'ＤＨＳＦ')).toBe(true);
  });

  it('requires every whitespace-separated term to match (mixed pinyin, initials, Chinese, latin)', () => {
    expect(matchesSearch(library, 'tsg 服务号')).toBe(true);
    expect(matchesSearch(library, 'donghu  fwh　lib')).toBe(true); // ASCII and full-width spaces
    expect(matchesSearch(library, 'tsg weibo')).toBe(false);
  });

  it('matches everything for an empty or blank query', () => {
    expect(matchesSearch(library, '')).toBe(true);
    expect(matchesSearch(library, '   ')).toBe(true);
    expect(searchTerms(' a  B ')).toEqual(['a', 'b']);
  });

  it('does not match a term across two separate texts', () => {
    const key = buildSearchKey(['图书', '馆']);
    expect(matchesSearch(key, 'tsg')).toBe(false);
    expect(matchesSearch(key, 'ts')).toBe(true);
  });

  it('keeps characters pinyin-pro does not know and never crashes on 𠮷', () => {
    const key = buildSearchKey(['陈𠮷安']);
    expect(matchesSearch(key, '𠮷')).toBe(true);
    expect(matchesSearch(key, '陈𠮷安')).toBe(true);
    expect(matchesSearch(key, 'chen')).toBe(true);
    expect(() => buildSearchKey(['𠮷', '\u{2A6D6}', '🙂', '龘'])).not.toThrow();
  });

  it('reads rare characters inside the BMP (堃 赟 喆 龘 䶮)', () => {
    expect(matchesSearch(buildSearchKey(['郑堃']), 'zhengkun')).toBe(true);
    expect(matchesSearch(buildSearchKey(['李赟']), 'ly')).toBe(true);
    expect(matchesSearch(buildSearchKey(['王喆']), 'wangzhe')).toBe(true);
    expect(matchesSearch(buildSearchKey(['罗龘']), 'luoda')).toBe(true);
    expect(matchesSearch(buildSearchKey(['欧阳䶮']), 'ouyangyan')).toBe(true);
  });

  it('finds surnames by their surname reading as well as the common one (单 shàn, 曾 zēng)', () => {
    const key = buildSearchKey(['单雪', '曾凡宇']);
    expect(matchesSearch(key, 'shanxue')).toBe(true);
    expect(matchesSearch(key, 'danxue')).toBe(true);
    expect(matchesSearch(key, 'zengfanyu')).toBe(true);
  });

  it("accepts 'v' for ü as typed on a keyboard", () => {
    const key = buildSearchKey(['绿色校园']);
    expect(matchesSearch(key, 'lvse')).toBe(true);
    expect(matchesSearch(key, 'lüse')).toBe(true);
  });

  it('skips missing texts and gives the same key for the same input', () => {
    expect(buildSearchKey([undefined, null, '', '图书馆'])).toBe(buildSearchKey(['图书馆']));
    expect(buildSearchKey([])).toBe('');
  });

  it('holds a university ledger’s texts (issue 15: about 20,000) and keeps giving the same keys past its cap', () => {
    expect(CACHE_LIMIT).toBeGreaterThanOrEqual(20_000);
    const before = buildSearchKey(['东湖示范大学图书馆']);
    // Latin texts need no pinyin, so filling the cache past its cap stays quick.
    for (let i = 0; i <= CACHE_LIMIT; i++) buildSearchKey([`acct_${i}`]);
    expect(buildSearchKey(['东湖示范大学图书馆'])).toBe(before);
    expect(buildSearchKey(['ACCT_7'])).toBe('acct_7');
  });
});
