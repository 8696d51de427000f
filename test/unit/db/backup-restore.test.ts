// Backup → wipe → restore of a random database with attachments, and the ways a restore must
// refuse while leaving the current data exactly as it was.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeBackup } from '../../../shared/backup/backup-writer';
import { collectBytes } from '../../../shared/backup/byte-reader';
import { BACKUP_TABLES, type BackupTable } from '../../../shared/backup/format';
import { verifyChain } from '../../../shared/audit/hash-chain';
import { backupInputFromDb, countTables, inspectBackup, restoreBackupFile } from '../../../renderer/db/backup';
import { CURRENT_VERSION, LedgerDb, type StoredAttachment } from '../../../renderer/db/schema';
import { scanBlob } from '../../../renderer/db/scan-bytes';
import { RECORD_TABLES } from '../../../shared/domain/tables';
import { createRecord, saveSettings } from '../../../renderer/db/repository';
import { SnapshotDb, SNAPSHOT_FOLDER, SNAPSHOTS_KEPT, listSnapshots, snapshotFile } from '../../../renderer/db/snapshots';
import { fakeFolder } from '../backup/fake-private-folder';
import { PRESET_PROFILES } from '../../../shared/profiles/presets';
import type { Unit } from '../../../shared/domain/unit';

let n = 0;
let db: LedgerDb;
let sdb: SnapshotDb;

beforeEach(async () => {
  n += 1;
  db = new LedgerDb(`backup-restore-${n}`);
  sdb = new SnapshotDb(`backup-restore-snapshots-${n}`);
  await Promise.all([db.open(), sdb.open()]);
});

afterEach(async () => {
  await Promise.all([db.delete(), sdb.delete()]);
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function backupBytes(source: LedgerDb, passphrase?: string): Promise<Uint8Array> {
  const input = await backupInputFromDb(source, '0.1.0-test');
  return collectBytes(writeBackup(input, passphrase ? { passphrase } : {}));
}

/**
 * Every table's rows as stored, attachments with their bytes' SHA-256 and type instead of the
 * Blob (wherever the row's bytes are stored).
 */
async function dump(source: LedgerDb): Promise<Record<BackupTable, unknown[]>> {
  const out = {} as Record<BackupTable, unknown[]>;
  for (const table of BACKUP_TABLES) {
    const rows = await source.table(table).toArray();
    out[table] =
      table === 'attachments'
        ? await Promise.all(
            (rows as StoredAttachment[]).map(async (row) => {
              const { blob: _own, ...meta } = row;
              const blob = await scanBlob(source, row);
              return { ...meta, bytesSha256: blob && sha256(new Uint8Array(await blob.arrayBuffer())), blobType: blob?.type };
            }),
          )
        : rows;
  }
  return out;
}

/** The hashes scanBytes holds bytes under, sorted. */
async function storedBytes(source: LedgerDb): Promise<string[]> {
  return (await source.scanBytes.toCollection().primaryKeys()).sort();
}

// Random rows: strings with CJK, rare characters beyond the BMP and control characters; nested
// values; soft-deleted rows. No undefined or -0 (JSON cannot carry them; the app never stores them).
const text = fc.string({ unit: fc.constantFrom('学', '院', '𠮷', '堃', 'a', 'Z', '"', '\\', '\n', '\u0000', '🎓', ' '), maxLength: 20 });
const recordArb = fc.record({
  name: text,
  count: fc.integer({ min: -1e9, max: 1e9 }),
  flag: fc.boolean(),
  tags: fc.array(text, { maxLength: 3 }),
  nested: fc.record({ a: fc.option(text, { nil: null }), b: fc.array(fc.integer(), { maxLength: 3 }) }),
  deleted: fc.boolean(),
});
const attachmentArb = fc.record({ name: text, bytes: fc.uint8Array({ maxLength: 70_000 }), mimeType: fc.constantFrom('application/pdf', 'image/png', 'image/jpeg') });
const databaseArb = fc.record({
  tables: fc.tuple(...RECORD_TABLES.filter((t) => t !== 'attachments').map(() => fc.array(recordArb, { maxLength: 6 }))),
  attachments: fc.array(attachmentArb, { maxLength: 4 }),
  auditEntries: fc.array(text, { maxLength: 5 }),
  institution: text,
});
type RandomDatabase = typeof databaseArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * Writes `data` into `target`: each scan's bytes in scanBytes, or with `legacy` inside its row (as
 * rows written before version 5 hold them).
 */
async function fill(target: LedgerDb, data: RandomDatabase, legacy = false): Promise<void> {
  const tables = RECORD_TABLES.filter((t) => t !== 'attachments');
  await target.transaction('rw', [...BACKUP_TABLES.map((t) => target.table(t)), target.scanBytes], async () => {
    for (const [i, table] of tables.entries()) {
      const rows = (data.tables[i] ?? []).map((r, j) => ({
        id: `${table}-${j}`,
        createdAt: '2025-03-01T08:00:00.000Z',
        updatedAt: '2025-03-02T08:00:00.000Z',
        name: r.name,
        count: r.count,
        flag: r.flag,
        tags: r.tags,
        nested: r.nested,
        ...(r.deleted && { deletedAt: '2025-04-01T08:00:00.000Z' }),
      }));
      await target.table(table).bulkAdd(rows);
    }
    const scans = data.attachments.map((a, j) => ({
      row: { id: `att-${j}`, createdAt: '2025-03-01T08:00:00.000Z', updatedAt: '2025-03-01T08:00:00.000Z', name: a.name, mimeType: a.mimeType, size: a.bytes.length, sha256: sha256(a.bytes), ownerTable: 'printouts', ownerId: 'printouts-0' },
      blob: new Blob([a.bytes.slice()], { type: a.mimeType }),
    }));
    if (legacy) await target.attachments.bulkAdd(scans.map(({ row, blob }): StoredAttachment => ({ ...row, blob })));
    else {
      await target.attachments.bulkAdd(scans.map(({ row }) => row));
      await target.scanBytes.bulkPut(scans.map(({ row, blob }) => ({ sha256: row.sha256, size: row.size, blob })));
    }
    await target.settings.put({ id: 'main', institutionName: data.institution, profileId: PRESET_PROFILES[0]!.id, profile: PRESET_PROFILES[0]!, operatorName: '王𠮷', updatedAt: '2025-03-01T08:00:00.000Z' });
  });
  for (const name of data.auditEntries) await createRecord<Unit>(target, 'units', { name, kind: '直属单位' });
}

async function restoreFrom(bytes: Uint8Array, passphrase?: string): Promise<void> {
  const outcome = await restoreBackupFile(db, sdb, bytes, { source: 'test.mlbackup', appVersion: '0.1.0-test', ...(passphrase && { passphrase }) });
  if (!outcome.ok) throw new Error(`${outcome.reason} ${outcome.detail}`);
}

/** A scan of 5,000 bytes that `seed` tells apart. */
const scan = (name: string, seed: number) => ({ name, bytes: new Uint8Array(5000).map((_, i) => (i * seed) & 0xff), mimeType: 'application/pdf' as const });

/** The database deleted and created again, empty. */
async function emptyDb(): Promise<void> {
  await db.delete();
  db = new LedgerDb(db.name);
  await db.open();
}

/** A new database filled with `data`: its tables as stored, and its backup. */
async function backedUp(data: RandomDatabase, legacy = false): Promise<{ before: Record<BackupTable, unknown[]>; bytes: Uint8Array }> {
  await emptyDb();
  await fill(db, data, legacy);
  return { before: await dump(db), bytes: await backupBytes(db) };
}

/** The settings and a unit 旧单位, backed up (the bytes returned); then a unit 新单位 added. */
async function backedUpThenChanged(): Promise<Uint8Array> {
  await saveSettings(db, { institutionName: '东湖示范大学', profileId: PRESET_PROFILES[0]!.id, profile: PRESET_PROFILES[0]!, operatorName: '王𠮷' });
  await createRecord<Unit>(db, 'units', { name: '旧单位', kind: '直属单位' });
  const old = await backupBytes(db);
  await createRecord<Unit>(db, 'units', { name: '新单位', kind: '直属单位' });
  return old;
}

describe('backup → wipe → restore', () => {
  it('gives back every table and every attachment byte for byte (random databases)', async () => {
    await fc.assert(
      fc.asyncProperty(databaseArb, fc.boolean(), async (data, legacy) => {
        const { before, bytes } = await backedUp(data, legacy);

        // Wipe: the database is deleted and created again, empty.
        await emptyDb();
        expect(Object.values(await countTables(db)).every((c) => c === 0)).toBe(true);

        await restoreFrom(bytes);
        const after = await dump(db);
        const restoredLog = after.auditLog as { action: string; table: string; changes: Record<string, unknown> }[];
        // Everything equal; the audit log has one more entry saying where the data came from.
        expect({ ...after, auditLog: restoredLog.slice(0, -1) }).toEqual(before);
        expect(restoredLog.at(-1)).toMatchObject({ table: 'database', action: 'restore', changes: { restoredFrom: [null, 'test.mlbackup'] } });
        expect(verifyChain(await db.auditLog.orderBy('seq').toArray())).toMatchObject({ ok: true });
        // The rows hold no bytes; scanBytes holds exactly the bytes they name.
        expect((await db.attachments.toArray()).filter((row) => row.blob !== undefined)).toEqual([]);
        expect(await storedBytes(db)).toEqual([...new Set(data.attachments.map((a) => sha256(a.bytes)))].sort());
      }),
      { numRuns: 12 },
    );
  });

  it('over other data, leaves exactly the rows of the backup and writes only those that differ (random databases)', async () => {
    await fc.assert(
      fc.asyncProperty(databaseArb, databaseArb, fc.boolean(), async (data, current, legacy) => {
        const { before, bytes } = await backedUp(data);

        // Other data in its place: the same ids (table-0, table-1, …) with other contents, fewer
        // or more rows; its scans as version 5 stores them or as earlier versions did.
        await emptyDb();
        await fill(db, current, legacy);

        await restoreFrom(bytes);
        const after = await dump(db);
        expect({ ...after, auditLog: after.auditLog.slice(0, -1) }).toEqual(before);
        expect(verifyChain(await db.auditLog.orderBy('seq').toArray())).toMatchObject({ ok: true });
        // The bytes of the scans the restore removed are gone too.
        expect(await storedBytes(db)).toEqual([...new Set(data.attachments.map((a) => sha256(a.bytes)))].sort());

        // Restored again over itself, only the restore's own audit entry differs from the file;
        // no scan's bytes or row is written again.
        const units = db.table('units');
        const put = vi.spyOn(units, 'bulkPut');
        const rowsPut = vi.spyOn(db.table('attachments'), 'bulkPut');
        const bytesPut = vi.spyOn(db.scanBytes, 'put');
        await restoreFrom(bytes);
        expect(put).not.toHaveBeenCalled();
        expect(rowsPut).not.toHaveBeenCalled();
        expect(bytesPut).not.toHaveBeenCalled();
        vi.restoreAllMocks();
      }),
      { numRuns: 12 },
    );
  });

  it('keeps the stored scans that hold the file\'s bytes, stores the others\' bytes, and with no snapshot stores them all', async () => {
    const data: RandomDatabase = { tables: RECORD_TABLES.filter((t) => t !== 'attachments').map(() => []) as never, attachments: [scan('甲.pdf', 3), scan('乙.pdf', 5), scan('丙.pdf', 7)], auditEntries: [], institution: '东湖示范大学' };
    const { before, bytes } = await backedUp(data);
    // The current data: att-1 has other bytes, att-2 another name (the same bytes), att-3 is not in the file.
    await emptyDb();
    await fill(db, { ...data, attachments: [scan('甲.pdf', 3), scan('乙.pdf', 11), scan('丙-改名.pdf', 7), scan('丁.pdf', 13)] });
    const bytesPut = vi.spyOn(db.scanBytes, 'put');
    const rowsPut = vi.spyOn(db.table('attachments'), 'bulkPut');
    await restoreFrom(bytes);
    const after = await dump(db);
    expect({ ...after, auditLog: after.auditLog.slice(0, -1) }).toEqual(before);
    expect(bytesPut.mock.calls.map(([entry]) => entry.sha256)).toEqual([sha256(scan('乙.pdf', 5).bytes)]);
    expect(rowsPut.mock.calls.flatMap(([rows]) => rows.map((row) => row.id))).toEqual(['att-1', 'att-2']);
    // The bytes of 乙 as it was and of 丁 (no row names them now) are removed.
    expect(await storedBytes(db)).toEqual(data.attachments.map((a) => sha256(a.bytes)).sort());

    // Without a snapshot the stored bytes are not trusted: every scan's bytes are stored again
    // (under their own hash: nothing else changes), and the rows, equal now, are not written.
    bytesPut.mockClear();
    rowsPut.mockClear();
    const outcome = await restoreBackupFile(db, sdb, bytes, { source: 'test.mlbackup', appVersion: '0.1.0-test', withoutSnapshot: true });
    expect(outcome).toMatchObject({ ok: true });
    expect(bytesPut.mock.calls.map(([entry]) => entry.sha256)).toEqual(data.attachments.map((a) => sha256(a.bytes)));
    expect(rowsPut).not.toHaveBeenCalled();
    const again = await dump(db);
    expect({ ...again, auditLog: again.auditLog.slice(0, -2) }).toEqual(before);
  });

  it('stores every scan\'s bytes before the replace, a transaction each, and the replace writes rows only', async () => {
    const data: RandomDatabase = { tables: RECORD_TABLES.filter((t) => t !== 'attachments').map(() => []) as never, attachments: [scan('甲.pdf', 3), scan('乙.pdf', 5), scan('丙.pdf', 7)], auditEntries: ['宣传部'], institution: '东湖示范大学' };
    const { before, bytes } = await backedUp(data);
    await emptyDb();
    const steps: string[] = [];
    const put = db.scanBytes.put.bind(db.scanBytes);
    vi.spyOn(db.scanBytes, 'put').mockImplementation(((entry: { sha256: string }) => {
      // Each in a transaction of its own, outside the restore's.
      steps.push(`bytes ${Dexie.currentTransaction ? 'in a transaction' : 'alone'}`);
      return put(entry as never);
    }) as never);
    db.attachments.hook('creating', (_key, row) => {
      steps.push(`row ${'blob' in row ? 'with bytes' : 'without bytes'}`);
    });
    const outcome = await restoreBackupFile(db, sdb, bytes, { source: 'test.mlbackup', appVersion: '0.1.0-test', onProgress: (p) => p.step === '写入数据' && steps.at(-1) !== 'replace' && steps.push('replace') });
    vi.restoreAllMocks();
    expect(outcome).toMatchObject({ ok: true });
    expect(steps).toEqual(['bytes alone', 'bytes alone', 'bytes alone', 'replace', 'row without bytes', 'row without bytes', 'row without bytes']);
    const after = await dump(db);
    expect({ ...after, auditLog: after.auditLog.slice(0, -1) }).toEqual(before);
  });

  it('a stored scan whose bytes no longer match its row is never kept: the snapshot refuses it, and a restore without one stores the file\'s', async () => {
    const data: RandomDatabase = { tables: RECORD_TABLES.filter((t) => t !== 'attachments').map(() => []) as never, attachments: [scan('甲.pdf', 3)], auditEntries: [], institution: '东湖示范大学' };
    const { before, bytes } = await backedUp(data);
    // The stored bytes are damaged (same size), the row still names the good ones.
    const good = sha256(scan('甲.pdf', 3).bytes);
    await db.scanBytes.put({ sha256: good, size: 5000, blob: new Blob([new Uint8Array(5000).fill(1)]) });
    const refused = await restoreBackupFile(db, sdb, bytes, { source: 'test.mlbackup', appVersion: '0.1.0-test' });
    expect(refused).toMatchObject({ ok: false, snapshotFailed: true });
    const forced = await restoreBackupFile(db, sdb, bytes, { source: 'test.mlbackup', appVersion: '0.1.0-test', withoutSnapshot: true });
    expect(forced).toMatchObject({ ok: true });
    expect((await dump(db)).attachments).toEqual(before.attachments);
  });

  it('stored bytes cut short under a scan\'s hash are not kept: the restore stores the file\'s', async () => {
    const data: RandomDatabase = { tables: RECORD_TABLES.filter((t) => t !== 'attachments').map(() => []) as never, attachments: [scan('甲.pdf', 3)], auditEntries: [], institution: '东湖示范大学' };
    const { before, bytes } = await backedUp(data);
    const good = scan('甲.pdf', 3).bytes;
    await db.scanBytes.put({ sha256: sha256(good), size: good.length, blob: new Blob([good.slice(0, 100)]) });
    await restoreFrom(bytes);
    expect((await dump(db)).attachments).toEqual(before.attachments);
  });

  it('bytes the replace needs that are gone when it runs stop the restore, and nothing changes', async () => {
    const data: RandomDatabase = { tables: RECORD_TABLES.filter((t) => t !== 'attachments').map(() => []) as never, attachments: [scan('甲.pdf', 3), scan('乙.pdf', 5)], auditEntries: [], institution: '东湖示范大学' };
    const { bytes } = await backedUp(data);
    await db.attachments.delete('att-1');
    // While att-1's bytes are stored (att-0's were found held and kept), att-0 becomes another
    // scan and the bytes it held are removed.
    const other = new Uint8Array(5000).fill(9);
    const put = db.scanBytes.put.bind(db.scanBytes);
    vi.spyOn(db.scanBytes, 'put').mockImplementation((async (entry: never) => {
      await db.transaction('rw', db.attachments, db.scanBytes, async () => {
        await db.attachments.update('att-0', { size: other.length, sha256: sha256(other) });
        await put({ sha256: sha256(other), size: other.length, blob: new Blob([other]) });
        await db.scanBytes.delete(sha256(scan('甲.pdf', 3).bytes));
      });
      return put(entry);
    }) as never);
    const outcome = await restoreBackupFile(db, sdb, bytes, { source: 'test.mlbackup', appVersion: '0.1.0-test' });
    vi.restoreAllMocks();
    const current = await dump(db);
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringContaining('恢复期间当前数据中的扫描件被改动') });
    expect(current.attachments).toEqual([expect.objectContaining({ id: 'att-0', bytesSha256: sha256(other) })]);
    expect(await listSnapshots(sdb)).toHaveLength(0);
    // att-1's bytes, stored for the restore, are removed again.
    expect(await storedBytes(db)).toEqual([sha256(other)]);
  });

  it('scans stored as version 4 stored them are read, backed up and shown, and a restore moves their bytes out of the rows', async () => {
    const data: RandomDatabase = { tables: RECORD_TABLES.filter((t) => t !== 'attachments').map(() => []) as never, attachments: [scan('甲.pdf', 3), scan('乙.pdf', 5)], auditEntries: [], institution: '东湖示范大学' };
    const { before, bytes } = await backedUp(data, true);
    expect(await storedBytes(db)).toEqual([]);
    const shown = await scanBlob(db, (await db.attachments.get('att-0'))!);
    expect(shown?.type).toBe('application/pdf');
    expect(sha256(new Uint8Array(await shown!.arrayBuffer()))).toBe(sha256(scan('甲.pdf', 3).bytes));
    await restoreFrom(bytes);
    const after = await dump(db);
    expect({ ...after, auditLog: after.auditLog.slice(0, -1) }).toEqual(before);
    expect((await db.attachments.toArray()).map((row) => row.blob)).toEqual([undefined, undefined]);
    expect(await storedBytes(db)).toEqual(data.attachments.map((a) => sha256(a.bytes)).sort());
  });

  it('bytes that only a version 4 row names (which the snapshot does not read) are not trusted', async () => {
    const data: RandomDatabase = { tables: RECORD_TABLES.filter((t) => t !== 'attachments').map(() => []) as never, attachments: [scan('甲.pdf', 3)], auditEntries: [], institution: '东湖示范大学' };
    const { before, bytes } = await backedUp(data, true);
    // Damaged bytes of the same size under its hash, which no row without a Blob names.
    await db.scanBytes.put({ sha256: sha256(scan('甲.pdf', 3).bytes), size: 5000, blob: new Blob([new Uint8Array(5000).fill(1)]) });
    await restoreFrom(bytes);
    expect((await dump(db)).attachments).toEqual(before.attachments);
  });

  it('restores an encrypted backup only with its passphrase', async () => {
    await saveSettings(db, { institutionName: '东湖示范大学', profileId: PRESET_PROFILES[0]!.id, profile: PRESET_PROFILES[0]!, operatorName: '王𠮷' });
    await createRecord<Unit>(db, 'units', { name: '宣传部', kind: '职能部门' });
    const bytes = await backupBytes(db, '正确的口令-2026');
    expect(Buffer.from(bytes).includes(Buffer.from('宣传部'))).toBe(false);
    await expect(restoreFrom(bytes, '错误的口令')).rejects.toThrow('备份口令不正确');
    await expect(restoreFrom(bytes)).rejects.toThrow('此备份已加密');
    await createRecord<Unit>(db, 'units', { name: '图书馆', kind: '直属单位' });
    await restoreFrom(bytes, '正确的口令-2026');
    expect((await db.units.toArray()).map((u) => u.name)).toEqual(['宣传部']);
  });

  it('keeps a snapshot of the data it replaced, which restores the data back', async () => {
    const old = await backedUpThenChanged();
    const current = await dump(db);

    await restoreFrom(old);
    expect((await db.units.toArray()).map((u) => u.name)).toEqual(['旧单位']);
    const [snapshot] = await listSnapshots(sdb);
    expect(snapshot).toMatchObject({ reason: '恢复“test.mlbackup”之前', counts: { units: 2 } });

    const stored = await sdb.snapshots.get(snapshot!.id);
    await restoreFrom(new Uint8Array(await (await snapshotFile(stored!)).arrayBuffer()));
    const back = await dump(db);
    // Exactly the data before the first restore, plus the audit entry of restoring the snapshot.
    expect({ ...back, auditLog: back.auditLog.slice(0, current.auditLog.length) }).toEqual(current);
    expect(back.auditLog).toHaveLength(current.auditLog.length + 1);
    expect(await listSnapshots(sdb)).toHaveLength(2);
  });

  it('a file the preview verified, without scans, is not read a first time; its tables must still be the ones verified', async () => {
    const old = await backedUpThenChanged();
    const other = await backupBytes(db);
    const preview = await inspectBackup(old);
    if (!preview.ok) throw new Error(preview.reason);
    const { chain: _chain, ...previewed } = preview;

    // Another file handed over with the first one's preview: the second read finds its tables
    // are not the ones verified, and nothing changes (no snapshot is kept either).
    const current = await dump(db);
    const refused = await restoreBackupFile(db, sdb, other, { source: 'test.mlbackup', appVersion: '0.1.0-test', previewed });
    expect(refused).toMatchObject({ ok: false, reason: '备份文件已损坏或在校验之后被改动，未做任何更改。请重新选择备份文件。' });
    expect(await dump(db)).toEqual(current);
    expect(await listSnapshots(sdb)).toHaveLength(0);

    const steps: (string | undefined)[] = [];
    const outcome = await restoreBackupFile(db, sdb, old, { source: 'test.mlbackup', appVersion: '0.1.0-test', previewed, onProgress: (progress) => steps.push(progress.step) });
    expect(outcome).toMatchObject({ ok: true });
    expect((await db.units.toArray()).map((u) => u.name)).toEqual(['旧单位']);
    expect(steps).not.toContain('校验备份文件');
    expect(steps).toContain('写入数据');
    // Without the preview the file is read first, as before.
    steps.length = 0;
    await restoreBackupFile(db, sdb, old, { source: 'test.mlbackup', appVersion: '0.1.0-test', onProgress: (progress) => steps.push(progress.step) });
    expect(steps).toContain('校验备份文件');
  });

  it('a previewed file with scans is still read first (its scans are stored beforehand)', async () => {
    const data: RandomDatabase = { tables: RECORD_TABLES.filter((t) => t !== 'attachments').map(() => []) as never, attachments: [scan('甲.pdf', 3)], auditEntries: ['宣传部'], institution: '东湖示范大学' };
    const { bytes } = await backedUp(data);
    const preview = await inspectBackup(bytes);
    if (!preview.ok) throw new Error(preview.reason);
    const { chain: _chain, ...previewed } = preview;
    await emptyDb();
    const steps: (string | undefined)[] = [];
    expect(await restoreBackupFile(db, sdb, bytes, { source: 'test.mlbackup', appVersion: '0.1.0-test', previewed, onProgress: (progress) => steps.push(progress.step) })).toMatchObject({ ok: true });
    expect(steps).toContain('校验备份文件');
    expect(await db.attachments.count()).toBe(1);
  });

  it('current data that cannot be kept as a snapshot stops the restore, unless the clerk restores without one', async () => {
    await saveSettings(db, { institutionName: '东湖示范大学', profileId: PRESET_PROFILES[0]!.id, profile: PRESET_PROFILES[0]!, operatorName: '王𠮷' });
    await createRecord<Unit>(db, 'units', { name: '备份里的单位', kind: '直属单位' });
    const good = await backupBytes(db);
    // The current data is damaged: a scan's bytes are gone (its row remains).
    await db.attachments.add({ id: 'lost', createdAt: 'x', updatedAt: 'x', name: '丢失的扫描件.pdf', mimeType: 'application/pdf', size: 3, sha256: sha256(new Uint8Array(3)) } as unknown as StoredAttachment);
    const rows = await db.units.toArray();

    const refused = await restoreBackupFile(db, sdb, good, { source: 'test.mlbackup', appVersion: '0.1.0-test' });
    expect(refused).toMatchObject({ ok: false, snapshotFailed: true, reason: expect.stringContaining('当前数据无法保存为快照（附件“丢失的扫描件.pdf”的文件内容缺失') });
    expect(await db.units.toArray()).toEqual(rows);
    expect(await db.attachments.count()).toBe(1);
    expect(await listSnapshots(sdb)).toHaveLength(0);

    const forced = await restoreBackupFile(db, sdb, good, { source: 'test.mlbackup', appVersion: '0.1.0-test', withoutSnapshot: true });
    expect(forced).toMatchObject({ ok: true });
    expect((await db.units.toArray()).map((u) => u.name)).toEqual(['备份里的单位']);
    expect(await db.attachments.count()).toBe(0);
    expect(await listSnapshots(sdb)).toHaveLength(0);
    expect((await db.auditLog.orderBy('seq').last())?.changes.restoredFrom).toEqual([null, 'test.mlbackup（未保存恢复前快照）']);
  });

  it('with a private file system, keeps each snapshot as a file there, removed with the snapshot', async () => {
    const spools = fakeFolder({ kind: 'sync' });
    const kept = fakeFolder({ kind: 'sync' });
    const folders = new Map([
      ['spool', spools.folder],
      [SNAPSHOT_FOLDER, kept.folder],
    ]);
    vi.stubGlobal('navigator', { storage: { getDirectory: async () => ({ getDirectoryHandle: async (name: string) => folders.get(name) }) } });
    // A file a restore that stopped half-way left two days ago, and a fresh one being written.
    const orphan = `snapshot-${Date.now() - 2 * 24 * 3600_000}-0123456789ab.bin`;
    const writing = `snapshot-${Date.now() - 1000}-0123456789ab.bin`;
    kept.files.set(orphan, new Uint8Array(3));
    kept.files.set(writing, new Uint8Array(3));
    try {
      await saveSettings(db, { institutionName: '东湖示范大学', profileId: PRESET_PROFILES[0]!.id, profile: PRESET_PROFILES[0]!, operatorName: '王𠮷' });
      await createRecord<Unit>(db, 'units', { name: '旧单位', kind: '直属单位' });
      const old = await backupBytes(db);
      await createRecord<Unit>(db, 'units', { name: '新单位', kind: '直属单位' });

      await restoreFrom(old);
      const [row] = await sdb.snapshots.toArray();
      expect(row?.blob).toBeUndefined();
      expect(row?.file).toMatch(/^snapshot-\d+-[0-9a-f]{12}\.bin$/);
      expect(kept.files.get(row!.file!)?.length).toBe(row!.bytes);
      // No spool is left behind: the tables' frames of the snapshot went straight into its file.
      expect(spools.files.size).toBe(0);
      expect(kept.files.has(orphan)).toBe(false);
      expect(kept.files.has(writing)).toBe(true);

      // Undone from its file.
      await restoreFrom(new Uint8Array(await (await snapshotFile(row!)).arrayBuffer()));
      expect((await db.units.toArray()).map((u) => u.name)).toEqual(['旧单位', '新单位']);

      // A restore that fails removes the snapshot it took, file and all.
      const files = new Set(kept.files.keys());
      const add = vi.spyOn(db.auditLog, 'add').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      await expect(restoreFrom(old)).rejects.toThrow('恢复失败，当前数据保持原样');
      add.mockRestore();
      expect(new Set(kept.files.keys())).toEqual(files);

      // Trimmed snapshots take their files with them.
      for (let i = 0; i < SNAPSHOTS_KEPT + 1; i++) await restoreFrom(old);
      const listed = (await sdb.snapshots.toArray()).map((snapshot) => snapshot.file);
      expect(listed).toHaveLength(SNAPSHOTS_KEPT);
      expect([...kept.files.keys()].sort()).toEqual([...listed, writing].sort());

      // A snapshot whose file is gone says so.
      kept.files.delete(listed[0]!);
      const lost = (await sdb.snapshots.toArray()).find((snapshot) => snapshot.file === listed[0])!;
      await expect(snapshotFile(lost)).rejects.toThrow('此快照的文件已不存在');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it(`keeps only the newest ${SNAPSHOTS_KEPT} snapshots`, async () => {
    await saveSettings(db, { institutionName: '东湖示范大学', profileId: PRESET_PROFILES[0]!.id, profile: PRESET_PROFILES[0]!, operatorName: '王𠮷' });
    const bytes = await backupBytes(db);
    for (let i = 0; i < SNAPSHOTS_KEPT + 2; i++) await restoreFrom(bytes);
    expect(await listSnapshots(sdb)).toHaveLength(SNAPSHOTS_KEPT);
  });
});

describe('a refused restore changes nothing', () => {
  it('a failed undo to the oldest snapshot keeps that snapshot (and every other)', async () => {
    await saveSettings(db, { institutionName: '东湖示范大学', profileId: PRESET_PROFILES[0]!.id, profile: PRESET_PROFILES[0]!, operatorName: '王𠮷' });
    await createRecord<Unit>(db, 'units', { name: '真实数据', kind: '直属单位' });
    const wrong = await backupBytes(new LedgerDb(`backup-restore-empty-${n}`));
    for (let i = 0; i < SNAPSHOTS_KEPT; i++) await restoreFrom(wrong); // three mistaken restores
    const snapshots = await listSnapshots(sdb);
    expect(snapshots).toHaveLength(SNAPSHOTS_KEPT);
    const oldest = snapshots.at(-1)!;
    expect(oldest.counts.units).toBe(1); // the clerk's real data

    vi.spyOn(db.table('units'), 'bulkPut').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const stored = await sdb.snapshots.get(oldest.id);
    await expect(restoreFrom(new Uint8Array(await (await snapshotFile(stored!)).arrayBuffer()))).rejects.toThrow('恢复失败，当前数据保持原样');
    vi.restoreAllMocks();
    expect((await listSnapshots(sdb)).map((s) => s.id)).toEqual(snapshots.map((s) => s.id));

    // Done again without the fault, the undo succeeds and only then is the oldest trimmed.
    await restoreFrom(new Uint8Array(await (await snapshotFile(stored!)).arrayBuffer()));
    expect((await db.units.toArray()).map((u) => u.name)).toEqual(['真实数据']);
    expect(await listSnapshots(sdb)).toHaveLength(SNAPSHOTS_KEPT);
  });

  async function populated(): Promise<Record<BackupTable, unknown[]>> {
    await fill(db, {
      tables: RECORD_TABLES.filter((t) => t !== 'attachments').map(() => [{ name: '记录', count: 1, flag: true, tags: ['甲'], nested: { a: null, b: [1] }, deleted: false }]),
      attachments: [{ name: '扫描件.pdf', bytes: new Uint8Array([37, 80, 68, 70, 45, 1, 2, 3]), mimeType: 'application/pdf' }],
      auditEntries: ['宣传部'],
      institution: '东湖示范大学',
    });
    return dump(db);
  }

  it('a full disk (QuotaExceededError) half-way through the replace rolls everything back', async () => {
    const before = await populated();
    const other = new LedgerDb(`backup-restore-other-${n}`);
    await other.open();
    await createRecord<Unit>(other, 'units', { name: '另一份数据', kind: '直属单位' });
    const bytes = await backupBytes(other);
    await other.delete();

    // Fails after every table's rows were written inside the transaction, as the rows the file
    // does not have are deleted (the file has no trainings).
    const units = db.table('units');
    const put = units.bulkPut.bind(units);
    vi.spyOn(units, 'bulkPut').mockImplementation(((rows: readonly unknown[]) => put(rows as never)) as typeof units.bulkPut);
    vi.spyOn(db.table('trainings'), 'clear').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(restoreFrom(bytes)).rejects.toThrow('恢复失败，当前数据保持原样');
    expect(vi.mocked(units.bulkPut)).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
    expect(await dump(db)).toEqual(before);
  });

  it('an attachment whose bytes do not match its row is refused before anything is touched', async () => {
    const before = await populated();
    // A backup of a database whose attachment row disagrees with its bytes (the format itself is intact).
    const other = new LedgerDb(`backup-restore-other-${n}`);
    await other.open();
    const bytes = new Uint8Array([37, 80, 68, 70, 45, 9, 9, 9]);
    await other.attachments.add({ id: 'a1', createdAt: 'x', updatedAt: 'x', name: 'scan.pdf', mimeType: 'application/pdf', size: bytes.length, sha256: sha256(new Uint8Array([1])), blob: new Blob([bytes]) });
    const file = await backupBytes(other);
    await other.delete();
    const held = await storedBytes(db);
    await expect(restoreFrom(file)).rejects.toThrow('附件信息不一致');
    expect(await dump(db)).toEqual(before);
    expect(await listSnapshots(sdb)).toHaveLength(0);
    // The refused file's bytes, stored as they were read, are removed again.
    expect(await storedBytes(db)).toEqual(held);
  });

  it('a backup from a newer database version is refused with a message to update the app', async () => {
    const before = await populated();
    const input = await backupInputFromDb(db, '9.0.0');
    const file = await collectBytes(writeBackup({ ...input, dbVersion: CURRENT_VERSION + 1 }));
    await expect(restoreFrom(file)).rejects.toThrow(`数据库第 ${CURRENT_VERSION + 1} 版`);
    expect(await dump(db)).toEqual(before);
  });

  it('rows of a backup from an older database version get the upgrades the stored data got', async () => {
    const other = new LedgerDb(`backup-restore-old-${n}`);
    await other.open();
    // A platform as version 1 stored it: without the list fields version 2 added.
    await other.table('platforms').add({ id: 'p-old', createdAt: 'x', updatedAt: 'x', name: '老网站', kind: '官方网站', status: '运行中' });
    const input = await backupInputFromDb(other, '0.0.1');
    await other.delete();
    await restoreFrom(await collectBytes(writeBackup({ ...input, dbVersion: 1 })));
    expect(await db.platforms.get('p-old')).toMatchObject({
      name: '老网站', followers: [], statusHistory: [], sectionAdminIds: [], columns: [], accountId: '', server: { involvesData: false },
    });
  });

  it('records without their bookkeeping fields are refused', async () => {
    const before = await populated();
    const other = new LedgerDb(`backup-restore-other-${n}`);
    await other.open();
    await other.table('platforms').add({ id: 'p1', name: '没有创建时间的记录' });
    const file = await backupBytes(other);
    await other.delete();
    await expect(restoreFrom(file)).rejects.toThrow('缺少必要信息');
    expect(await dump(db)).toEqual(before);
  });

  it('a full disk while staging the scans stops the restore with a clear message and changes nothing', async () => {
    await populated();
    const file = await backupBytes(db);
    // The bytes of scans the current data lacks are stored (those it holds are kept).
    await db.attachments.clear();
    const before = await dump(db);
    vi.spyOn(db.scanBytes, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(restoreFrom(file)).rejects.toThrow('无法暂存备份中的扫描件（可能磁盘空间不足）');
    vi.restoreAllMocks();
    expect(await dump(db)).toEqual(before);
  });

  it('at least 1,000 corrupted, truncated and hostile files: each refused with a reason, nothing changed, no pollution', async () => {
    const before = await populated();
    const good = await backupBytes(db);
    const hostile = fc.oneof(
      // one flipped bit anywhere
      fc.record({ at: fc.nat({ max: good.length * 8 - 1 }) }).map(({ at }) => {
        // A copy: on a Buffer, slice() would be a view, and a flip would change `good` itself.
        const copy = Uint8Array.from(good);
        copy[at >> 3]! ^= 1 << (at & 7);
        return copy;
      }),
      // truncated
      fc.nat({ max: good.length - 1 }).map((length) => good.slice(0, length)),
      // garbage appended or inserted
      fc.tuple(fc.nat({ max: good.length }), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, junk]) => Buffer.concat([good.subarray(0, at), junk, good.subarray(at)])),
      // random bytes, with and without a valid magic
      fc.uint8Array({ maxLength: 512 }),
      fc.uint8Array({ maxLength: 512 }).map((rest) => Buffer.concat([Buffer.from('MLBK\u0000\u0001'), rest])),
      fc.uint8Array({ maxLength: 512 }).map((rest) => Buffer.concat([Buffer.from('MLBE'), rest])),
    );
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(hostile, async (bytes) => {
        const outcome = await restoreBackupFile(db, sdb, bytes, { source: 'hostile.mlbackup', appVersion: 't' });
        expect(outcome.ok).toBe(false);
        if (outcome.ok) return;
        refused += 1;
        expect(outcome.reason).toMatch(/[\u4e00-\u9fff]/);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { numRuns: 1100 },
    );
    expect(refused).toBeGreaterThanOrEqual(1000);
    expect(await dump(db)).toEqual(before);
    expect(await listSnapshots(sdb)).toHaveLength(0);
    expect(await storedBytes(db)).toEqual([sha256(new Uint8Array([37, 80, 68, 70, 45, 1, 2, 3]))]);
  });
});
