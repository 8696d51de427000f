// Snapshots of the data taken right before a restore replaces it, so the clerk can undo the
// restore.
// Each snapshot is a complete backup file (shared/backup format), listed in a small database of
// its own: restoring a backup never touches it, and restoring a snapshot is the same verified
// path as restoring any backup file. The file itself is kept in a folder of the browser's private
// file system where there is one (written there as it is made, ../bridge/spool.ts, so it is never
// whole in memory), else as a Blob in the database.
import { Dexie, type EntityTable } from 'dexie';
import type { BackupCounts } from '@shared/backup/format';
import { privateFolder, sweepSpools, type SpoolFolder } from '../bridge/spool';
import { LedgerError } from './repository';

export const SNAPSHOT_DB_NAME = 'media-ledger-snapshots';
/** How many snapshots are kept; older ones are removed when a new one is saved. */
export const SNAPSHOTS_KEPT = 3;
/** Folder of the private file system holding the snapshots' files. */
export const SNAPSHOT_FOLDER = 'snapshots';

/** The snapshots' folder of the private file system (undefined where there is none). */
export const snapshotFolder: () => Promise<SpoolFolder | undefined> = privateFolder(SNAPSHOT_FOLDER);

export interface Snapshot {
  id: string;
  /** ISO date-time the snapshot was taken. */
  createdAt: string;
  /** Why it was taken, for the clerk (e.g. 恢复备份“…”之前). */
  reason: string;
  counts: BackupCounts;
  bytes: number;
  /** The backup file, kept in this database (where there is no private file system). */
  blob?: Blob;
  /** Or the name of the file holding it in SNAPSHOT_FOLDER. */
  file?: string;
}

export type SnapshotInfo = Omit<Snapshot, 'blob' | 'file'>;

export class SnapshotDb extends Dexie {
  snapshots!: EntityTable<Snapshot, 'id'>;

  constructor(name: string = SNAPSHOT_DB_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({ snapshots: 'id, createdAt', staging: 'id' });
    // Version 2: a restore stores the scans' bytes in the ledger's own scanBytes (./scan-bytes.ts),
    // no longer in a staging table here.
    this.version(2).stores({ staging: null });
  }
}

/** Stores a snapshot (its file, if any, already written). The oldest are removed by trimSnapshots, only once a restore has succeeded. */
export async function saveSnapshot(sdb: SnapshotDb, snapshot: Snapshot): Promise<void> {
  await sdb.snapshots.add(snapshot);
}

/** The snapshot's backup file. Throws a LedgerError when its file is gone. */
export async function snapshotFile(snapshot: Snapshot, folderOf: () => Promise<SpoolFolder | undefined> = snapshotFolder): Promise<Blob> {
  if (snapshot.blob) return snapshot.blob;
  try {
    const folder = await folderOf();
    if (!folder || snapshot.file === undefined) throw new Error('no file');
    return await (await folder.getFileHandle(snapshot.file)).getFile();
  } catch (error) {
    throw new LedgerError('此快照的文件已不存在（可能浏览器的网站数据被清除过），无法使用。', `snapshot ${snapshot.id} file ${String(snapshot.file)}: ${String(error)}`);
  }
}

async function removeFiles(names: readonly string[], folderOf: () => Promise<SpoolFolder | undefined>): Promise<void> {
  if (names.length === 0) return;
  const folder = await folderOf().catch(() => undefined);
  for (const name of names) await folder?.removeEntry(name).catch((error: unknown) => console.warn('[snapshots] could not remove', name, error));
}

/** Removes snapshots and their files (the rows first: a file without a row is swept later). */
export async function deleteSnapshots(sdb: SnapshotDb, ids: readonly string[], folderOf: () => Promise<SpoolFolder | undefined> = snapshotFolder): Promise<void> {
  const rows = (await sdb.snapshots.bulkGet([...ids])).filter((row): row is Snapshot => row !== undefined);
  await sdb.snapshots.bulkDelete([...ids]);
  await removeFiles(rows.flatMap((row) => (row.file === undefined ? [] : [row.file])), folderOf);
}

/**
 * Keeps the newest SNAPSHOTS_KEPT snapshots, and removes the files no snapshot lists (a restore
 * that stopped half-way) once they are older than a day. Called after a successful restore only:
 * trimming before it could delete the very snapshot being restored, and a failed restore must
 * leave every earlier snapshot where it was.
 */
export async function trimSnapshots(sdb: SnapshotDb, folderOf: () => Promise<SpoolFolder | undefined> = snapshotFolder, now: number = Date.now()): Promise<void> {
  const extra = (await sdb.snapshots.orderBy('createdAt').reverse().primaryKeys()).slice(SNAPSHOTS_KEPT);
  if (extra.length > 0) await deleteSnapshots(sdb, extra, folderOf);
  const folder = await folderOf().catch(() => undefined);
  if (!folder) return;
  const listed = new Set((await sdb.snapshots.toArray()).flatMap((row) => (row.file === undefined ? [] : [row.file])));
  await sweepSpools(folder, now, (name) => listed.has(name));
}

/** Snapshots newest first, without their bytes. */
export async function listSnapshots(sdb: SnapshotDb): Promise<SnapshotInfo[]> {
  const all = await sdb.snapshots.orderBy('createdAt').reverse().toArray();
  return all.map(({ blob: _blob, file: _file, ...info }) => info);
}
