// Writes a backup as a stream of chunks (layout: ./format.ts): attachments are pulled one at a
// time from the caller's iterable, so memory holds the tables' JSON and one attachment chunk,
// however large the attachments are. With a passphrase the stream is sealed by ./encryption.ts.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { toAsyncIterable } from './byte-reader';
import { encryptStream } from './encryption';
import {
  BACKUP_TABLES,
  BackupError,
  FORMAT_ID,
  FORMAT_VERSION,
  FRAME_ATTACHMENT,
  FRAME_END,
  FRAME_MANIFEST,
  FRAME_TABLE,
  MANIFEST_NAME,
  MAX_NAME_BYTES,
  PLAIN_MAGIC,
  WRITE_CHUNK_BYTES,
  type BackupBytes,
  type BackupManifest,
  type BackupTable,
} from './format';
import { checkRows } from './rows';
import { utf8Encode } from './web-platform';

export interface AttachmentSource {
  id: string;
  /** The bytes, whole or as a stream (e.g. a Blob's stream, read only when its turn comes). */
  data: BackupBytes;
}

export interface BackupInput {
  appVersion: string;
  /** The database schema version the rows follow; a restore upgrades older rows and refuses newer. */
  dbVersion: number;
  /** ISO date-time; defaults to now. */
  createdAt?: string;
  /** Every table's rows; attachment rows without their bytes (a `blob` field is dropped). */
  tables: Record<BackupTable, readonly object[]>;
  /** The bytes of every row of the attachments table, in any order. */
  attachments: Iterable<AttachmentSource> | AsyncIterable<AttachmentSource>;
}

export interface WriteOptions {
  passphrase?: string;
  iterations?: number;
  segmentBytes?: number;
}

const cannotWrite = (detail: string) => new BackupError('无法生成备份：数据不完整或格式异常，已停止，原有备份未受影响。', detail);

function u16(n: number): Uint8Array {
  return new Uint8Array([n >>> 8, n & 0xff]);
}
function u32(n: number): Uint8Array {
  return new Uint8Array([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

function frameHead(type: number, name: string): Uint8Array {
  const nameBytes = utf8Encode(name);
  if (nameBytes.length === 0 || nameBytes.length > MAX_NAME_BYTES) throw cannotWrite(`frame name of ${nameBytes.length} bytes`);
  const out = new Uint8Array(3 + nameBytes.length);
  out[0] = type;
  out.set(u16(nameBytes.length), 1);
  out.set(nameBytes, 3);
  return out;
}

/** A frame's payload as length-prefixed chunks; reports size and SHA-256 when done. */
async function* framePayload(source: BackupBytes, done: (size: number, hash: string) => void): AsyncGenerator<Uint8Array> {
  const hash = sha256.create();
  let size = 0;
  for await (const chunk of toAsyncIterable(source)) {
    for (let at = 0; at < chunk.length; at += WRITE_CHUNK_BYTES) {
      const piece = chunk.subarray(at, Math.min(chunk.length, at + WRITE_CHUNK_BYTES));
      hash.update(piece);
      size += piece.length;
      yield u32(piece.length);
      yield piece;
    }
  }
  yield u32(0);
  done(size, bytesToHex(hash.digest()));
}

async function* plainBackup(input: BackupInput): AsyncGenerator<Uint8Array> {
  const manifest: BackupManifest = {
    format: FORMAT_ID,
    formatVersion: FORMAT_VERSION,
    appVersion: input.appVersion,
    dbVersion: input.dbVersion,
    createdAt: input.createdAt ?? new Date().toISOString(),
    tables: {} as BackupManifest['tables'],
    attachments: [],
  };
  const fileHash = sha256.create();
  // Every byte yielded passes through here, so the closing hash covers the whole file.
  const emit = (bytes: Uint8Array) => {
    fileHash.update(bytes);
    return bytes;
  };
  const header = new Uint8Array(6);
  header.set(utf8Encode(PLAIN_MAGIC), 0);
  header.set(u16(FORMAT_VERSION), 4);
  yield emit(header);

  let attachmentIds = new Set<string>();
  for (const table of BACKUP_TABLES) {
    const given: unknown = input.tables[table];
    const rows = table === 'attachments' && Array.isArray(given) ? given.map(withoutBlob) : given;
    const checked = checkRows(table, rows);
    if (table === 'attachments') attachmentIds = new Set(checked.map((row) => row.id as string));
    yield emit(frameHead(FRAME_TABLE, table));
    for await (const piece of framePayload(utf8Encode(JSON.stringify(checked)), (bytes, sha) => {
      manifest.tables[table] = { count: checked.length, bytes, sha256: sha };
    })) {
      yield emit(piece);
    }
  }

  const written = new Set<string>();
  for await (const attachment of input.attachments) {
    if (!attachmentIds.has(attachment.id)) throw cannotWrite(`attachment ${attachment.id} has no row in the attachments table`);
    if (written.has(attachment.id)) throw cannotWrite(`attachment ${attachment.id} given twice`);
    written.add(attachment.id);
    yield emit(frameHead(FRAME_ATTACHMENT, attachment.id));
    for await (const piece of framePayload(attachment.data, (size, sha) => {
      manifest.attachments.push({ id: attachment.id, size, sha256: sha });
    })) {
      yield emit(piece);
    }
  }
  const missing = [...attachmentIds].filter((id) => !written.has(id));
  if (missing.length > 0) throw cannotWrite(`no bytes given for ${missing.length} attachment(s), e.g. ${missing[0]}`);

  yield emit(frameHead(FRAME_MANIFEST, MANIFEST_NAME));
  for await (const piece of framePayload(utf8Encode(JSON.stringify(manifest)), () => undefined)) yield emit(piece);
  yield emit(new Uint8Array([FRAME_END]));
  yield fileHash.digest();
}

function withoutBlob(row: unknown): unknown {
  if (typeof row !== 'object' || row === null || !('blob' in row)) return row;
  const { blob: _blob, ...meta } = row as Record<string, unknown>;
  return meta;
}

/** The backup file as a stream of chunks; write them in order (to a temporary file, then rename). */
export function writeBackup(input: BackupInput, options: WriteOptions = {}): AsyncIterable<Uint8Array> {
  const plain = plainBackup(input);
  if (options.passphrase === undefined) return plain;
  return encryptStream(plain, {
    passphrase: options.passphrase,
    ...(options.iterations !== undefined && { iterations: options.iterations }),
    ...(options.segmentBytes !== undefined && { segmentBytes: options.segmentBytes }),
  });
}
