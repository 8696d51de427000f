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
    const options = mainWindowOptions('/app/dist-electron/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      plugins: true,
      spellcheck: false,
      webviewTag: false,
      preload: '/app/dist-electron/preload.cjs',
    });
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
    expect(window?.loaded).toEqual(['app://ledger/index.html']);
    expect(window?.events).toContain('once:ready-to-show');
  });

  it('finds the preload next to the bundled main by default', () => {
    createMainWindow('app://ledger/index.html');
    const options = created.windows.at(-1)?.options as { webPreferences: { preload: string } };
    expect(options.webPreferences.preload).toMatch(/preload\.cjs$/);
  });
});
