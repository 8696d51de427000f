import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { stylesheetParts } from '../../../scripts/lib/stylesheet-parts';

/** Depth of braces at the end of `css`, strings and comments skipped (0: a whole statement). */
function openBraces(css: string): number {
  const bare = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, '');
  return [...bare].reduce((depth, c) => depth + (c === '{' ? 1 : c === '}' ? -1 : 0), 0);
}

describe('stylesheetParts', () => {
  it('cuts only after whole top-level statements, and the parts joined are the sheet', () => {
    const css = '@charset "utf-8";.a{color:red}@media (min-width:1px){.b{color:blue}.c{color:green}}@keyframes k{0%{opacity:0}to{opacity:1}}.d{}';
    const parts = stylesheetParts(css, 1);
    expect(parts.join('')).toBe(css);
    expect(parts).toEqual(['@charset "utf-8";', '.a{color:red}', '@media (min-width:1px){.b{color:blue}.c{color:green}}', '@keyframes k{0%{opacity:0}to{opacity:1}}', '.d{}']);
  });

  it('does not cut at braces or semicolons inside strings and comments', () => {
    const css = '.a{content:"}{;"}/* } ; { */.b{content:\'\\\'}\'}.c{background:url("x;y")}';
    const parts = stylesheetParts(css, 1);
    expect(parts).toEqual(['.a{content:"}{;"}', "/* } ; { */.b{content:'\\'}'}", '.c{background:url("x;y")}']);
  });

  it('keeps a sheet smaller than one part whole, and the empty sheet as one empty part', () => {
    expect(stylesheetParts('.a{}.b{}', 1000)).toEqual(['.a{}.b{}']);
    expect(stylesheetParts('', 10)).toEqual(['']);
  });

  it("cuts antd's own sheet into parts of about the size asked, each of whole rules", () => {
    const require = createRequire(import.meta.url);
    const css = readFileSync(require.resolve('antd/dist/antd.css'), 'utf8');
    const parts = stylesheetParts(css, 200_000);
    expect(parts.join('')).toBe(css);
    expect(parts.length).toBe(Math.ceil(css.length / 200_000));
    for (const part of parts) {
      expect(openBraces(part)).toBe(0);
      expect(part.length).toBeLessThan(210_000);
    }
  });
});
