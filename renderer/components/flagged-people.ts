// People who left but still hold a role, as the start page and 人员 name them: a long list (a whole
// university's, after years) is named in part, and the rest counted, so the warning stays short.

/** How many of them are named. */
export const FLAGGED_NAMED = 10;

/** 'A、B、C' for a few; 'A、B、…、J 等 N 人' beyond FLAGGED_NAMED. */
export function flaggedNames(names: readonly string[]): string {
  const named = names.slice(0, FLAGGED_NAMED).join('、');
  return names.length > FLAGGED_NAMED ? `${named} 等 ${names.length} 人` : named;
}
