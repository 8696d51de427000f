// The local sensitive-word check: finds the clerk's listed words (sensitive terms, secrecy marks,
// common misspellings) in a title or summary. Full-width and half-width forms and upper and lower
// case count as the same, and spaces slipped between characters do not hide a word. Runs on the
// clerk's machine only: the list and the text never leave it.

export interface WordMatch {
  /** The listed word that matched, as the clerk typed it. */
  word: string;
  /** Position in the original text (UTF-16 offsets, end exclusive), for highlighting. */
  start: number;
  end: number;
  /** The original text that matched. */
  text: string;
}

/** Characters ignored inside a word: whitespace (incl. the full-width space) and zero-width marks. */
const IGNORED = /[\s\u200b-\u200d\u2060\ufeff]/u;

interface Folded {
  chars: string[];
  /** For each folded character, its start and end in the original text. */
  from: number[];
  to: number[];
}

/** NFKC (full width → half width) and lower case, one original code point at a time, so positions map back. */
function fold(text: string): Folded {
  const out: Folded = { chars: [], from: [], to: [] };
  let offset = 0;
  for (const ch of text) {
    const start = offset;
    offset += ch.length;
    if (IGNORED.test(ch)) continue;
    for (const f of ch.normalize('NFKC').toLowerCase()) {
      if (IGNORED.test(f)) continue;
      out.chars.push(f);
      out.from.push(start);
      out.to.push(offset);
    }
  }
  return out;
}

/** The list as stored: trimmed, without empty lines and duplicates (after folding). */
export function cleanWordList(words: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of words) {
    const word = raw.trim();
    const key = fold(word).chars.join('');
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(word);
  }
  return out;
}

/** Every occurrence of every listed word, ordered by position (overlaps are kept; see {@link mergeMatches}). */
export function findWords(text: string, list: readonly string[]): WordMatch[] {
  if (!text) return [];
  const hay = fold(text);
  const matches: WordMatch[] = [];
  for (const word of cleanWordList(list)) {
    const needle = fold(word).chars;
    for (let i = 0; i + needle.length <= hay.chars.length; i++) {
      let hit = true;
      for (let j = 0; j < needle.length; j++) {
        if (hay.chars[i + j] !== needle[j]) {
          hit = false;
          break;
        }
      }
      if (!hit) continue;
      const start = hay.from[i]!;
      const end = hay.to[i + needle.length - 1]!;
      matches.push({ word, start, end, text: text.slice(start, end) });
    }
  }
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Overlapping matches joined into ranges, for marking up the text once. */
export function mergeMatches(matches: readonly WordMatch[]): { start: number; end: number; words: string[] }[] {
  const ranges: { start: number; end: number; words: string[] }[] = [];
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    const last = ranges.at(-1);
    if (last && m.start < last.end) {
      last.end = Math.max(last.end, m.end);
      if (!last.words.includes(m.word)) last.words.push(m.word);
    } else ranges.push({ start: m.start, end: m.end, words: [m.word] });
  }
  return ranges;
}

/**
 * A starting list the clerk edits: secrecy marks (000 第七条 2: 涉密信息不上网) and misspellings
 * that often slip into news copy. Political terms are left to each institution's own list.
 */
export const DEFAULT_SENSITIVE_WORDS: readonly string[] = [
  '绝密',
  '机密',
  '内部资料',
  '请勿外传',
  '不得外传',
  '再接再励',
  '迫不急待',
  '一愁莫展',
  '美仑美奂',
  '谈笑风声',
  '穿流不息',
  '默守成规',
  '金榜提名',
  '按装',
  '既使',
];
