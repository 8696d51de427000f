// The browser edition's bridge (renderer/bridge): downloads, printing through an iframe, and the
// choice between it and the Electron preload's bridge. The DOM is faked at the few points used.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BridgeError, encodeBridgeError, type LedgerBridge } from '@shared/bridge';

interface FakeElement {
  tagName: string;
  style: Record<string, string>;
  attributes: Record<string, string>;
  listeners: Record<string, () => void>;
  href?: string;
  download?: string;
  src?: string;
  rel?: string;
  title?: string;
  contentWindow?: { print: () => void; focus: () => void };
  click: () => void;
  remove: () => void;
  setAttribute: (name: string, value: string) => void;
  addEventListener: (name: string, listener: () => void) => void;
}

let blobs: Map<string, Blob>;
let created: FakeElement[];
let attached: FakeElement[];
let clicks: Array<{ href?: string; download?: string }>;
let printed: number;

beforeEach(() => {
  vi.resetModules();
  blobs = new Map();
  created = [];
  attached = [];
  clicks = [];
  printed = 0;
  let counter = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:app://ledger/${(counter += 1)}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void blobs.delete(url));
  const createElement = (tagName: string): FakeElement => {
    const element: FakeElement = {
      tagName,
      style: {},
      attributes: {},
      listeners: {},
      click: () => clicks.push({ href: element.href, download: element.download }),
      remove: () => void attached.splice(attached.indexOf(element), 1),
      setAttribute: (name, value) => void (element.attributes[name] = value),
      addEventListener: (name, listener) => void (element.listeners[name] = listener),
    };
    if (tagName === 'iframe') element.contentWindow = { print: () => void (printed += 1), focus: () => undefined };
    created.push(element);
    return element;
  };
  vi.stubGlobal('document', { createElement, body: { append: (element: FakeElement) => attached.push(element) } });
  vi.stubGlobal('window', { open: vi.fn(() => ({})) });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('browser bridge', () => {
  it('saves a file as a download named after the suggestion, with the exact bytes', async () => {
    const { browserBridge } = await import('../../../renderer/bridge/browser-bridge');
    const data = new TextEncoder().encode('台账导出');
    await expect(browserBridge.saveFile({ suggestedName: '台账.csv', data })).resolves.toEqual({ saved: true, path: '台账.csv' });
    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.download).toBe('台账.csv');
    const blob = blobs.get(clicks[0]?.href ?? '');
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(data);
    expect(attached).toEqual([]); // the link was removed again
  });

  it('downloads a Blob as it is (an export made in a worker), and refuses a path as its name', async () => {
    const { saveBlob } = await import('../../../renderer/bridge');
    const data = new Blob([new TextEncoder().encode('工作簿')]);
    await expect(saveBlob({ suggestedName: '审计日志-20261207.xlsx', data })).resolves.toEqual({ saved: true, path: '审计日志-20261207.xlsx' });
    expect(clicks.map((c) => c.download)).toEqual(['审计日志-20261207.xlsx']);
    // The very Blob, not a copy of its bytes.
    expect(blobs.get(clicks[0]?.href ?? '')).toBe(data);
    await expect(saveBlob({ suggestedName: '../x.xlsx', data })).rejects.toThrow(/文件名不合法/);
    expect(clicks).toHaveLength(1);
  });

  it('refuses a path as the file name, in Chinese', async () => {
    const { browserBridge } = await import('../../../renderer/bridge/browser-bridge');
    await expect(browserBridge.saveFile({ suggestedName: '../x', data: new Uint8Array() })).rejects.toThrow(/文件名不合法/);
    expect(clicks).toEqual([]);
  });

  it('prints a PDF through a hidden iframe once it has loaded', async () => {
    vi.useFakeTimers();
    const { browserBridge } = await import('../../../renderer/bridge/browser-bridge');
    const data = new TextEncoder().encode('%PDF-1.7');
    const done = browserBridge.printPdf({ title: '备案表', data });
    const iframe = created.find((element) => element.tagName === 'iframe');
    expect(iframe?.src).toMatch(/^blob:/);
    const blob = blobs.get(iframe?.src ?? '');
    expect(blob?.type).toBe('application/pdf');
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(data);
    expect(attached).toContain(iframe);
    expect(printed).toBe(0);
    iframe?.listeners.load?.();
    await vi.advanceTimersByTimeAsync(1000);
    await done;
    expect(printed).toBe(1);
  });

  it('falls back to a new tab when the frame cannot print', async () => {
    vi.useFakeTimers();
    const { browserBridge } = await import('../../../renderer/bridge/browser-bridge');
    const done = browserBridge.printPdf({ title: 'x', data: new TextEncoder().encode('%PDF-1.7') });
    const iframe = created.find((element) => element.tagName === 'iframe')!;
    iframe.contentWindow = undefined;
    iframe.listeners.load?.();
    await vi.advanceTimersByTimeAsync(1000);
    await done;
    expect(window.open).toHaveBeenCalledWith(iframe.src, '_blank');
  });

  it('explains in Chinese when even the new tab is blocked', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('window', { open: vi.fn(() => null) });
    const { browserBridge } = await import('../../../renderer/bridge/browser-bridge');
    const done = browserBridge.printPdf({ title: 'x', data: new TextEncoder().encode('%PDF-1.7') });
    const rejection = expect(done).rejects.toThrow(/无法打开打印窗口/);
    await vi.advanceTimersByTimeAsync(20_000); // the PDF never loads
    await rejection;
  });

  it('answers version, data folder and open-folder without a host', async () => {
    const { browserBridge, BROWSER_DATA_FOLDER } = await import('../../../renderer/bridge/browser-bridge');
    expect(browserBridge.host).toBe('browser');
    await expect(browserBridge.appVersion()).resolves.toMatch(/^\d+\.\d+\.\d+/);
    await expect(browserBridge.dataFolder()).resolves.toBe(BROWSER_DATA_FOLDER);
    expect(BROWSER_DATA_FOLDER).toContain('IndexedDB');
    await expect(browserBridge.openFolder({ which: 'data' })).resolves.toBeUndefined();
  });
});

describe('bridge selection', () => {
  it('uses the preload bridge when window.ledger exists', async () => {
    const wire = encodeBridgeError(new BridgeError('failed', '无法打开文件夹：D:\\台账。请在文件管理器中手动打开该位置。'));
    const electronBridge = {
      host: 'electron',
      appVersion: () => Promise.resolve('9.9.9'),
      // Only the message crosses contextBridge, with Electron's prefix.
      openFolder: () => Promise.reject(new Error(`Error invoking remote method 'ledger:open-folder': Error: ${wire}`)),
    } as unknown as LedgerBridge;
    vi.stubGlobal('window', { ledger: electronBridge });
    const { bridge } = await import('../../../renderer/bridge');
    expect(bridge.host).toBe('electron');
    await expect(bridge.appVersion()).resolves.toBe('9.9.9');
    // The host's refusal reaches the UI as {code, message}.
    await expect(bridge.openFolder({ which: 'data' })).rejects.toMatchObject({ name: 'BridgeError', code: 'failed', message: '无法打开文件夹：D:\\台账。请在文件管理器中手动打开该位置。' });
  });

  it('saves a Blob through the preload bridge as its bytes (a Blob cannot cross to the host)', async () => {
    const saveFile = vi.fn(() => Promise.resolve({ saved: true, path: 'D:\\导出\\审计日志.xlsx' }));
    vi.stubGlobal('window', { ledger: { host: 'electron', saveFile } as unknown as LedgerBridge });
    const { saveBlob } = await import('../../../renderer/bridge');
    const bytes = new TextEncoder().encode('工作簿');
    const filters = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
    await expect(saveBlob({ suggestedName: '审计日志.xlsx', data: new Blob([bytes]), filters })).resolves.toEqual({ saved: true, path: 'D:\\导出\\审计日志.xlsx' });
    expect(saveFile).toHaveBeenCalledWith({ suggestedName: '审计日志.xlsx', data: bytes, filters });
  });

  it('falls back to the browser bridge otherwise', async () => {
    vi.stubGlobal('window', {});
    const { bridge } = await import('../../../renderer/bridge');
    expect(bridge.host).toBe('browser');
  });
});

describe('browser bridge: backups', () => {
  async function backupFile(): Promise<Uint8Array<ArrayBuffer>> {
    const { writeBackup } = await import('../../../shared/backup/backup-writer');
    const { makeDataset, toInput } = await import('../backup/dataset');
    const parts: Uint8Array[] = [];
    for await (const chunk of writeBackup(toInput(makeDataset(7, 5, [1000, 70_000])))) parts.push(chunk);
    return new Uint8Array(Buffer.concat(parts));
  }

  it('collects the chunks, verifies the whole file, then downloads it under the backup name', async () => {
    const { browserBridge } = await import('../../../renderer/bridge/browser-bridge');
    const file = await backupFile();
    const begun = await browserBridge.backupBegin({ kind: 'manual', timeZone: 'Asia/Shanghai' });
    if (!begun.started) throw new Error('not started');
    expect(begun.writeId).toMatch(/^[0-9a-f]{32}$/);
    for (let at = 0; at < file.length; at += 10_000) await browserBridge.backupChunk({ writeId: begun.writeId, data: file.slice(at, at + 10_000) });
    expect(clicks).toEqual([]); // nothing offered before the end
    const result = await browserBridge.backupFinish({ writeId: begun.writeId });
    expect(result.path).toMatch(/^台账备份-\d{8}-\d{6}-manual\.mlbackup$/);
    expect(result.bytes).toBe(file.length);
    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.download).toBe(result.path);
    expect(new Uint8Array(await blobs.get(clicks[0]?.href ?? '')!.arrayBuffer())).toEqual(new Uint8Array(file));
    expect(await browserBridge.backupStatus()).toMatchObject({ automatic: false, files: [] });
  });

  it('offers nothing when the collected bytes do not verify, and says why in Chinese', async () => {
    const { browserBridge } = await import('../../../renderer/bridge/browser-bridge');
    const file = await backupFile();
    file[Math.floor(file.length / 2)]! ^= 1;
    const begun = await browserBridge.backupBegin({ kind: 'manual', timeZone: 'Asia/Shanghai' });
    if (!begun.started) throw new Error('not started');
    await browserBridge.backupChunk({ writeId: begun.writeId, data: file });
    await expect(browserBridge.backupFinish({ writeId: begun.writeId })).rejects.toThrow(/^备份未通过校验，未保存：备份文件已损坏或被改动/);
    expect(clicks).toEqual([]);
    // The write is over: its id is no longer accepted, and a new backup can start.
    await expect(browserBridge.backupChunk({ writeId: begun.writeId, data: file })).rejects.toThrow('备份写入已结束或不存在');
    await expect(browserBridge.backupBegin({ kind: 'manual', timeZone: 'Asia/Shanghai' })).resolves.toMatchObject({ started: true });
  });

  it('allows one backup at a time; abort ends a write', async () => {
    const { browserBridge } = await import('../../../renderer/bridge/browser-bridge');
    const first = await browserBridge.backupBegin({ kind: 'manual', timeZone: 'Asia/Shanghai' });
    await expect(browserBridge.backupBegin({ kind: 'manual', timeZone: 'Asia/Shanghai' })).rejects.toThrow('另一个备份正在进行中');
    if (!first.started) throw new Error('not started');
    await browserBridge.backupAbort({ writeId: first.writeId });
    await expect(browserBridge.backupFinish({ writeId: first.writeId })).rejects.toThrow('备份写入已结束或不存在');
    await expect(browserBridge.backupBegin({ kind: 'manual', timeZone: 'Asia/Shanghai' })).resolves.toMatchObject({ started: true });
  });
});
