// Chinese (pinyin) ordering of names and titles. One collator for the whole app: a.localeCompare(b,
// 'zh') builds the locale's collation data on every call, which a sort of 10,000 rows makes
// 10,000 × log(10,000) times; the collator's compare gives the same order at a fraction of the cost.
export const zhCollator = new Intl.Collator('zh');

/** a.localeCompare(b, 'zh'), without the per-call cost: for sort comparators. */
export const compareZh: (a: string, b: string) => number = zhCollator.compare;
