// The worksheet's rows are compressed as a gzip member and the zip takes the deflate stream inside
// it, with the CRC-32 from its trailer (gzipContents): whatever way the member arrives in pieces,
// the stream inflates to the rows and the CRC is theirs.
import { crc32, gzipSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipContents } from '../../../renderer/features/export/xlsx-book';

const text = Array.from({ length: 4_000 }, (_, i) => `<row r="${i + 2}"><c t="inlineStr"><is><t>王𠮷 ${i}</t></is></c></row>`).join('');
const bytes = Buffer.from(text, 'utf8');
const member = new Uint8Array(gzipSync(bytes));

/** The member cut at these offsets. */
const cut = (at: readonly number[]) => [0, ...at, member.length].slice(1).map((end, i, ends) => member.slice(i === 0 ? 0 : ends[i - 1], end));

describe('gzipContents', () => {
  it('gives the deflate stream and its CRC however the member is cut, the header and trailer across pieces too', () => {
    const n = member.length;
    for (const at of [[], [1], [5, 9, 10, 11], [n - 9, n - 8, n - 7], [n - 1], [3, 100, 2_000, n - 4], Array.from({ length: n - 1 }, (_, i) => i + 1).filter((i) => i % 97 === 0)]) {
      const { deflated, crc } = gzipContents(cut(at), bytes.length);
      expect(inflateRawSync(Buffer.concat(deflated)).toString('utf8')).toBe(text);
      expect(crc).toBe(crc32(bytes));
      // Views of the pieces, never empty.
      expect(deflated.every((p) => p.length > 0)).toBe(true);
    }
  });

  it('refuses what is not a plain gzip member, or too short to be one', () => {
    const named = member.slice();
    named[3] = 8; // FNAME: a name field the reader does not skip
    expect(() => gzipContents([named], bytes.length)).toThrow('压缩数据格式不符');
    expect(() => gzipContents([member.slice(0, 12)], bytes.length)).toThrow('压缩数据不完整');
  });

  it('refuses a member whose trailer counts other bytes than were written', () => {
    expect(() => gzipContents([member], bytes.length + 1)).toThrow('压缩数据与写入的内容不符');
    expect(() => gzipContents([member], bytes.length - 1)).toThrow('压缩数据与写入的内容不符');
    // The trailer counts modulo 2^32.
    const big = member.slice();
    expect(gzipContents([big], bytes.length + 2 ** 32).crc).toBe(crc32(bytes));
  });
});
