// Cuts a stylesheet into consecutive parts at the ends of its top-level rules, for the renderer's
// build (vite.config.ts). The window's stylesheet is antd's whole sheet (about 1 MB): Chromium
// decodes and parses a sheet in the task in which its file finishes loading, and for that one file
// this was a task of 60–140 ms at every start. Linked in order, the parts cascade exactly as the
// whole sheet did (rules of later sheets come after those of earlier ones), and each is parsed in
// a task of its own.

/**
 * The sheet cut into parts of about `maxChars` each (a rule longer than that is a part of its own).
 * Cuts fall only between top-level statements: after a block that closes at the top level or a
 * statement ending in `;` there. Braces and semicolons inside strings and comments do not count.
 * Joined, the parts are the sheet itself.
 */
export function stylesheetParts(css: string, maxChars: number): string[] {
  if (!(maxChars > 0)) throw new Error('maxChars must be positive');
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  let i = 0;
  const cutAfter = (end: number) => {
    if (depth === 0 && end - start >= maxChars) {
      parts.push(css.slice(start, end));
      start = end;
    }
  };
  while (i < css.length) {
    const c = css[i];
    if (c === '/' && css[i + 1] === '*') {
      const close = css.indexOf('*/', i + 2);
      i = close < 0 ? css.length : close + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      i += 1;
      while (i < css.length && css[i] !== c) i += css[i] === '\\' ? 2 : 1;
      i += 1;
      continue;
    }
    if (c === '\\') {
      i += 2;
      continue;
    }
    i += 1;
    if (c === '{') depth += 1;
    else if (c === '}') {
      // An unbalanced closing brace (invalid CSS) is kept where it is, never a reason to cut.
      depth = Math.max(0, depth - 1);
      cutAfter(i);
    } else if (c === ';') cutAfter(i);
  }
  if (start < css.length || parts.length === 0) parts.push(css.slice(start));
  return parts;
}
