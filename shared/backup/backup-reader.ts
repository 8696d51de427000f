// Verifies and reads a backup (layout: ./format.ts) front to back while it streams in: every
// length is bounded, every part is hashed as it passes, and nothing is handed back until the
// whole-file hash, the manifest's checksums and counts, and the rows' shape all agree. Every
// failure comes back as { ok: false, reason (Chinese, for the clerk), detail (English, for the log) };
// these functions never throw.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
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
} from './format';
import { ATTACHMENT_MISMATCH, checkRestorable, checkRows, parseJsonSafely, type Row } from './rows';
import { DB_SCHEMA_VERSION } from '../domain/db-schema-version';
import { utf8Decode } from './web-platform';

export interface ReadOptions {
  passphrase?: string;
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
  const result = await readBackupInternal(source, options, false);
  if (!result.ok) return result;
  const { manifest, counts, attachmentBytes, encrypted } = result;
  return { ok: true, manifest, counts, attachmentBytes, encrypted };
}

/** Verifies the whole file, then returns its tables and attachments (for a restore). */
export async function readBackup(source: BackupBytes, options: ReadOptions = {}): Promise<ReadResult> {
  return readBackupInternal(source, options, true);
}

/** Checks the whole file and returns its tables (not the attachments' bytes): a restore's preview. */
export async function readBackupTables(source: BackupBytes, options: ReadOptions = {}): Promise<StreamResult> {
  const result = await readBackupInternal(source, options, false);
  if (!result.ok) return result;
  const { attachments: _none, ...rest } = result;
  return rest;
}

/** Reads the whole file once, handing each attachment to `onAttachment` as it comes; memory stays flat. */
export async function streamBackup(source: BackupBytes, options: StreamOptions): Promise<StreamResult> {
  return readBackupTables(source, options);
}

async function readBackupInternal(source: BackupBytes, options: ReadOptions & Partial<StreamOptions>, keepAttachments: boolean): Promise<ReadResult> {
  let outer: ByteReader | undefined;
  try {
    const fileHash = sha256.create();
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
      fileHash.update(magic);
      hashOuter = true;
      plain = outer;
    } else {
      throw new BackupError(NOT_A_BACKUP, `unknown magic ${JSON.stringify(magicText)}`);
    }
    const contents = await readPlain(plain, fileHash, keepAttachments, options.onAttachment);
    return { ok: true, ...contents, encrypted: magicText === ENCRYPTED_MAGIC };
  } catch (error) {
    return failure(error);
  } finally {
    await outer?.close().catch(() => undefined);
  }
}

function failure(error: unknown): BackupFailure {
  if (error instanceof BackupError) return { ok: false, reason: error.reason, detail: error.detail };
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { ok: false, reason: '读取备份文件时出错，未做任何更改。请确认文件可以打开，或换用另一份备份。', detail };
}

interface Part {
  bytes: number;
  sha256: string;
  data: Uint8Array[];
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

async function readPart(reader: ByteReader, name: string, keep: boolean): Promise<Part> {
  const hash = sha256.create();
  const data: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const length = await readU32(reader, `part ${name}`);
    if (length === 0) break;
    if (length > MAX_CHUNK_BYTES) throw new BackupError(DAMAGED, `chunk of ${length} bytes in part ${name} exceeds ${MAX_CHUNK_BYTES}`);
    const chunk = await need(reader, length, `part ${name}`);
    hash.update(chunk);
    bytes += length;
    if (keep) data.push(chunk);
  }
  return { bytes, sha256: bytesToHex(hash.digest()), data };
}

async function readPlain(
  reader: ByteReader,
  fileHash: ReturnType<typeof sha256.create>,
  keepAttachments: boolean,
  onAttachment: StreamOptions['onAttachment'] | undefined,
): Promise<Omit<BackupContents, 'encrypted'>> {
  const version = await readU16(reader, 'the format version');
  if (version > FORMAT_VERSION) {
    throw new BackupError(
      `此备份由更新版本的软件创建（备份格式第 ${version} 版，当前软件只支持到第 ${FORMAT_VERSION} 版）。请先将本软件更新到最新版本，再恢复此备份。`,
      `format version ${version} is newer than supported ${FORMAT_VERSION}`,
    );
  }
  if (version === 0) throw new BackupError(DAMAGED, 'format version 0');

  const tableParts = new Map<BackupTable, Part>();
  const attachmentParts = new Map<string, Part>();
  let manifestPart: Part | undefined;
  // Frames come in a fixed order: tables, attachments, manifest, end.
  for (;;) {
    const [type] = await need(reader, 1, 'a frame type');
    if (type === FRAME_END) {
      if (!manifestPart) throw new BackupError(DAMAGED, 'end frame before the manifest');
      const expected = bytesToHex(fileHash.clone().digest());
      const stored = bytesToHex(await need(reader, 32, 'the closing checksum'));
      if (stored !== expected) throw new BackupError(DAMAGED, 'whole-file SHA-256 mismatch');
      if (!(await reader.atEnd())) throw new BackupError(DAMAGED, 'data after the end of the backup');
      break;
    }
    if (type !== FRAME_TABLE && type !== FRAME_ATTACHMENT && type !== FRAME_MANIFEST) {
      throw new BackupError(DAMAGED, `unknown frame type ${String(type)} at byte ${reader.position - 1}`);
    }
    if (manifestPart) throw new BackupError(DAMAGED, 'frame after the manifest');
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
      if (tableParts.has(table)) throw new BackupError(DAMAGED, `table ${name} twice`);
      tableParts.set(table, await readPart(reader, name, true));
    } else if (type === FRAME_ATTACHMENT) {
      if (attachmentParts.has(name)) throw new BackupError(DAMAGED, `attachment ${name} twice`);
      const part = await readPart(reader, name, keepAttachments || onAttachment !== undefined);
      if (onAttachment) {
        await onAttachment({ id: name, bytes: concatBytes(part.data), sha256: part.sha256 });
        if (!keepAttachments) part.data.length = 0;
      }
      attachmentParts.set(name, part);
    } else {
      if (name !== MANIFEST_NAME) throw new BackupError(DAMAGED, `manifest frame named ${JSON.stringify(name)}`);
      manifestPart = await readPart(reader, name, true);
    }
  }

  // The whole file is intact from here on; what remains is whether its content is consistent.
  const manifest = parseManifest(concatBytes((manifestPart as Part).data), version);
  const tables = {} as Record<BackupTable, Row[]>;
  const counts = {} as BackupCounts;
  for (const table of BACKUP_TABLES) {
    const part = tableParts.get(table);
    if (!part) throw new BackupError(INVALID, `table ${table} missing`);
    const listed = manifest.tables[table];
    if (listed.sha256 !== part.sha256 || listed.bytes !== part.bytes) throw new BackupError(DAMAGED, `table ${table}: checksum or size differs from the manifest`);
    let parsed: unknown;
    try {
      parsed = parseJsonSafely(concatBytes(part.data));
    } catch (error) {
      throw new BackupError(INVALID, `table ${table}: not valid UTF-8 JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const rows = checkRows(table, parsed);
    if (rows.length !== listed.count) throw new BackupError(INVALID, `table ${table}: ${rows.length} rows, manifest says ${listed.count}`);
    tables[table] = rows;
    counts[table] = rows.length;
  }

  checkRestorable(tables);

  // The manifest, the attachment frames and the attachment rows must name the same set: equal
  // sizes and no duplicates in any of them (the frames and the rows were checked for those).
  if (manifest.attachments.length !== attachmentParts.size) {
    throw new BackupError(INVALID, `${attachmentParts.size} attachments in the file, manifest lists ${manifest.attachments.length}`);
  }
  if (new Set(manifest.attachments.map((listed) => listed.id)).size !== manifest.attachments.length) {
    throw new BackupError(INVALID, 'the manifest lists an attachment twice');
  }
  const rows = new Map(tables.attachments.map((row) => [row.id as string, row]));
  if (rows.size !== attachmentParts.size) throw new BackupError(INVALID, `${rows.size} attachment rows but ${attachmentParts.size} attachments`);
  const attachments = new Map<string, Uint8Array>();
  let attachmentBytes = 0;
  for (const listed of manifest.attachments) {
    const part = attachmentParts.get(listed.id);
    if (!part) throw new BackupError(INVALID, `attachment ${listed.id} listed in the manifest but absent`);
    const row = rows.get(listed.id);
    if (!row) throw new BackupError(INVALID, `attachment ${listed.id} has no row in the attachments table`);
    if (part.sha256 !== listed.sha256 || part.bytes !== listed.size) throw new BackupError(DAMAGED, `attachment ${listed.id}: checksum or size differs from the manifest`);
    // The row is what the app shows and checks the scan by; it must describe these very bytes.
    if (row.sha256 !== part.sha256 || row.size !== part.bytes) {
      throw new BackupError(ATTACHMENT_MISMATCH, `attachment ${listed.id}: its row records size ${String(row.size)} / another sha256 than the bytes`);
    }
    attachmentBytes += part.bytes;
    if (keepAttachments) {
      attachments.set(listed.id, concatBytes(part.data));
      // Drop the chunks at once: otherwise every attachment is held twice until the read ends.
      part.data.length = 0;
    }
  }
  return { manifest, counts, attachmentBytes, tables, attachments };
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
