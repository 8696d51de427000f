// The IPC handlers of the main process: sender check, payload validation, real file outcomes.
import { existsSync, mkdirSync, mkdtempSync, promises as fsPromises, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectBytes } from '@shared/backup/byte-reader';
import { writeBackup } from '@shared/backup/backup-writer';
import { CHANNELS, decodeBridgeError, MAX_BACKUP_CHUNK_BYTES, type BackupBeginResult, type BackupFinishResult, type BackupStatus } from '@shared/bridge';
import { makeDataset, toInput } from '../backup/dataset';

type Handler = (event: unknown, payload?: unknown) => Promise<unknown>;

const electron = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  paths: {} as Record<string, string>,
  saveDialogResult: { canceled: false, filePath: '' } as { canceled: boolean; filePath?: string },
  openDialogResult: { canceled: true, filePaths: [] } as { canceled: boolean; filePaths: string[] },
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
  dialog: {
    showSaveDialog: vi.fn(async () => electron.saveDialogResult),
    showOpenDialog: vi.fn(async () => electron.openDialogResult),
  },
  ipcMain: { handle: vi.fn((channel: string, handler: Handler) => electron.handlers.set(channel, handler)) },
  shell: { openPath: vi.fn(async () => electron.openPathResult) },
}));

const { dialog, shell } = await import('electron');
const { registerIpcHandlers, PRINT_SETTLE_MS, PRINT_TEMP_FOLDER } = await import('../../../electron/ipc');

const APP_EVENT = { senderFrame: { url: 'app://ledger/index.html' }, sender: {} };
const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n% 台账\n%%EOF\n');
const CJK = /[\u4e00-\u9fff]/;

let sandbox: string;

function call(channel: string, payload?: unknown, event: unknown = APP_EVENT): Promise<unknown> {
  const handler = electron.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  // What the page receives: the {code, message} the handler's error carries across the bridge.
  return Promise.resolve(handler(event, payload)).catch((error: unknown) => {
    throw decodeBridgeError(error instanceof Error ? error.message : String(error));
  });
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
  electron.openDialogResult = { canceled: true, filePaths: [] };
  vi.mocked(dialog.showSaveDialog).mockClear();
  vi.mocked(dialog.showOpenDialog).mockClear();
  vi.mocked(shell.openPath).mockClear();
  registerIpcHandlers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  rmSync(sandbox, { recursive: true, force: true });
});

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
    [CHANNELS.backupBegin]: { kind: 'manual', timeZone: 'Asia/Shanghai' },
    [CHANNELS.backupChunk]: { writeId: 'a'.repeat(32), data: PDF_BYTES },
    [CHANNELS.backupFinish]: { writeId: 'a'.repeat(32) },
    [CHANNELS.backupAbort]: { writeId: 'a'.repeat(32) },
    [CHANNELS.backupStatus]: undefined,
    [CHANNELS.chooseBackupFolder]: undefined,
    [CHANNELS.quitReady]: { backedUp: true },
  };

  it.each(Object.values(CHANNELS))('%s rejects foreign frames in Chinese and does nothing', async (channel) => {
    for (const event of foreign) {
      await expect(call(channel, goodPayloads[channel], event)).rejects.toThrow(/已拒绝/);
    }
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(shell.openPath).not.toHaveBeenCalled();
    expect(readdirSync(electron.paths.downloads!)).toEqual([]);
    expect(readdirSync(electron.paths.userData!)).toEqual([]);
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

describe('printPdf limits', () => {
  const printFiles = () => readdirSync(path.join(electron.paths.temp!, PRINT_TEMP_FOLDER));

  it('allows one pending print at a time and refuses a second in Chinese', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const first = call(CHANNELS.printPdf, { title: '一', data: PDF_BYTES });
    await expect(call(CHANNELS.printPdf, { title: '二', data: PDF_BYTES })).rejects.toThrow(/^上一份文件正在送往打印/);
    await first;
    // Just handed to the viewer: a second print is still a double click.
    await expect(call(CHANNELS.printPdf, { title: '三', data: PDF_BYTES })).rejects.toThrow(/^上一份文件正在送往打印/);
    expect(shell.openPath).toHaveBeenCalledOnce();
    expect(printFiles()).toHaveLength(1);
    vi.advanceTimersByTime(PRINT_SETTLE_MS);
    await call(CHANNELS.printPdf, { title: '四', data: PDF_BYTES });
    expect(shell.openPath).toHaveBeenCalledTimes(2);
  });

  it('frees the slot at once when a print fails', async () => {
    electron.openPathResult = 'No application is associated with the specified file';
    await expect(call(CHANNELS.printPdf, { title: 'x', data: PDF_BYTES })).rejects.toThrow(/没有可用的 PDF 阅读器/);
    electron.openPathResult = '';
    await expect(call(CHANNELS.printPdf, { title: 'x', data: PDF_BYTES })).resolves.toBeUndefined();
  });

  it('refuses to write a print file that would leave the disk nearly full', async () => {
    vi.spyOn(fsPromises, 'statfs').mockResolvedValue({ bavail: 100, bsize: 1024 * 1024 } as Awaited<ReturnType<typeof fsPromises.statfs>>);
    await expect(call(CHANNELS.printPdf, { title: 'x', data: PDF_BYTES })).rejects.toThrow(/^打印失败：临时文件夹所在的磁盘空间不足（剩余 100 MB/);
    expect(printFiles()).toEqual([]);
    expect(shell.openPath).not.toHaveBeenCalled();
  });
});

describe('openFolder', () => {
  it('refuses a configured backup folder that is not a folder (a program would be run), in Chinese', async () => {
    const program = path.join(sandbox, 'setup.exe');
    writeFileSync(program, 'MZ');
    writeFileSync(path.join(electron.paths.userData!, 'backup-settings.json'), JSON.stringify({ folder: program }));
    await expect(call(CHANNELS.openFolder, { which: 'backups' })).rejects.toThrow(/^无法打开：.*setup\.exe 不是文件夹。请在“备份与恢复”页面重新选择/);
    expect(shell.openPath).not.toHaveBeenCalled();
  });

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

describe('backup channels', () => {
  const backupBytes = collectBytes(writeBackup(toInput(makeDataset(3, 4, [2_000]))));
  const backupsFolder = () => path.join(electron.paths.userData!, 'backups');

  async function begin(payload: unknown): Promise<string> {
    const begun = (await call(CHANNELS.backupBegin, payload)) as BackupBeginResult;
    if (!begun.started) throw new Error('not started');
    return begun.writeId;
  }

  it('write an automatic backup into the backup folder, verified, and list it', async () => {
    const bytes = await backupBytes;
    await expect(call(CHANNELS.backupStatus)).resolves.toEqual({ automatic: true, folder: backupsFolder(), files: [], removable: false });
    // A path sent along with the request is ignored: the host alone decides where backups go.
    const writeId = await begin({ kind: 'daily', timeZone: 'Asia/Shanghai', folder: '/etc', path: '/etc/passwd' });
    await call(CHANNELS.backupChunk, { writeId, data: bytes.subarray(0, 1000) });
    await call(CHANNELS.backupChunk, { writeId, data: bytes.subarray(1000) });
    const result = (await call(CHANNELS.backupFinish, { writeId })) as BackupFinishResult;
    expect(path.dirname(result.path)).toBe(backupsFolder());
    expect(path.basename(result.path)).toMatch(/^台账备份-\d{8}-\d{6}-daily\.mlbackup$/);
    expect(new Uint8Array(readFileSync(result.path))).toEqual(bytes);
    const status = (await call(CHANNELS.backupStatus)) as BackupStatus;
    expect(status.files.map((file) => [file.name, file.kind, file.bytes])).toEqual([[path.basename(result.path), 'daily', bytes.length]]);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('ask for the folder of a manual backup (a folder dialog that can create folders); cancel writes nothing', async () => {
    await expect(call(CHANNELS.backupBegin, { kind: 'manual', timeZone: 'Asia/Shanghai' })).resolves.toEqual({ started: false });
    const options = vi.mocked(dialog.showOpenDialog).mock.calls[0]?.[0];
    expect(options).toMatchObject({ defaultPath: backupsFolder(), properties: ['openDirectory', 'createDirectory'] });
    expect(readdirSync(electron.paths.userData!)).toEqual([]);

    electron.openDialogResult = { canceled: false, filePaths: [electron.paths.downloads!] };
    const writeId = await begin({ kind: 'manual', timeZone: 'Asia/Shanghai' });
    await call(CHANNELS.backupChunk, { writeId, data: await backupBytes });
    const result = (await call(CHANNELS.backupFinish, { writeId })) as BackupFinishResult;
    expect(path.dirname(result.path)).toBe(electron.paths.downloads);
  });

  it('let the clerk choose the backup folder, which openFolder then opens', async () => {
    await expect(call(CHANNELS.chooseBackupFolder)).resolves.toBeUndefined();
    electron.openDialogResult = { canceled: false, filePaths: [electron.paths.downloads!] };
    await expect(call(CHANNELS.chooseBackupFolder)).resolves.toBe(electron.paths.downloads);
    await call(CHANNELS.openFolder, { which: 'backups' });
    expect(shell.openPath).toHaveBeenCalledExactlyOnceWith(electron.paths.downloads);
    expect(((await call(CHANNELS.backupStatus)) as BackupStatus).folder).toBe(electron.paths.downloads);
  });

  it.each([
    ['an empty chunk', CHANNELS.backupChunk, { writeId: 'a'.repeat(32), data: new Uint8Array(0) }, /备份数据块大小不合法/],
    ['an oversize chunk', CHANNELS.backupChunk, { writeId: 'a'.repeat(32), data: new Uint8Array(MAX_BACKUP_CHUNK_BYTES + 1) }, /备份数据块大小不合法/],
    ['a chunk as a plain array', CHANNELS.backupChunk, { writeId: 'a'.repeat(32), data: [1, 2, 3] }, /请求内容不合法/],
    ['a write id that is a path', CHANNELS.backupChunk, { writeId: '../../etc/passwd', data: PDF_BYTES }, /备份写入编号不合法/],
    ['an upper-case write id', CHANNELS.backupFinish, { writeId: 'A'.repeat(32) }, /备份写入编号不合法/],
    ['a short write id', CHANNELS.backupAbort, { writeId: 'a'.repeat(31) }, /备份写入编号不合法/],
    ['an unknown kind', CHANNELS.backupBegin, { kind: 'weekly' }, /请求内容不合法/],
    ['no kind', CHANNELS.backupBegin, undefined, /请求内容不合法/],
    ['a backup without the institution’s time zone', CHANNELS.backupBegin, { kind: 'manual' }, /请求内容不合法/],
    ['a time zone that is no zone’s name', CHANNELS.backupBegin, { kind: 'manual', timeZone: '../Asia/Shanghai' }, /时区名称不合法/],
    ['an overlong time zone', CHANNELS.backupBegin, { kind: 'daily', timeZone: 'A'.repeat(101) }, /请求内容不合法/],
    ['an overlong passphrase', CHANNELS.backupFinish, { writeId: 'a'.repeat(32), passphrase: 'x'.repeat(1025) }, /请求内容不合法/],
    ['a quitReady without a boolean', CHANNELS.quitReady, { backedUp: 'yes' }, /请求内容不合法/],
  ])('refuse %s in Chinese and write nothing', async (_label, channel, payload, pattern) => {
    await expect(call(channel, payload)).rejects.toThrow(pattern);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(readdirSync(electron.paths.userData!)).toEqual([]);
  });

  it('refuse an unknown write id and a second backup while one is open', async () => {
    await expect(call(CHANNELS.backupChunk, { writeId: 'b'.repeat(32), data: PDF_BYTES })).rejects.toThrow(/已结束或不存在/);
    await expect(call(CHANNELS.backupFinish, { writeId: 'b'.repeat(32) })).rejects.toThrow(/已结束或不存在/);
    const writeId = await begin({ kind: 'daily', timeZone: 'Asia/Shanghai' });
    await expect(call(CHANNELS.backupBegin, { kind: 'daily', timeZone: 'Asia/Shanghai' })).rejects.toThrow(/另一个备份正在进行中/);
    await call(CHANNELS.backupAbort, { writeId });
    expect(readdirSync(backupsFolder())).toEqual([]);
    await expect(begin({ kind: 'daily', timeZone: 'Asia/Shanghai' })).resolves.toMatch(/^[0-9a-f]{32}$/);
  });

  it('cannot wipe the automatic backups: the probe of 40 begin/finish rounds leaves all 25 genuine backups', async () => {
    mkdirSync(backupsFolder(), { recursive: true });
    const genuine = [
      ...Array.from({ length: 15 }, (_, i) => `台账备份-202601${String(i + 1).padStart(2, '0')}-080000-daily.mlbackup`),
      ...Array.from({ length: 10 }, (_, i) => `台账备份-202601${String(i + 1).padStart(2, '0')}-180000-quit.mlbackup`),
    ];
    for (const name of genuine) writeFileSync(path.join(backupsFolder(), name), name);
    const empty = await collectBytes(writeBackup(toInput(makeDataset(5, 0, []))));
    const written: string[] = [];
    for (let round = 0; round < 40; round += 1) {
      const begun = (await call(CHANNELS.backupBegin, { kind: round % 2 === 0 ? 'daily' : 'quit', timeZone: 'Asia/Shanghai' }).catch(() => ({ started: false }))) as BackupBeginResult;
      if (!begun.started) continue;
      await call(CHANNELS.backupChunk, { writeId: begun.writeId, data: empty });
      written.push(((await call(CHANNELS.backupFinish, { writeId: begun.writeId })) as BackupFinishResult).path);
    }
    // Today's one daily backup; no on-quit backup while the app is not closing.
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/-daily\.mlbackup$/);
    expect(readdirSync(backupsFolder()).sort()).toEqual([...genuine, path.basename(written[0]!)].sort());
    await expect(call(CHANNELS.backupBegin, { kind: 'quit', timeZone: 'Asia/Shanghai' })).rejects.toThrow(/只在关闭程序时进行/);
  });

  it('quitReady from the main window\'s page lets the held close go through', async () => {
    const { QuitFlow } = await import('../../../electron/quit-flow');
    const { createBackupHost } = await import('../../../electron/ipc');
    const { EventEmitter } = await import('node:events');
    const webContents = Object.assign(new EventEmitter(), { send: vi.fn(), isCrashed: () => false });
    let closeListener: ((event: { preventDefault(): void }) => void) | undefined;
    const window = {
      on: (_event: 'close', listener: (event: { preventDefault(): void }) => void) => (closeListener = listener),
      isDestroyed: () => false,
      close: vi.fn(),
      destroy: vi.fn(),
      webContents,
    };
    const quit = new QuitFlow();
    quit.attach(window);
    electron.handlers.clear();
    registerIpcHandlers({}, { backups: createBackupHost(), quit });

    const preventDefault = vi.fn();
    closeListener?.({ preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(webContents.send).toHaveBeenCalledOnce();
    // An answer from some other page is not the main window's.
    await call(CHANNELS.quitReady, { backedUp: true });
    expect(window.close).not.toHaveBeenCalled();
    await call(CHANNELS.quitReady, { backedUp: true }, { ...APP_EVENT, sender: webContents });
    await vi.waitFor(() => expect(window.close).toHaveBeenCalledOnce());
    expect(window.destroy).not.toHaveBeenCalled();
  });
});
