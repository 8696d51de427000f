// Snapshots of the data taken right before a restore replaces it, so the clerk can undo the
// restore; and the staging table where a restore keeps the scans' bytes while it reads a file. Each snapshot is a complete backup file (shared/backup format) kept as a Blob in a
// small database of its own: restoring a backup never touches it, and restoring a snapshot is
// the same verified path as restoring any backup file.
import { Dexie, type EntityTable } from 'dexie';
import type { BackupCounts } from '@shared/backup/format';

export const SNAPSHOT_DB_NAME = 'media-ledger-snapshots';
/** How many snapshots are kept; older ones are removed when a new one is saved. */
export const SNAPSHOTS_KEPT = 3;

export interface Snapshot {
  id: string;
  /** ISO date-time the snapshot was taken. */
  createdAt: string;
  /** Why it was taken, for the clerk (e.g. 恢复备份“…”之前). */
  reason: string;
  counts: BackupCounts;
  bytes: number;
  blob: Blob;
}

export type SnapshotInfo = Omit<Snapshot, 'blob'>;

/** A restore's attachment bytes, held here (not in memory) until the whole file has verified. */
export interface StagedBlob {
  id: string;
  blob: Blob;
}

export class SnapshotDb extends Dexie {
  snapshots!: EntityTable<Snapshot, 'id'>;
  staging!: EntityTable<StagedBlob, 'id'>;

  constructor(name: string = SNAPSHOT_DB_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({ snapshots: 'id, createdAt', staging: 'id' });
  }
}

/** Stores a snapshot. The oldest are removed by trimSnapshots, only once a restore has succeeded. */
export async function saveSnapshot(sdb: SnapshotDb, snapshot: Snapshot): Promise<void> {
  await sdb.snapshots.add(snapshot);
}

/**
 * Keeps the newest SNAPSHOTS_KEPT snapshots. Called after a successful restore only: trimming
 * before it could delete the very snapshot being restored, and a failed restore must leave every
 * earlier snapshot where it was.
 */
export async function trimSnapshots(sdb: SnapshotDb): Promise<void> {
  await sdb.transaction('rw', sdb.snapshots, async () => {
    const all = await sdb.snapshots.orderBy('createdAt').reverse().primaryKeys();
    const extra = all.slice(SNAPSHOTS_KEPT);
    if (extra.length > 0) await sdb.snapshots.bulkDelete(extra);
  });
}

/** Snapshots newest first, without their bytes. */
export async function listSnapshots(sdb: SnapshotDb): Promise<SnapshotInfo[]> {
  const all = await sdb.snapshots.orderBy('createdAt').reverse().toArray();
  return all.map(({ blob: _blob, ...info }) => info);
}
