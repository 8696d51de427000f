// Writes a backup as a stream of chunks (layout: ./format.ts): tables are written page by page
// (each table's JSON array grows incrementally) and attachments are pulled one at a time from the
// caller's iterable, so memory holds one page of rows and one attachment chunk, however large the
// database is. With a passphrase the stream is sealed by ./encryption.ts.
import { Sha256 } from '../domain/sha256';
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
  idKeyOf,
  MAX_NAME_BYTES,
  PLAIN_MAGIC,
  WRITE_CHUNK_BYTES,
  type BackupBytes,
  type BackupManifest,
  type BackupTable,
  type WrittenPrefix,
} from './format';
import { PartHash } from './part-hash';
import { RowChecker } from './rows';
import { utf8Encode } from './web-platform';

export interface AttachmentSource {
  id: string;
  /** The bytes, whole or as a stream (e.g. a Blob's stream, read only when its turn comes). */
  data: BackupBytes;
}

/** A table's rows: all at once, or as pages read one after the other (never all held at once). */
export type TableRows = readonly object[] | AsyncIterable<readonly object[]>;

export interface BackupInput {
  appVersion: string;
  /** The database schema version the rows follow; a restore upgrades older rows and refuses newer. */
  dbVersion: number;
  /** ISO date-time; defaults to now. */
  createdAt?: string;
  /** Every table's rows; attachment rows without their bytes (a `blob` field is dropped). */
  tables: Record<BackupTable, TableRows>;
  /** The bytes of every row of the attachments table, in any order. */
  attachments: Iterable<AttachmentSource> | AsyncIterable<AttachmentSource>;
}

export interface WriteOptions {
  passphrase?: string;
  iterations?: number;
  segmentBytes?: number;
}

const cannotWrite = (detail: string) => new BackupError('无法生成备份：数据不完整或格式异常，已停止，原有备份未受影响。', detail);

/** Rows stringified at a time when a table is given whole (bounds the size of one JSON string). */
const STRINGIFY_ROWS = 2000;

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

/** Length-prefixed chunks of `bytes` (never a zero-length one: that ends a frame). */
function chunked(bytes: Uint8Array, hash: { update(b: Uint8Array): unknown }, out: Uint8Array[]): void {
  for (let at = 0; at < bytes.length; at += WRITE_CHUNK_BYTES) {
    const piece = bytes.subarray(at, Math.min(bytes.length, at + WRITE_CHUNK_BYTES));
    hash.update(piece);
    out.push(u32(piece.length), piece);
  }
}

/**
 * One table's 'T' frame, written page by page and synchronously (so a caller can write it inside
 * an IndexedDB transaction, whose reads it must not interrupt with other awaits): the pages
 * together are byte for byte JSON.stringify of the whole table, so every reader reads it as before.
 */
export class TableFrameWriter {
  private readonly hash = new Sha256();
  private readonly checker: RowChecker;
  private size = 0;
  private ended = false;
  /** The table's prefix at the end of each page written (what a restore over these rows can skip). */
  readonly prefixes: WrittenPrefix[] = [];

  constructor(
    readonly table: BackupTable,
    private readonly emit: (bytes: Uint8Array) => Uint8Array,
    private readonly done: (table: BackupTable, count: number, bytes: number, sha: string, checker: RowChecker) => void,
  ) {
    this.checker = new RowChecker(table);
  }

  /** The frame's head; call first. */
  begin(): Uint8Array[] {
    return [this.emit(frameHead(FRAME_TABLE, this.table))];
  }

  /** The next page of rows as frame chunks (attachment rows lose their `blob`). */
  rows(page: readonly object[]): Uint8Array[] {
    if (page.length === 0) return [];
    const rows = this.table === 'attachments' ? page.map(withoutBlob) : page;
    const checked = this.checker.check(rows);
    const json = JSON.stringify(checked);
    // "[a,b]" → "[a,b" for the first page, ",c,d" for the next ones; end() closes the array.
    const out = this.encode((this.size === 0 ? '[' : ',') + json.slice(1, -1));
    // hex() leaves the hash going: one or two more blocks hashed per page.
    this.prefixes.push({ rows: this.checker.count, bytes: this.size, sha256: this.hash.hex(), lastKey: checked[checked.length - 1]![idKeyOf(this.table)] });
    return out;
  }

  /** The closing bracket and the frame's end; reports the table's count, size and hash. */
  end(): Uint8Array[] {
    if (this.ended) throw cannotWrite(`table ${this.table} ended twice`);
    this.ended = true;
    const out = this.encode(this.size === 0 ? '[]' : ']');
    out.push(this.emit(u32(0)));
    this.done(this.table, this.checker.count, this.size, this.hash.hex(), this.checker);
    return out;
  }

  private encode(text: string): Uint8Array[] {
    const bytes = utf8Encode(text);
    this.size += bytes.length;
    const out: Uint8Array[] = [];
    chunked(bytes, this.hash, out);
    return out.map(this.emit);
  }
}

/**
 * The plain (unencrypted) file, part by part: header, one TableFrameWriter per table in
 * BACKUP_TABLES order, the attachments, then finish(). Every byte passes through one hash, so the
 * closing hash covers the whole file.
 */
export class PlainBackupWriter {
  private readonly manifest: BackupManifest;
  private readonly fileHash = new Sha256();
  private attachmentIds = new Set<string>();
  private readonly written = new Set<string>();
  private tablesDone = 0;

  constructor(input: Pick<BackupInput, 'appVersion' | 'dbVersion' | 'createdAt'>) {
    this.manifest = {
      format: FORMAT_ID,
      formatVersion: FORMAT_VERSION,
      appVersion: input.appVersion,
      dbVersion: input.dbVersion,
      createdAt: input.createdAt ?? new Date().toISOString(),
      tables: {} as BackupManifest['tables'],
      attachments: [],
    };
  }

  private readonly emit = (bytes: Uint8Array): Uint8Array => {
    this.fileHash.update(bytes);
    return bytes;
  };

  header(): Uint8Array {
    const header = new Uint8Array(6);
    header.set(utf8Encode(PLAIN_MAGIC), 0);
    header.set(u16(FORMAT_VERSION), 4);
    return this.emit(header);
  }

  /** The writer of the next table's frame; tables must come in BACKUP_TABLES order. */
  table(table: BackupTable): TableFrameWriter {
    if (BACKUP_TABLES[this.tablesDone] !== table) throw cannotWrite(`table ${table} out of order`);
    return new TableFrameWriter(table, this.emit, (name, count, bytes, sha, checker) => {
      this.manifest.tables[name] = { count, bytes, sha256: sha };
      this.tablesDone += 1;
      if (name === 'attachments') this.attachmentIds = checker.ids() as Set<string>;
    });
  }

  /** One attachment's 'A' frame, its bytes pulled from the source chunk by chunk. */
  async *attachment(attachment: AttachmentSource): AsyncGenerator<Uint8Array> {
    if (this.tablesDone !== BACKUP_TABLES.length) throw cannotWrite('attachment before every table was written');
    if (!this.attachmentIds.has(attachment.id)) throw cannotWrite(`attachment ${attachment.id} has no row in the attachments table`);
    if (this.written.has(attachment.id)) throw cannotWrite(`attachment ${attachment.id} given twice`);
    this.written.add(attachment.id);
    yield this.emit(frameHead(FRAME_ATTACHMENT, attachment.id));
    const hash = new PartHash();
    let size = 0;
    for await (const chunk of toAsyncIterable(attachment.data)) {
      const out: Uint8Array[] = [];
      chunked(chunk, hash, out);
      size += chunk.length;
      for (const piece of out) yield this.emit(piece);
    }
    yield this.emit(u32(0));
    this.manifest.attachments.push({ id: attachment.id, size, sha256: await hash.hex() });
  }

  /** The manifest frame, the end frame and the closing hash. */
  finish(): Uint8Array[] {
    const missing = [...this.attachmentIds].filter((id) => !this.written.has(id));
    if (missing.length > 0) throw cannotWrite(`no bytes given for ${missing.length} attachment(s), e.g. ${missing[0]}`);
    const out = [this.emit(frameHead(FRAME_MANIFEST, MANIFEST_NAME))];
    const ignored = new Sha256();
    chunked(utf8Encode(JSON.stringify(this.manifest)), ignored, out);
    for (let i = 1; i < out.length; i++) this.emit(out[i] as Uint8Array);
    out.push(this.emit(u32(0)), this.emit(new Uint8Array([FRAME_END])));
    out.push(this.fileHash.digest());
    return out;
  }
}

/** A table given whole or in pages, as pages of at most STRINGIFY_ROWS rows (whole arrays) or as given. */
async function* pagesOf(table: BackupTable, given: unknown): AsyncGenerator<readonly object[]> {
  if (Array.isArray(given)) {
    for (let at = 0; at < given.length; at += STRINGIFY_ROWS) yield given.slice(at, at + STRINGIFY_ROWS) as object[];
    return;
  }
  if (typeof given !== 'object' || given === null || !(Symbol.asyncIterator in given)) throw cannotWrite(`table ${table}: no rows given`);
  for await (const page of given as AsyncIterable<readonly object[]>) yield page;
}

async function* plainBackup(input: BackupInput): AsyncGenerator<Uint8Array> {
  const writer = new PlainBackupWriter(input);
  yield writer.header();
  for (const table of BACKUP_TABLES) {
    const frame = writer.table(table);
    yield* frame.begin();
    for await (const page of pagesOf(table, input.tables[table])) yield* frame.rows(page);
    yield* frame.end();
  }
  for await (const attachment of input.attachments) yield* writer.attachment(attachment);
  yield* writer.finish();
}

function withoutBlob(row: unknown): unknown {
  if (typeof row !== 'object' || row === null || !('blob' in row)) return row;
  const { blob: _blob, ...meta } = row as Record<string, unknown>;
  return meta;
}

/** The backup file as a stream of chunks; write them in order (to a temporary file, then rename). */
export function writeBackup(input: BackupInput, options: WriteOptions = {}): AsyncIterable<Uint8Array> {
  return sealed(plainBackup(input), options);
}

/** A plain backup stream as written: unchanged, or sealed with the passphrase (./encryption.ts). */
export function sealed(plain: AsyncIterable<Uint8Array>, options: WriteOptions = {}): AsyncIterable<Uint8Array> {
  if (options.passphrase === undefined) return plain;
  return encryptStream(plain, {
    passphrase: options.passphrase,
    ...(options.iterations !== undefined && { iterations: options.iterations }),
    ...(options.segmentBytes !== undefined && { segmentBytes: options.segmentBytes }),
  });
}
