// The renderer's one door to its host: the Electron preload's bridge when it is there,
// otherwise the browser implementation. The rest of the UI imports `bridge` from here only.
import { BRIDGE_GLOBAL, BridgeError, decodeBridgeError, type LedgerBridge, type SaveFileResult } from '@shared/bridge';
import { browserBridge, saveBlobInBrowser, type SaveBlobRequest } from './browser-bridge';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts through contextBridge; absent in the browser edition. */
    ledger: LedgerBridge | undefined;
  }
}

/** Turns a host error (only its message crosses contextBridge) back into {code, message}. */
export function asBridgeError(error: unknown): BridgeError {
  return error instanceof BridgeError ? error : decodeBridgeError(error instanceof Error ? error.message : String(error));
}

function decodingErrors(host: LedgerBridge): LedgerBridge {
  const call =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await f(...args);
      } catch (error) {
        throw asBridgeError(error);
      }
    };
  return {
    host: host.host,
    saveFile: call(host.saveFile),
    printPdf: call(host.printPdf),
    openFolder: call(host.openFolder),
    appVersion: call(host.appVersion),
    dataFolder: call(host.dataFolder),
    backupBegin: call(host.backupBegin),
    backupChunk: call(host.backupChunk),
    backupFinish: call(host.backupFinish),
    backupAbort: call(host.backupAbort),
    backupStatus: call(host.backupStatus),
    chooseBackupFolder: call(host.chooseBackupFolder),
    onQuitRequested: (handler) => host.onQuitRequested(handler),
  } satisfies LedgerBridge;
}

const electronBridge = typeof window !== 'undefined' ? window[BRIDGE_GLOBAL] : undefined;

export const bridge: LedgerBridge = electronBridge ? decodingErrors(electronBridge) : browserBridge;

/**
 * Saves a file the window holds as a Blob (an export made in a worker): the browser edition
 * downloads the Blob as it is; the desktop edition reads its bytes (off the window's thread) and
 * saves them through the host like any other file.
 */
export async function saveBlob(request: SaveBlobRequest): Promise<SaveFileResult> {
  if (!electronBridge) return saveBlobInBrowser(request);
  return bridge.saveFile({ ...request, data: new Uint8Array(await request.data.arrayBuffer()) });
}
