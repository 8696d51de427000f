// Issue 12, "the paper never loses a word", as a seeded property over F10–F17, F11S, F12C (the other forms
// are in paper-property-a.test.ts, so vitest runs the halves on both cores): generated
// records, long values, unbreakable tokens and long lists, every PDF read back with pdftotext.
import { describe, expect, it } from 'vitest';
import { runProperty } from './paper-property';

const CASES = 110;

describe('every form prints every value inside the type area (F10–F17, F11S, F12C)', () => {
  it(`${CASES} generated records: nothing lost, nothing off the page, no page without content, no lone seal`, async () => {
    expect(await runProperty(['F10', 'F11', 'F11S', 'F12', 'F12C', 'F13', 'F14', 'F15', 'F16', 'F17'], 1202, CASES)).toBe(CASES);
  }, 600_000);
});
