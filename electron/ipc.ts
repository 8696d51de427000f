// The main-process side of the bridge: one ipcMain.handle per channel of shared/bridge.ts.
// Every call is checked twice before anything happens: the sender frame must be the app's own
// page, and the payload must pass the shared zod schema. Errors reach the clerk, so they are Chinese.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import type { IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import {
  BridgeError,
  encodeBridgeError,
  backupAbortRequestSchema,
  backupBeginRequestSchema,
  backupChunkRequestSchema,
  backupFinishRequestSchema,
  CHANNELS,
  openFolderRequestSchema,
  printPdfRequestSchema,
  quitReadyRequestSchema,
  saveFileRequestSchema,
  type SaveFileResult,
} from '@shared/bridge';
import { BackupHost, type BackupHostOptions, type FolderDialogOptions } from './backups';
import { describeWriteError, freeBytes, FREE_SPACE_RESERVE_BYTES, lowSpaceReason, writeFileAtomic } from './file-writes';
import type { QuitFlow } from './quit-flow';
import { isTrustedAppUrl, type SecurityOptions } from './security';

/** Chinese texts for zod's built-in messages; the schemas' own messages are already Chinese. */
const zodChinese = zhCN();

/** Sub-folder of the temp directory holding PDFs handed to the system viewer for printing. */
export const PRINT_TEMP_FOLDER = 'media-ledger-print';
const PRINT_TEMP_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/**
 * A print stays pending this long after the viewer was started: its window takes a moment to
 * appear, and a second print meanwhile is a double click (or a page printing in a loop), not a job.
 */
export const PRINT_SETTLE_MS = 3_000;
const PRINT_PENDING = '上一份文件正在送往打印，请在打开的 PDF 阅读器中打印，稍等几秒后再试。';

/** Rejects calls from anything but the app's own page (a foreign or injected frame). */
export function assertTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, options: SecurityOptions): void {
  const url = event.senderFrame?.url;
  if (!url || !isTrustedAppUrl(url, options)) {
    console.error(`[ipc] refused a call from an untrusted frame: ${url ?? '(none)'}`);
    throw new BridgeError('refused', '已拒绝：该请求不是来自本应用的页面。');
  }
}

/** Parses `payload` with `schema`, or throws an Error whose message lists the problems in Chinese. */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown): T {
  const result = schema.safeParse(payload, { error: zodChinese.localeError });
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}：${issue.message}` : issue.message))
    .join('；');
  throw new BridgeError('invalid-request', `请求内容不合法：${problems}`);
}

/** A file-name stem from a form title: no path characters, not too long, never empty. */
export function safeFileStem(title: string): string {
  const cleaned = Array.from(title, (ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? '_' : ch))
    .join('')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  // Cut by code points, so a rare character outside the BMP (生僻字) is never split in half.
  const stem = Array.from(cleaned).slice(0, 60).join('');
  return stem.length > 0 ? stem : '打印';
}

function startsWithPdfMagic(data: Uint8Array): boolean {
  const magic = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
  return magic.every((byte, index) => data[index] === byte);
}

function downloadsFolder(): string {
  try {
    return app.getPath('downloads');
  } catch {
    // Some Linux desktops define no XDG downloads folder.
    return os.homedir();
  }
}

async function removeStaleFiles(folder: string, maxAgeMs: number, now: number): Promise<void> {
  const entries = await fs.readdir(folder).catch(() => [] as string[]);
  await Promise.all(
    entries.map(async (name) => {
      const file = path.join(folder, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat?.isFile() && now - stat.mtimeMs > maxAgeMs) await fs.rm(file, { force: true }).catch(() => undefined);
    }),
  );
}

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

async function saveFile(event: IpcMainInvokeEvent, payload: unknown): Promise<SaveFileResult> {
  const request = parsePayload(saveFileRequestSchema, payload);
  const options: SaveDialogOptions = {
    title: '保存文件',
    buttonLabel: '保存',
    defaultPath: path.join(downloadsFolder(), request.suggestedName),
    filters: request.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const owner = BrowserWindow.fromWebContents(event.sender);
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false };
  try {
    await writeFileAtomic(choice.filePath, request.data);
  } catch (error) {
    console.error(`[ipc] saveFile failed for ${choice.filePath}:`, error);
    throw new BridgeError('failed', describeWriteError(error, choice.filePath), { cause: error });
  }
  return { saved: true, path: choice.filePath };
}

/*
 * Printing hands the PDF to the system's PDF viewer (shell.openPath) instead of printing from a
 * hidden BrowserWindow. Why: webContents.print() of a window showing Chromium's PDF plugin has a
 * long record of blank or missing pages because the plugin renders out of process; a hidden
 * window would also give the clerk no preview and no control over printer, copies, duplex or
 * paper tray. The system viewer (Edge or Acrobat on Windows, the document viewer on UOS/Kylin) is
 * what the clerk already prints from and honours the printer driver's settings. The in-app
 * preview still offers the PDF viewer's own print button.
 */
async function printPdf(payload: unknown): Promise<void> {
  const request = parsePayload(printPdfRequestSchema, payload);
  if (!startsWithPdfMagic(request.data)) throw new BridgeError('failed', '打印失败：内容不是有效的 PDF 文件。');
  const folder = path.join(app.getPath('temp'), PRINT_TEMP_FOLDER);
  const now = Date.now();
  const file = path.join(folder, `${safeFileStem(request.title)}-${now}-${randomBytes(3).toString('hex')}.pdf`);
  try {
    await fs.mkdir(folder, { recursive: true });
    // Old print files are no longer open in any viewer; keep the temp folder from growing.
    await removeStaleFiles(folder, PRINT_TEMP_MAX_AGE_MS, now);
  } catch (error) {
    console.error(`[ipc] printPdf could not prepare ${folder}:`, error);
    throw new BridgeError('failed', `打印失败：无法写入临时文件（${describeWriteError(error, folder)}）`, { cause: error });
  }
  const free = await freeBytes(folder);
  if (free !== undefined && free - request.data.length < FREE_SPACE_RESERVE_BYTES) {
    console.error(`[ipc] printPdf refused: ${free} bytes free in ${folder}, ${request.data.length} asked`);
    throw new BridgeError('failed', `打印失败：临时文件夹所在的${lowSpaceReason(free)}。请清理磁盘空间后再试。`);
  }
  try {
    await writeFileAtomic(file, request.data);
  } catch (error) {
    console.error(`[ipc] printPdf could not write ${file}:`, error);
    throw new BridgeError('failed', `打印失败：无法写入临时文件（${describeWriteError(error, file)}）`, { cause: error });
  }
  const openError = await shell.openPath(file);
  if (openError) {
    console.error(`[ipc] printPdf could not open ${file}: ${openError}`);
    throw new BridgeError('failed', '打印失败：本机没有可用的 PDF 阅读器。请先用“保存”把文件存到本机，再用其他程序打开并打印。');
  }
}

/**
 * printPdf with one print pending at a time: each call writes up to 512 MiB to the temp folder and
 * starts the system viewer without any action of the clerk, so a second one is refused until the
 * first has reached its viewer and PRINT_SETTLE_MS have passed (a failed print frees it at once).
 */
function onePrintAtATime(): (payload: unknown) => Promise<void> {
  let pending = false;
  return async (payload) => {
    if (pending) throw new BridgeError('failed', PRINT_PENDING);
    pending = true;
    try {
      await printPdf(payload);
    } catch (error) {
      pending = false;
      throw error;
    }
    setTimeout(() => (pending = false), PRINT_SETTLE_MS).unref?.();
  };
}

/**
 * Opens one of the app's own folders, created when missing. Only a folder is opened: the backup
 * folder comes from a settings file, and shell.openPath would run a program the path named.
 */
async function openOwnFolder(folder: string): Promise<void> {
  await fs.mkdir(folder, { recursive: true }).catch((error: unknown) => console.error(`[ipc] openFolder could not create ${folder}:`, error));
  const info = await fs.stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) {
    console.error(`[ipc] openFolder refused ${folder}: not a folder`);
    throw new BridgeError('failed', `无法打开：${folder} 不是文件夹。请在“备份与恢复”页面重新选择自动备份文件夹。`);
  }
  const openError = await shell.openPath(folder);
  if (openError) {
    console.error(`[ipc] openFolder could not open ${folder}: ${openError}`);
    throw new BridgeError('failed', `无法打开文件夹：${folder}。请在文件管理器中手动打开该位置。`);
  }
}

/** The folder dialog of the backups, attached to the asking window when there is one. */
async function showFolderDialog(options: FolderDialogOptions, parent?: BrowserWindow | null): Promise<string | undefined> {
  const dialogOptions: OpenDialogOptions = { ...options, properties: ['openDirectory', 'createDirectory'] };
  const choice = parent ? await dialog.showOpenDialog(parent, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
  return choice.canceled ? undefined : choice.filePaths[0];
}

/**
 * The backups of this installation: the folder settings live in the user-data folder. `closing`
 * (the quit flow's) is the only thing that lets an on-quit backup begin.
 */
export function createBackupHost(schedule: Pick<BackupHostOptions, 'closing'> = {}): BackupHost {
  return new BackupHost({ userData: () => app.getPath('userData'), pickFolder: showFolderDialog, ...schedule });
}

/** What the handlers work with besides Electron itself; main.ts passes the app's instances. */
export interface IpcServices {
  backups: BackupHost;
  /** The close of the main window; without it quitReady is accepted and ignored. */
  quit?: QuitFlow;
}

function ownerOf(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

/** The handler of each bridge method; the mapped type makes a missing channel a type error. */
function createHandlers({ backups, quit }: IpcServices): { readonly [K in keyof typeof CHANNELS]: Handler } {
  const print = onePrintAtATime();
  return {
    saveFile,
    printPdf: (_event, payload) => print(payload),
    async openFolder(_event, payload) {
      const { which } = parsePayload(openFolderRequestSchema, payload);
      await openOwnFolder(which === 'data' ? app.getPath('userData') : await backups.folder());
    },
    appVersion: async () => app.getVersion(),
    dataFolder: async () => app.getPath('userData'),
    async backupBegin(event, payload) {
      const { kind, timeZone } = parsePayload(backupBeginRequestSchema, payload);
      return backups.begin(kind, timeZone, ownerOf(event));
    },
    async backupChunk(_event, payload) {
      const { writeId, data } = parsePayload(backupChunkRequestSchema, payload);
      await backups.chunk(writeId, data);
    },
    async backupFinish(_event, payload) {
      const { writeId, passphrase } = parsePayload(backupFinishRequestSchema, payload);
      return backups.finish(writeId, passphrase);
    },
    async backupAbort(_event, payload) {
      const { writeId } = parsePayload(backupAbortRequestSchema, payload);
      await backups.abort(writeId);
    },
    backupStatus: async () => backups.status(),
    chooseBackupFolder: async (event) => backups.chooseFolder(ownerOf(event)),
    async quitReady(event, payload) {
      const { backedUp } = parsePayload(quitReadyRequestSchema, payload);
      quit?.ready(event.sender, backedUp);
    },
  };
}

/**
 * Registers one ipcMain.handle per channel, each guarded by the sender check. Every accepted
 * call also tells the quit flow that the page is alive (it may be making the on-quit backup).
 */
export function registerIpcHandlers(options: SecurityOptions = {}, services: IpcServices = { backups: createBackupHost() }): void {
  const handlers = createHandlers(services);
  for (const [key, channel] of Object.entries(CHANNELS)) {
    const handler = handlers[key as keyof typeof CHANNELS];
    ipcMain.handle(channel, async (event, payload: unknown) => {
      try {
        assertTrustedSender(event, options);
        services.quit?.noteActivity(event.sender);
        return await handler(event, payload);
      } catch (error) {
        // Only the message crosses to the page: it carries {code, message} (see shared/bridge).
        console.error(`[ipc] ${channel} failed:`, error);
        throw new Error(encodeBridgeError(error), { cause: error });
      }
    });
  }
}
