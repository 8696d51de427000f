// The local sensitive-word check and the prohibited-content checklist (003 第十一条, 000 第七条).
import { describe, expect, it } from 'vitest';
import { cleanWordList, findWords, mergeMatches } from '../../../shared/rules/word-check';
import { checklistProgress, PROHIBITED_CONTENT_CHECKLIST } from '../../../shared/domain/content-checklist';

describe('sensitive-word check (000 第七条 2: 涉密信息不上网)', () => {
  it('finds listed words with their positions in the original text', () => {
    expect(findWords('关于内部资料的说明，请勿外传', ['内部资料', '请勿外传'])).toEqual([
      { word: '内部资料', start: 2, end: 6, text: '内部资料' },
      { word: '请勿外传', start: 10, end: 14, text: '请勿外传' },
    ]);
  });

  it('full-width and half-width forms, upper and lower case and inserted spaces count as the same', () => {
    expect(findWords('ＶＰＮ 翻墙教程', ['vpn'])).toEqual([{ word: 'vpn', start: 0, end: 3, text: 'ＶＰＮ' }]);
    expect(findWords('绝　密文件', ['绝密'])).toEqual([{ word: '绝密', start: 0, end: 3, text: '绝　密' }]);
    expect(findWords('Abc', ['ＡＢＣ'])).toHaveLength(1);
  });

  it('keeps positions right after characters outside the BMP (生僻字)', () => {
    const text = '陈𠮷安：再接再励';
    const [m] = findWords(text, ['再接再励']);
    expect(m).toMatchObject({ start: 5, end: 9 });
    expect(text.slice(m!.start, m!.end)).toBe('再接再励');
  });

  it('cleans the list and merges overlapping matches for highlighting', () => {
    expect(cleanWordList([' 机密 ', '', '机密', 'ＡＢ', 'ab'])).toEqual(['机密', 'ＡＢ']);
    expect(mergeMatches(findWords('绝密机密', ['绝密', '密机', '机密']))).toEqual([{ start: 0, end: 4, words: ['绝密', '密机', '机密'] }]);
    expect(findWords('', ['机密'])).toEqual([]);
  });
});

describe('prohibited-content checklist', () => {
  it('carries 003 第十一条 items 1–10 word for word, then 000 第七条', () => {
    expect(PROHIBITED_CONTENT_CHECKLIST.filter((i) => i.source.startsWith('003'))).toHaveLength(10);
    expect(PROHIBITED_CONTENT_CHECKLIST[0]!.text).toBe('1. 反对宪法所确定的基本原则的;');
    expect(PROHIBITED_CONTENT_CHECKLIST[9]!.text).toBe('10. 含有法律、行政法规和学院相关规定禁止的其他内容;');
    expect(PROHIBITED_CONTENT_CHECKLIST.some((i) => i.text.includes('涉密信息不上网、上网信息不涉密'))).toBe(true);
    expect(checklistProgress(['003-11-1', 'gone'])).toEqual({ done: 1, total: PROHIBITED_CONTENT_CHECKLIST.length });
  });
});
