// The renderer's one door to its host: the Electron preload's bridge when it is there,
// otherwise the browser implementation. The rest of the UI imports `bridge` from here only.
import { BRIDGE_GLOBAL, type LedgerBridge } from '@shared/bridge';
import { browserBridge } from './browser-bridge';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts through contextBridge; absent in the browser edition. */
    ledger: LedgerBridge | undefined;
  }
}

export const bridge: LedgerBridge =
  (typeof window !== 'undefined' ? window[BRIDGE_GLOBAL] : undefined) ?? browserBridge;
