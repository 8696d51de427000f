// Backups of the whole database and restores from them (issue: data safety). These run in the
// backup worker (renderer/features/backup/backup-worker.ts), never on the UI thread, and never
// hold a whole table: rows are read and written in pages of PAGE_ROWS.
//
// A backup reads every table page by page by primary key inside ONE read transaction (a
// consistent picture even while the clerk keeps working), writing each page's JSON straight into
// the file's table frames (kept in a spool, on disk where the browser has private file storage,
// ../bridge/spool.ts), then streams the attachments' bytes one at a time.
// A restore first reads the whole file by its hashes (shared/backup readPages: checksums, format
// version, the attachments against their rows), storing the scans' bytes the current data lacks
// under their hashes (./scan-bytes.ts; the one transaction below then writes rows only); a file
// without scans that the preview has just verified whole is not read this first time. Then, in
// ONE read-write transaction, it writes a snapshot of the current data (./snapshots.ts; so the
// snapshot holds exactly the data replaced) and makes every table equal to the file's, reading the
// file's tables a second time page by page: the pages that begin a table as the snapshot's do
// (the same bytes, by their hash) are stored already and are skipped; the others are parsed, each
// row's shape checked (each table's size, hash and rows must also be the manifest's), and only
// the rows that differ from the stored ones are written (./table-merge.ts). The transaction
// commits only once the snapshot has been checked and stored (which goes on meanwhile): if
// anything fails or is refused half-way (a full disk, a malformed row, a file changed in
// between), IndexedDB rolls the whole transaction back and the current data stays exactly as it was. (The preview before a
// restore, inspectBackup, checks the file by its whole-file hash and parses the audit log, for its
// chain, and the attachment rows.)
import { Dexie } from 'dexie';
import { ChainVerifier, sealEntry, type ChainVerdict } from '@shared/audit/hash-chain';
import type { AuditEntry } from '@shared/domain/audit';
import { BACKUP_TABLES, BackupError, idKeyOf, type BackupCounts, type BackupTable, type TablePrefix, type WrittenPrefix } from '@shared/backup/format';
import type { AttachmentSource, BackupInput } from '@shared/backup/backup-writer';
import { checkBackupIntegrity, describeFailure, readPages, type BackupSummary, type PagesResult, type ReadEvent } from '@shared/backup/backup-reader';
import { PlainBackupWriter, sealed } from '@shared/backup/backup-writer';
import { PAGE_ROWS } from '@shared/backup/json-pages';
import type { BackupFailure } from '@shared/backup/format';
import { newId } from '@shared/domain/ids';
import type { Row } from '@shared/backup/rows';
import { blobChunks } from '../bridge/blob-chunks';
import { openSpool, type Spool } from '../bridge/spool';
import { LedgerError } from './repository';
import { CURRENT_VERSION, type LedgerDb, type StoredAttachment } from './schema';
import { heldScanBytes, missingScanBytes, putScanBytes, scanBlobs, sweepScanBytes } from './scan-bytes';
import { upgradeRows } from './upgrades';
import { deleteSnapshots, saveSnapshot, snapshotFolder, trimSnapshots, type Snapshot, type SnapshotDb } from './snapshots';
import { TableMerge } from './table-merge';

function tablesOf(db: LedgerDb) {
  return BACKUP_TABLES.map((name) => db.table(name));
}

/** Every table of a backup, and the scans' bytes (./scan-bytes.ts): what a backup reads and a restore writes. */
function tablesWithBytes(db: LedgerDb) {
  return [...tablesOf(db), db.scanBytes];
}

/** Row counts of every table as stored now (for the restore preview and the tests). */
export async function countTables(db: LedgerDb): Promise<BackupCounts> {
  const counts = {} as BackupCounts;
  await db.transaction('r', tablesOf(db), async () => {
    for (const table of BACKUP_TABLES) counts[table] = await db.table(table).count();
  });
  return counts;
}

/**
 * Every table's rows read whole in one transaction, for tests and small databases; the app
 * writes its backups with backupStream, which never holds a table.
 */
export async function backupInputFromDb(db: LedgerDb, appVersion: string, createdAt?: string): Promise<BackupInput & { attachmentBytes: number }> {
  const tables = {} as Record<BackupTable, object[]>;
  let blobs: Blob[] = [];
  await db.transaction('r', tablesWithBytes(db), async () => {
    for (const table of BACKUP_TABLES) tables[table] = (await db.table(table).toArray()) as object[];
    blobs = await scansOf(db, tables.attachments as StoredAttachment[]);
  });
  const stored = tables.attachments as StoredAttachment[];
  const attachmentBytes = blobs.reduce((sum, blob) => sum + blob.size, 0);
  async function* attachments(): AsyncGenerator<AttachmentSource> {
    for (const [i, row] of stored.entries()) yield { id: row.id, data: blobChunks(blobs[i]!) };
  }
  return { appVersion, dbVersion: CURRENT_VERSION, ...(createdAt !== undefined && { createdAt }), tables, attachments: attachments(), attachmentBytes };
}

/** The bytes of attachment rows (inside a transaction holding scanBytes); throws when one is lost. */
async function scansOf(db: LedgerDb, rows: readonly StoredAttachment[]): Promise<Blob[]> {
  const blobs = await scanBlobs(db, rows);
  return rows.map((row, i) => {
    const blob = blobs[i];
    if (!blob) throw new LedgerError(`附件“${row.name}”的文件内容缺失，无法生成完整的备份。`, `attachment ${row.id} has no bytes of its size`);
    return blob;
  });
}

/** How far a long backup or restore step has come: rows of all tables, or bytes of the file. */
export interface WorkProgress {
  unit: 'rows' | 'bytes';
  done: number;
  total: number;
  /** Which step of a restore (shown to the clerk), when there are several. */
  step?: '校验备份文件' | '保存当前数据的快照' | '写入数据';
}

export interface BackupStreamOptions {
  appVersion: string;
  passphrase?: string;
  onProgress?: (progress: WorkProgress) => void;
  /**
   * Without a passphrase only: the spool the file is being written into (a snapshot's). The
   * table frames are written into it, and `chunks` yields only what follows them, for the caller
   * to write into the same spool: no table's bytes are read back. Without it the frames go to a
   * spool of the stream's own, which `chunks` reads back and removes.
   */
  spool?: Spool;
}

/** A backup being written: its bytes as a stream, and the audit position it covers. */
export interface BackupStream {
  /** The file's bytes (after the table frames, when they went into the caller's spool), to be read once. */
  chunks: AsyncIterable<Uint8Array>;
  /** The newest audit entry's seq in the backup (0 when the log is empty). */
  auditSeq: number;
  /** Bytes of all scans (most of a large backup). */
  attachmentBytes: number;
  /** Each table's prefix at the end of each page written (see TableFrameWriter.prefixes). */
  prefixes: Partial<Record<BackupTable, readonly WrittenPrefix[]>>;
}

/**
 * Writes a backup of the database without holding any table: every table is read by primary key
 * in pages of PAGE_ROWS inside one read transaction, each page written at once into the file's
 * table frames in a spool (a file on disk where the browser has private file storage, written
 * synchronously); nothing but database reads is awaited inside that transaction, so it stays one
 * consistent picture. Then the frames, the scans (read slice by slice) and the manifest follow as
 * a stream, sealed with the passphrase.
 */
export async function backupStream(db: LedgerDb, options: BackupStreamOptions): Promise<BackupStream> {
  if (options.spool && options.passphrase) throw new Error('a sealed backup is not written into the caller\'s spool');
  const writer = new PlainBackupWriter({ appVersion: options.appVersion, dbVersion: CURRENT_VERSION });
  const frames = options.spool ?? (await openSpool('backup-tables'));
  const scans: { id: string; blob: Blob }[] = [];
  const prefixes: BackupStream['prefixes'] = {};
  let auditSeq = 0;
  const write = (chunks: readonly Uint8Array[]) => {
    for (const chunk of chunks) frames.write(chunk);
  };
  try {
    write([writer.header()]);
    await db.transaction('r', tablesWithBytes(db), async () => {
      let total = 0;
      for (const table of BACKUP_TABLES) total += await db.table(table).count();
      let done = 0;
      for (const table of BACKUP_TABLES) {
        const frame = writer.table(table);
        const head = frame.begin();
        const source = db.table(table);
        const readPage = (after: unknown): Promise<Row[]> => (after === undefined ? source.orderBy(':id') : source.where(':id').above(after)).limit(PAGE_ROWS).toArray();
        // The next page is asked for before this one is written: the database reads it (in the
        // browser's own process) while this thread turns this one into JSON and hashes it.
        let next: Promise<Row[]> | undefined = settledLater(readPage(undefined));
        while (next) {
          const page: Row[] = await next;
          if (page.length === 0) break;
          const last = page[page.length - 1]?.[idKeyOf(table)];
          next = page.length < PAGE_ROWS ? undefined : settledLater(readPage(last));
          if (table === 'attachments') {
            const rows = page as unknown as StoredAttachment[];
            const blobs = await scansOf(db, rows);
            rows.forEach((row, i) => scans.push({ id: row.id, blob: blobs[i]! }));
          }
          if (table === 'auditLog') auditSeq = last as number;
          write(head.splice(0).concat(frame.rows(page)));
          done += page.length;
          options.onProgress?.({ unit: 'rows', done, total });
        }
        write(head.concat(frame.end()));
        prefixes[table] = frame.prefixes;
      }
    });
  } catch (error) {
    if (!options.spool) await frames.discard();
    throw error;
  }
  const attachmentBytes = scans.reduce((sum, scan) => sum + scan.blob.size, 0);
  async function* afterTables(): AsyncGenerator<Uint8Array> {
    for (const scan of scans) yield* writer.attachment({ id: scan.id, data: blobChunks(scan.blob) });
    yield* writer.finish();
  }
  if (options.spool) return { chunks: afterTables(), auditSeq, attachmentBytes, prefixes };
  const tableFrames = await frames.finish().catch(async (error: unknown) => {
    await frames.discard();
    throw error;
  });
  async function* plain(): AsyncGenerator<Uint8Array> {
    try {
      yield* blobChunks(tableFrames);
    } finally {
      await frames.discard();
    }
    yield* afterTables();
  }
  return { chunks: options.passphrase ? sealed(plain(), { passphrase: options.passphrase }) : plain(), auditSeq, attachmentBytes, prefixes };
}

/**
 * A database request started before the work that precedes its await: marked as handled now, so
 * that when that work throws first (and the transaction is rolled back under it) its rejection
 * is not reported as unhandled. Awaiting it still throws its error.
 */
function settledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** What the first read of a restore measured of a scan's bytes (stored in scanBytes under that hash, or held there already). */
export interface MeasuredScan {
  size: number;
  sha256: string;
}

/** An attachment row to restore, without a Blob: its bytes are in scanBytes. */
export type AttachmentRow = Omit<StoredAttachment, 'blob'>;

const REFUSED = '备份文件与其中记录的附件信息不一致，不能恢复。当前数据未做任何更改。';
const SCAN_CHANGED = '恢复期间当前数据中的扫描件被改动，已停止恢复，当前数据未做任何更改。请重新恢复。';

/**
 * Checks every attachment row against what the first read measured of its bytes (the reader
 * already refused a file where they differ; this holds the restore to it). Throws a LedgerError.
 */
export function planAttachments(rows: readonly Row[], measured: ReadonlyMap<string, MeasuredScan>): AttachmentRow[] {
  return rows.map((row) => {
    const bytes = measured.get(row.id as string);
    if (!bytes) throw new LedgerError(REFUSED, `attachment ${String(row.id)} has no bytes`);
    if (row.size !== bytes.size) throw new LedgerError(REFUSED, `attachment ${String(row.id)}: row size ${String(row.size)}, bytes ${bytes.size}`);
    if (row.sha256 !== bytes.sha256) throw new LedgerError(REFUSED, `attachment ${String(row.id)}: row sha256 differs from the bytes`);
    const { blob: _none, ...fields } = row as unknown as StoredAttachment;
    return fields;
  });
}

/**
 * Inside the replace: makes the attachments table hold exactly the file's rows, writing only
 * those that differ (./table-merge.ts, as every other table; a row still holding its own Blob,
 * from before version 5, differs from the file's). It writes no bytes: the browser reads the
 * bytes of every Blob a transaction stores into memory when it commits (1 GB of scans in one
 * transaction: the browser process at 1,051 MB at the commit, from 235 MB), so the first read
 * stored them in scanBytes beforehand, a scan per transaction. Each row's bytes must still be
 * there, of its size; else nothing is committed.
 */
async function mergeAttachments(db: LedgerDb, rows: readonly AttachmentRow[]): Promise<void> {
  const missing = await missingScanBytes(db, rows);
  if (missing.length > 0) throw new LedgerError(SCAN_CHANGED, `scan bytes ${missing[0]} gone or changed after the first read`);
  const merge = new TableMerge('attachments', db.table('attachments'));
  for (let i = 0; i < rows.length; i += PAGE_ROWS) await (await merge.page(rows.slice(i, i + PAGE_ROWS) as unknown as Row[])).writes;
  await merge.finish();
}

export interface RestoreNote {
  /** Shown in the audit log: which file (or snapshot) the data came from. */
  source: string;
  /** When the backup was made (manifest createdAt). */
  backupCreatedAt: string;
  operator: string;
}

/** A backup file the restore can read as often as it needs (a File or Blob, or bytes in tests). */
export type BackupFile = Blob | Uint8Array;

function bytesOf(file: BackupFile): Uint8Array | AsyncIterable<Uint8Array> {
  return file instanceof Uint8Array ? file : blobChunks(file);
}

/**
 * How long the replace, its rows all added, waits for the snapshot to be stored before it gives
 * up (Dexie's own bound is a minute; checking the snapshot of gigabytes of scans takes longer).
 */
const SNAPSHOT_WAIT_MS = 24 * 60 * 60 * 1000;

/** What the first, verifying read of a restore established. */
interface VerifiedRead {
  summary: BackupSummary;
  attachments: AttachmentRow[];
}

/** The snapshot a restore keeps of the data it replaces, written first inside the replace's transaction. */
interface SnapshotPlan {
  sdb: SnapshotDb;
  appVersion: string;
  reason: string;
  closingHashOf?: (file: Blob) => Promise<string>;
  /** Once it is written: its check and storing, going on meanwhile (the replace commits only after them). */
  keeping?: Promise<Snapshot>;
}

/**
 * The pages of each table a snapshot wrote, by the rows up to their end: the file's pages whose
 * prefix is one of these hold exactly the stored rows up to there (see TableMerge.known).
 */
class KnownPrefixes {
  private readonly byTable = new Map<BackupTable, Map<number, WrittenPrefix>>();

  constructor(written: BackupStream['prefixes']) {
    for (const [table, prefixes] of Object.entries(written) as [BackupTable, readonly WrittenPrefix[]][]) {
      this.byTable.set(table, new Map(prefixes.map((prefix) => [prefix.rows, prefix])));
    }
  }

  /** The snapshot's prefix equal to this one (rows, bytes and hash), if any. */
  find(table: BackupTable, prefix: TablePrefix): WrittenPrefix | undefined {
    const written = this.byTable.get(table)?.get(prefix.rows);
    return written && written.bytes === prefix.bytes && written.sha256 === prefix.sha256 ? written : undefined;
  }
}

/**
 * Makes every table equal to the file's in one transaction, writing only the rows that differ
 * (./table-merge.ts), then appends one audit entry (chained to the restored log) saying that and
 * from where the data was restored. The snapshot, when one is kept, is written first in the same
 * transaction, so it holds exactly the data replaced (no write can come between them) and the
 * file's pages that begin a table as the snapshot's do are known to be stored already: they are
 * neither parsed nor compared row by row. The rows are read from the file once more, page by page,
 * inside the transaction (Dexie.waitFor keeps it open while the file is read) and checked as they
 * are parsed; a malformed row, or a table whose size, hash or count is not the manifest's (the
 * first read proved the file's bytes by its whole-file hash, not each table's), rolls the whole
 * transaction back.
 */
async function replaceAllData(
  db: LedgerDb,
  file: BackupFile,
  passphrase: string | undefined,
  verified: VerifiedRead,
  note: RestoreNote,
  snapshot: SnapshotPlan | undefined,
  onProgress?: (progress: WorkProgress) => void,
): Promise<void> {
  const { manifest } = verified.summary;
  const total = BACKUP_TABLES.reduce((sum, table) => sum + manifest.tables[table].count, 0);
  await db.transaction('rw', tablesWithBytes(db), async () => {
    let known: KnownPrefixes | undefined;
    if (snapshot) {
      const written = await writeSnapshot(db, snapshot.appVersion, onProgress);
      // Checked and stored outside this transaction (in the snapshots' own database), meanwhile.
      const plan = snapshot;
      plan.keeping = settledLater(Dexie.ignoreTransaction(() => keepSnapshot(plan.sdb, written.spool, plan.reason, plan.closingHashOf)));
      // Rows of an older schema are upgraded before they are merged: their bytes are not the rows stored.
      if (manifest.dbVersion === CURRENT_VERSION) known = new KnownPrefixes(written.prefixes);
    }
    // Every table is merged; the attachment rows last (below), their bytes stored beforehand.
    const merges = new Map(BACKUP_TABLES.filter((table) => table !== 'attachments').map((table) => [table, new TableMerge(table, db.table(table))]));
    const pages = readPages(bytesOf(file), {
      ...(passphrase && { passphrase }),
      tablesOnly: true,
      ...(known && { known: (table: BackupTable, prefix: TablePrefix) => table !== 'attachments' && known.find(table, prefix) !== undefined }),
    });
    let done = 0;
    let result: PagesResult;
    // One page being written while the next is read and parsed: the database writes (in the
    // browser's own process) while this thread works on the next page.
    let writing: { rows: number; writes: Promise<unknown> } | undefined;
    const written = async () => {
      if (!writing) return;
      await writing.writes;
      done += writing.rows;
      writing = undefined;
      onProgress?.({ unit: 'rows', done, total, step: '写入数据' });
    };
    for (;;) {
      const next: IteratorResult<ReadEvent, PagesResult> = await Dexie.waitFor(pages.next());
      if (next.done) {
        result = next.value;
        break;
      }
      const event = next.value;
      if (event.kind === 'attachment' || event.table === 'attachments') continue;
      if (event.kind === 'known') {
        merges.get(event.table)!.known(event.rows, known!.find(event.table, event.prefix)!.lastKey);
        done += event.rows;
        onProgress?.({ unit: 'rows', done, total, step: '写入数据' });
        continue;
      }
      upgradeRows({ [event.table]: event.rows }, manifest.dbVersion, CURRENT_VERSION);
      const merged = settledLater(merges.get(event.table)!.page(event.rows));
      await written();
      writing = { rows: event.rows.length, writes: (await merged).writes };
    }
    await written();
    const digests = 'tablesOnly' in result ? result.tablesOnly : undefined;
    const changed = BACKUP_TABLES.find((table) => {
      const read = digests?.[table];
      const listed = manifest.tables[table];
      return !read || read.sha256 !== listed.sha256 || read.bytes !== listed.bytes || read.count !== listed.count;
    });
    if (changed) throw new BackupError('备份文件已损坏或在校验之后被改动，未做任何更改。请重新选择备份文件。', `table ${changed} differs from the manifest`);
    // The stored rows the file does not have, after the last row of each table.
    for (const merge of merges.values()) await merge.finish();
    onProgress?.({ unit: 'rows', done: total, total, step: '写入数据' });
    // A snapshot that fails its check or cannot be stored throws here (SnapshotFailed), before
    // anything is committed.
    if (snapshot?.keeping) await Dexie.waitFor(snapshot.keeping, SNAPSHOT_WAIT_MS);
    await mergeAttachments(db, verified.attachments);
    const last = await db.auditLog.orderBy('seq').last();
    const at = new Date().toISOString();
    const entry: AuditEntry = sealEntry(
      {
        at,
        operator: note.operator,
        table: 'database',
        recordId: 'all',
        action: 'restore',
        changes: { restoredFrom: [null, note.source], backupCreatedAt: [null, note.backupCreatedAt] },
      },
      last?.hash,
    );
    await db.auditLog.add(entry);
  });
}

/**
 * The current data could not be kept as a snapshot, so the restore stopped before changing
 * anything. When the current data itself is damaged (a scan's bytes lost, a malformed row), this
 * is exactly when a restore is needed: the clerk may then restore without a snapshot.
 */
export class SnapshotFailed extends LedgerError {}

/** Why a snapshot could not be made, as the clerk reads it. */
function snapshotRefused(reason: string, detail: string): SnapshotFailed {
  const why = reason.replace(/[。.]$/, '') || '当前数据可能已损坏';
  return new SnapshotFailed(`当前数据无法保存为快照（${why}），已停止恢复，当前数据未做任何更改。`, detail);
}

/**
 * Writes a complete backup of the current data for a snapshot into a spool of its own, in the
 * snapshots' folder where the browser has a private file system (the file the snapshot keeps),
 * inside the caller's transaction (the scans' bytes are read with Dexie.waitFor, which keeps it
 * open). Throws SnapshotFailed when the current data cannot be written (e.g. a scan's bytes are
 * lost, or the disk is full).
 */
async function writeSnapshot(db: LedgerDb, appVersion: string, onProgress?: (progress: WorkProgress) => void): Promise<{ spool: Spool; prefixes: BackupStream['prefixes'] }> {
  const spool = await Dexie.waitFor(openSpool('snapshot', snapshotFolder));
  try {
    const stream = await backupStream(db, { appVersion, spool, ...(onProgress && { onProgress: (progress: WorkProgress) => onProgress({ ...progress, step: '保存当前数据的快照' }) }) });
    const chunks = stream.chunks[Symbol.asyncIterator]();
    for (;;) {
      const next = await Dexie.waitFor(chunks.next());
      if (next.done) break;
      spool.write(next.value);
    }
    await Dexie.waitFor(spool.drained());
    return { spool, prefixes: stream.prefixes };
  } catch (error) {
    // Kept open for the removal while it can be; the transaction is rolled back either way.
    const discarding = spool.discard();
    try {
      await Dexie.waitFor(discarding);
    } catch {
      await discarding;
    }
    throw snapshotRefused(error instanceof BackupError ? error.reason : error instanceof LedgerError ? error.message : '', describe(error));
  }
}

/**
 * Checks a written snapshot by its hashes (its whole-file hash computed by `closingHashOf`, on
 * another thread, when given) and stores it: its file stays where it was written (the
 * database lists it), or its Blob goes into the database. Throws SnapshotFailed (and so stops a
 * restore) when it does not check out or cannot be stored, e.g. because the disk is full; the
 * spool is then removed.
 */
async function keepSnapshot(sdb: SnapshotDb, spool: Spool, reason: string, closingHashOf?: (file: Blob) => Promise<string>): Promise<Snapshot> {
  let kept = false;
  try {
    let blob: Blob;
    try {
      blob = await spool.finish();
    } catch (error) {
      throw snapshotRefused(error instanceof BackupError ? error.reason : '', describe(error));
    }
    const check = await checkBackupIntegrity(blobChunks(blob), closingHashOf ? { closingHash: () => closingHashOf(blob) } : {});
    if (!check.ok) throw snapshotRefused(check.reason, check.detail);
    const snapshot: Snapshot = { id: newId(), createdAt: new Date().toISOString(), reason, counts: check.counts, bytes: blob.size, ...(spool.name === undefined ? { blob } : { file: spool.name }) };
    try {
      await saveSnapshot(sdb, snapshot);
    } catch (error) {
      throw new SnapshotFailed(
        '无法保存当前数据的快照（可能磁盘空间不足），已停止恢复，当前数据未做任何更改。请清理磁盘空间，或先手动备份当前数据后再试。',
        describe(error),
      );
    }
    kept = true;
    return snapshot;
  } finally {
    if (!kept) await spool.discard();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** A verified file's summary, and the verdict on its audit log's hash chain (checked page by page). */
export type InspectOutcome = ({ ok: true; chain: ChainVerdict } & BackupSummary) | BackupFailure;

/**
 * Reads and verifies a whole backup file for the restore's preview, page by page: changes
 * nothing and keeps nothing but the summary. Never throws.
 */
export async function inspectBackup(
  file: BackupFile,
  options: { passphrase?: string; onProgress?: (progress: WorkProgress) => void; closingHash?: () => Promise<string> } = {},
): Promise<InspectOutcome> {
  const chain = new ChainVerifier();
  const size = file instanceof Uint8Array ? file.length : file.size;
  try {
    const pages = readPages(bytesOf(file), {
      ...(options.passphrase && { passphrase: options.passphrase }),
      ...(options.closingHash && { closingHash: options.closingHash }),
      // The whole-file hash proves every byte; the restore that may follow reads the file again
      // with every part's hash and parses every table, inside its transaction. Only the audit log
      // is parsed here, for its chain (two thirds of a large file's bytes): a file whose other
      // rows do not pass the checks is refused by that transaction, which changes nothing.
      partHashes: false,
      rows: 'audit',
      ...(options.onProgress && { onProgress: (done: number) => options.onProgress?.({ unit: 'bytes', done, total: size }) }),
    });
    for (;;) {
      const next = await pages.next();
      if (next.done) {
        if (!('manifest' in next.value)) throw new Error('the read ended after the tables');
        return { ...next.value, chain: chain.verdict() };
      }
      if (next.value.kind === 'rows' && next.value.table === 'auditLog') {
        chain.add(next.value.rows as unknown as AuditEntry[]);
      }
    }
  } catch (error) {
    return describeFailure(error);
  }
}

/** What a restore's first read established: the file's summary, and its scans (stored by now) and their rows. */
type FirstRead = { ok: true; summary: BackupSummary; measured: ReadonlyMap<string, MeasuredScan>; attachmentRows: readonly Row[] };

/**
 * A restore's first read: the whole file verified by its hashes, and each scan's bytes the
 * current data lacks stored in scanBytes under the hash measured from them, a scan per
 * transaction. Only what the reader measured is kept while the file streams in (no scan stays
 * referenced, and in memory, until the read ends), and the replace writes no bytes.
 */
async function firstRead(
  db: LedgerDb,
  file: BackupFile,
  options: { passphrase?: string; withoutSnapshot?: boolean; onProgress?: (progress: WorkProgress) => void; closingHash?: () => Promise<string> },
): Promise<FirstRead | BackupFailure> {
  const measured = new Map<string, MeasuredScan>();
  const attachmentRows: Row[] = [];
  const size = file instanceof Uint8Array ? file.length : file.size;
  try {
    // Checked by hashes only: the rows are parsed and checked once, as they are added, inside
    // the transaction that any refusal rolls back. The whole-file hash proves every byte here;
    // the tables' own hashes are measured by the second read, which compares them with the
    // manifest before anything commits (a JavaScript SHA-256 pass over the tables saved), and
    // each scan's, which it is stored under, here.
    const pages = readPages(bytesOf(file), {
      ...(options.passphrase && { passphrase: options.passphrase }),
      ...(options.closingHash && { closingHash: options.closingHash }),
      rows: 'hash',
      partHashes: 'attachments',
      attachmentBytes: true,
      ...(options.onProgress && { onProgress: (done: number) => options.onProgress?.({ unit: 'bytes', done, total: size, step: '校验备份文件' }) }),
    });
    for (;;) {
      const next = await pages.next();
      if (next.done) {
        if (!('manifest' in next.value)) throw new Error('the read ended after the tables');
        return { ok: true, summary: next.value, measured, attachmentRows };
      }
      const event = next.value;
      if (event.kind !== 'attachment') {
        if (event.kind === 'rows' && event.table === 'attachments') attachmentRows.push(...event.rows);
        continue;
      }
      const { id, bytes, sha256 } = event.attachment;
      measured.set(id, { size: bytes.length, sha256 });
      // Bytes the current data holds already are not stored again, unless there is no
      // snapshot: the snapshot reads the bytes of every current row and checks them against
      // it before the replace commits, and without one the stored bytes are not to be trusted
      // (they may be why the clerk restores). Storing them again under their hash replaces
      // damaged bytes with the file's and changes nothing else.
      if (!options.withoutSnapshot && (await heldScanBytes(db, sha256, bytes.length))) continue;
      try {
        await putScanBytes(db, sha256, new Blob([bytes]));
      } catch (error) {
        throw new BackupError('无法暂存备份中的扫描件（可能磁盘空间不足），未做任何更改。请清理磁盘空间后再试。', describe(error));
      }
    }
  } catch (error) {
    return describeFailure(error);
  }
}

export type RestoreOutcome = { ok: true; counts: BackupCounts } | { ok: false; reason: string; detail: string; snapshotFailed?: true };

/**
 * Restores a backup file: reads it once, front to back, verifying it by its hashes and storing
 * each scan's bytes the current data lacks in scanBytes as it comes, a scan per transaction
 * (memory stays flat however large the file is); only when the whole file has verified are the
 * scans checked against their rows, and a snapshot of the current data kept and every table
 * replaced in one transaction that parses and checks the rows page by page (those it does not
 * already hold) and writes no bytes. Never
 * throws; a refusal or failure changes nothing the ledger shows (the snapshot just taken is
 * dropped again), and the bytes no row names afterwards are removed.
 */
export async function restoreBackupFile(
  db: LedgerDb,
  sdb: SnapshotDb,
  file: BackupFile,
  options: {
    source: string;
    appVersion: string;
    passphrase?: string;
    /** Replace the data without keeping a snapshot first (only after a SnapshotFailed, confirmed by the clerk). */
    withoutSnapshot?: boolean;
    /** Called as the file is verified (bytes), and as the rows are added (rows). */
    onProgress?: (progress: WorkProgress) => void;
    /** The first read's whole-file hash, computed elsewhere (see ReadOptions.closingHash). */
    closingHash?: () => Promise<string>;
    /** The snapshot's whole-file hash for its check, computed elsewhere (the replace reads and hashes meanwhile). */
    snapshotClosingHash?: (file: Blob) => Promise<string>;
    /**
     * What the preview's read of this very file established (inspectBackup, with the same
     * passphrase): a file without scans is then not read a first time. Its tables are still read,
     * hashed and checked against this manifest inside the transaction before anything commits, so
     * what is restored is what the preview verified.
     */
    previewed?: BackupSummary;
  },
): Promise<RestoreOutcome> {
  try {
    // A file without scans, verified whole by the preview, has nothing to store beforehand.
    const previewed = options.previewed?.manifest.attachments.length === 0 ? options.previewed : undefined;
    const read = previewed ? ({ ok: true, summary: previewed, measured: new Map(), attachmentRows: [] } satisfies FirstRead) : await firstRead(db, file, options);
    if (!read.ok) return read;
    const { summary, measured, attachmentRows } = read;
    const attachments = planAttachments(attachmentRows, measured);
    upgradeRows({ attachments: attachments as unknown as Row[] }, summary.manifest.dbVersion, CURRENT_VERSION);
    // The snapshot is written first inside the replace's transaction; its check and storing go
    // on while the replace begins, which commits only once the snapshot is stored.
    const snapshot: SnapshotPlan | undefined = options.withoutSnapshot
      ? undefined
      : { sdb, appVersion: options.appVersion, reason: `恢复“${options.source}”之前`, ...(options.snapshotClosingHash && { closingHashOf: options.snapshotClosingHash }) };
    const operator = (await db.settings.get('main'))?.operatorName ?? '';
    try {
      const source = options.withoutSnapshot ? `${options.source}（未保存恢复前快照）` : options.source;
      await replaceAllData(db, file, options.passphrase, { summary, attachments }, { source, backupCreatedAt: summary.manifest.createdAt, operator }, snapshot, options.onProgress);
    } catch (error) {
      // The data is as it was, so the snapshot just taken holds nothing new; earlier ones all stay.
      const kept = await snapshot?.keeping?.catch(() => undefined);
      if (kept) await deleteSnapshots(sdb, [kept.id]).catch(() => undefined);
      if (error instanceof LedgerError) throw error;
      if (error instanceof BackupError) throw new LedgerError(error.reason, error.detail);
      throw new LedgerError('恢复失败，当前数据保持原样，未做任何更改。若提示磁盘空间不足，请清理空间后再试。', describe(error));
    }
    await trimSnapshots(sdb).catch((error: unknown) => console.warn('[backup] could not remove old snapshots', error));
    return { ok: true, counts: summary.counts };
  } catch (error) {
    if (error instanceof SnapshotFailed) return { ok: false, reason: error.message, detail: error.detail ?? '', snapshotFailed: true };
    if (error instanceof LedgerError) return { ok: false, reason: error.message, detail: error.detail ?? '' };
    return { ok: false, reason: '恢复失败，当前数据保持原样，未做任何更改。', detail: describe(error) };
  } finally {
    // Bytes the file brought that no row names now (a refused or failed restore), and those of
    // the rows the restore removed.
    await sweepScanBytes(db).catch((error: unknown) => console.warn('[backup] could not remove unused scan bytes', error));
  }
}
