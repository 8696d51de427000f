// Pinyin search for lists: a clerk types 'tsg', 'tushuguan' or '图书' and finds 图书馆.
// buildSearchKey turns a record's texts into one lower-case haystack (original text, full pinyin,
// initials); search-match.ts's matchesSearch checks that every query term occurs in it.
import { pinyin } from 'pinyin-pro';
import { fold } from './search-match';

/**
 * The version of textSearchKey's output. The keys it computed are kept between sessions
 * (renderer/db/search-keys.ts, in a store of this version): raise it whenever any text's key
 * changes (this file, `fold`, pinyin-pro's readings after an upgrade), and the kept keys of the
 * versions before are dropped, never used. test/unit/search/search-key-version.test.ts pins the
 * keys of sample texts to this number.
 */
export const SEARCH_KEY_VERSION = 1;

/** Separates the parts of a key so a term never matches across two texts or two spellings. */
const PART_SEPARATOR = '\n';
/**
 * Keys are rebuilt for every record on every render; the cap keeps the cache from growing forever.
 * It must hold every text the lists search at once — a university's ledger has about 20,000
 * (10,000 platforms' names, accounts and units, people, units) — or each render would convert
 * them all again. At the cap the oldest entry makes room, not the whole cache.
 */
export const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();


function pinyinParts(text: string, surname: boolean): string[] {
  const options = { toneType: 'none', type: 'array', surname: surname ? 'head' : 'off' } as const;
  // pinyin-pro returns characters it does not know (e.g. 𠮷) unchanged, one array item each.
  const full = pinyin(text, options);
  const initials = pinyin(text, { ...options, pattern: 'first' });
  const join = (syllables: string[]): string => fold(syllables.join('')).replace(/\s+/g, '');
  const parts = [join(full), join(initials)];
  // Keyboards have no ü: people type 'lv' for 绿 and 'nv' for 女.
  if (parts[0]?.includes('ü')) parts.push(parts[0].replaceAll('ü', 'v'));
  return parts;
}

/**
 * The searchable forms of one text (as typed, full pinyin, initials), computed afresh: for an index
 * that keeps its own store of them (the registers' search worker keeps them between sessions).
 */
export function textSearchKey(text: string): string {
  const parts = new Set<string>([fold(text)]);
  if (/\p{Script=Han}/u.test(text)) {
    try {
      for (const part of pinyinParts(text, false)) parts.add(part);
      // Surname readings (单 shàn, 曾 zēng, 区 ōu) only add recall: 'shanxue' and 'danxue' both find 单雪.
      for (const part of pinyinParts(text, true)) parts.add(part);
    } catch {
      // A pinyin failure must never break a list: the original text is still searchable.
    }
  }
  return [...parts].filter((p) => p !== '').join(PART_SEPARATOR);
}

/** The searchable forms of one text, memoised because lists rebuild keys on every render. */
function keyForText(text: string): string {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const key = textSearchKey(text);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(text, key);
  return key;
}

/**
 * A lower-case haystack for the given texts (name, account id, unit name …): each text as typed,
 * its full pinyin without tones or spaces, and its pinyin initials, e.g. 图书馆 → 'tushuguan', 'tsg'.
 */
export function buildSearchKey(texts: readonly (string | undefined | null)[], keyOf: (text: string) => string = keyForText): string {
  const keys: string[] = [];
  for (const text of texts) {
    if (text && text.trim() !== '') keys.push(keyOf(text));
  }
  return keys.join(PART_SEPARATOR);
}

