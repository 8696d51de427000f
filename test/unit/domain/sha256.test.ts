// The project's SHA-256 (shared/domain/sha256.ts) gives the standard digest for every length, every
// kind of text and any cut of a message into pieces, and exactly the hashes of the library that sealed every audit
// entry and exchange package written before it (@noble/hashes): those hashes must still verify.
import { createHash } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { Sha256, sha256HexOfBytes, sha256HexOfText } from '../../../shared/domain/sha256';

const standard = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const before = (text: string) => bytesToHex(sha256(utf8ToBytes(text)));

/** Bytes that differ from one call to the next, without a random source (reproducible). */
function bytesOf(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('sha256HexOfBytes', () => {
  it('gives the published digests of FIPS 180-4', () => {
    expect(sha256HexOfBytes(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexOfBytes(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256HexOfBytes(new TextEncoder().encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('gives the standard digest at every length up to five blocks, across every padding boundary', () => {
    for (let length = 0; length <= 320; length++) {
      const bytes = bytesOf(length, length);
      expect(sha256HexOfBytes(bytes), `length ${length}`).toBe(standard(bytes));
    }
  });

  it('hashes a view inside a larger array by its own bytes only', () => {
    const whole = bytesOf(1000, 7);
    const view = whole.subarray(13, 13 + 517);
    expect(sha256HexOfBytes(view)).toBe(standard(Buffer.from(view)));
  });

  it('gives the standard digest of a large message (a few MB)', () => {
    const bytes = bytesOf(3 * 1024 * 1024 + 5, 3);
    expect(sha256HexOfBytes(bytes)).toBe(standard(bytes));
  });
});

describe('sha256HexOfText', () => {
  const texts = [
    '',
    'a',
    '东湖示范大学官方微博',
    // Characters of 1, 2, 3 and 4 UTF-8 bytes, and a lone surrogate (encoded as U+FFFD by both).
    'Zhang 𠀀 é “引号”\\ 与换行\n',
    'x\uD800y',
    '{"action":"update","at":"2026-03-01T08:00:00.000Z","changes":{"title":["旧","新"]},"operator":"张三"}',
  ];

  it('gives the hashes the audit log and exchange packages were sealed with before', () => {
    for (const text of texts) expect(sha256HexOfText(text), JSON.stringify(text)).toBe(before(text));
  });

  it('stays right as its buffer grows, for texts past the buffer it keeps, and back to short ones', () => {
    const lengths = [10, 5_000, 100_000, 400_000, 2_000_000, 3, 70_000];
    for (const length of lengths) {
      const text = '阵地'.repeat(Math.ceil(length / 2)).slice(0, length - 1) + String(length % 10);
      expect(sha256HexOfText(text), `length ${length}`).toBe(standard(Buffer.from(text, 'utf8')));
    }
  });
});

describe('Sha256 given a message in pieces', () => {
  it('gives the digest of the whole message whatever the pieces, blocks cut anywhere', () => {
    const whole = bytesOf(5000, 11);
    const cuts = [[0], [1], [63], [64], [65], [1, 1, 1], [63, 1, 64], [7, 120, 3, 500], [4999], [5000]];
    for (const sizes of cuts) {
      const hash = new Sha256();
      let at = 0;
      for (const size of sizes) {
        hash.update(whole.subarray(at, at + size));
        at += size;
      }
      hash.update(whole.subarray(at));
      expect(hash.hex(), `pieces ${sizes.join(',')}`).toBe(standard(whole));
    }
  });

  it('pieces of every size from 1 to 130 bytes, as a stream of them', () => {
    for (let size = 1; size <= 130; size++) {
      const whole = bytesOf(size * 7 + 3, size);
      const hash = new Sha256();
      for (let at = 0; at < whole.length; at += size) hash.update(whole.subarray(at, at + size));
      expect(hash.hex(), `pieces of ${size}`).toBe(standard(whole));
    }
  });

  it('leaves the hash as it was after a digest: more bytes may follow', () => {
    const whole = bytesOf(300, 5);
    const hash = new Sha256().update(whole.subarray(0, 100));
    expect(hash.hex()).toBe(standard(whole.subarray(0, 100)));
    expect(Buffer.from(hash.digest()).toString('hex')).toBe(standard(whole.subarray(0, 100)));
    hash.update(whole.subarray(100));
    expect(hash.hex()).toBe(standard(whole));
    expect(hash.reset().update(whole.subarray(0, 10)).hex()).toBe(standard(whole.subarray(0, 10)));
  });
});
