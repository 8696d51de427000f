// SHA-256 (FIPS 180-4), the project's one implementation in JavaScript: of a message given whole
// (the many short texts the audit chain hashes, about 500 bytes an entry, 300,000 in a large
// ledger's backup) or in pieces (a backup file as it is read or written). Measured in Chromium 156:
// 2,000 entries of 495 bytes encoded and hashed in 12–51 ms, against 19–52 ms for the platform's
// Web Crypto (a promise and a thread hop per entry) and 28–59 ms for @noble/hashes; 64 MB in
// pieces of 1 MB at 158–213 MB/s, against 52–64 MB/s for @noble/hashes. Web Crypto (211–256 MB/s)
// takes its input whole, so it hashes only what is held whole anyway (../backup/part-hash.ts).
import { utf8Encoder } from '../backup/web-platform';

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Where a text is encoded before it is hashed; grown to the longest text up to KEEP_BYTES. */
let scratch = new Uint8Array(4096);
const KEEP_BYTES = 1024 * 1024;
let encoder: ReturnType<typeof utf8Encoder> | undefined;

// Where a digest is finished (hashes never await, so one at a time).
const finalState = new Int32Array(8);
const tail = new Uint8Array(128);

/** One 64-byte block at `at` of `bytes` into `state` (the message schedule in `w`). */
function compress(state: Int32Array, w: Int32Array, bytes: Uint8Array, at: number): void {
  for (let i = 0; i < 16; i++, at += 4) w[i] = ((bytes[at] as number) << 24) | ((bytes[at + 1] as number) << 16) | ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number);
  for (let i = 16; i < 64; i++) {
    const w15 = w[i - 15] as number;
    const w2 = w[i - 2] as number;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
  }
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  let e = state[4] as number;
  let f = state[5] as number;
  let g = state[6] as number;
  let h = state[7] as number;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + (K[i] as number) + (w[i] as number)) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = ((state[0] as number) + a) | 0;
  state[1] = ((state[1] as number) + b) | 0;
  state[2] = ((state[2] as number) + c) | 0;
  state[3] = ((state[3] as number) + d) | 0;
  state[4] = ((state[4] as number) + e) | 0;
  state[5] = ((state[5] as number) + f) | 0;
  state[6] = ((state[6] as number) + g) | 0;
  state[7] = ((state[7] as number) + h) | 0;
}

/**
 * SHA-256 of a message given in pieces of any size (a file as it is read or written). digest()
 * and hex() leave the hash as it was: more bytes may follow, for a later digest of them all.
 */
export class Sha256 {
  private readonly state = new Int32Array(INITIAL);
  private readonly schedule = new Int32Array(64);
  /** The bytes of an unfinished block, and how many there are. */
  private readonly block = new Uint8Array(64);
  private held = 0;
  private length = 0;

  /** Starts again, as a new hash. */
  reset(): this {
    this.state.set(INITIAL);
    this.held = 0;
    this.length = 0;
    return this;
  }

  update(bytes: Uint8Array): this {
    const { state, schedule, block } = this;
    const n = bytes.length;
    this.length += n;
    let at = 0;
    if (this.held > 0) {
      at = Math.min(64 - this.held, n);
      block.set(bytes.subarray(0, at), this.held);
      this.held += at;
      if (this.held < 64) return this;
      compress(state, schedule, block, 0);
      this.held = 0;
    }
    for (; at + 64 <= n; at += 64) compress(state, schedule, bytes, at);
    if (at < n) {
      block.set(bytes.subarray(at), 0);
      this.held = n - at;
    }
    return this;
  }

  /** The SHA-256 of the bytes given so far. */
  digest(): Uint8Array {
    const state = this.finish();
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i++) {
      const word = state[i] as number;
      out[i * 4] = word >>> 24;
      out[i * 4 + 1] = (word >>> 16) & 0xff;
      out[i * 4 + 2] = (word >>> 8) & 0xff;
      out[i * 4 + 3] = word & 0xff;
    }
    return out;
  }

  /** digest() as lowercase hex. */
  hex(): string {
    const state = this.finish();
    let hex = '';
    for (let i = 0; i < 8; i++) {
      const word = state[i] as number;
      hex += (HEX[word >>> 24] as string) + (HEX[(word >>> 16) & 0xff] as string) + (HEX[(word >>> 8) & 0xff] as string) + (HEX[word & 0xff] as string);
    }
    return hex;
  }

  /** The final state, in a shared array (read it at once), this hash's own left as it was. */
  private finish(): Int32Array {
    finalState.set(this.state);
    // The last one or two blocks: the held bytes, the 0x80 byte, zeros and the length in bits (a
    // 64-bit big-endian number, exact for any length this side of 2^53 bits).
    tail.fill(0);
    tail.set(this.block.subarray(0, this.held), 0);
    tail[this.held] = 0x80;
    const end = this.held + 9 <= 64 ? 64 : 128;
    const bits = this.length * 8;
    const high = Math.floor(bits / 0x1_0000_0000);
    const low = bits >>> 0;
    for (let i = 0; i < 4; i++) {
      tail[end - 8 + i] = (high >>> (24 - 8 * i)) & 0xff;
      tail[end - 4 + i] = (low >>> (24 - 8 * i)) & 0xff;
    }
    compress(finalState, this.schedule, tail, 0);
    if (end === 128) compress(finalState, this.schedule, tail, 64);
    return finalState;
  }
}

/** Bytes as lowercase hex, two digits a byte. */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += HEX[byte] as string;
  return hex;
}

/** One hash for the one-shot functions below (they never await, so one message at a time). */
const oneShot = new Sha256();

/** The SHA-256 of `bytes` as lowercase hex. */
export function sha256HexOfBytes(bytes: Uint8Array): string {
  return oneShot.reset().update(bytes).hex();
}

/** The SHA-256 of the text's UTF-8 bytes as lowercase hex. */
export function sha256HexOfText(text: string): string {
  // Each UTF-16 unit becomes at most 3 bytes (a surrogate pair, two units, becomes 4).
  const most = text.length * 3;
  encoder ??= utf8Encoder();
  if (most > KEEP_BYTES) return sha256HexOfBytes(encoder.encode(text));
  if (most > scratch.length) scratch = new Uint8Array(Math.max(most, scratch.length * 2));
  const { written } = encoder.encodeInto(text, scratch);
  return sha256HexOfBytes(scratch.subarray(0, written));
}
