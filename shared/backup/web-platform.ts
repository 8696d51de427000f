// The few Web-platform globals the backup format needs (Web Crypto, UTF-8 codecs), typed minimally.
// shared/ compiles without the DOM and Node type libraries, yet both Chromium (renderer) and
// Node ≥ 20 (main process, CLI, tests) provide these same standard globals; declaring only what we
// call keeps shared/ free of DOM/Node types while still using the platform's audited AES and PBKDF2.

/** An opaque Web Crypto key. */
export type WebCryptoKey = { readonly type: string };

export interface AesGcmParams {
  name: 'AES-GCM';
  iv: Uint8Array;
  additionalData: Uint8Array;
  tagLength: 128;
}

interface MinimalSubtle {
  importKey(format: 'raw', keyData: Uint8Array, algorithm: 'PBKDF2', extractable: false, usages: ['deriveKey']): Promise<WebCryptoKey>;
  deriveKey(
    algorithm: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Uint8Array; iterations: number },
    baseKey: WebCryptoKey,
    derivedKeyType: { name: 'AES-GCM'; length: 256 },
    extractable: false,
    usages: ('encrypt' | 'decrypt')[],
  ): Promise<WebCryptoKey>;
  encrypt(algorithm: AesGcmParams, key: WebCryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
  decrypt(algorithm: AesGcmParams, key: WebCryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

interface WebGlobals {
  crypto?: { subtle?: MinimalSubtle; getRandomValues?<T extends Uint8Array>(array: T): T };
  TextEncoder?: new () => Utf8Encoder;
  TextDecoder?: new (label: 'utf-8', options: { fatal: boolean; ignoreBOM: boolean }) => { decode(bytes?: Uint8Array, options?: { stream: boolean }): string };
}

const web = globalThis as unknown as WebGlobals;

export function subtle(): MinimalSubtle {
  const s = web.crypto?.subtle;
  if (!s) throw new Error('Web Crypto (crypto.subtle) is not available on this platform');
  return s;
}

export function randomBytes(length: number): Uint8Array {
  const get = web.crypto?.getRandomValues;
  if (!get) throw new Error('crypto.getRandomValues is not available on this platform');
  return get.call(web.crypto, new Uint8Array(length));
}

interface Utf8Encoder {
  encode(text: string): Uint8Array;
  encodeInto(text: string, into: Uint8Array): { read: number; written: number };
}

/** A UTF-8 encoder to use for many texts (one object instead of one per text). */
export function utf8Encoder(): Utf8Encoder {
  if (!web.TextEncoder) throw new Error('TextEncoder is not available on this platform');
  return new web.TextEncoder();
}

let encoder: Utf8Encoder | undefined;
/** Where utf8Encode encodes a text before copying out its bytes (grown as needed, up to SCRATCH_BYTES). */
let scratch: Uint8Array | undefined;
const SCRATCH_BYTES = 16 * 1024 * 1024;

/**
 * The text's UTF-8 bytes, exactly as TextEncoder.encode gives them. Encoded into one buffer kept
 * for the next call, then copied out: a backup encodes a page of rows (about a megabyte) at a
 * time, and in Chromium 156 encode() of such a text took 16–20 ms against 6.5 ms for encodeInto
 * into a kept buffer plus the copy (the new, zeroed buffer of each encode() is most of its cost).
 */
export function utf8Encode(text: string): Uint8Array {
  encoder ??= utf8Encoder();
  // Each UTF-16 unit becomes at most 3 bytes (a surrogate pair, two units, becomes 4).
  const most = text.length * 3;
  if (most > SCRATCH_BYTES) return encoder.encode(text);
  if (!scratch || scratch.length < most) scratch = new Uint8Array(Math.max(most, 64 * 1024));
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.slice(0, written);
}

/**
 * Bytes handed to the decoder at a time. Chromium 156 decoded a 2 MB page of Chinese rows at
 * 55 MB/s in one call, and at 300–400 MB/s in pieces of 64–256 KB (a megabyte per call was as
 * slow as the whole). A restore decodes every byte of the file; the pieces save most of that time.
 */
const DECODE_PIECE_BYTES = 64 * 1024;

/**
 * Strict UTF-8 decoding: malformed bytes are an error, not U+FFFD, so corruption is not papered
 * over. Decoded in pieces, as one stream: a character cut between two pieces is joined, and one
 * cut off at the end is an error, exactly as in one call.
 */
export function utf8Decode(bytes: Uint8Array): string {
  if (!web.TextDecoder) throw new Error('TextDecoder is not available on this platform');
  const decoder = new web.TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  if (bytes.length <= DECODE_PIECE_BYTES) return decoder.decode(bytes);
  let text = '';
  for (let at = 0; at < bytes.length; at += DECODE_PIECE_BYTES) text += decoder.decode(bytes.subarray(at, at + DECODE_PIECE_BYTES), { stream: true });
  return text + decoder.decode();
}
