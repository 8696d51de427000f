// Backups of the whole database and restores from them (issue: data safety).
//
// A backup reads every table in one read transaction (a consistent picture even while the clerk
// keeps working) and streams the attachments' bytes one at a time into shared/backup's writer.
// A restore first verifies the whole file (shared/backup readBackup: checksums, counts, format
// version, shapes), then cross-checks every attachment's bytes against its row, keeps a snapshot
// of the current data (./snapshots.ts) and finally replaces every table in ONE read-write
// transaction: if anything fails half-way (a full disk, a refused row), IndexedDB rolls the whole
// transaction back and the current data stays exactly as it was.
import { sealEntry } from '@shared/audit/hash-chain';
import type { AuditEntry } from '@shared/domain/audit';
import { BACKUP_TABLES, BackupError, type BackupBytes, type BackupCounts, type BackupTable } from '@shared/backup/format';
import type { AttachmentSource, BackupInput } from '@shared/backup/backup-writer';
import { streamBackup, verifyBackup } from '@shared/backup/backup-reader';
import { writeBackup } from '@shared/backup/backup-writer';
import { newId } from '@shared/domain/ids';
import type { Row } from '@shared/backup/rows';
import { blobChunks } from '../bridge/blob-chunks';
import { LedgerError } from './repository';
import { CURRENT_VERSION, type LedgerDb, type StoredAttachment } from './schema';
import { upgradeRows } from './upgrades';
import { saveSnapshot, trimSnapshots, type Snapshot, type SnapshotDb } from './snapshots';

function tablesOf(db: LedgerDb) {
  return BACKUP_TABLES.map((name) => db.table(name));
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
 * Everything the backup writer needs, read in one consistent snapshot. The attachment rows keep
 * their Blob handles; the bytes are read slice by slice only when the writer reaches them.
 */
export async function backupInputFromDb(db: LedgerDb, appVersion: string, createdAt?: string): Promise<BackupInput & { attachmentBytes: number }> {
  const tables = {} as Record<BackupTable, object[]>;
  await db.transaction('r', tablesOf(db), async () => {
    for (const table of BACKUP_TABLES) tables[table] = (await db.table(table).toArray()) as object[];
  });
  const stored = tables.attachments as StoredAttachment[];
  const attachmentBytes = stored.reduce((sum, row) => sum + (row.blob?.size ?? 0), 0);
  const missing = stored.find((row) => !(row.blob instanceof Blob));
  if (missing) throw new LedgerError(`附件“${missing.name}”的文件内容缺失，无法生成完整的备份。`, `attachment ${missing.id} has no blob`);
  async function* attachments(): AsyncGenerator<AttachmentSource> {
    for (const row of stored) yield { id: row.id, data: blobChunks(row.blob) };
  }
  return { appVersion, dbVersion: CURRENT_VERSION, ...(createdAt !== undefined && { createdAt }), tables, attachments: attachments(), attachmentBytes };
}

/** An attachment's bytes as staged during a restore, with what the reader measured of them. */
export interface StagedAttachment {
  size: number;
  sha256: string;
  blob: Blob;
}

/** What a verified backup holds, checked against the app's own rules before anything is replaced. */
export interface RestorePlan {
  tables: Record<BackupTable, Row[]>;
  attachments: StoredAttachment[];
}

const REFUSED = '备份文件与其中记录的附件信息不一致，不能恢复。当前数据未做任何更改。';

/**
 * Pairs every attachment row with its staged bytes, checking once more that they are the bytes the
 * row describes (the reader already refused a file where they differ; this holds the staging to
 * it), and gives rows of an older database version the upgrades the stored data got. The format
 * reader has checked everything else a restore relies on (shared/backup/rows.ts checkRestorable,
 * a newer dbVersion refused). Returns the rows ready to store, or throws a LedgerError.
 */
export function planRestore(tables: Record<BackupTable, Row[]>, staged: ReadonlyMap<string, StagedAttachment>, dbVersion: number): RestorePlan {
  const attachments: StoredAttachment[] = tables.attachments.map((row) => {
    const bytes = staged.get(row.id as string);
    if (!bytes) throw new LedgerError(REFUSED, `attachment ${String(row.id)} has no bytes`);
    if (row.size !== bytes.size) throw new LedgerError(REFUSED, `attachment ${String(row.id)}: row size ${String(row.size)}, bytes ${bytes.size}`);
    if (row.sha256 !== bytes.sha256) throw new LedgerError(REFUSED, `attachment ${String(row.id)}: row sha256 differs from the bytes`);
    // Wrapping a Blob in a Blob copies no bytes; it gives the stored scan its content type again.
    const mimeType = typeof row.mimeType === 'string' ? row.mimeType : '';
    const blob = bytes.blob.type === mimeType ? bytes.blob : new Blob([bytes.blob], { type: mimeType });
    return { ...(row as unknown as StoredAttachment), blob };
  });
  upgradeRows(tables, dbVersion, CURRENT_VERSION);
  return { tables, attachments };
}

export interface RestoreNote {
  /** Shown in the audit log: which file (or snapshot) the data came from. */
  source: string;
  /** When the backup was made (manifest createdAt). */
  backupCreatedAt: string;
  operator: string;
}

/**
 * Replaces every table with the plan's rows in one transaction, then appends one audit entry
 * (chained to the restored log) saying that and from where the data was restored.
 */
export async function replaceAllData(db: LedgerDb, plan: RestorePlan, note: RestoreNote): Promise<void> {
  await db.transaction('rw', tablesOf(db), async () => {
    for (const table of BACKUP_TABLES) {
      await db.table(table).clear();
      const rows = table === 'attachments' ? plan.attachments : plan.tables[table];
      if (rows.length > 0) await db.table(table).bulkAdd(rows);
    }
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

/**
 * Saves a complete, verified backup of the current data as a snapshot. Throws SnapshotFailed (and
 * so stops a restore) when the snapshot cannot be made or stored, e.g. because the disk is full.
 */
export async function takeSnapshot(db: LedgerDb, sdb: SnapshotDb, reason: string, appVersion: string): Promise<Snapshot> {
  const parts: Blob[] = [];
  let check: Awaited<ReturnType<typeof verifyBackup>>;
  try {
    const input = await backupInputFromDb(db, appVersion);
    for await (const chunk of writeBackup(input)) parts.push(new Blob([chunk.slice()]));
    check = await verifyBackup(blobChunks(new Blob(parts)));
  } catch (error) {
    const reason = error instanceof BackupError ? error.reason : error instanceof LedgerError ? error.message : '';
    check = { ok: false, reason, detail: describe(error) };
  }
  if (!check.ok) {
    const why = check.reason.replace(/[。.]$/, '') || '当前数据可能已损坏';
    throw new SnapshotFailed(`当前数据无法保存为快照（${why}），已停止恢复，当前数据未做任何更改。`, check.detail);
  }
  const blob = new Blob(parts);
  const snapshot: Snapshot = { id: newId(), createdAt: new Date().toISOString(), reason, counts: check.counts, bytes: blob.size, blob };
  try {
    await saveSnapshot(sdb, snapshot);
  } catch (error) {
    throw new SnapshotFailed(
      '无法保存当前数据的快照（可能磁盘空间不足），已停止恢复，当前数据未做任何更改。请清理磁盘空间，或先手动备份当前数据后再试。',
      describe(error),
    );
  }
  return snapshot;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export type RestoreOutcome = { ok: true; counts: BackupCounts } | { ok: false; reason: string; detail: string; snapshotFailed?: true };

/**
 * Restores a backup file: reads it once, front to back, staging each attachment's bytes as a Blob
 * in the snapshot database as it comes (memory stays flat however large the scans are); only when
 * the whole file has verified are the rows checked, a snapshot of the current data kept, and every
 * table replaced in one transaction. Never throws; a refusal or failure changes nothing, and the
 * staged bytes are always dropped.
 */
export async function restoreBackupFile(
  db: LedgerDb,
  sdb: SnapshotDb,
  file: BackupBytes,
  options: {
    source: string;
    appVersion: string;
    passphrase?: string;
    /** Replace the data without keeping a snapshot first (only after a SnapshotFailed, confirmed by the clerk). */
    withoutSnapshot?: boolean;
  },
): Promise<RestoreOutcome> {
  // Only what the reader measured is kept while the file streams in; the bytes themselves go to
  // the staging table at once, so no scan stays referenced (and in memory) until the read ends.
  const measured = new Map<string, { size: number; sha256: string }>();
  try {
    await sdb.staging.clear();
    const read = await streamBackup(file, {
      ...(options.passphrase && { passphrase: options.passphrase }),
      onAttachment: async ({ id, bytes, sha256 }) => {
        try {
          await sdb.staging.put({ id, blob: new Blob([bytes]) });
        } catch (error) {
          throw new BackupError('无法暂存备份中的扫描件（可能磁盘空间不足），未做任何更改。请清理磁盘空间后再试。', describe(error));
        }
        measured.set(id, { size: bytes.length, sha256 });
      },
    });
    if (!read.ok) return read;
    // Blob handles read back from the staging table: the bytes stay in the browser's blob store.
    const staged = new Map<string, StagedAttachment>();
    for (const row of await sdb.staging.toArray()) {
      const entry = measured.get(row.id);
      if (entry) staged.set(row.id, { ...entry, blob: row.blob });
    }
    const plan = planRestore(read.tables, staged, read.manifest.dbVersion);
    const snapshot = options.withoutSnapshot ? undefined : await takeSnapshot(db, sdb, `恢复“${options.source}”之前`, options.appVersion);
    const operator = (await db.settings.get('main'))?.operatorName ?? '';
    try {
      const source = options.withoutSnapshot ? `${options.source}（未保存恢复前快照）` : options.source;
      await replaceAllData(db, plan, { source, backupCreatedAt: read.manifest.createdAt, operator });
    } catch (error) {
      // The data is as it was, so the snapshot just taken holds nothing new; earlier ones all stay.
      if (snapshot) await sdb.snapshots.delete(snapshot.id).catch(() => undefined);
      if (error instanceof LedgerError) throw error;
      throw new LedgerError('恢复失败，当前数据保持原样，未做任何更改。若提示磁盘空间不足，请清理空间后再试。', describe(error));
    }
    await trimSnapshots(sdb).catch((error: unknown) => console.warn('[backup] could not remove old snapshots', error));
    return { ok: true, counts: read.counts };
  } catch (error) {
    if (error instanceof SnapshotFailed) return { ok: false, reason: error.message, detail: error.detail ?? '', snapshotFailed: true };
    if (error instanceof LedgerError) return { ok: false, reason: error.message, detail: error.detail ?? '' };
    return { ok: false, reason: '恢复失败，当前数据保持原样，未做任何更改。', detail: describe(error) };
  } finally {
    await sdb.staging.clear().catch((error: unknown) => console.warn('[backup] could not clear the staged scans', error));
  }
}
