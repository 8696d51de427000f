// utf8Decode decodes long inputs in pieces: the text is exactly one strict decode's, characters cut
// between pieces included, and malformed or cut-off bytes anywhere are still an error.
import { describe, expect, it } from 'vitest';
import { utf8Decode } from '../../../shared/backup/web-platform';

const strict = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);

/** Texts longer than several pieces whose 2-, 3- and 4-byte characters fall across every piece boundary. */
const LONG = [0, 1, 2, 3].map((shift) => 'a'.repeat(shift) + 'é东湖书坊𠮷"\\'.repeat(30_000));

describe('utf8Decode', () => {
  it('gives the text of one strict decode, for short texts and for texts of many pieces', () => {
    for (const text of ['', 'a', '学', '\ufeff开头的 BOM 保留', ...LONG]) {
      const bytes = new TextEncoder().encode(text);
      expect(utf8Decode(bytes)).toBe(text);
      expect(utf8Decode(bytes)).toBe(strict(bytes));
    }
  });

  it('refuses malformed bytes wherever they are, in the first piece or a later one', () => {
    const bytes = new TextEncoder().encode(LONG[0]!);
    for (const at of [5, 70_000, 200_000, bytes.length - 1]) {
      const bad = bytes.slice();
      bad[at] = 0xff;
      expect(() => utf8Decode(bad), `0xff at ${at}`).toThrow();
    }
  });

  it('refuses a character cut off at the end of a long input', () => {
    const bytes = new TextEncoder().encode(`${LONG[1]!}东`);
    expect(() => utf8Decode(bytes.subarray(0, bytes.length - 1))).toThrow();
    expect(() => utf8Decode(bytes.subarray(0, bytes.length - 2))).toThrow();
  });
});
