// The main window's options: size, title and the locked-down webPreferences.
import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => ({ windows: [] as Array<{ options: unknown; loaded: string[]; events: string[] }> }));

vi.mock('electron', () => ({
  BrowserWindow: class {
    readonly record: { options: unknown; loaded: string[]; events: string[] };
    constructor(options: unknown) {
      this.record = { options, loaded: [], events: [] };
      created.windows.push(this.record);
    }
    loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    once(event: string): this {
      this.record.events.push(`once:${event}`);
      return this;
    }
    on(event: string): this {
      this.record.events.push(`on:${event}`);
      return this;
    }
  },
}));

const { createMainWindow, mainWindowOptions, WINDOW_TITLE } = await import('../../../electron/window');

describe('main window', () => {
  it('is isolated, sandboxed and without Node in the page', () => {
    const preferences = mainWindowOptions('/app/dist-electron/preload.cjs').webPreferences ?? {};
    // Each security-relevant switch on its own, so a change to any of them in window.ts fails here.
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.nodeIntegrationInSubFrames).toBe(false);
    expect(preferences.webSecurity).toBe(true);
    expect(preferences.allowRunningInsecureContent).toBe(false);
    expect(preferences.spellcheck).toBe(false);
    expect(preferences.webviewTag).toBe(false);
    // The built-in PDF viewer shows the form preview (a blob: PDF in an iframe).
    expect(preferences.plugins).toBe(true);
    expect(preferences.preload).toBe('/app/dist-electron/preload.cjs');
  });

  it('sets no webPreferences beyond the reviewed ones (a new switch must be reviewed and added here)', () => {
    const preferences = mainWindowOptions('/p.cjs').webPreferences ?? {};
    expect(Object.keys(preferences).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'plugins',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('turns on no experimental or extra Blink features (Electronegativity EXPERIMENTAL_FEATURES, BLINK_FEATURES)', () => {
    const preferences = mainWindowOptions('/p.cjs').webPreferences ?? {};
    expect(preferences).not.toHaveProperty('experimentalFeatures');
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('has the product title and the agreed sizes', () => {
    const options = mainWindowOptions('/p.cjs');
    expect(WINDOW_TITLE).toBe('新媒体阵地台账');
    expect(options).toMatchObject({ title: '新媒体阵地台账', width: 1280, height: 860, minWidth: 1024, minHeight: 700 });
  });

  it('is created with those options and loads the start URL', () => {
    createMainWindow('app://ledger/index.html', '/app/dist-electron/preload.cjs');
    const window = created.windows.at(-1);
    expect(window?.options).toEqual(mainWindowOptions('/app/dist-electron/preload.cjs'));
    // The options actually handed to BrowserWindow, checked directly rather than only against the same function.
    const preferences = (window?.options as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.webSecurity).toBe(true);
    expect(preferences.preload).toBe('/app/dist-electron/preload.cjs');
    expect(window?.loaded).toEqual(['app://ledger/index.html']);
    expect(window?.events).toContain('once:ready-to-show');
  });

  it('finds the preload next to the bundled main by default', () => {
    createMainWindow('app://ledger/index.html');
    const options = created.windows.at(-1)?.options as { webPreferences: { preload: string } };
    expect(options.webPreferences.preload).toMatch(/preload\.cjs$/);
  });
});
