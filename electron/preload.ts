// Preload of the main window (bundled to dist-electron/preload.cjs). A sandboxed preload may only
// require 'electron', so everything it needs is bundled in. It exposes exactly one object, the
// LedgerBridge, whose methods each invoke one IPC channel; ipcRenderer itself never leaks out.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, CHANNELS, type LedgerBridge, type SaveFileResult } from '@shared/bridge';

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

export const electronBridge = {
  host: 'electron',
  saveFile: (request) => invoke<SaveFileResult>(CHANNELS.saveFile, request),
  printPdf: (request) => invoke<void>(CHANNELS.printPdf, request),
  openFolder: (request) => invoke<void>(CHANNELS.openFolder, request),
  appVersion: () => invoke<string>(CHANNELS.appVersion),
  dataFolder: () => invoke<string>(CHANNELS.dataFolder),
} satisfies LedgerBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, electronBridge);
