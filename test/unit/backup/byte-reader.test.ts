// ByteReader hands out exact byte counts from a stream of chunks of any size: a read within one
// chunk (a view of it) and a read across chunks (a copy) give the same bytes, and a source that
// ends early gives null, never a short read.
import { describe, expect, it } from 'vitest';
import { ByteReader } from '../../../shared/backup/byte-reader';

const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7 + 3) & 0xff);

async function* chunksOf(sizes: readonly number[]) {
  let at = 0;
  for (const size of sizes) {
    // Each chunk a fresh array of its own, as every source yields them.
    yield bytes.slice(at, at + size);
    at += size;
  }
}

describe('ByteReader', () => {
  it('gives every byte in order, in reads within and across chunks of any size', async () => {
    const sizes = [1, 300, 0, 7, 64, 628];
    const seen: Uint8Array[] = [];
    const reader = new ByteReader(chunksOf(sizes), (read) => seen.push(read.slice()));
    const reads = [1, 4, 200, 96, 2, 5, 64, 1, 627];
    const out: number[] = [];
    for (const n of reads) {
      const read = await reader.read(n);
      expect(read?.length).toBe(n);
      out.push(...(read as Uint8Array));
    }
    expect(out).toEqual([...bytes]);
    expect(reader.position).toBe(1000);
    expect(seen.flatMap((read) => [...read])).toEqual([...bytes]);
    expect(await reader.atEnd()).toBe(true);
    expect(await reader.read(1)).toBeNull();
  });

  it('keeps the bytes of an earlier read when later reads come from the same chunk or the next', async () => {
    const reader = new ByteReader(chunksOf([500, 500]));
    const a = (await reader.read(100)) as Uint8Array;
    const b = (await reader.read(350)) as Uint8Array;
    const c = (await reader.read(100)) as Uint8Array;
    const d = (await reader.read(450)) as Uint8Array;
    expect([...a]).toEqual([...bytes.subarray(0, 100)]);
    expect([...b]).toEqual([...bytes.subarray(100, 450)]);
    expect([...c]).toEqual([...bytes.subarray(450, 550)]);
    expect([...d]).toEqual([...bytes.subarray(550, 1000)]);
  });

  it('gives null when the source ends inside a read, and readSome what is left', async () => {
    const reader = new ByteReader(chunksOf([10, 10]));
    expect((await reader.readSome(15)).length).toBe(10);
    expect(await reader.read(11)).toBeNull();
    const rest = new ByteReader(chunksOf([10, 10]));
    await rest.read(18);
    expect([...(await rest.readSome(15))]).toEqual([...bytes.subarray(18, 20)]);
    expect((await rest.readSome(15)).length).toBe(0);
  });
});
