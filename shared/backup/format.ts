// The backup file format of 新媒体阵地台账: constants, types, the manifest schema and the typed
// error. The writer is in ./backup-writer.ts, the verifying reader in ./backup-reader.ts, the
// optional passphrase envelope in ./encryption.ts. Documented for people in the README (备份与恢复).
//
// A framed format rather than a zip: it is read strictly front to back, so the reader can verify
// while streaming, bound every length it reads, and never seek (a zip's central directory sits at
// the end and its data descriptors make streaming reads ambiguous). All integers are big-endian.
//
// Plain file (extension .mlbackup):
//   "MLBK" (4 B) · format version u16 (= FORMAT_VERSION)
//   frames, in this order: one 'T' frame per table, one 'A' frame per attachment, one 'M' frame
//   frame   = type u8 ('T' | 'A' | 'M') · name length u16 (1‥MAX_NAME_BYTES) · name (UTF-8)
//             · chunks: (length u32 (1‥MAX_CHUNK_BYTES) · bytes)* · u32 0 (end of the frame)
//     'T' name = table name, payload = the table's rows as a JSON array (UTF-8)
//     'A' name = attachment id, payload = the attachment's bytes as stored
//     'M' name = "manifest.json", payload = the manifest (below) as JSON
//   'Z' (1 B) · SHA-256 (32 B) of every byte of the file before it, 'Z' included
//   end of file (anything after is refused)
// The manifest lists per table its row count, byte length and SHA-256, and per attachment its
// id, size and SHA-256; the closing hash makes a change anywhere (a flipped bit in a frame header,
// the manifest or the padding) detectable even where no per-part checksum would see it.
//
// Encrypted file: "MLBE" envelope (./encryption.ts) whose plaintext is exactly a plain file.
import { z } from 'zod';
import { DB_TABLES, type DbTable } from '../domain/tables';

export const PLAIN_MAGIC = 'MLBK';
export const ENCRYPTED_MAGIC = 'MLBE';
/** Bump when the layout or the manifest changes incompatibly; readers refuse newer versions. */
export const FORMAT_VERSION = 1;
export const FORMAT_ID = 'media-ledger-backup';
export const MANIFEST_NAME = 'manifest.json';

/** Every table of the database, in the order of the file's 'T' frames (shared/domain/tables.ts). */
export const BACKUP_TABLES = DB_TABLES;
export type BackupTable = DbTable;

/** Key of a row's identity: the audit log is keyed by its auto-increment position. */
export function idKeyOf(table: BackupTable): 'id' | 'seq' {
  return table === 'auditLog' ? 'seq' : 'id';
}

export const FRAME_TABLE = 0x54; // 'T'
export const FRAME_ATTACHMENT = 0x41; // 'A'
export const FRAME_MANIFEST = 0x4d; // 'M'
export const FRAME_END = 0x5a; // 'Z'

/** Bounds that a hostile file cannot push past (the writer stays well inside them). */
export const MAX_NAME_BYTES = 255;
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
/** Chunk size the writer uses for payloads. */
export const WRITE_CHUNK_BYTES = 1024 * 1024;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().nonnegative();

export const manifestSchema = z.strictObject({
  format: z.literal(FORMAT_ID),
  formatVersion: z.number().int().positive(),
  appVersion: z.string().max(100),
  /** Version of the app's database schema the rows follow (renderer/db/schema.ts CURRENT_VERSION). */
  dbVersion: z.number().int().positive().max(10_000),
  createdAt: z.iso.datetime(),
  tables: z.record(z.enum(BACKUP_TABLES), z.strictObject({ count, bytes: count, sha256: sha256Hex })),
  attachments: z.array(z.strictObject({ id: z.string().min(1).max(MAX_NAME_BYTES), size: count, sha256: sha256Hex })),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/**
 * A table's JSON array up to the end of one of its pages (the bytes from its opening bracket to
 * the end of the page's last row): its rows, its bytes and their SHA-256. Two arrays with the same
 * prefix hold the same rows up to there, whatever follows.
 */
export interface TablePrefix {
  rows: number;
  bytes: number;
  sha256: string;
}

/** A prefix as a backup writer wrote it, with the key of its last row. */
export interface WrittenPrefix extends TablePrefix {
  lastKey: unknown;
}
export type BackupCounts = Record<BackupTable, number>;

/** A backup refused or not written: `reason` for the clerk (Chinese, with what to do), `detail` for the log. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly reason: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export type BackupFailure = { ok: false; reason: string; detail: string };

/** Input of the reader: a whole file or its chunks, in order. */
export type BackupBytes = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
