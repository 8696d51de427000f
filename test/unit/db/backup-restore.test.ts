// Backup → wipe → restore of a random database with attachments, and the ways a restore must
// refuse while leaving the current data exactly as it was.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeBackup } from '../../../shared/backup/backup-writer';
import { collectBytes } from '../../../shared/backup/byte-reader';
import { BACKUP_TABLES, type BackupTable } from '../../../shared/backup/format';
import { verifyChain } from '../../../shared/audit/hash-chain';
import { backupInputFromDb, countTables, restoreBackupFile } from '../../../renderer/db/backup';
import { CURRENT_VERSION, LedgerDb, type StoredAttachment } from '../../../renderer/db/schema';
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

/** Every table's rows as stored, attachments with their bytes' SHA-256 instead of the Blob. */
async function dump(source: LedgerDb): Promise<Record<BackupTable, unknown[]>> {
  const out = {} as Record<BackupTable, unknown[]>;
  for (const table of BACKUP_TABLES) {
    const rows = await source.table(table).toArray();
    out[table] =
      table === 'attachments'
        ? await Promise.all(
            (rows as StoredAttachment[]).map(async ({ blob, ...meta }) => ({ ...meta, bytesSha256: sha256(new Uint8Array(await blob.arrayBuffer())), blobType: blob.type })),
          )
        : rows;
  }
  return out;
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

async function fill(target: LedgerDb, data: RandomDatabase): Promise<void> {
  const tables = RECORD_TABLES.filter((t) => t !== 'attachments');
  await target.transaction('rw', BACKUP_TABLES.map((t) => target.table(t)), async () => {
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
    await target.attachments.bulkAdd(
      data.attachments.map((a, j): StoredAttachment => ({
        id: `att-${j}`,
        createdAt: '2025-03-01T08:00:00.000Z',
        updatedAt: '2025-03-01T08:00:00.000Z',
        name: a.name,
        mimeType: a.mimeType,
        size: a.bytes.length,
        sha256: sha256(a.bytes),
        ownerTable: 'printouts',
        ownerId: 'printouts-0',
        blob: new Blob([a.bytes.slice()], { type: a.mimeType }),
      })),
    );
    await target.settings.put({ id: 'main', institutionName: data.institution, profileId: PRESET_PROFILES[0]!.id, profile: PRESET_PROFILES[0]!, operatorName: '王𠮷', updatedAt: '2025-03-01T08:00:00.000Z' });
  });
  for (const name of data.auditEntries) await createRecord<Unit>(target, 'units', { name, kind: '直属单位' });
}

async function restoreFrom(bytes: Uint8Array, passphrase?: string): Promise<void> {
  const outcome = await restoreBackupFile(db, sdb, bytes, { source: 'test.mlbackup', appVersion: '0.1.0-test', ...(passphrase && { passphrase }) });
  if (!outcome.ok) throw new Error(outcome.reason);
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
async function backedUp(data: RandomDatabase): Promise<{ before: Record<BackupTable, unknown[]>; bytes: Uint8Array }> {
  await emptyDb();
  await fill(db, data);
  return { before: await dump(db), bytes: await backupBytes(db) };
}

describe('backup → wipe → restore', () => {
  it('gives back every table and every attachment byte for byte (random databases)', async () => {
    await fc.assert(
      fc.asyncProperty(databaseArb, async (data) => {
        const { before, bytes } = await backedUp(data);

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
      }),
      { numRuns: 12 },
    );
  });

  it('over other data, leaves exactly the rows of the backup and writes only those that differ (random databases)', async () => {
    await fc.assert(
      fc.asyncProperty(databaseArb, databaseArb, async (data, current) => {
        const { before, bytes } = await backedUp(data);

        // Other data in its place: the same ids (table-0, table-1, …) with other contents, fewer or more rows.
        await emptyDb();
        await fill(db, current);

        await restoreFrom(bytes);
        const after = await dump(db);
        expect({ ...after, auditLog: after.auditLog.slice(0, -1) }).toEqual(before);
        expect(verifyChain(await db.auditLog.orderBy('seq').toArray())).toMatchObject({ ok: true });

        // Restored again over itself, only the restore's own audit entry differs from the file;
        // no scan is staged or written again.
        const units = db.table('units');
        const put = vi.spyOn(units, 'bulkPut');
        const scanPut = vi.spyOn(db.attachments, 'put');
        const staged = vi.spyOn(sdb.staging, 'put');
        await restoreFrom(bytes);
        expect(put).not.toHaveBeenCalled();
        expect(scanPut).not.toHaveBeenCalled();
        expect(staged).not.toHaveBeenCalled();
        vi.restoreAllMocks();
      }),
      { numRuns: 12 },
    );
  });

  it('keeps the stored scans that hold the file\'s bytes, writes the others, and with no snapshot writes them all', async () => {
    const data: RandomDatabase = { tables: RECORD_TABLES.filter((t) => t !== 'attachments').map(() => []) as never, attachments: [scan('甲.pdf', 3), scan('乙.pdf', 5), scan('丙.pdf', 7)], auditEntries: [], institution: '东湖示范大学' };
    const { before, bytes } = await backedUp(data);
    // The current data: att-1 has other bytes, att-2 another name (the same bytes), att-3 is not in the file.
    await emptyDb();
    await fill(db, { ...data, attachments: [scan('甲.pdf', 3), scan('乙.pdf', 11), scan('丙-改名.pdf', 7), scan('丁.pdf', 13)] });
    const staged = vi.spyOn(sdb.staging, 'put');
    const written = vi.spyOn(db.attachments, 'put');
    await restoreFrom(bytes);
    const after = await dump(db);
    expect({ ...after, auditLog: after.auditLog.slice(0, -1) }).toEqual(before);
    expect(staged.mock.calls.map(([row]) => row.id)).toEqual(['att-1']);
    expect(written.mock.calls.map(([row]) => row.id)).toEqual(['att-1', 'att-2']);

    // Without a snapshot the stored bytes are not trusted: every scan is staged and written again.
    staged.mockClear();
    written.mockClear();
    const outcome = await restoreBackupFile(db, sdb, bytes, { source: 'test.mlbackup', appVersion: '0.1.0-test', withoutSnapshot: true });
    expect(outcome).toMatchObject({ ok: true });
    expect(staged.mock.calls.map(([row]) => row.id)).toEqual(['att-0', 'att-1', 'att-2']);
    expect(written.mock.calls.map(([row]) => row.id)).toEqual(['att-0', 'att-1', 'att-2']);
    const again = await dump(db);
    expect({ ...again, auditLog: again.auditLog.slice(0, -2) }).toEqual(before);
  });

  it('a stored scan whose bytes no longer match its row is never kept: the snapshot refuses it, and a restore without one writes the file\'s', async () => {
    const data: RandomDatabase = { tables: RECORD_TABLES.filter((t) => t !== 'attachments').map(() => []) as never, attachments: [scan('甲.pdf', 3)], auditEntries: [], institution: '东湖示范大学' };
    const { before, bytes } = await backedUp(data);
    // The stored bytes are damaged (same size), the row still names the good ones.
    await db.attachments.update('att-0', { blob: new Blob([new Uint8Array(5000).fill(1)], { type: 'application/pdf' }) });
    const refused = await restoreBackupFile(db, sdb, bytes, { source: 'test.mlbackup', appVersion: '0.1.0-test' });
    expect(refused).toMatchObject({ ok: false, snapshotFailed: true });
    const forced = await restoreBackupFile(db, sdb, bytes, { source: 'test.mlbackup', appVersion: '0.1.0-test', withoutSnapshot: true });
    expect(forced).toMatchObject({ ok: true });
    expect((await dump(db)).attachments).toEqual(before.attachments);
  });

  it('a kept scan changed after the file was read stops the restore, and nothing changes', async () => {
    const data: RandomDatabase = { tables: RECORD_TABLES.filter((t) => t !== 'attachments').map(() => []) as never, attachments: [scan('甲.pdf', 3), scan('乙.pdf', 5)], auditEntries: [], institution: '东湖示范大学' };
    const { bytes } = await backedUp(data);
    await db.attachments.delete('att-1');
    // While att-1 is staged (att-0 was found the same and kept), att-0 changes.
    const other = new Uint8Array(5000).fill(9);
    const stage = sdb.staging.put.bind(sdb.staging);
    vi.spyOn(sdb.staging, 'put').mockImplementation(((row: { id: string; blob: Blob }) =>
      db.attachments.update('att-0', { size: other.length, sha256: sha256(other), blob: new Blob([other], { type: 'application/pdf' }) }).then(() => stage(row))) as never);
    const outcome = await restoreBackupFile(db, sdb, bytes, { source: 'test.mlbackup', appVersion: '0.1.0-test' });
    vi.restoreAllMocks();
    const current = await dump(db);
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringContaining('恢复期间当前数据中的扫描件被改动') });
    expect(current.attachments).toEqual([expect.objectContaining({ id: 'att-0', bytesSha256: sha256(other) })]);
    expect(await listSnapshots(sdb)).toHaveLength(0);
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
    await saveSettings(db, { institutionName: '东湖示范大学', profileId: PRESET_PROFILES[0]!.id, profile: PRESET_PROFILES[0]!, operatorName: '王𠮷' });
    await createRecord<Unit>(db, 'units', { name: '旧单位', kind: '直属单位' });
    const old = await backupBytes(db);
    await createRecord<Unit>(db, 'units', { name: '新单位', kind: '直属单位' });
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
    await expect(restoreFrom(file)).rejects.toThrow('附件信息不一致');
    expect(await dump(db)).toEqual(before);
    expect(await listSnapshots(sdb)).toHaveLength(0);
    expect(await sdb.staging.count()).toBe(0);
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
    // Scans the current data lacks are staged (those it holds with the same bytes are kept).
    await db.attachments.clear();
    const before = await dump(db);
    vi.spyOn(sdb.staging, 'put').mockImplementation(() => {
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
    expect(await sdb.staging.count()).toBe(0);
  });
});
