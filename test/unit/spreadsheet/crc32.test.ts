// The zip's CRC-32 (renderer/features/export/crc32.ts) against Node's zlib, whole and joined from
// two pieces, as the workbook writer joins a sheet's opening with its rows.
import { randomBytes } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Join } from '../../../renderer/features/export/crc32';

describe('crc32', () => {
  it('is zlib’s CRC-32, whole or continued', () => {
    expect(crc32(new Uint8Array())).toBe(0);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const bytes = randomBytes(100_000);
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    expect(crc32(bytes.subarray(31_337), crc32(bytes.subarray(0, 31_337)))).toBe(zlibCrc32(bytes));
  });

  it('joins the CRCs of two pieces into the CRC of both, whatever their lengths', () => {
    for (const [a, b] of [[0, 0], [0, 9], [9, 0], [1, 1], [1_234, 65_535], [65_536, 1], [70_000, 1_048_577], [5, 16_777_216]] as const) {
      const first = randomBytes(a);
      const second = randomBytes(b);
      expect(crc32Join(crc32(first), crc32(second), b), `${a} + ${b}`).toBe(zlibCrc32(Buffer.concat([first, second])));
    }
  });
});
