// The browser edition's backup host (renderer/bridge/browser-backups.ts): the chunks go to a spool
// in the private file system (a stand-in here, the page's writable-stream kind), are verified,
// and only then offered as a download; the spool stays until the next backup begins, and a
// refused or aborted backup leaves nothing behind.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeBackup } from '../../../shared/backup/backup-writer';
import { collectBytes } from '../../../shared/backup/byte-reader';
import { BACKUP_TABLES } from '../../../shared/backup/format';
import { resetSpoolSweep } from '../../../renderer/bridge/spool';
import { fakeFolder } from './fake-private-folder';
import type * as BrowserFiles from '../../../renderer/bridge/browser-files';

const downloads: { blob: Blob; name: string }[] = [];
vi.mock('../../../renderer/bridge/browser-files', async (original) => ({
  ...(await original<typeof BrowserFiles>()),
  downloadBlob: (blob: Blob, name: string) => void downloads.push({ blob, name }),
}));

const { browserBackups } = await import('../../../renderer/bridge/browser-backups');

let fake: ReturnType<typeof fakeFolder>;

beforeEach(() => {
  downloads.length = 0;
  resetSpoolSweep();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function withFolder(room?: number): void {
  fake = fakeFolder({ kind: 'stream', ...(room !== undefined && { room }) });
  vi.stubGlobal('navigator', { storage: { getDirectory: async () => ({ getDirectoryHandle: async () => fake.folder }) } });
}

async function aBackup(): Promise<Uint8Array> {
  const tables = Object.fromEntries(BACKUP_TABLES.map((table) => [table, []])) as never;
  const units = [{ id: 'u1', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', name: '宣传部', kind: '职能部门' }];
  return collectBytes(writeBackup({ appVersion: 't', dbVersion: 1, tables: { ...(tables as object), units } as never, attachments: [] }));
}

async function send(bytes: Uint8Array): Promise<string> {
  const begun = await browserBackups.backupBegin({ kind: 'manual', timeZone: 'Asia/Shanghai' });
  if (!begun.started) throw new Error('not started');
  for (let at = 0; at < bytes.length; at += 1000) await browserBackups.backupChunk({ writeId: begun.writeId, data: bytes.slice(at, at + 1000) });
  return begun.writeId;
}

describe('browser backups', () => {
  it('collects the chunks in a file, verifies them, offers them, and removes the file when the next backup begins', async () => {
    withFolder();
    const bytes = await aBackup();
    const writeId = await send(bytes);
    expect(fake.files.size).toBe(1);
    const done = await browserBackups.backupFinish({ writeId });
    expect(done.bytes).toBe(bytes.length);
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toMatch(/^台账备份-\d{8}-\d{6}-manual\.mlbackup$/);
    expect(new Uint8Array(await downloads[0]!.blob.arrayBuffer())).toEqual(bytes);
    // Kept while the browser may still be saving it…
    const [kept] = [...fake.files.keys()];
    expect(kept).toMatch(/^backup-download-/);
    // …and removed when the next backup begins.
    const next = await browserBackups.backupBegin({ kind: 'manual', timeZone: 'Asia/Shanghai' });
    expect(fake.files.has(kept!)).toBe(false);
    if (next.started) await browserBackups.backupAbort({ writeId: next.writeId });
    expect(fake.files.size).toBe(0);
  });

  it('refuses a second backup while one is being written', async () => {
    withFolder();
    const first = await browserBackups.backupBegin({ kind: 'manual', timeZone: 'Asia/Shanghai' });
    await expect(browserBackups.backupBegin({ kind: 'manual', timeZone: 'Asia/Shanghai' })).rejects.toThrow('另一个备份正在进行中');
    if (first.started) await browserBackups.backupAbort({ writeId: first.writeId });
    expect(fake.files.size).toBe(0);
  });

  it('a backup that does not verify is not offered, and its file is removed', async () => {
    withFolder();
    const bytes = await aBackup();
    bytes[bytes.length - 5]! ^= 1;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const writeId = await send(bytes);
    await expect(browserBackups.backupFinish({ writeId })).rejects.toThrow('备份未通过校验，未保存');
    expect(downloads).toHaveLength(0);
    expect(fake.files.size).toBe(0);
  });

  it('a full disk stops the backup with the clerk\'s reason, and the abort leaves nothing', async () => {
    withFolder(1500);
    const bytes = await aBackup();
    expect(bytes.length).toBeGreaterThan(1500);
    const begun = await browserBackups.backupBegin({ kind: 'manual', timeZone: 'Asia/Shanghai' });
    if (!begun.started) throw new Error('not started');
    const sending = (async () => {
      for (let at = 0; at < bytes.length; at += 1000) await browserBackups.backupChunk({ writeId: begun.writeId, data: bytes.slice(at, at + 1000) });
    })();
    await expect(sending).rejects.toThrow('磁盘空间不足，无法写入备份的临时文件');
    await browserBackups.backupAbort({ writeId: begun.writeId });
    expect(fake.files.size).toBe(0);
    expect(downloads).toHaveLength(0);
  });
});
