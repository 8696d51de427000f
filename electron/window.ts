// The main window: its size, title and the locked-down webPreferences. Kept apart from main.ts
// so the options can be unit-tested without starting the app.
import path from 'node:path';
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = '新媒体阵地台账';

/** Options of the main window; `preloadPath` is the bundled dist-electron/preload.cjs. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    title: WINDOW_TITLE,
    // Shown once the first paint is ready, so the clerk never sees a white flash.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // The built-in PDF viewer shows the form preview (a blob: PDF in an iframe).
      plugins: true,
      preload: preloadPath,
      spellcheck: false,
      webviewTag: false,
    },
  };
}

/** Path of the bundled preload next to the bundled main (both live in dist-electron/). */
export function defaultPreloadPath(): string {
  return path.join(__dirname, 'preload.cjs');
}

/** Creates the main window and loads `startUrl` (app://ledger/index.html or the dev server). */
export function createMainWindow(startUrl: string, preloadPath: string = defaultPreloadPath()): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  // The page's own <title> would otherwise replace the product name in the title bar.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.loadURL(startUrl).catch((error: unknown) => {
    console.error(`[window] failed to load ${startUrl}:`, error);
  });
  return window;
}
