// The bytes of the scans (signed copies), stored once by their SHA-256 in the table scanBytes,
// apart from the attachment rows that describe them (schema version 5).
//
// Why apart: Chromium reads into memory the bytes of every Blob a transaction stores when it
// commits (1 GB of scans in one transaction held its browser process at 1,051 MB, from 235 MB).
// A restore must replace the rows in ONE transaction to stay all-or-nothing; with the bytes apart,
// it stores them beforehand in small transactions of their own, and its one transaction writes
// only rows. Storing bytes under their own hash never changes what any row means (the same key is
// always the same bytes), so bytes stored by a restore that then fails only take space until
// sweepScanBytes removes them.
//
// Rows written before version 5 hold their Blob themselves (`blob`); they are read as they are,
// and a restore stores their bytes here (the rows it writes never hold a Blob).
import type { LedgerDb, ScanBytes, StoredAttachment } from './schema';

/** Keys looked up in scanBytes per read. */
const LOOKUP_KEYS = 500;
/** Orphaned bytes removed per transaction (deletes only: no bytes are read into memory). */
const SWEEP_KEYS = 200;

/** The Blob an attachment row's bytes are in (undefined when they are lost), typed as the row says. */
export async function scanBlob(db: LedgerDb, row: StoredAttachment): Promise<Blob | undefined> {
  return (await scanBlobs(db, [row]))[0];
}

/**
 * The Blobs of attachment rows, in their order (undefined where the bytes are lost or are not
 * the row's size). Inside a transaction, it must include scanBytes.
 */
export async function scanBlobs(db: LedgerDb, rows: readonly StoredAttachment[]): Promise<(Blob | undefined)[]> {
  const found = await storedBytes(db, rows.filter((row) => !(row.blob instanceof Blob)).map((row) => row.sha256));
  return rows.map((row) => {
    const blob = row.blob instanceof Blob ? row.blob : found.get(row.sha256)?.blob;
    return blob && blob.size === row.size ? typed(blob, row.mimeType) : undefined;
  });
}

/** The stored bytes under these hashes, read a page of keys at a time. */
async function storedBytes(db: LedgerDb, sha256s: readonly string[]): Promise<Map<string, ScanBytes>> {
  const wanted = [...new Set(sha256s)];
  const found = new Map<string, ScanBytes>();
  for (let i = 0; i < wanted.length; i += LOOKUP_KEYS) {
    for (const entry of await db.scanBytes.bulkGet(wanted.slice(i, i + LOOKUP_KEYS))) if (entry) found.set(entry.sha256, entry);
  }
  return found;
}

/** Stored bytes of this size (as recorded and as the Blob holds them). */
function ofSize(entry: ScanBytes | undefined, size: number): entry is ScanBytes {
  return entry !== undefined && entry.size === size && entry.blob.size === size;
}

/** Wrapping a Blob in a Blob copies no bytes; it gives a scan its content type. */
function typed(blob: Blob, mimeType: unknown): Blob {
  const type = typeof mimeType === 'string' ? mimeType : '';
  return blob.type === type ? blob : new Blob([blob], { type });
}

/** Stores bytes under their SHA-256 (computed from these very bytes by the caller). */
export async function putScanBytes(db: LedgerDb, sha256: string, blob: Blob): Promise<void> {
  await db.scanBytes.put({ sha256, size: blob.size, blob });
}

/**
 * Whether the current data holds these bytes where a snapshot checks them: stored under this
 * hash with this size, and the bytes of a current row (a row with no Blob of its own and this
 * hash), so the snapshot before a restore reads them and checks them against that row.
 */
export async function heldScanBytes(db: LedgerDb, sha256: string, size: number): Promise<boolean> {
  if (!ofSize(await db.scanBytes.get(sha256), size)) return false;
  const row = await db.attachments.where('sha256').equals(sha256).filter((r) => !(r.blob instanceof Blob) && r.size === size).first();
  return row !== undefined;
}

/**
 * The hashes among `wanted` whose bytes are not stored with the given size (inside a
 * transaction that includes scanBytes).
 */
export async function missingScanBytes(db: LedgerDb, wanted: readonly { sha256: string; size: number }[]): Promise<string[]> {
  const found = await storedBytes(db, wanted.map((w) => w.sha256));
  return wanted.filter((w) => !ofSize(found.get(w.sha256), w.size)).map((w) => w.sha256);
}

/**
 * Removes the stored bytes no attachment row names (left by a restore that failed, or by the rows
 * a restore removed), in small transactions, each checking again that no row names them.
 * Returns how many were removed.
 */
export async function sweepScanBytes(db: LedgerDb): Promise<number> {
  const named = new Set(await db.attachments.orderBy('sha256').uniqueKeys());
  const stored = await db.scanBytes.toCollection().primaryKeys();
  const orphans = stored.filter((sha256) => !named.has(sha256));
  let removed = 0;
  for (let i = 0; i < orphans.length; i += SWEEP_KEYS) {
    await db.transaction('rw', [db.attachments, db.scanBytes], async () => {
      for (const sha256 of orphans.slice(i, i + SWEEP_KEYS)) {
        if ((await db.attachments.where('sha256').equals(sha256).count()) > 0) continue;
        await db.scanBytes.delete(sha256);
        removed++;
      }
    });
  }
  return removed;
}
