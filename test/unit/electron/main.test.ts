// Start-up of the main process: scheme before ready, single instance, hardening, IPC, window.
import type { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, QUIT_REQUESTED_CHANNEL } from '@shared/bridge';

const state = vi.hoisted(() => ({
  gotLock: true,
  log: [] as string[],
  windows: [] as Array<{ options: { webPreferences?: Record<string, unknown> }; url?: string; instance: unknown }>,
  ipcChannels: [] as string[],
  ipcHandlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  userData: '',
  appPath: '/opt/media-ledger/resources/app.asar',
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  permissionRequestHandler: undefined as undefined | ((...args: unknown[]) => void),
  readyResolve: undefined as undefined | (() => void),
  app: undefined as undefined | EventEmitter,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => {
      state.log.push('requestSingleInstanceLock');
      return state.gotLock;
    }),
    quit: vi.fn(() => state.log.push('quit')),
    exit: vi.fn(),
    whenReady: vi.fn(() => {
      state.log.push('whenReady');
      return new Promise<void>((resolve) => (state.readyResolve = resolve));
    }),
    getAppPath: vi.fn(() => state.appPath),
    getPath: vi.fn(() => state.userData),
    getVersion: vi.fn(() => '0.1.0'),
  });
  state.app = app;
  class BrowserWindow extends Emitter {
    static fromWebContents = vi.fn(() => null);
    readonly webContents = Object.assign(new Emitter(), { send: vi.fn(), isCrashed: vi.fn(() => false) });
    readonly close = vi.fn();
    readonly destroy = vi.fn();
    isDestroyed(): boolean {
      return false;
    }
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      super();
      state.windows.push({ options, instance: this });
    }
    loadURL(url: string): Promise<void> {
      state.windows.at(-1)!.url = url;
      return Promise.resolve();
    }
  }
  return {
    app,
    BrowserWindow,
    dialog: { showSaveDialog: vi.fn(), showErrorBox: vi.fn() },
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => {
        state.ipcChannels.push(channel);
        state.ipcHandlers.set(channel, handler);
      }),
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => state.log.push('registerSchemesAsPrivileged')),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
        state.protocolHandlers.set(scheme, handler);
      }),
    },
    session: {
      defaultSession: {
        setSpellCheckerEnabled: vi.fn((enabled: boolean) => state.log.push(`setSpellCheckerEnabled(${enabled})`)),
        setSpellCheckerDictionaryDownloadURL: vi.fn((url: string) => state.log.push(`setSpellCheckerDictionaryDownloadURL(${url})`)),
        setPermissionRequestHandler: vi.fn((handler: (...args: unknown[]) => void) => (state.permissionRequestHandler = handler)),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
      },
    },
    shell: { openPath: vi.fn() },
  };
});

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

beforeEach(() => {
  vi.resetModules();
  state.log.length = 0;
  state.windows.length = 0;
  state.ipcChannels.length = 0;
  state.ipcHandlers.clear();
  state.userData = mkdtempSync(path.join(os.tmpdir(), 'ledger-main-'));
  state.appPath = mkdtempSync(path.join(os.tmpdir(), 'ledger-app-'));
  state.protocolHandlers.clear();
  state.permissionRequestHandler = undefined;
  state.gotLock = true;
  // The mocked app lives across tests; each test's main process starts with no listeners.
  state.app?.removeAllListeners();
});

afterEach(() => {
  rmSync(state.userData, { recursive: true, force: true });
  rmSync(state.appPath, { recursive: true, force: true });
});

/** Loads the main process and lets it past app.whenReady(). */
async function startMain(): Promise<void> {
  await import('../../../electron/main');
  state.readyResolve?.();
  await flush();
}

/** Starts the main process once more, as a new launch: fresh modules, no windows yet. */
async function restartMain(): Promise<void> {
  vi.resetModules();
  state.windows.length = 0;
  await startMain();
}

/** Starts the main process and returns the handler it registered for app://. */
async function startedAppProtocol(): Promise<((request: Request) => Promise<Response>) | undefined> {
  await startMain();
  return state.protocolHandlers.get('app');
}

/** Writes `files` (name → content) into <app path>/dist/renderer, the folder app:// serves. */
function writeRenderer(files: Record<string, string>): void {
  const renderer = path.join(state.appPath, 'dist', 'renderer');
  mkdirSync(renderer, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(renderer, name), content);
}

describe('main process start-up', () => {
  it('registers the app:// scheme before waiting for ready, then opens one locked-down window', async () => {
    await import('../../../electron/main');
    const electron = await import('electron');
    expect(state.log.slice(0, 3)).toEqual(['registerSchemesAsPrivileged', 'requestSingleInstanceLock', 'whenReady']);
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(state.windows).toHaveLength(0);

    state.readyResolve?.();
    await flush();

    expect(state.windows).toHaveLength(1);
    // The spell checker and its dictionary download are off before the window exists (electron/electron#22995).
    expect(state.log.slice(3)).toEqual(['setSpellCheckerEnabled(false)', 'setSpellCheckerDictionaryDownloadURL(http://127.0.0.1:9/)']);
    expect(state.windows[0]?.options.webPreferences?.spellcheck).toBe(false);
    expect(state.windows[0]?.url).toBe('app://ledger/index.html');
    expect(state.windows[0]?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(state.protocolHandlers.has('app')).toBe(true);
    expect([...state.ipcChannels].sort()).toEqual(Object.values(CHANNELS).sort());
    const callback = vi.fn();
    state.permissionRequestHandler?.({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(state.app?.listenerCount('web-contents-created')).toBe(1);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('holds the window\'s close and the menu\'s quit until the page has made its on-quit backup', async () => {
    await startMain();
    const window = state.windows[0]!.instance as EventEmitter & {
      webContents: { send: ReturnType<typeof vi.fn> };
      close: ReturnType<typeof vi.fn>;
    };
    const closeEvent = { preventDefault: vi.fn() };
    window.emit('close', closeEvent);
    expect(closeEvent.preventDefault).toHaveBeenCalledOnce();
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith(QUIT_REQUESTED_CHANNEL);

    // The menu's 退出 (app.quit → before-quit) joins the same flow rather than quitting now.
    const quitEvent = { preventDefault: vi.fn() };
    state.app?.emit('before-quit', quitEvent);
    expect(quitEvent.preventDefault).toHaveBeenCalledOnce();
    expect(window.webContents.send).toHaveBeenCalledOnce();
  });

  it('accepts an on-quit backup only while the window is closing', async () => {
    await startMain();
    const window = state.windows[0]!.instance as EventEmitter & { webContents: unknown };
    const begin = state.ipcHandlers.get(CHANNELS.backupBegin)!;
    const event = { senderFrame: { url: 'app://ledger/index.html' }, sender: window.webContents };
    await expect(begin(event, { kind: 'quit', timeZone: 'Asia/Shanghai' })).rejects.toThrow(/只在关闭程序时进行/);
    window.emit('close', { preventDefault: vi.fn() });
    const begun = (await begin(event, { kind: 'quit', timeZone: 'Asia/Shanghai' })) as { started: boolean; writeId: string };
    expect(begun.started).toBe(true);
    expect(readdirSync(path.join(state.userData, 'backups'))).toHaveLength(1);
    await state.ipcHandlers.get(CHANNELS.backupAbort)!(event, { writeId: begun.writeId });
    expect(readdirSync(path.join(state.userData, 'backups'))).toEqual([]);
  });

  it('serves dist/renderer from the app folder through app://', async () => {
    const page = '<!doctype html><title>台账</title>';
    writeRenderer({ 'index.html': page, 'app.js': 'console.log(1);' });
    const handler = await startedAppProtocol();
    const response = await handler?.(new Request('app://ledger/index.html'));
    expect(response?.status).toBe(200);
    expect(response?.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response?.text()).toBe(page);
    const script = await handler?.(new Request('app://ledger/app.js'));
    expect(script?.status).toBe(200);
    expect(script?.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await script?.text()).toBe('console.log(1);');
  });

  it('answers 404 through app:// for a file dist/renderer does not have', async () => {
    writeRenderer({ 'index.html': '<!doctype html>' });
    const handler = await startedAppProtocol();
    const response = await handler?.(new Request('app://ledger/missing.js'));
    expect(response?.status).toBe(404);
  });

  it('answers 404 through app:// when the app folder has no dist/renderer', async () => {
    const handler = await startedAppProtocol();
    const response = await handler?.(new Request('app://ledger/index.html'));
    expect(response?.status).toBe(404);
  });

  it('quits at once when another instance already runs', async () => {
    state.gotLock = false;
    await import('../../../electron/main');
    expect(state.log).toEqual(['registerSchemesAsPrivileged', 'requestSingleInstanceLock', 'quit']);
    expect(state.windows).toHaveLength(0);
  });

  it('ignores VITE_DEV_SERVER_URL without --dev, and non-local dev URLs with it', async () => {
    const argv = process.argv;
    process.env.VITE_DEV_SERVER_URL = 'http://127.0.0.1:5173/';
    try {
      await startMain();
      expect(state.windows[0]?.url).toBe('app://ledger/index.html');

      process.argv = [...argv, '--dev'];
      process.env.VITE_DEV_SERVER_URL = 'http://192.168.1.5:5173/';
      await restartMain();
      expect(state.windows[0]?.url).toBe('app://ledger/index.html');

      process.env.VITE_DEV_SERVER_URL = 'http://127.0.0.1:5173/';
      await restartMain();
      expect(state.windows[0]?.url).toBe('http://127.0.0.1:5173/');
    } finally {
      process.argv = argv;
      delete process.env.VITE_DEV_SERVER_URL;
    }
  });

  it('has a Chinese menu without developer tools outside dev mode', async () => {
    const { buildMenuTemplate } = await import('../../../electron/main');
    const labels = JSON.stringify(buildMenuTemplate(false));
    expect(labels).toContain('文件');
    expect(labels).toContain('编辑');
    expect(labels).not.toContain('toggleDevTools');
    expect(JSON.stringify(buildMenuTemplate(true))).toContain('toggleDevTools');
  });
});
