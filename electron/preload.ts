// Preload of the main window (bundled to dist-electron/preload.cjs). A sandboxed preload may only
// require 'electron', so everything it needs is bundled in. It exposes exactly one object, the
// LedgerBridge, whose methods each invoke one IPC channel; ipcRenderer itself never leaks out.
import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_GLOBAL,
  CHANNELS,
  QUIT_REQUESTED_CHANNEL,
  type BackupBeginResult,
  type BackupFinishResult,
  type BackupStatus,
  type LedgerBridge,
  type QuitReadyRequest,
  type SaveFileResult,
} from '@shared/bridge';

/**
 * Electron wraps errors thrown by a main-process handler as
 * "Error invoking remote method 'ledger:…': Error: <message>". The renderer shows the message to
 * the clerk, so only the (Chinese) message is kept.
 */
export function cleanIpcErrorMessage(message: string): string {
  return message.replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/, '');
}

async function invoke<T>(channel: string, payload?: unknown): Promise<T> {
  try {
    // The main process answers each channel with the type the bridge declares for it.
    return (await ipcRenderer.invoke(channel, payload)) as T;
  } catch (error) {
    throw new Error(cleanIpcErrorMessage(error instanceof Error ? error.message : String(error)), { cause: error });
  }
}

/** What the page does before the window closes (the on-quit backup); the latest registration wins. */
let quitHandler: (() => Promise<boolean>) | undefined;

/**
 * Answers the host's quit request: runs the page's handler and reports whether it backed up.
 * Always answers, even without a handler or when the handler fails, so the host never waits for
 * its time-out because of the page.
 */
async function answerQuitRequest(): Promise<void> {
  let backedUp = false;
  try {
    backedUp = quitHandler ? (await quitHandler()) === true : false;
  } catch (error) {
    console.error('[preload] the on-quit handler failed:', error);
  }
  const answer: QuitReadyRequest = { backedUp };
  try {
    await ipcRenderer.invoke(CHANNELS.quitReady, answer);
  } catch (error) {
    // The host closes after its time-out anyway.
    console.error('[preload] quitReady failed:', error);
  }
}

// Registered once, when the preload runs (before the page), so a page that never registers a
// handler still answers at once. The IPC event object is not passed on: it holds ipcRenderer.
ipcRenderer.on(QUIT_REQUESTED_CHANNEL, () => {
  void answerQuitRequest();
});

export const electronBridge = {
  host: 'electron',
  saveFile: (request) => invoke<SaveFileResult>(CHANNELS.saveFile, request),
  printPdf: (request) => invoke<void>(CHANNELS.printPdf, request),
  openFolder: (request) => invoke<void>(CHANNELS.openFolder, request),
  appVersion: () => invoke<string>(CHANNELS.appVersion),
  dataFolder: () => invoke<string>(CHANNELS.dataFolder),
  backupBegin: (request) => invoke<BackupBeginResult>(CHANNELS.backupBegin, request),
  backupChunk: (request) => invoke<void>(CHANNELS.backupChunk, request),
  backupFinish: (request) => invoke<BackupFinishResult>(CHANNELS.backupFinish, request),
  backupAbort: (request) => invoke<void>(CHANNELS.backupAbort, request),
  backupStatus: () => invoke<BackupStatus>(CHANNELS.backupStatus),
  chooseBackupFolder: () => invoke<string | undefined>(CHANNELS.chooseBackupFolder),
  onQuitRequested: (handler) => {
    quitHandler = handler;
  },
} satisfies LedgerBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, electronBridge);
