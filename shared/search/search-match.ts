// Matching what the clerk types against a search key (pinyin-search.ts builds the keys). Apart from
// the key builder so that the window can match keys a worker built without loading the pinyin
// dictionary (pinyin-pro: a large module that also builds its lookup tree when first idle).

/** Folds full-width letters/digits and letter case; leaves ideographs (incl. 𠮷) untouched. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The query's terms: folded like the key, split on any whitespace (incl. the full-width space). */
export function searchTerms(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter((t) => t !== '');
}

/** True when every term of the query occurs in the key; an empty query matches everything. */
export function matchesSearch(key: string, query: string): boolean {
  return searchTerms(query).every((term) => key.includes(term));
}
