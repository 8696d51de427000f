// Verifies and reads a backup (layout: ./format.ts) front to back while it streams in: every
// length is bounded, every part is hashed as it passes, and each table's JSON array is parsed in
// pages of PAGE_ROWS rows as its bytes arrive (./json-pages.ts), so memory holds one page, never
// a whole table. Nothing is called good until the whole-file hash, the manifest's checksums and
// counts, and the rows' shape all agree; a reader handed pages or scans before that (readPages,
// onAttachment) must throw them away unless the read ends with ok. Every failure comes back as
// { ok: false, reason (Chinese, for the clerk), detail (English, for the log) }; the functions
// returning results never throw.
import { bytesToHex, Sha256 } from '../domain/sha256';
import { ByteReader, concatBytes } from './byte-reader';
import { openEnvelope } from './encryption';
import {
  BACKUP_TABLES,
  BackupError,
  ENCRYPTED_MAGIC,
  FORMAT_VERSION,
  FRAME_ATTACHMENT,
  FRAME_END,
  FRAME_MANIFEST,
  FRAME_TABLE,
  MANIFEST_NAME,
  MAX_CHUNK_BYTES,
  MAX_NAME_BYTES,
  PLAIN_MAGIC,
  manifestSchema,
  type BackupBytes,
  type BackupCounts,
  type BackupFailure,
  type BackupManifest,
  type BackupTable,
  type TablePrefix,
} from './format';
import { JsonArrayPager } from './json-pages';
import { PartHash } from './part-hash';
import { ATTACHMENT_MISMATCH, RESTORABLE_ORDER, RowChecker, parseJsonSafely, type Row } from './rows';
import { DB_SCHEMA_VERSION } from '../domain/db-schema-version';
import { utf8Decode } from './web-platform';

export interface ReadOptions {
  passphrase?: string;
  /** Called as the file is read, with the bytes of the file read so far (for a progress bar). */
  onProgress?: (bytesRead: number) => void;
  /**
   * For an unencrypted file: starts computing, elsewhere (another worker, on another core), the
   * SHA-256 of the file's bytes before its closing checksum, which this read then compares with
   * the closing checksum instead of hashing every byte itself. Called once the file is known to be
   * unencrypted (an encrypted file's checksum covers its decrypted bytes, hashed here as they come).
   */
  closingHash?: () => Promise<string>;
}

/** One attachment as read from the file; its place in the manifest is checked only at the end. */
export interface AttachmentRead {
  id: string;
  bytes: Uint8Array<ArrayBuffer>;
  sha256: string;
}

export interface StreamOptions extends ReadOptions {
  /**
   * Called with each attachment as soon as its bytes are read, one at a time, so a restore can
   * store them without holding them all in memory. The file is NOT verified yet when this runs:
   * whatever the callback stores must be thrown away unless the read ends with ok.
   * A BackupError thrown here ends the read with its reason.
   */
  onAttachment: (attachment: AttachmentRead) => Promise<void>;
}

export type StreamResult = ({ ok: true } & BackupSummary & { tables: Record<BackupTable, Row[]> }) | BackupFailure;

export interface BackupSummary {
  manifest: BackupManifest;
  counts: BackupCounts;
  attachmentBytes: number;
  encrypted: boolean;
}

export type VerifyResult = ({ ok: true } & BackupSummary) | BackupFailure;

export interface BackupContents extends BackupSummary {
  tables: Record<BackupTable, Row[]>;
  /** Attachment bytes by attachment id. */
  attachments: Map<string, Uint8Array>;
}

export type ReadResult = ({ ok: true } & BackupContents) | BackupFailure;

const NOT_A_BACKUP = '所选文件不是本软件的备份文件，请选择正确的备份文件。';
const TRUNCATED = '备份文件不完整（可能复制中断或存储设备已满），不能使用。请换用另一份备份。';
const DAMAGED = '备份文件已损坏或被改动（校验和不符），不能使用。请换用另一份备份。';
const INVALID = '备份文件的内容不符合格式要求，不能使用。请换用另一份备份。';

const TABLE_SET: ReadonlySet<string> = new Set(BACKUP_TABLES);

/** Checks the whole file (checksums, counts, format version, shape) without keeping attachments. */
export async function verifyBackup(source: BackupBytes, options: ReadOptions = {}): Promise<VerifyResult> {
  return settle(drain(readCore(source, { ...options, rows: 'parse', attachmentBytes: false })));
}

/**
 * Checks a file just written by this app: the framing, every part's size against the manifest,
 * the attachments against their rows and the manifest, and the whole-file hash, which proves
 * every byte is the byte the writer emitted (and hashed into the manifest's part checksums as it
 * emitted it). The tables' JSON is not parsed (the writer checked every row before writing it)
 * and the parts are not hashed a second time, so this proves a new backup reached its disk
 * intact in one hashing pass. A file from elsewhere gets verifyBackup.
 */
export async function checkBackupIntegrity(source: BackupBytes, options: ReadOptions = {}): Promise<VerifyResult> {
  return settle(drain(readCore(source, { ...options, rows: 'hash', attachmentBytes: false, partHashes: false })));
}

/** Verifies the whole file, then returns its tables and attachments (for tests and small files). */
export async function readBackup(source: BackupBytes, options: ReadOptions = {}): Promise<ReadResult> {
  const tables = emptyTables();
  const attachments = new Map<string, Uint8Array>();
  const result = await settle(
    drain(readCore(source, { ...options, rows: 'parse', attachmentBytes: true }), (event) => {
      if (event.kind === 'rows') tables[event.table].push(...event.rows);
      else if (event.kind === 'attachment') attachments.set(event.attachment.id, event.attachment.bytes);
    }),
  );
  if (!result.ok) return result;
  return { ...result, tables, attachments: orderedAttachments(result.manifest, attachments) };
}

/** Checks the whole file and returns its tables (not the attachments' bytes): a small file's preview. */
export async function readBackupTables(source: BackupBytes, options: ReadOptions = {}): Promise<StreamResult> {
  const tables = emptyTables();
  const result = await settle(
    drain(readCore(source, { ...options, rows: 'parse', attachmentBytes: false }), (event) => {
      if (event.kind === 'rows') tables[event.table].push(...event.rows);
    }),
  );
  return result.ok ? { ...result, tables } : result;
}

/** Reads the whole file once, handing each attachment to `onAttachment` as it comes; memory stays flat. */
export async function streamBackup(source: BackupBytes, options: StreamOptions): Promise<StreamResult> {
  const tables = emptyTables();
  const result = await settle(
    drainAsync(readCore(source, { ...options, rows: 'parse', attachmentBytes: true }), async (event) => {
      if (event.kind === 'rows') tables[event.table].push(...event.rows);
      else if (event.kind === 'attachment') await options.onAttachment(event.attachment);
    }),
  );
  return result.ok ? { ...result, tables } : result;
}

/**
 * What readPages hands on: a page of a table's rows, a page left unparsed because the caller
 * knows its rows (PagesOptions.known), or one attachment with its bytes.
 */
export type ReadEvent =
  | { kind: 'rows'; table: BackupTable; rows: Row[] }
  | { kind: 'known'; table: BackupTable; rows: number; prefix: TablePrefix }
  | { kind: 'attachment'; attachment: AttachmentRead };

export interface PagesOptions extends ReadOptions {
  /**
   * 'parse' (the default): every table is parsed and checked page by page. 'hash': only the
   * attachments table is (a restore's first read, whose second read parses the rest inside the
   * transaction that rolls back on any refusal). 'audit': the attachments and the audit log (a
   * preview, which checks the audit chain; the whole-file hash proves the other tables' bytes, and
   * the restore's second read parses them).
   */
  rows?: RowsRead;
  /** Hand on every attachment's bytes (otherwise only their hashes are checked). */
  attachmentBytes?: boolean;
  /**
   * End once the table frames are read, returning what was measured of them: for a second read
   * of a file verified whole before (a restore's replace), whose tables the caller compares with
   * the manifest. Nothing after the tables is read or checked.
   */
  tablesOnly?: boolean;
  /**
   * Hash each part and compare it with the manifest (the default). false: the whole-file hash
   * alone, which covers every byte as well (see checkBackupIntegrity); nothing is measured of the
   * parts, so a later read cannot be compared with this one by their hashes. 'attachments': the
   * attachments' hashes only (a restore's first read, which stores each scan under its hash; its
   * second read hashes the tables and compares them with the manifest).
   */
  partHashes?: boolean | 'attachments';
  /**
   * With tablesOnly: asked at the end of each page that every page before it in its table was
   * known, with the table's prefix up to there; true means the caller holds these very rows (the
   * same bytes), and the page is handed on as 'known' without being parsed or checked. Once one
   * is not known, none after it in that table is (their prefixes include it). The tables are then
   * hashed as they are read, in JavaScript, for the prefixes.
   */
  known?: (table: BackupTable, prefix: TablePrefix) => boolean;
}

/** What a read measured of each table: its size, SHA-256 and rows. */
export type TableDigests = Record<BackupTable, { bytes: number; sha256: string; count: number }>;

export type PagesResult = ({ ok: true } & BackupSummary) | { ok: true; tablesOnly: TableDigests };

/**
 * The file as a stream of events (pages of rows, attachments) as it is read; returns the summary
 * at the end. Throws a BackupError where the other functions return a failure (describeFailure
 * turns it into one). NOTHING it yields is verified until it returns.
 */
export async function* readPages(source: BackupBytes, options: PagesOptions = {}): AsyncGenerator<ReadEvent, PagesResult> {
  return yield* readCore(source, { ...options, rows: options.rows ?? 'parse', attachmentBytes: options.attachmentBytes ?? false });
}

/** The { ok: false } of a read that threw. */
export function describeFailure(error: unknown): BackupFailure {
  if (error instanceof BackupError) return { ok: false, reason: error.reason, detail: error.detail };
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { ok: false, reason: '读取备份文件时出错，未做任何更改。请确认文件可以打开，或换用另一份备份。', detail };
}

function emptyTables(): Record<BackupTable, Row[]> {
  return Object.fromEntries(BACKUP_TABLES.map((table) => [table, []])) as unknown as Record<BackupTable, Row[]>;
}

/** Attachments in the manifest's order (the order they were written). */
function orderedAttachments(manifest: BackupManifest, read: Map<string, Uint8Array>): Map<string, Uint8Array> {
  return new Map(manifest.attachments.map((listed) => [listed.id, read.get(listed.id) as Uint8Array]));
}

async function drain<T>(events: AsyncGenerator<ReadEvent, T>, each?: (event: ReadEvent) => void): Promise<T> {
  return drainAsync(events, async (event) => each?.(event));
}

async function drainAsync<T>(events: AsyncGenerator<ReadEvent, T>, each: (event: ReadEvent) => Promise<void>): Promise<T> {
  for (;;) {
    const next = await events.next();
    if (next.done) return next.value;
    await each(next.value);
  }
}

async function settle(read: Promise<PagesResult>): Promise<VerifyResult> {
  try {
    const result = await read;
    if (!('manifest' in result)) throw new Error('the read ended after the tables');
    return result;
  } catch (error) {
    return describeFailure(error);
  }
}

/** Which tables a read parses (see PagesOptions.rows). */
type RowsRead = 'parse' | 'hash' | 'audit';

/** Whether a read of `rows` parses `table`: the attachment rows always (the scans are checked against them), and few. */
function parses(rows: RowsRead, table: BackupTable): boolean {
  return rows === 'parse' || table === 'attachments' || (rows === 'audit' && table === 'auditLog');
}

/**
 * Throws the first reason a restore could not use the rows of a table it parsed (a preview: the
 * attachment rows). A read of hashes only (a file just written, whose writer checked its rows)
 * checks none.
 */
function checkRestorable(tableReads: Map<BackupTable, TableRead>, rows: RowsRead): void {
  if (rows === 'hash') return;
  for (const table of RESTORABLE_ORDER) if (parses(rows, table)) (tableReads.get(table) as TableRead).checker.restorable();
}

interface CoreOptions extends PagesOptions {
  /** Parse every table (a restore, a file from elsewhere), the audit log (a preview) or check hashes only (a file just written). */
  rows: RowsRead;
  attachmentBytes: boolean;
}

async function* readCore(source: BackupBytes, options: CoreOptions): AsyncGenerator<ReadEvent, PagesResult> {
  let outer: ByteReader | undefined;
  try {
    // A second read that stops after the tables compares each table's hash, never the file's.
    let fileHash: FileHash = options.tablesOnly ? { update: () => undefined, closing: () => Promise.resolve('') } : ownFileHash();
    let hashOuter = false;
    outer = new ByteReader(source, (bytes) => {
      if (hashOuter) fileHash.update(bytes);
    });
    const magic = await outer.read(4);
    if (!magic) throw new BackupError(NOT_A_BACKUP, 'file shorter than the 4-byte magic');
    const magicText = String.fromCharCode(...magic);
    let plain: ByteReader;
    if (magicText === ENCRYPTED_MAGIC) {
      plain = new ByteReader(await openEnvelope(outer, magic, options.passphrase), (bytes) => fileHash.update(bytes));
      const inner = await plain.read(4);
      if (!inner || String.fromCharCode(...inner) !== PLAIN_MAGIC) throw new BackupError(DAMAGED, 'decrypted content does not start with the plain magic');
    } else if (magicText === PLAIN_MAGIC) {
      if (options.closingHash && !options.tablesOnly) {
        fileHash = elsewhereFileHash(options.closingHash());
      } else {
        fileHash.update(magic);
        hashOuter = true;
      }
      plain = outer;
    } else {
      throw new BackupError(NOT_A_BACKUP, `unknown magic ${JSON.stringify(magicText)}`);
    }
    const progress = options.onProgress;
    const reader = outer;
    const report = progress ? () => progress(reader.position) : undefined;
    const contents = yield* readPlain(plain, fileHash, options, report);
    if ('tablesOnly' in contents) return contents;
    return { ok: true, ...contents, encrypted: magicText === ENCRYPTED_MAGIC };
  } finally {
    await outer?.close().catch(() => undefined);
  }
}

/** The whole-file SHA-256: fed the bytes as they are read, or computed elsewhere. */
interface FileHash {
  update(bytes: Uint8Array): void;
  /** The hex SHA-256 of the bytes up to now (computed elsewhere: of all but the file's last 32). */
  closing(): Promise<string>;
}

function ownFileHash(): FileHash {
  const hash = new Sha256();
  return {
    update: (bytes) => hash.update(bytes),
    closing: () => Promise.resolve(hash.hex()),
  };
}

function elsewhereFileHash(computing: Promise<string>): FileHash {
  // Awaited only at the end frame; a read that fails before then must not leave it unhandled.
  computing.catch(() => undefined);
  return { update: () => undefined, closing: () => computing };
}

async function need(reader: ByteReader, n: number, what: string): Promise<Uint8Array> {
  const bytes = await reader.read(n);
  if (!bytes) throw new BackupError(TRUNCATED, `file ends inside ${what} at byte ${reader.position}`);
  return bytes;
}

async function readU16(reader: ByteReader, what: string): Promise<number> {
  const b = await need(reader, 2, what);
  return ((b[0] as number) << 8) | (b[1] as number);
}

async function readU32(reader: ByteReader, what: string): Promise<number> {
  const b = await need(reader, 4, what);
  return new DataView(b.buffer, b.byteOffset, 4).getUint32(0);
}

/** A part's chunks as they are read (bounded), hashed unless `hashed` is false; `measured` is filled in at its end. */
async function* partChunks(reader: ByteReader, name: string, measured: { bytes: number; sha256: string }, report?: () => void, hashed = true): AsyncGenerator<Uint8Array> {
  const hash = hashed ? new PartHash() : undefined;
  let bytes = 0;
  for (;;) {
    const length = await readU32(reader, `part ${name}`);
    if (length === 0) break;
    if (length > MAX_CHUNK_BYTES) throw new BackupError(DAMAGED, `chunk of ${length} bytes in part ${name} exceeds ${MAX_CHUNK_BYTES}`);
    const chunk = await need(reader, length, `part ${name}`);
    hash?.update(chunk);
    bytes += length;
    report?.();
    yield chunk;
  }
  measured.bytes = bytes;
  measured.sha256 = hash ? await hash.hex() : '';
}

interface TableRead {
  bytes: number;
  sha256: string;
  checker: RowChecker;
  /** The first reason its content was refused; told only once the file is known to be intact. */
  refused?: BackupError;
}

async function* readPlain(
  reader: ByteReader,
  fileHash: FileHash,
  options: CoreOptions,
  report: (() => void) | undefined,
): AsyncGenerator<ReadEvent, Omit<BackupSummary, 'encrypted'> | { ok: true; tablesOnly: TableDigests }> {
  const version = await readU16(reader, 'the format version');
  if (version > FORMAT_VERSION) {
    throw new BackupError(
      `此备份由更新版本的软件创建（备份格式第 ${version} 版，当前软件只支持到第 ${FORMAT_VERSION} 版）。请先将本软件更新到最新版本，再恢复此备份。`,
      `format version ${version} is newer than supported ${FORMAT_VERSION}`,
    );
  }
  if (version === 0) throw new BackupError(DAMAGED, 'format version 0');

  const tableHashes = (options.partHashes ?? true) === true;
  const attachmentHashes = options.partHashes !== false;
  const tableReads = new Map<BackupTable, TableRead>();
  const attachmentParts = new Map<string, { bytes: number; sha256: string }>();
  let manifestBytes: Uint8Array | undefined;
  let attachmentRows: Row[] = [];
  // Once any content is refused, later pages are no longer parsed (the refusal is told at the end).
  let refusing = false;
  // Frames come in a fixed order: tables, attachments, manifest, end.
  for (;;) {
    const [type] = await need(reader, 1, 'a frame type');
    if (options.tablesOnly && type !== FRAME_TABLE) {
      if (tableReads.size !== BACKUP_TABLES.length) throw new BackupError(DAMAGED, 'the tables differ from those verified before');
      for (const read of tableReads.values()) if (read.refused) throw read.refused;
      checkRestorable(tableReads, options.rows);
      return { ok: true, tablesOnly: digests(tableReads) };
    }
    if (type === FRAME_END) {
      if (!manifestBytes) throw new BackupError(DAMAGED, 'end frame before the manifest');
      // Taken before the checksum's own bytes pass through the hash.
      const expected = fileHash.closing();
      const stored = bytesToHex(await need(reader, 32, 'the closing checksum'));
      // Checked before the hash is compared: a hash computed elsewhere covers all but the file's
      // last 32 bytes, which are the bytes before this checksum only if nothing follows it.
      if (!(await reader.atEnd())) throw new BackupError(DAMAGED, 'data after the end of the backup');
      if (stored !== (await expected)) throw new BackupError(DAMAGED, 'whole-file SHA-256 mismatch');
      break;
    }
    if (type !== FRAME_TABLE && type !== FRAME_ATTACHMENT && type !== FRAME_MANIFEST) {
      throw new BackupError(DAMAGED, `unknown frame type ${String(type)} at byte ${reader.position - 1}`);
    }
    if (manifestBytes) throw new BackupError(DAMAGED, 'frame after the manifest');
    const nameLength = await readU16(reader, 'a frame name');
    if (nameLength === 0 || nameLength > MAX_NAME_BYTES) throw new BackupError(DAMAGED, `frame name of ${nameLength} bytes`);
    let name: string;
    try {
      name = utf8Decode(await need(reader, nameLength, 'a frame name'));
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError(DAMAGED, 'frame name is not valid UTF-8');
    }
    if (type === FRAME_TABLE) {
      if (attachmentParts.size > 0) throw new BackupError(DAMAGED, `table ${name} after attachments`);
      if (!TABLE_SET.has(name)) throw new BackupError(INVALID, `unknown table ${JSON.stringify(name)}`);
      const table = name as BackupTable;
      if (tableReads.has(table)) throw new BackupError(DAMAGED, `table ${name} twice`);
      const read: TableRead = { bytes: 0, sha256: '', checker: new RowChecker(table) };
      tableReads.set(table, read);
      // The attachment rows are needed whole (to check the scans against).
      const parse = parses(options.rows, table);
      const pager = new JsonArrayPager(table);
      const keep: Row[] = [];
      // The table's hash taken page by page, for the prefixes the caller may know (not of the
      // attachment rows, which a full read keeps whole to check the scans against).
      const prefixHash = options.tablesOnly && options.known && parse && table !== 'attachments' ? new Sha256() : undefined;
      let knownSoFar = prefixHash !== undefined;
      let before = 0;
      for await (const chunk of partChunks(reader, name, read, report, tableHashes && !prefixHash)) {
        let hashed = 0;
        if (parse && !refusing) {
          try {
            for (const page of pager.cut(chunk)) {
              if (knownSoFar && prefixHash && options.known) {
                prefixHash.update(chunk.subarray(hashed, page.end));
                hashed = page.end;
                const prefix: TablePrefix = { rows: read.checker.count + page.rows, bytes: before + page.end, sha256: prefixHash.hex() };
                knownSoFar = options.known(table, prefix);
                if (knownSoFar) {
                  read.checker.skip(page.rows);
                  yield { kind: 'known', table, rows: page.rows, prefix };
                  continue;
                }
              }
              const rows = read.checker.check(page.parse());
              if (table === 'attachments') keep.push(...rows);
              yield { kind: 'rows', table, rows };
            }
          } catch (error) {
            if (!(error instanceof BackupError)) throw error;
            read.refused = error;
            refusing = true;
          }
        }
        prefixHash?.update(chunk.subarray(hashed));
        before += chunk.length;
      }
      if (prefixHash) read.sha256 = prefixHash.hex();
      if (parse && !refusing) {
        try {
          pager.end();
        } catch (error) {
          if (!(error instanceof BackupError)) throw error;
          read.refused = error;
          refusing = true;
        }
      }
      if (table === 'attachments') attachmentRows = keep;
    } else if (type === FRAME_ATTACHMENT) {
      if (attachmentParts.has(name)) throw new BackupError(DAMAGED, `attachment ${name} twice`);
      const measured = { bytes: 0, sha256: '' };
      const data: Uint8Array[] = [];
      for await (const chunk of partChunks(reader, name, measured, report, attachmentHashes)) if (options.attachmentBytes) data.push(chunk);
      attachmentParts.set(name, measured);
      if (options.attachmentBytes) yield { kind: 'attachment', attachment: { id: name, bytes: concatBytes(data), sha256: measured.sha256 } };
    } else {
      if (name !== MANIFEST_NAME) throw new BackupError(DAMAGED, `manifest frame named ${JSON.stringify(name)}`);
      const data: Uint8Array[] = [];
      for await (const chunk of partChunks(reader, name, { bytes: 0, sha256: '' }, report)) data.push(chunk);
      manifestBytes = concatBytes(data);
    }
  }

  // The whole file is intact from here on; what remains is whether its content is consistent.
  const manifest = parseManifest(manifestBytes, version);
  const counts = {} as BackupCounts;
  for (const table of BACKUP_TABLES) {
    const read = tableReads.get(table);
    if (!read) throw new BackupError(INVALID, `table ${table} missing`);
    const listed = manifest.tables[table];
    if ((tableHashes && listed.sha256 !== read.sha256) || listed.bytes !== read.bytes) throw new BackupError(DAMAGED, `table ${table}: checksum or size differs from the manifest`);
    if (read.refused) throw read.refused;
    if (parses(options.rows, table) && read.checker.count !== listed.count) throw new BackupError(INVALID, `table ${table}: ${read.checker.count} rows, manifest says ${listed.count}`);
    counts[table] = listed.count;
  }
  checkRestorable(tableReads, options.rows);

  // The manifest, the attachment frames and the attachment rows must name the same set: equal
  // sizes and no duplicates in any of them (the frames and the rows were checked for those).
  if (manifest.attachments.length !== attachmentParts.size) {
    throw new BackupError(INVALID, `${attachmentParts.size} attachments in the file, manifest lists ${manifest.attachments.length}`);
  }
  if (new Set(manifest.attachments.map((listed) => listed.id)).size !== manifest.attachments.length) {
    throw new BackupError(INVALID, 'the manifest lists an attachment twice');
  }
  const rows = new Map(attachmentRows.map((row) => [row.id as string, row]));
  if (rows.size !== attachmentParts.size) throw new BackupError(INVALID, `${rows.size} attachment rows but ${attachmentParts.size} attachments`);
  let attachmentBytes = 0;
  for (const listed of manifest.attachments) {
    const part = attachmentParts.get(listed.id);
    if (!part) throw new BackupError(INVALID, `attachment ${listed.id} listed in the manifest but absent`);
    const row = rows.get(listed.id);
    if (!row) throw new BackupError(INVALID, `attachment ${listed.id} has no row in the attachments table`);
    if ((attachmentHashes && part.sha256 !== listed.sha256) || part.bytes !== listed.size) throw new BackupError(DAMAGED, `attachment ${listed.id}: checksum or size differs from the manifest`);
    // The row is what the app shows and checks the scan by; it must describe these very bytes.
    if (row.sha256 !== listed.sha256 || row.size !== part.bytes) {
      throw new BackupError(ATTACHMENT_MISMATCH, `attachment ${listed.id}: its row records size ${String(row.size)} / another sha256 than the bytes`);
    }
    attachmentBytes += part.bytes;
  }
  return { manifest, counts, attachmentBytes };
}

function digests(reads: Map<BackupTable, TableRead>): TableDigests {
  const out = {} as TableDigests;
  for (const [table, read] of reads) out[table] = { bytes: read.bytes, sha256: read.sha256, count: read.checker.count };
  return out;
}

function parseManifest(bytes: Uint8Array, headerVersion: number): BackupManifest {
  let json: unknown;
  try {
    json = parseJsonSafely(bytes);
  } catch (error) {
    throw new BackupError(INVALID, `manifest is not valid UTF-8 JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new BackupError(INVALID, `manifest shape: ${parsed.error.issues[0]?.message ?? 'invalid'} at ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  if (parsed.data.formatVersion !== headerVersion) {
    throw new BackupError(DAMAGED, `manifest format version ${parsed.data.formatVersion} differs from the header's ${headerVersion}`);
  }
  if (parsed.data.dbVersion > DB_SCHEMA_VERSION) {
    throw new BackupError(
      `此备份由更新版本的软件创建（数据库第 ${parsed.data.dbVersion} 版，当前软件为第 ${DB_SCHEMA_VERSION} 版），不能恢复。请先将本软件更新到最新版本，再恢复此备份。`,
      `backup dbVersion ${parsed.data.dbVersion} > ${DB_SCHEMA_VERSION}`,
    );
  }
  return parsed.data;
}
