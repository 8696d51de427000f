// The preload exposes exactly one bridge object, one method per channel, and never ipcRenderer.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, CHANNELS, QUIT_REQUESTED_CHANNEL, type LedgerBridge } from '@shared/bridge';
import { buildElectron } from '../../../scripts/build-electron.mjs';

const exposed = vi.hoisted(() => ({ calls: [] as Array<[string, unknown]> }));
const ipcRenderer = vi.hoisted(() => ({ invoke: vi.fn(), send: vi.fn(), on: vi.fn() }));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.calls.push([key, api])),
  },
  ipcRenderer,
}));

await import('../../../electron/preload');
const { cleanIpcErrorMessage } = await import('../../../electron/preload');

// Compile-time: one bridge method per channel, except that the page answers a quit request
// (quitReady) through onQuitRequested's handler rather than calling it itself.
type BridgeMethods = Exclude<keyof LedgerBridge, 'host' | 'onQuitRequested'>;
type ChannelKeys = Exclude<keyof typeof CHANNELS, 'quitReady'>;
const sameKeys: [BridgeMethods] extends [ChannelKeys] ? ([ChannelKeys] extends [BridgeMethods] ? true : false) : false = true;
const BRIDGE_METHODS = [...Object.keys(CHANNELS).filter((key) => key !== 'quitReady'), 'onQuitRequested'];

function exposedBridge(): Record<string, unknown> {
  expect(exposed.calls).toHaveLength(1);
  const [key, api] = exposed.calls[0]!;
  expect(key).toBe(BRIDGE_GLOBAL);
  return api as Record<string, unknown>;
}

describe('preload', () => {
  it('exposes exactly one object, under "ledger"', () => {
    expect(sameKeys).toBe(true);
    expect(exposed.calls.map(([key]) => key)).toEqual(['ledger']);
  });

  it('has host "electron" and exactly the LedgerBridge methods', () => {
    const api = exposedBridge();
    expect(Object.keys(api).sort()).toEqual(['host', ...BRIDGE_METHODS].sort());
    expect(api.host).toBe('electron');
    for (const key of BRIDGE_METHODS) expect(typeof api[key]).toBe('function');
  });

  it('never exposes ipcRenderer or any of its functions', () => {
    const api = exposedBridge();
    for (const value of Object.values(api)) {
      expect(value).not.toBe(ipcRenderer);
      expect(value).not.toBe(ipcRenderer.invoke);
      expect(value).not.toBe(ipcRenderer.send);
      expect(value).not.toBe(ipcRenderer.on);
    }
  });

  it('invokes one channel per method with the payload', async () => {
    const api = exposedBridge() as unknown as LedgerBridge;
    ipcRenderer.invoke.mockResolvedValueOnce({ saved: true, path: '/home/clerk/下载/a.pdf' });
    const data = new Uint8Array([1, 2, 3]);
    await expect(api.saveFile({ suggestedName: 'a.pdf', data })).resolves.toEqual({ saved: true, path: '/home/clerk/下载/a.pdf' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(CHANNELS.saveFile, { suggestedName: 'a.pdf', data });

    ipcRenderer.invoke.mockResolvedValueOnce(undefined);
    await api.printPdf({ title: 't', data });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(CHANNELS.printPdf, { title: 't', data });

    ipcRenderer.invoke.mockResolvedValueOnce(undefined);
    await api.openFolder({ which: 'backups' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(CHANNELS.openFolder, { which: 'backups' });

    ipcRenderer.invoke.mockResolvedValueOnce('0.1.0');
    await expect(api.appVersion()).resolves.toBe('0.1.0');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(CHANNELS.appVersion, undefined);

    ipcRenderer.invoke.mockResolvedValueOnce('/home/clerk/.config/新媒体阵地台账');
    await expect(api.dataFolder()).resolves.toBe('/home/clerk/.config/新媒体阵地台账');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(CHANNELS.dataFolder, undefined);
  });

  it('invokes the backup channels with their payloads and hands back the results', async () => {
    const api = exposedBridge() as unknown as LedgerBridge;
    const writeId = 'c'.repeat(32);
    const data = new Uint8Array([9, 8, 7]);
    const cases: Array<[() => Promise<unknown>, string, unknown, unknown]> = [
      [() => api.backupBegin({ kind: 'daily', timeZone: 'Asia/Shanghai' }), CHANNELS.backupBegin, { kind: 'daily', timeZone: 'Asia/Shanghai' }, { started: true, writeId, folder: '/b' }],
      [() => api.backupChunk({ writeId, data }), CHANNELS.backupChunk, { writeId, data }, undefined],
      [() => api.backupFinish({ writeId, passphrase: 'p' }), CHANNELS.backupFinish, { writeId, passphrase: 'p' }, { path: '/b/x.mlbackup', bytes: 3, removed: [] }],
      [() => api.backupAbort({ writeId }), CHANNELS.backupAbort, { writeId }, undefined],
      [() => api.backupStatus(), CHANNELS.backupStatus, undefined, { automatic: true, folder: '/b', files: [] }],
      [() => api.chooseBackupFolder(), CHANNELS.chooseBackupFolder, undefined, '/media/u'],
    ];
    for (const [run, channel, payload, answer] of cases) {
      ipcRenderer.invoke.mockResolvedValueOnce(answer);
      await expect(run()).resolves.toEqual(answer);
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channel, payload);
    }
  });

  it('hands the main process\'s Chinese message to the renderer without Electron\'s prefix', async () => {
    const api = exposedBridge() as unknown as LedgerBridge;
    ipcRenderer.invoke.mockRejectedValueOnce(
      new Error("Error invoking remote method 'ledger:save-file': Error: 请求内容不合法：suggestedName：文件名不合法"),
    );
    await expect(api.saveFile({ suggestedName: 'x', data: new Uint8Array() })).rejects.toThrow(
      /^请求内容不合法：suggestedName：文件名不合法$/,
    );
    expect(cleanIpcErrorMessage('plain')).toBe('plain');
  });
});

describe('the quit request', () => {
  /** The listener the preload registered for the host's quit request. */
  function quitListener(): (...args: unknown[]) => void {
    const registered = ipcRenderer.on.mock.calls.filter(([channel]) => channel === QUIT_REQUESTED_CHANNEL);
    expect(registered).toHaveLength(1);
    return registered[0]![1] as (...args: unknown[]) => void;
  }

  async function quitReadyAnswer(): Promise<unknown> {
    await vi.waitFor(() => expect(ipcRenderer.invoke).toHaveBeenCalledWith(CHANNELS.quitReady, expect.anything()));
    return ipcRenderer.invoke.mock.calls.find(([channel]) => channel === CHANNELS.quitReady)?.[1];
  }

  // Runs first in this block: no handler has been registered yet.
  it('answers backedUp: false at once when the page has not registered a handler yet', async () => {
    ipcRenderer.invoke.mockReset().mockResolvedValue(undefined);
    quitListener()({});
    expect(await quitReadyAnswer()).toEqual({ backedUp: false });
  });

  it('runs the page\'s handler and answers quitReady with its result', async () => {
    const api = exposedBridge() as unknown as LedgerBridge;
    ipcRenderer.invoke.mockReset().mockResolvedValue(undefined);
    let finishBackup: (done: boolean) => void = () => undefined;
    const handler = vi.fn(() => new Promise<boolean>((resolve) => (finishBackup = resolve)));
    api.onQuitRequested(handler);
    // The page gets no IPC event object (it would hold ipcRenderer).
    quitListener()({ sender: ipcRenderer });
    expect(handler).toHaveBeenCalledWith();
    await Promise.resolve();
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    finishBackup(true);
    expect(await quitReadyAnswer()).toEqual({ backedUp: true });
  });

  it('answers backedUp: false when the handler fails', async () => {
    const api = exposedBridge() as unknown as LedgerBridge;
    ipcRenderer.invoke.mockReset().mockResolvedValue(undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    api.onQuitRequested(async () => {
      throw new Error('磁盘已满');
    });
    quitListener()({});
    expect(await quitReadyAnswer()).toEqual({ backedUp: false });
  });

  it('counts only a true result as backed up, and copes with a failing quitReady', async () => {
    const api = exposedBridge() as unknown as LedgerBridge;
    ipcRenderer.invoke.mockReset().mockRejectedValue(new Error('host gone'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    api.onQuitRequested(async () => 'yes' as unknown as boolean);
    quitListener()({});
    expect(await quitReadyAnswer()).toEqual({ backedUp: false });
    await vi.waitFor(() => expect(console.error).toHaveBeenCalledWith('[preload] quitReady failed:', expect.any(Error)));
  });
});

describe('bundled preload (dist-electron/preload.cjs)', () => {
  it('requires nothing but electron, so it runs in a sandboxed renderer', async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'ledger-bundle-'));
    try {
      const written = await buildElectron(process.cwd(), { logLevel: 'silent', outDir });
      expect(written.map((file) => path.basename(file)).sort()).toEqual(['main.cjs', 'preload.cjs']);
      const code = readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
      const required: string[] = [];
      const exposedHere: Array<[string, unknown]> = [];
      const fakeElectron = {
        contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposedHere.push([key, api]) },
        ipcRenderer: { invoke: async () => undefined, on: () => undefined },
      };
      const module = { exports: {} };
      vm.runInNewContext(code, {
        module,
        exports: module.exports,
        require: (name: string) => {
          required.push(name);
          if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
          return fakeElectron;
        },
      });
      expect([...new Set(required)]).toEqual(['electron']);
      expect(exposedHere.map(([key]) => key)).toEqual(['ledger']);
      const mainCode = readFileSync(path.join(outDir, 'main.cjs'), 'utf8');
      // Only Node built-ins and electron stay external in the main bundle.
      const external = [...mainCode.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
      expect(external.filter((name) => name !== 'electron' && !name?.startsWith('node:'))).toEqual([]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
