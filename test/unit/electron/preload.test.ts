// The preload exposes exactly one bridge object, one method per channel, and never ipcRenderer.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, CHANNELS, type LedgerBridge } from '@shared/bridge';
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

// Compile-time: the bridge methods are exactly the channels (plus `host`).
type BridgeMethods = Exclude<keyof LedgerBridge, 'host'>;
type ChannelKeys = keyof typeof CHANNELS;
const sameKeys: [BridgeMethods] extends [ChannelKeys] ? ([ChannelKeys] extends [BridgeMethods] ? true : false) : false = true;

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
    expect(Object.keys(api).sort()).toEqual(['host', ...Object.keys(CHANNELS)].sort());
    expect(api.host).toBe('electron');
    for (const key of Object.keys(CHANNELS)) expect(typeof api[key]).toBe('function');
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
        ipcRenderer: { invoke: async () => undefined },
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
