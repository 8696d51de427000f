// The IPC handlers of the main process: sender check, payload validation, real file outcomes.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '@shared/bridge';

type Handler = (event: unknown, payload?: unknown) => Promise<unknown>;

const electron = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  paths: {} as Record<string, string>,
  saveDialogResult: { canceled: false, filePath: '' } as { canceled: boolean; filePath?: string },
  openPathResult: '',
}));

vi.mock('electron', () => ({
  app: {
    getPath: vi.fn((name: string) => {
      const value = electron.paths[name];
      if (!value) throw new Error(`unexpected getPath(${name})`);
      return value;
    }),
    getVersion: vi.fn(() => '1.2.3'),
  },
  BrowserWindow: { fromWebContents: vi.fn(() => null) },
  dialog: { showSaveDialog: vi.fn(async () => electron.saveDialogResult) },
  ipcMain: { handle: vi.fn((channel: string, handler: Handler) => electron.handlers.set(channel, handler)) },
  shell: { openPath: vi.fn(async () => electron.openPathResult) },
}));

const { dialog, shell } = await import('electron');
const { registerIpcHandlers, writeFileAtomic, PRINT_TEMP_FOLDER } = await import('../../../electron/ipc');

const APP_EVENT = { senderFrame: { url: 'app://ledger/index.html' }, sender: {} };
const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n% 台账\n%%EOF\n');
const CJK = /[\u4e00-\u9fff]/;

let sandbox: string;

function call(channel: string, payload?: unknown, event: unknown = APP_EVENT): Promise<unknown> {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, payload);
}

beforeEach(() => {
  // The handlers log English details for the developer; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  sandbox = mkdtempSync(path.join(os.tmpdir(), 'ledger-ipc-'));
  for (const name of ['downloads', 'temp', 'userData']) {
    electron.paths[name] = path.join(sandbox, name);
    mkdirSync(electron.paths[name]!, { recursive: true });
  }
  electron.saveDialogResult = { canceled: false, filePath: path.join(sandbox, 'downloads', 'out.pdf') };
  electron.openPathResult = '';
  electron.handlers.clear();
  vi.mocked(dialog.showSaveDialog).mockClear();
  vi.mocked(shell.openPath).mockClear();
  registerIpcHandlers();
});

afterEach(() => rmSync(sandbox, { recursive: true, force: true }));

describe('registration', () => {
  it('registers exactly one handler per bridge channel', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  });
});

describe('sender frame check', () => {
  const foreign = [
    { senderFrame: { url: 'https://evil.example/index.html' }, sender: {} },
    { senderFrame: { url: 'file:///home/clerk/index.html' }, sender: {} },
    { senderFrame: { url: 'app://evil/index.html' }, sender: {} },
    { senderFrame: { url: 'http://127.0.0.1:5173/' }, sender: {} },
    { senderFrame: null, sender: {} },
  ];
  const goodPayloads: Record<string, unknown> = {
    [CHANNELS.saveFile]: { suggestedName: 'a.pdf', data: PDF_BYTES },
    [CHANNELS.printPdf]: { title: 'a', data: PDF_BYTES },
    [CHANNELS.openFolder]: { which: 'data' },
    [CHANNELS.appVersion]: undefined,
    [CHANNELS.dataFolder]: undefined,
  };

  it.each(Object.values(CHANNELS))('%s rejects foreign frames in Chinese and does nothing', async (channel) => {
    for (const event of foreign) {
      await expect(call(channel, goodPayloads[channel], event)).rejects.toThrow(/已拒绝/);
    }
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(shell.openPath).not.toHaveBeenCalled();
    expect(readdirSync(electron.paths.downloads!)).toEqual([]);
  });

  it('accepts the dev server origin only when registered for dev mode', async () => {
    const devEvent = { senderFrame: { url: 'http://127.0.0.1:5173/' }, sender: {} };
    await expect(call(CHANNELS.appVersion, undefined, devEvent)).rejects.toThrow(/已拒绝/);
    electron.handlers.clear();
    registerIpcHandlers({ devOrigin: 'http://127.0.0.1:5173' });
    await expect(call(CHANNELS.appVersion, undefined, devEvent)).resolves.toBe('1.2.3');
  });
});

describe('saveFile', () => {
  it('asks where to save (Downloads/suggestedName) and writes the exact bytes', async () => {
    const data = new TextEncoder().encode('备案表 — 第 1 页');
    const result = await call(CHANNELS.saveFile, {
      suggestedName: '备案表.pdf',
      data,
      filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
    });
    const target = electron.saveDialogResult.filePath!;
    expect(result).toEqual({ saved: true, path: target });
    expect(readFileSync(target, 'utf8')).toBe('备案表 — 第 1 页');
    const options = vi.mocked(dialog.showSaveDialog).mock.calls[0]?.[0];
    expect(options).toMatchObject({
      defaultPath: path.join(electron.paths.downloads!, '备案表.pdf'),
      filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
    });
    // Only the target is left: the temp file was renamed, not copied.
    expect(readdirSync(path.dirname(target))).toEqual(['out.pdf']);
  });

  it('replaces an existing file completely', async () => {
    const target = electron.saveDialogResult.filePath!;
    writeFileSync(target, 'old content that is much longer than the new one');
    await call(CHANNELS.saveFile, { suggestedName: 'out.pdf', data: new TextEncoder().encode('new') });
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(path.dirname(target))).toEqual(['out.pdf']);
  });

  it('returns saved: false and writes nothing when the dialog is cancelled', async () => {
    electron.saveDialogResult = { canceled: true, filePath: '' };
    await expect(call(CHANNELS.saveFile, { suggestedName: 'a.pdf', data: PDF_BYTES })).resolves.toEqual({ saved: false });
    expect(readdirSync(electron.paths.downloads!)).toEqual([]);
  });

  it.each([
    ['a path instead of a name', { suggestedName: '../x', data: PDF_BYTES }, /文件名不合法/],
    ['a Windows path', { suggestedName: 'C:\\x.pdf', data: PDF_BYTES }, /文件名不合法/],
    ['a parent reference', { suggestedName: '..', data: PDF_BYTES }, /文件名不合法/],
    ['data as a plain array', { suggestedName: 'a.pdf', data: [37, 80, 68, 70] }, /请求内容不合法/],
    ['data as a string', { suggestedName: 'a.pdf', data: '%PDF' }, /请求内容不合法/],
    ['no data', { suggestedName: 'a.pdf' }, /请求内容不合法/],
    ['an empty name', { suggestedName: '', data: PDF_BYTES }, /请求内容不合法/],
    ['a bad filter extension', { suggestedName: 'a.pdf', data: PDF_BYTES, filters: [{ name: 'x', extensions: ['*.pdf'] }] }, /请求内容不合法/],
    ['no payload at all', undefined, /请求内容不合法/],
  ])('rejects %s with a Chinese message and opens no dialog', async (_label, payload, pattern) => {
    const error = await call(CHANNELS.saveFile, payload).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).toMatch(CJK);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('explains a failed write in Chinese and leaves no temp file behind', async () => {
    // A folder where the file should go: the rename fails after the temp file was written.
    const target = path.join(electron.paths.downloads!, 'taken');
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    electron.saveDialogResult = { canceled: false, filePath: target };
    await expect(call(CHANNELS.saveFile, { suggestedName: 'taken', data: PDF_BYTES })).rejects.toThrow(/保存失败/);
    expect(readdirSync(electron.paths.downloads!)).toEqual(['taken']);
  });
});

describe('writeFileAtomic', () => {
  it('creates the file with the exact bytes and no leftovers', async () => {
    const target = path.join(sandbox, 'atomic.bin');
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => i % 251);
    await writeFileAtomic(target, bytes);
    expect(new Uint8Array(readFileSync(target))).toEqual(bytes);
    expect(readdirSync(sandbox).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the old file when the write fails', async () => {
    const missingFolder = path.join(sandbox, 'missing', 'x.bin');
    await expect(writeFileAtomic(missingFolder, PDF_BYTES)).rejects.toThrow();
    expect(existsSync(missingFolder)).toBe(false);
  });
});

describe('printPdf', () => {
  it('writes the PDF to the temp folder and hands it to the system viewer', async () => {
    await call(CHANNELS.printPdf, { title: '备案表/BA-2026-0007', data: PDF_BYTES });
    expect(shell.openPath).toHaveBeenCalledOnce();
    const opened = vi.mocked(shell.openPath).mock.calls[0]![0];
    expect(path.dirname(opened)).toBe(path.join(electron.paths.temp!, PRINT_TEMP_FOLDER));
    expect(path.basename(opened)).toMatch(/^备案表_BA-2026-0007-\d+-[0-9a-f]{6}\.pdf$/);
    expect(new Uint8Array(readFileSync(opened))).toEqual(PDF_BYTES);
  });

  it('rejects bytes that are not a PDF, and bad payloads, in Chinese', async () => {
    await expect(call(CHANNELS.printPdf, { title: 'x', data: new TextEncoder().encode('<html>') })).rejects.toThrow(/不是有效的 PDF/);
    await expect(call(CHANNELS.printPdf, { title: '', data: PDF_BYTES })).rejects.toThrow(/请求内容不合法/);
    await expect(call(CHANNELS.printPdf, { title: 'x', data: Array.from(PDF_BYTES) })).rejects.toThrow(/请求内容不合法/);
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('says what to do when no PDF viewer can open the file', async () => {
    electron.openPathResult = 'No application is associated with the specified file';
    await expect(call(CHANNELS.printPdf, { title: 'x', data: PDF_BYTES })).rejects.toThrow(/没有可用的 PDF 阅读器/);
  });

  it('removes print files older than a day', async () => {
    const folder = path.join(electron.paths.temp!, PRINT_TEMP_FOLDER);
    mkdirSync(folder, { recursive: true });
    const stale = path.join(folder, 'old.pdf');
    writeFileSync(stale, PDF_BYTES);
    const { utimesSync } = await import('node:fs');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(stale, twoDaysAgo, twoDaysAgo);
    await call(CHANNELS.printPdf, { title: 'x', data: PDF_BYTES });
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(folder)).toHaveLength(1);
  });
});

describe('openFolder', () => {
  it('opens the data folder', async () => {
    await call(CHANNELS.openFolder, { which: 'data' });
    expect(shell.openPath).toHaveBeenCalledExactlyOnceWith(electron.paths.userData);
  });

  it('creates and opens the backups folder', async () => {
    const backups = path.join(electron.paths.userData!, 'backups');
    expect(existsSync(backups)).toBe(false);
    await call(CHANNELS.openFolder, { which: 'backups' });
    expect(existsSync(backups)).toBe(true);
    expect(shell.openPath).toHaveBeenCalledExactlyOnceWith(backups);
  });

  it('never opens an arbitrary path', async () => {
    await expect(call(CHANNELS.openFolder, { which: '/etc' })).rejects.toThrow(/请求内容不合法/);
    await expect(call(CHANNELS.openFolder, { which: 'data', path: '/etc' })).resolves.toBeUndefined();
    expect(shell.openPath).toHaveBeenCalledExactlyOnceWith(electron.paths.userData);
  });
});

describe('appVersion and dataFolder', () => {
  it('answer from the app', async () => {
    await expect(call(CHANNELS.appVersion)).resolves.toBe('1.2.3');
    await expect(call(CHANNELS.dataFolder)).resolves.toBe(electron.paths.userData);
  });
});

describe('safeFileStem', () => {
  it('keeps rare characters outside the BMP whole and strips path characters', async () => {
    const { safeFileStem } = await import('../../../electron/ipc');
    const rare = '𠀋'; // U+2000B, two UTF-16 code units
    const stem = safeFileStem(`${'名'.repeat(59)}${rare}${rare}`);
    expect(Array.from(stem)).toHaveLength(60);
    expect(stem.endsWith(rare)).toBe(true);
    expect(safeFileStem('a/b\\c:d\u0007')).toBe('a_b_c_d_');
    expect(safeFileStem(' ... ')).toBe('打印');
  });
});
