// The spool of backups and snapshots (renderer/bridge/spool.ts), against a stand-in of the
// browser's private file system: what is written is what is read back, in order; a full disk
// gives the clerk's reason; left-over files are swept; without the storage the bytes stay in memory.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupError } from '../../../shared/backup/format';
import { fakeFolder } from './fake-private-folder';
import {
  SPOOL_FOLDER,
  SPOOL_STALE_MS,
  memorySpool,
  openSpool,
  privateFolder,
  resetSpoolSweep,
  spoolMadeAt,
  sweepSpools,
} from '../../../renderer/bridge/spool';

const bytes = (n: number, seed: number) => new Uint8Array(n).map((_, i) => (i * 7 + seed) & 0xff);

async function readAll(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

afterEach(() => {
  resetSpoolSweep();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('spool', () => {
  for (const kind of ['sync', 'stream'] as const) {
    it(`(${kind}) gives back every byte written, in order, from a file that discard removes`, async () => {
      const fake = fakeFolder({ kind });
      const spool = await openSpool('snapshot', async () => fake.folder);
      expect(spool.onDisk).toBe(true);
      const pieces = [bytes(1000, 1), bytes(1, 2), bytes(65_536, 3), bytes(0, 4), bytes(333, 5)];
      for (const piece of pieces) spool.write(piece);
      await spool.drained();
      const blob = await spool.finish();
      const expected = new Uint8Array(pieces.reduce((sum, p) => sum + p.length, 0));
      let at = 0;
      for (const piece of pieces) {
        expected.set(piece, at);
        at += piece.length;
      }
      expect(await readAll(blob)).toEqual(expected);
      expect(() => spool.write(bytes(1, 0))).toThrow(/after it was finished/);
      const [name] = [...fake.files.keys()];
      expect(name).toMatch(/^snapshot-\d+-[0-9a-f]{12}\.bin$/);
      if (kind === 'sync') expect(fake.calls.filter((c) => c.startsWith('write'))).toEqual([`write ${name} @0 1000`, `write ${name} @1000 1`, `write ${name} @1001 65536`, `write ${name} @66537 0`, `write ${name} @66537 333`]);
      await spool.discard();
      expect(fake.files.size).toBe(0);
    });

    it(`(${kind}) a full disk is the clerk's reason, and discard still removes the file`, async () => {
      const fake = fakeFolder({ kind, room: 5000 });
      const spool = await openSpool('backup-download', async () => fake.folder);
      const writeAll = async () => {
        for (let i = 0; i < 10; i++) {
          spool.write(bytes(1000, i));
          await spool.drained();
        }
      };
      const error: unknown = await writeAll().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BackupError);
      expect((error as BackupError).reason).toMatch(/磁盘空间不足/);
      expect((error as BackupError).detail).toMatch(/QuotaExceededError/);
      // Nothing more is taken after a refusal.
      expect(() => spool.write(bytes(1, 0))).toThrow(BackupError);
      await expect(spool.finish()).rejects.toThrow(BackupError);
      await spool.discard();
      expect(fake.files.size).toBe(0);
      expect(fake.open.size).toBe(0);
    });
  }

  it('a write that takes fewer bytes than it was given is refused', async () => {
    const fake = fakeFolder({ kind: 'sync', short: true });
    const spool = await openSpool('snapshot', async () => fake.folder);
    let error: unknown;
    try {
      spool.write(bytes(10, 0));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).reason).toMatch(/无法写入备份的临时文件/);
    expect((error as BackupError).detail).toMatch(/wrote 9 of 10 bytes/);
  });

  it('sweeps the spool folder\'s files older than a day, once a session, and nothing else', async () => {
    const fake = fakeFolder({ kind: 'sync' });
    const kept = fakeFolder({ kind: 'sync' });
    const folders = new Map([
      [SPOOL_FOLDER, fake.folder],
      ['snapshots', kept.folder],
    ]);
    vi.stubGlobal('navigator', { storage: { getDirectory: async () => ({ getDirectoryHandle: async (name: string) => folders.get(name) }) } });
    const now = Date.now();
    const old = `backup-tables-${now - SPOOL_STALE_MS - 1000}-0123456789ab.bin`;
    const fresh = `backup-download-${now - 60_000}-0123456789ab.bin`;
    for (const name of [old, fresh, 'notes.txt']) fake.files.set(name, bytes(3, 0));
    // A folder of its own (the snapshots') is never swept, whatever the age of its files.
    kept.files.set(old, bytes(3, 0));
    const snapshot = await openSpool('snapshot', privateFolder('snapshots'));
    expect(snapshot.onDisk).toBe(true);
    expect(fake.files.has(old)).toBe(true);
    expect(kept.files.has(old)).toBe(true);
    const spool = await openSpool('backup-tables');
    expect(spool.onDisk).toBe(true);
    expect(fake.files.has(old)).toBe(false);
    expect(fake.files.has(fresh)).toBe(true);
    expect(fake.files.has('notes.txt')).toBe(true);
    // A second spool of the same session does not sweep again.
    const later = `snapshot-${now - SPOOL_STALE_MS - 5000}-0123456789ab.bin`;
    fake.files.set(later, bytes(3, 0));
    const second = await openSpool('backup-tables');
    expect(fake.files.has(later)).toBe(true);
    expect(kept.files.has(old)).toBe(true);
    // A file still open is left where it is.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await sweepSpools(fake.folder, now + 2 * SPOOL_STALE_MS)).toBe(4);
    expect([...fake.files.keys()].filter((name) => name !== 'notes.txt')).toHaveLength(2);
    await spool.discard();
    await second.discard();
    await snapshot.discard();
  });

  it('a sweep leaves the files it is told to keep, however old', async () => {
    const fake = fakeFolder({ kind: 'sync' });
    const now = Date.now();
    const listed = `snapshot-${now - 3 * SPOOL_STALE_MS}-0123456789ab.bin`;
    const orphan = `snapshot-${now - 3 * SPOOL_STALE_MS}-ba9876543210.bin`;
    for (const name of [listed, orphan]) fake.files.set(name, bytes(3, 0));
    expect(await sweepSpools(fake.folder, now, (name) => name === listed)).toBe(1);
    expect([...fake.files.keys()]).toEqual([listed]);
  });

  it('reads when a spool file was made from its name only', () => {
    expect(spoolMadeAt('snapshot-1764966000000-0123456789ab.bin')).toBe(1764966000000);
    expect(spoolMadeAt('snapshot-17649-0123456789ab.bin')).toBeUndefined();
    expect(spoolMadeAt('snapshot-1764966000000-0123456789ab.bin.crswap')).toBeUndefined();
    expect(spoolMadeAt('report.pdf')).toBeUndefined();
  });

  it('keeps the bytes in memory where there is no private file storage, or it cannot be used', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // Node has no navigator.storage.getDirectory: the platform default gives memory.
    expect((await openSpool('snapshot')).onDisk).toBe(false);
    expect((await openSpool('snapshot', () => Promise.reject(new DOMException('denied', 'SecurityError')))).onDisk).toBe(false);
    const broken = fakeFolder({ kind: 'sync' });
    broken.folder.getFileHandle = () => Promise.reject(new DOMException('quota', 'QuotaExceededError'));
    const spool = await openSpool('snapshot', async () => broken.folder);
    expect(spool.onDisk).toBe(false);
    spool.write(bytes(10, 1));
    spool.write(bytes(5, 2));
    expect((await readAll(await spool.finish())).length).toBe(15);
  });

  it('a memory spool forgets its parts when discarded', async () => {
    const spool = memorySpool();
    spool.write(bytes(4, 9));
    await spool.discard();
    spool.write(bytes(2, 1));
    expect(await readAll(await spool.finish())).toEqual(bytes(2, 1));
  });
});
