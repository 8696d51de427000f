// Backups written from the database page by page, and restores that add the rows page by page
// inside one transaction (issue 15): a round trip across several pages, and restores interrupted
// half-way that must leave the current data exactly as it was.
import 'fake-indexeddb/auto';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readBackup, verifyBackup } from '../../../shared/backup/backup-reader';
import { writeBackup } from '../../../shared/backup/backup-writer';
import { collectBytes } from '../../../shared/backup/byte-reader';
import { BACKUP_TABLES, type BackupTable } from '../../../shared/backup/format';
import { PAGE_ROWS } from '../../../shared/backup/json-pages';
import { verifyChain } from '../../../shared/audit/hash-chain';
import { backupInputFromDb, backupStream, inspectBackup, restoreBackupFile, type WorkProgress } from '../../../renderer/db/backup';
import { createRecord, saveSettings } from '../../../renderer/db/repository';
import { LedgerDb } from '../../../renderer/db/schema';
import { SnapshotDb, listSnapshots } from '../../../renderer/db/snapshots';
import { memorySpool } from '../../../renderer/bridge/spool';
import { closingHashOf } from '../../../renderer/features/backup/closing-hash';
import { PRESET_PROFILES } from '../../../shared/profiles/presets';
import type { Unit } from '../../../shared/domain/unit';
import { logReads } from './read-log';

let n = 0;
let db: LedgerDb;
let sdb: SnapshotDb;

beforeEach(async () => {
  n += 1;
  db = new LedgerDb(`backup-paged-${n}`);
  sdb = new SnapshotDb(`backup-paged-snapshots-${n}`);
  await Promise.all([db.open(), sdb.open()]);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all([db.delete(), sdb.delete()]);
});

const REVIEWS = PAGE_ROWS * 2 + 5;
const AT = '2025-03-01T08:00:00.000Z';

/** A ledger with more reviews than two pages, an audit log and settings. */
async function fillLarge(target: LedgerDb, title: string): Promise<void> {
  await saveSettings(target, { institutionName: '东湖示范大学', profileId: PRESET_PROFILES[0]!.id, profile: PRESET_PROFILES[0]!, operatorName: '王𠮷' });
  await createRecord<Unit>(target, 'units', { name: title, kind: '直属单位' });
  await target.table('reviews').bulkAdd(Array.from({ length: REVIEWS }, (_, i) => ({ id: `r${String(i).padStart(5, '0')}`, createdAt: AT, updatedAt: AT, title: `${title}第${i}期` })));
}

async function dump(source: LedgerDb): Promise<Record<BackupTable, unknown[]>> {
  const out = {} as Record<BackupTable, unknown[]>;
  for (const table of BACKUP_TABLES) out[table] = await source.table(table).toArray();
  return out;
}

async function streamed(source: LedgerDb, passphrase?: string, onProgress?: (progress: WorkProgress) => void): Promise<Uint8Array> {
  const stream = await backupStream(source, { appVersion: '0.1.0-test', ...(passphrase && { passphrase }), ...(onProgress && { onProgress }) });
  return collectBytes(stream.chunks);
}

/**
 * A backup of a large ledger, then another large ledger in its place (the database opened anew):
 * the file to restore, and the current data a failed restore must leave exactly as it is.
 */
async function backupThenOther(passphrase?: string): Promise<{ file: Uint8Array; before: Record<BackupTable, unknown[]> }> {
  await fillLarge(db, '备份里的数据');
  const file = await streamed(db, passphrase);
  await db.delete();
  db = new LedgerDb(db.name);
  await db.open();
  await fillLarge(db, '当前数据');
  return { file, before: await dump(db) };
}

/** Each frame of a plain backup file: its type, name and the byte ranges of its chunks. */
function frames(file: Uint8Array): { type: string; name: string; chunks: [number, number][] }[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const out: ReturnType<typeof frames> = [];
  // After "MLBK" and the format version; up to the end frame.
  for (let at = 6; file[at] !== 'Z'.charCodeAt(0); ) {
    const type = String.fromCharCode(file[at]!);
    const nameLength = view.getUint16(at + 1);
    const name = new TextDecoder().decode(file.subarray(at + 3, at + 3 + nameLength));
    at += 3 + nameLength;
    const chunks: [number, number][] = [];
    for (let length = view.getUint32(at); length > 0; length = view.getUint32(at)) {
      chunks.push([at + 4, at + 4 + length]);
      at += 4 + length;
    }
    at += 4;
    out.push({ type, name, chunks });
  }
  return out;
}

/** Replaces `from` with `to` (as long) in the manifest, after `after`, and makes the closing checksum fit. */
function refitManifest(file: Uint8Array, from: string, to: string, after: string): void {
  expect(to).toHaveLength(from.length);
  const [[start, end]] = frames(file).find((f) => f.type === 'M')!.chunks as [[number, number]];
  const manifest = Buffer.from(file.subarray(start, end));
  const at = manifest.indexOf(from, manifest.indexOf(after));
  expect(manifest.indexOf(after)).toBeGreaterThan(0);
  expect(at).toBeGreaterThan(0);
  file.set(new TextEncoder().encode(to), start + at);
  file.set(sha256(file.subarray(0, file.length - 32)), file.length - 32);
}

/**
 * A crafted file: the first `needle` in one table's bytes is changed in place by `change`, and the
 * table's checksum in the manifest and the closing checksum are computed again to fit, as only
 * someone meaning to pass the checks would.
 */
function craft(file: Uint8Array, table: BackupTable, needle: string, change: (file: Uint8Array, at: number) => void): void {
  const chunks = () => frames(file).find((f) => f.type === 'T' && f.name === table)!.chunks;
  const tableHash = () => {
    const hash = sha256.create();
    for (const [from, to] of chunks()) hash.update(file.subarray(from, to));
    return bytesToHex(hash.digest());
  };
  const before = tableHash();
  const at = chunks()
    .map(([from, to]) => [from, Buffer.from(file.subarray(from, to)).indexOf(needle)] as const)
    .find(([, i]) => i >= 0);
  expect(at).toBeDefined();
  change(file, at![0] + at![1]);
  const after = tableHash();
  expect(after).not.toBe(before);
  refitManifest(file, before, after, `"${table}":`);
}

describe('paged backup and restore', () => {
  it('writes tables larger than a page exactly as a whole-table backup does, and restores them', async () => {
    await fillLarge(db, '旧数据');
    const before = await dump(db);
    const progress: WorkProgress[] = [];
    const file = await streamed(db, undefined, (p) => progress.push(p));
    const rowsTotal = BACKUP_TABLES.reduce((sum, table) => sum + before[table].length, 0);
    expect(progress.at(-1)).toEqual({ unit: 'rows', done: rowsTotal, total: rowsTotal });
    expect(progress.length).toBeGreaterThan(3);

    const paged = await readBackup(file);
    const whole = await readBackup(await collectBytes(writeBackup(await backupInputFromDb(db, '0.1.0-test'))));
    expect(paged.ok && whole.ok).toBe(true);
    if (!paged.ok || !whole.ok) return;
    expect(paged.manifest.tables).toEqual(whole.manifest.tables);

    await db.delete();
    db = new LedgerDb(db.name);
    await db.open();
    const inspected = await inspectBackup(file);
    expect(inspected).toMatchObject({ ok: true, counts: { reviews: REVIEWS }, chain: { ok: true } });
    const restoring: WorkProgress[] = [];
    const outcome = await restoreBackupFile(db, sdb, file, { source: 'large.mlbackup', appVersion: 't', onProgress: (p) => restoring.push(p) });
    expect(outcome).toMatchObject({ ok: true, counts: { reviews: REVIEWS } });
    // Every page is counted once its add has answered, the last one too.
    const written = restoring.filter((p) => p.step === '写入数据');
    const rowsWritten = rowsTotal - before.attachments.length;
    expect(written.at(-1)).toEqual({ unit: 'rows', done: rowsWritten, total: rowsTotal, step: '写入数据' });
    const after = await dump(db);
    expect({ ...after, auditLog: after.auditLog.slice(0, -1) }).toEqual(before);
    expect(verifyChain(await db.auditLog.orderBy('seq').toArray())).toMatchObject({ ok: true });
  });

  it('over the data the file was made of, reads each stored row once (for the snapshot) and writes only its audit entry', async () => {
    await fillLarge(db, '旧数据');
    const file = await streamed(db);
    const before = await dump(db);
    // The same database, its reads recorded.
    db.close();
    db = new LedgerDb(db.name);
    const reads = logReads(db);
    await db.open();
    const put = vi.spyOn(db.table('reviews'), 'bulkPut');
    const outcome = await restoreBackupFile(db, sdb, file, { source: 'same.mlbackup', appVersion: 't' });
    expect(outcome).toMatchObject({ ok: true, counts: { reviews: REVIEWS } });
    expect(put).not.toHaveBeenCalled();
    // The snapshot reads every row; the file's pages all begin their tables as the snapshot's do,
    // so the replace reads none of them again (the audit log's last entry, to chain the restore's).
    const read = (table: BackupTable) => reads.records.get(table)?.length ?? 0;
    expect([read('reviews'), read('units'), read('auditLog')]).toEqual([REVIEWS, 1, before.auditLog.length + 1]);
    const after = await dump(db);
    expect({ ...after, auditLog: after.auditLog.slice(0, -1) }).toEqual(before);
    expect(after.auditLog.at(-1)).toMatchObject({ action: 'restore' });
    expect(await listSnapshots(sdb)).toHaveLength(1);
  });

  it('over data changed since the backup, compares the stored rows from the first changed page on and gives back the file exactly', async () => {
    await fillLarge(db, '旧数据');
    const file = await streamed(db);
    const before = await dump(db);
    // After the backup: a review on the second page renamed, one on the third deleted, one added
    // after them all, a unit added (and with it an audit entry).
    const reviews = db.table('reviews');
    await reviews.update('r02500', { title: '改过的标题' });
    await reviews.delete('r04002');
    await reviews.add({ id: 'r99999', createdAt: AT, updatedAt: AT, title: '新加的' });
    await createRecord<Unit>(db, 'units', { name: '后加的单位', kind: '直属单位' });
    const stored = await reviews.count();
    db.close();
    db = new LedgerDb(db.name);
    const reads = logReads(db);
    await db.open();
    const outcome = await restoreBackupFile(db, sdb, file, { source: 'older.mlbackup', appVersion: 't' });
    expect(outcome).toMatchObject({ ok: true });
    // The first page of reviews is known from the snapshot; the stored rows of the other two
    // (r02000–r04004, one of them deleted since) are read and compared.
    expect(reads.records.get('reviews')?.length).toBe(stored + REVIEWS - PAGE_ROWS - 1);
    const after = await dump(db);
    expect({ ...after, auditLog: after.auditLog.slice(0, -1) }).toEqual(before);
    expect(verifyChain(await db.auditLog.orderBy('seq').toArray())).toMatchObject({ ok: true });
  });

  it('writes the table frames into the caller\'s spool (a snapshot\'s) and streams only what follows them', async () => {
    await fillLarge(db, '旧数据');
    // A scan, so the parts after the tables (attachment frames, manifest, closing hash) are there too.
    const scan = new Uint8Array(70_000).map((_, i) => i % 251);
    await db.attachments.add({ id: 'scan-1', ownerId: 'x', name: '签字件.pdf', mimeType: 'application/pdf', size: scan.length, sha256: bytesToHex(sha256(scan)), createdAt: AT, updatedAt: AT, blob: new Blob([scan]) });
    const spool = memorySpool();
    let spooled = 0;
    const write = spool.write.bind(spool);
    spool.write = (bytes) => {
      spooled += bytes.length;
      write(bytes);
    };
    const stream = await backupStream(db, { appVersion: '0.1.0-test', spool });
    // Every table is in the spool before the stream is read; the stream holds the scan and the end.
    const framesBytes = spooled;
    expect(framesBytes).toBeGreaterThan(REVIEWS * 100);
    let streamed = 0;
    for await (const chunk of stream.chunks) {
      streamed += chunk.length;
      spool.write(chunk);
    }
    expect(streamed).toBeGreaterThan(scan.length);
    expect(streamed).toBeLessThan(scan.length + 10_000);
    const file = new Uint8Array(await (await spool.finish()).arrayBuffer());
    expect(file.length).toBe(framesBytes + streamed);
    const read = await readBackup(file);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.tables.reviews).toEqual(await db.reviews.toArray());
    expect(read.attachments.get('scan-1')).toEqual(scan);
    // A sealed backup is never written into the caller's spool.
    await expect(backupStream(db, { appVersion: '0.1.0-test', passphrase: '口令 long enough', spool: memorySpool() })).rejects.toThrow(/sealed/);
  });

  it('a restore that fails after some pages of a table were written leaves the current data exactly as it was', async () => {
    const { file, before } = await backupThenOther('paged-口令-2026');

    const reviews = db.table('reviews');
    const bulkPut = reviews.bulkPut.bind(reviews);
    let calls = 0;
    vi.spyOn(reviews, 'bulkPut').mockImplementation(((rows: readonly unknown[]) => {
      calls += 1;
      if (calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return bulkPut(rows as never);
    }) as typeof reviews.bulkPut);
    const outcome = await restoreBackupFile(db, sdb, file, { source: 'large.mlbackup', appVersion: 't', passphrase: 'paged-口令-2026' });
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringContaining('恢复失败，当前数据保持原样') });
    expect(calls).toBe(2);
    vi.restoreAllMocks();
    expect(await dump(db)).toEqual(before);
    expect(await listSnapshots(sdb)).toHaveLength(0);
    expect(await db.scanBytes.count()).toBe(0);
  });

  it('a write that fails only after the next page was read (the last page of a table) rolls everything back', async () => {
    const { file, before } = await backupThenOther();

    // Each page is written while the next is read: the write of the reviews' last page fails in
    // the database, answered after the reader has moved on to the next table.
    const reviews = db.table('reviews');
    const bulkPut = reviews.bulkPut.bind(reviews);
    const pages: number[] = [];
    vi.spyOn(reviews, 'bulkPut').mockImplementation(((rows: readonly Record<string, unknown>[]) => {
      pages.push(rows.length);
      // The database refuses one row of it (a row without its key): an error the database
      // answers with, after the reader has gone on.
      return bulkPut((rows.length < PAGE_ROWS ? [...rows, { ...rows[0], id: undefined }] : rows) as never);
    }) as typeof reviews.bulkPut);
    const progress: WorkProgress[] = [];
    const outcome = await restoreBackupFile(db, sdb, file, { source: 'large.mlbackup', appVersion: 't', onProgress: (p) => progress.push(p) });
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringContaining('恢复失败，当前数据保持原样') });
    expect(pages).toEqual([PAGE_ROWS, PAGE_ROWS, REVIEWS - 2 * PAGE_ROWS]);
    // No page is counted as written before its write answered.
    const written = progress.filter((p) => p.step === '写入数据').map((p) => p.done);
    expect(Math.max(0, ...written)).toBeLessThan(REVIEWS);
    vi.restoreAllMocks();
    expect(await dump(db)).toEqual(before);
    expect(await listSnapshots(sdb)).toHaveLength(0);
  });

  it('the replace begins while the snapshot is stored, and a snapshot that cannot be stored rolls it back', async () => {
    const { file, before } = await backupThenOther();

    // Storing the snapshot fails (a full disk), but only once the replace has written rows.
    const reviews = db.table('reviews');
    const bulkPut = reviews.bulkPut.bind(reviews);
    let replaceBegun!: () => void;
    const begun = new Promise<void>((resolve) => (replaceBegun = resolve));
    let addedBeforeRefusal = 0;
    vi.spyOn(reviews, 'bulkPut').mockImplementation(((rows: readonly unknown[]) => {
      replaceBegun();
      return bulkPut(rows as never);
    }) as typeof reviews.bulkPut);
    vi.spyOn(sdb.snapshots, 'add').mockImplementation((async () => {
      await Promise.race([begun, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      addedBeforeRefusal = vi.mocked(reviews.bulkPut).mock.calls.length;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }) as unknown as typeof sdb.snapshots.add);
    const outcome = await restoreBackupFile(db, sdb, file, { source: 'large.mlbackup', appVersion: 't' });
    expect(outcome).toMatchObject({ ok: false, snapshotFailed: true, reason: expect.stringContaining('无法保存当前数据的快照') });
    expect(addedBeforeRefusal).toBeGreaterThan(0);
    vi.restoreAllMocks();
    expect(await dump(db)).toEqual(before);
    expect(await listSnapshots(sdb)).toHaveLength(0);
  });

  it('a file changed between its verification and the replace is refused, and nothing changes', async () => {
    const { file, before } = await backupThenOther();

    // After the file verified, as the replace's transaction begins (before the file is read
    // again), one review's title in the file changes.
    const at = Buffer.from(file).indexOf(Buffer.from('第2500期'));
    expect(at).toBeGreaterThan(0);
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => unknown;
    vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) => {
      if (args[0] === 'rw') file[at + 3] = '9'.charCodeAt(0);
      return transaction(...args);
    }) as typeof db.transaction);
    const outcome = await restoreBackupFile(db, sdb, file, { source: 'large.mlbackup', appVersion: 't' });
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringContaining('在校验之后被改动') });
    vi.restoreAllMocks();
    expect(await dump(db)).toEqual(before);
    expect(await listSnapshots(sdb)).toHaveLength(0);
  });

  it('the snapshot is checked by the whole-file hash computed elsewhere: a wrong one stops the restore, the right one lets it through', async () => {
    const { file, before } = await backupThenOther();
    const asked: number[] = [];
    const wrong = await restoreBackupFile(db, sdb, file.slice(), {
      source: 'large.mlbackup',
      appVersion: 't',
      snapshotClosingHash: async (blob) => (asked.push(blob.size), '0'.repeat(64)),
    });
    expect(wrong).toMatchObject({ ok: false, snapshotFailed: true });
    expect(asked).toHaveLength(1);
    expect(await dump(db)).toEqual(before);
    expect(await listSnapshots(sdb)).toHaveLength(0);

    const right = await restoreBackupFile(db, sdb, file, { source: 'large.mlbackup', appVersion: 't', snapshotClosingHash: (blob) => (asked.push(blob.size), closingHashOf(blob)) });
    expect(right).toMatchObject({ ok: true });
    expect(asked).toHaveLength(2);
    expect((await listSnapshots(sdb))[0]?.bytes).toBe(asked[1]);
  });

  it('the preview parses only the audit log: a crafted file with a duplicate review passes it, and the restore refuses it and changes nothing', async () => {
    const { file, before } = await backupThenOther();
    craft(file, 'reviews', '"id":"r00001"', (bytes, at) => {
      bytes[at + '"id":"r0000'.length] = '0'.charCodeAt(0);
    });
    // The whole-file hash and the audit chain hold; the reviews' rows are left to the restore.
    expect(await inspectBackup(file)).toMatchObject({ ok: true, counts: { reviews: REVIEWS }, chain: { ok: true } });
    // A file from elsewhere checked whole (npm run verify-backup) is refused at once.
    expect(await verifyBackup(file)).toMatchObject({ ok: false, detail: expect.stringContaining('duplicate id r00000') });
    const outcome = await restoreBackupFile(db, sdb, file, { source: 'crafted.mlbackup', appVersion: 't' });
    expect(outcome).toMatchObject({ ok: false, detail: expect.stringContaining('duplicate id r00000') });
    expect(await dump(db)).toEqual(before);
    expect(await listSnapshots(sdb)).toHaveLength(0);
  });

  it("the preview lists the manifest's counts of the tables it does not parse: a crafted count is refused by the restore, and nothing changes", async () => {
    const { file, before } = await backupThenOther();
    refitManifest(file, `"count":${REVIEWS}`, `"count":${REVIEWS - 1}`, '"reviews":');
    expect(await inspectBackup(file)).toMatchObject({ ok: true, counts: { reviews: REVIEWS - 1 }, chain: { ok: true } });
    const outcome = await restoreBackupFile(db, sdb, file, { source: 'crafted.mlbackup', appVersion: 't' });
    expect(outcome).toMatchObject({ ok: false, detail: 'table reviews differs from the manifest' });
    expect(await dump(db)).toEqual(before);
    expect(await listSnapshots(sdb)).toHaveLength(0);
  });

  it('the preview still parses and checks the audit log: a crafted file with a changed entry fails its chain', async () => {
    const { file } = await backupThenOther();
    craft(file, 'auditLog', '"at":"', (bytes, at) => {
      // The first entry's time, a second later or earlier (YYYY-MM-DDTHH:MM:SS: the last digit).
      const digit = at + '"at":"'.length + 18;
      bytes[digit] = bytes[digit] === '0'.charCodeAt(0) ? '1'.charCodeAt(0) : '0'.charCodeAt(0);
    });
    expect(await inspectBackup(file)).toMatchObject({ ok: true, chain: { ok: false, brokenAt: 1 } });
  });

  it('a table that differs from its checksum in the manifest is refused even when the closing checksum was made to fit, and nothing changes', async () => {
    const { file, before } = await backupThenOther();
    // One review's title changed, and the whole-file checksum computed again over the changed
    // bytes: the first read (whole-file hash only for the tables) passes; the second, which
    // hashes each table and compares it with the manifest, must refuse it.
    const at = Buffer.from(file).indexOf(Buffer.from('第2500期'));
    expect(at).toBeGreaterThan(0);
    file[at + 3] = '9'.charCodeAt(0);
    file.set(sha256(file.subarray(0, file.length - 32)), file.length - 32);
    const outcome = await restoreBackupFile(db, sdb, file, { source: 'crafted.mlbackup', appVersion: 't' });
    // Refused by the second read (the first one's refusal says 校验和不符).
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringContaining('在校验之后被改动') });
    expect(await dump(db)).toEqual(before);
    expect(await listSnapshots(sdb)).toHaveLength(0);
  });
});
