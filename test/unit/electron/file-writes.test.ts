// Atomic whole-file writes and the Chinese explanations of failed writes (electron/file-writes.ts).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeWriteError, syncFolder, writeErrorReason, writeFileAtomic } from '../../../electron/file-writes';

let sandbox: string;
beforeEach(() => {
  sandbox = mkdtempSync(path.join(os.tmpdir(), 'ledger-writes-'));
});
afterEach(() => rmSync(sandbox, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('creates the file with the exact bytes and no leftovers', async () => {
    const target = path.join(sandbox, 'atomic.bin');
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => i % 251);
    await writeFileAtomic(target, bytes);
    expect(new Uint8Array(readFileSync(target))).toEqual(bytes);
    expect(readdirSync(sandbox)).toEqual(['atomic.bin']);
  });

  it('replaces an existing file completely', async () => {
    const target = path.join(sandbox, 'settings.json');
    writeFileSync(target, 'a much longer old content than the new one');
    await writeFileAtomic(target, new TextEncoder().encode('{}'));
    expect(readFileSync(target, 'utf8')).toBe('{}');
  });

  it('keeps the old file when the write fails', async () => {
    const missingFolder = path.join(sandbox, 'missing', 'x.bin');
    await expect(writeFileAtomic(missingFolder, new Uint8Array([1]))).rejects.toThrow();
    expect(existsSync(missingFolder)).toBe(false);
  });
});

describe('write errors', () => {
  it.each([
    ['ENOSPC', '磁盘空间不足'],
    ['EACCES', '没有写入权限'],
    ['EROFS', '只读'],
    ['ENOENT', '文件夹不存在'],
    ['EIO', 'U盘'],
    ['EWHATEVER', '无法写入文件'],
  ])('%s is explained in Chinese', (code, words) => {
    const error = Object.assign(new Error(code), { code });
    expect(writeErrorReason(error)).toContain(words);
    expect(describeWriteError(error, '/media/u/a.pdf')).toMatch(new RegExp(`^保存失败：.*${words}.*（/media/u/a.pdf）。请换一个位置`));
  });

  it('syncFolder never throws, also for a folder that does not exist', async () => {
    await expect(syncFolder(sandbox)).resolves.toBeUndefined();
    await expect(syncFolder(path.join(sandbox, 'missing'))).resolves.toBeUndefined();
  });
});
