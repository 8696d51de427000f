// Issue 12, "the paper never loses a word", as a seeded property over F01–F09 (the other forms
// are in paper-property-b.test.ts, so vitest runs the halves on both cores): generated
// records, long values, unbreakable tokens and long lists, every PDF read back with pdftotext.
import { describe, expect, it } from 'vitest';
import { runProperty } from './paper-property';

const CASES = 110;

describe('every form prints every value inside the type area (F01–F09)', () => {
  it(`${CASES} generated records: nothing lost, nothing off the page, no page without content, no lone seal`, async () => {
    expect(await runProperty(['F01', 'F02', 'F03', 'F04', 'F05', 'F06', 'F07', 'F08', 'F09'], 1201, CASES)).toBe(CASES);
  }, 600_000);
});
