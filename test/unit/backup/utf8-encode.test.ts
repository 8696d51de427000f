// utf8Encode gives exactly TextEncoder's bytes, whatever the text, and every result is its own copy.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../shared/backup/web-platform';

const reference = (text: string) => new TextEncoder().encode(text);

describe('utf8Encode', () => {
  it('gives the bytes TextEncoder gives (any text, lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('学', '𠮷', '"', '\u0000', '\ud800', '\udfff', 'é'), fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))), maxLength: 2_000 }), (text) => {
        expect(utf8Encode(text)).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it('returns bytes no later call changes, for short, page-sized and very long texts', () => {
    const texts = ['', 'a', '东湖书坊'.repeat(100_000), 'x'.repeat(6_000_000), '𠮷'.repeat(10)];
    const results = texts.map(utf8Encode);
    results.forEach((bytes, i) => expect(Buffer.from(bytes).equals(Buffer.from(reference(texts[i]!)))).toBe(true));
  });
});
