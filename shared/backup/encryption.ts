// Optional passphrase encryption of a backup: a streaming AES-256-GCM envelope around the plain
// file, so memory stays flat however large the backup is (Web Crypto's AES-GCM is one-shot, so
// the plaintext is cut into segments, each sealed on its own, as in the STREAM construction).
//
// Envelope (all integers big-endian):
//   header (46 B, authenticated as every segment's additionalData):
//     "MLBE" · envelope version u16 (1) · KDF id u8 (1 = PBKDF2-HMAC-SHA256) · iterations u32
//     · salt length u8 (16) · salt · cipher id u8 (1 = AES-256-GCM) · IV length u8 (12) · IV
//     · segment size u32 (plaintext bytes per segment)
//   key check (16 B): the GCM tag of an empty plaintext, so a wrong passphrase is told apart from
//     a damaged file before any data is decrypted
//   segments: ciphertext ‖ 16-B tag; every segment but the last holds exactly `segment size`
//     plaintext bytes, the last holds 0‥`segment size`.
// Segment i's nonce is the IV with bytes 7‥10 XOR i (u32) and byte 11 XOR a flag (0 = more follow,
// 1 = last, 2 = key check): reordering, dropping or appending segments, or cutting the file at a
// segment boundary, all fail authentication. Salt and IV are fresh per file; a key is used for one
// file only, so nonces never repeat under a key.
// KDF parameters read from a file are bounded BEFORE deriving (as Bitwarden does), so a hostile
// file cannot make the app spin for hours or accept a weakened key derivation.
import { ENCRYPTED_MAGIC, BackupError } from './format';
import type { ByteReader } from './byte-reader';
import { concatBytes } from './byte-reader';
import { randomBytes, subtle, utf8Encode, type AesGcmParams, type WebCryptoKey } from './web-platform';

export const ENVELOPE_VERSION = 1;
const KDF_PBKDF2_SHA256 = 1;
const CIPHER_AES_256_GCM = 1;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const HEADER_BYTES = 4 + 2 + 1 + 4 + 1 + SALT_BYTES + 1 + 1 + IV_BYTES + 4;

/** The current OWASP figure for PBKDF2-HMAC-SHA256 is the floor; the ceiling bounds a hostile file. */
export const MIN_ITERATIONS = 600_000;
export const MAX_ITERATIONS = 10_000_000;
export const DEFAULT_ITERATIONS = MIN_ITERATIONS;
export const MIN_SEGMENT_BYTES = 1024;
export const MAX_SEGMENT_BYTES = 16 * 1024 * 1024;
export const DEFAULT_SEGMENT_BYTES = 1024 * 1024;

const FLAG_MORE = 0;
const FLAG_LAST = 1;
const FLAG_KEY_CHECK = 2;

export interface EncryptOptions {
  passphrase: string;
  iterations?: number;
  /** Plaintext bytes per segment (tests use small ones to exercise many segments). */
  segmentBytes?: number;
}

interface EnvelopeHeader {
  iterations: number;
  salt: Uint8Array;
  iv: Uint8Array;
  segmentBytes: number;
  bytes: Uint8Array;
}

const damaged = (detail: string) =>
  new BackupError('备份文件已损坏或被改动（加密数据校验失败），不能使用。请换用另一份备份。', detail);

function encodeHeader(iterations: number, salt: Uint8Array, iv: Uint8Array, segmentBytes: number): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES);
  const view = new DataView(out.buffer);
  out.set(utf8Encode(ENCRYPTED_MAGIC), 0);
  view.setUint16(4, ENVELOPE_VERSION);
  out[6] = KDF_PBKDF2_SHA256;
  view.setUint32(7, iterations);
  out[11] = SALT_BYTES;
  out.set(salt, 12);
  out[28] = CIPHER_AES_256_GCM;
  out[29] = IV_BYTES;
  out.set(iv, 30);
  view.setUint32(42, segmentBytes);
  return out;
}

/** Parses and bounds the header; `bytes` is the whole header including the magic already read. */
function decodeHeader(bytes: Uint8Array): EnvelopeHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4);
  if (version > ENVELOPE_VERSION) {
    throw new BackupError(
      '此备份由更新版本的软件加密，当前软件无法读取。请先将本软件更新到最新版本，再恢复此备份。',
      `encryption envelope version ${version} is newer than supported ${ENVELOPE_VERSION}`,
    );
  }
  if (version !== ENVELOPE_VERSION) throw damaged(`unknown encryption envelope version ${version}`);
  if (bytes[6] !== KDF_PBKDF2_SHA256 || bytes[11] !== SALT_BYTES || bytes[28] !== CIPHER_AES_256_GCM || bytes[29] !== IV_BYTES) {
    throw damaged(`unsupported KDF/cipher parameters (kdf=${bytes[6]}, salt=${bytes[11]}, cipher=${bytes[28]}, iv=${bytes[29]})`);
  }
  const iterations = view.getUint32(7);
  if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new BackupError(
      '备份文件的加密参数不在安全范围内，已拒绝读取（文件可能已损坏或被人改动）。',
      `PBKDF2 iterations ${iterations} outside [${MIN_ITERATIONS}, ${MAX_ITERATIONS}]; refused before key derivation`,
    );
  }
  const segmentBytes = view.getUint32(42);
  if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
    throw damaged(`segment size ${segmentBytes} outside [${MIN_SEGMENT_BYTES}, ${MAX_SEGMENT_BYTES}]`);
  }
  return { iterations, salt: bytes.slice(12, 28), iv: bytes.slice(30, 42), segmentBytes, bytes };
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<WebCryptoKey> {
  const base = await subtle().importKey('raw', utf8Encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function gcm(header: EnvelopeHeader, index: number, flag: number): AesGcmParams {
  const iv = header.iv.slice();
  const counter = new DataView(iv.buffer);
  counter.setUint32(7, counter.getUint32(7) ^ index);
  iv[11] = (iv[11] as number) ^ flag;
  return { name: 'AES-GCM', iv, additionalData: header.bytes, tagLength: 128 };
}

/** Encrypts a plain backup stream into an envelope stream, segment by segment. */
export async function* encryptStream(plain: AsyncIterable<Uint8Array>, options: EncryptOptions): AsyncGenerator<Uint8Array> {
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const segmentBytes = options.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
  if (!options.passphrase) throw new BackupError('加密口令不能为空。', 'empty passphrase');
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new BackupError('加密参数不在安全范围内。', `iterations ${iterations} outside [${MIN_ITERATIONS}, ${MAX_ITERATIONS}]`);
  }
  if (!Number.isInteger(segmentBytes) || segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
    throw new BackupError('加密参数不在允许范围内。', `segment size ${segmentBytes} out of range`);
  }
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const header = decodeHeader(encodeHeader(iterations, salt, iv, segmentBytes));
  const key = await deriveKey(options.passphrase, salt, iterations);
  const keyCheck = new Uint8Array(await subtle().encrypt(gcm(header, 0, FLAG_KEY_CHECK), key, new Uint8Array(0)));
  yield concatBytes([header.bytes, keyCheck]);

  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let index = 0;
  const seal = async (plaintext: Uint8Array, flag: number) =>
    new Uint8Array(await subtle().encrypt(gcm(header, index++, flag), key, plaintext));
  for await (const chunk of plain) {
    pending.push(chunk);
    pendingBytes += chunk.length;
    // Strictly more than a segment: only then is it certain this segment is not the last.
    if (pendingBytes > segmentBytes) {
      const all = concatBytes(pending);
      let at = 0;
      while (all.length - at > segmentBytes) {
        yield await seal(all.subarray(at, at + segmentBytes), FLAG_MORE);
        at += segmentBytes;
      }
      pending = [all.subarray(at)];
      pendingBytes = all.length - at;
    }
  }
  yield await seal(concatBytes(pending), FLAG_LAST);
}

/**
 * Reads the envelope that follows the magic already taken from `reader`, checks the passphrase,
 * and returns the plaintext as a stream whose every segment is authenticated before it is yielded.
 */
export async function openEnvelope(reader: ByteReader, magic: Uint8Array, passphrase: string | undefined): Promise<AsyncIterable<Uint8Array>> {
  const rest = await reader.read(HEADER_BYTES - magic.length);
  if (!rest) throw new BackupError('备份文件不完整（文件头被截断），不能使用。', 'truncated encryption header');
  const header = decodeHeader(concatBytes([magic, rest]));
  if (passphrase === undefined || passphrase === '') {
    throw new BackupError('此备份已加密，请输入备份口令。', 'backup is encrypted and no passphrase was given');
  }
  const keyCheck = await reader.read(TAG_BYTES);
  if (!keyCheck) throw new BackupError('备份文件不完整（文件头被截断），不能使用。', 'truncated key check');
  const key = await deriveKey(passphrase, header.salt, header.iterations);
  try {
    await subtle().decrypt(gcm(header, 0, FLAG_KEY_CHECK), key, keyCheck);
  } catch {
    throw new BackupError('备份口令不正确（或文件头已损坏），请核对口令后重试。', 'key check failed: wrong passphrase or damaged header');
  }
  return (async function* () {
    const full = header.segmentBytes + TAG_BYTES;
    for (let index = 0; ; index++) {
      const parts: Uint8Array[] = [];
      let have = 0;
      while (have < full) {
        const some = await reader.readSome(full - have);
        if (some.length === 0) break;
        parts.push(some);
        have += some.length;
      }
      const last = have < full || (await reader.atEnd());
      if (have < TAG_BYTES) throw new BackupError('备份文件不完整（被截断），不能使用。', `truncated at encrypted segment ${index}`);
      let plaintext: Uint8Array;
      try {
        plaintext = new Uint8Array(await subtle().decrypt(gcm(header, index, last ? FLAG_LAST : FLAG_MORE), key, concatBytes(parts)));
      } catch {
        throw damaged(`encrypted segment ${index} failed authentication (damaged, truncated or reordered)`);
      }
      if (plaintext.length > 0) yield plaintext;
      if (last) return;
    }
  })();
}
