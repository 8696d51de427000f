// The browser edition's fixed port: the decision when it is taken (the ledger already runs there,
// or another program holds it) and the probe that tells the two apart on real sockets.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BROWSER_EDITION_PORT,
  LEDGER_MARKER_HEADER,
  LEDGER_MARKER_VALUE,
  portDecision,
  probePort,
} from '../../../scripts/browser-port.mjs';
import { serveBrowserEdition } from '../../../scripts/start.mjs';

const servers: http.Server[] = [];

/** A local HTTP server on a free port; `marker` makes it answer like the ledger's browser edition. */
async function listen(marker: boolean): Promise<number> {
  const server = http.createServer((_request, response) => {
    if (marker) response.setHeader(LEDGER_MARKER_HEADER, LEDGER_MARKER_VALUE);
    response.end('<!doctype html><title>x</title>');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('the port of the browser edition', () => {
  it('is fixed and distinctive: not Vite\'s default 4173, below the ephemeral ranges of Linux and Windows', () => {
    expect(BROWSER_EDITION_PORT).toBe(27183);
    expect(BROWSER_EDITION_PORT).toBeLessThan(32768);
  });

  it('is the one vite preview serves on, with strictPort', async () => {
    const { default: config } = await import('../../../vite.config');
    expect(config.preview).toMatchObject({ host: '127.0.0.1', port: BROWSER_EDITION_PORT, strictPort: true });
  });

  it('is served when free', () => {
    expect(portDecision({ free: true, ledger: false })).toEqual({ action: 'serve' });
  });

  it('says in one line that the ledger already runs there, with the address to open', () => {
    const decision = portDecision({ free: false, ledger: true });
    expect(decision.action).toBe('already-running');
    if (decision.action === 'serve') return;
    expect(decision.message).toContain('台账浏览器版已在运行');
    expect(decision.message).toContain('http://127.0.0.1:27183/');
    expect(decision.message).not.toContain('\n');
  });

  it('says in one line that another program holds it, and names no other port', () => {
    const decision = portDecision({ free: false, ledger: false }, 27183);
    expect(decision.action).toBe('taken');
    if (decision.action === 'serve') return;
    expect(decision.message).toMatch(/^端口 27183 已被其他程序占用/);
    expect(decision.message).not.toContain('\n');
    expect(decision.message.match(/\d{4,5}/g)?.every((port) => port === '27183')).toBe(true);
  });
});

describe('probePort', () => {
  it('tells a free port, the ledger and another program apart', async () => {
    const ledger = await listen(true);
    const other = await listen(false);
    await expect(probePort(ledger)).resolves.toEqual({ free: false, ledger: true });
    await expect(probePort(other)).resolves.toEqual({ free: false, ledger: false });
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await expect(probePort(other)).resolves.toEqual({ free: true, ledger: false });
  });
});

describe('serveBrowserEdition on a taken port', () => {
  it('never falls back to another port: the ledger there is reported (exit 0)', async () => {
    const logs: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => logs.push(String(line)));
    const port = await listen(true);
    await expect(serveBrowserEdition('/nonexistent', { port, waitForStop: false })).resolves.toMatchObject({ url: undefined, exitCode: 0 });
    expect(logs).toEqual([expect.stringContaining(`台账浏览器版已在运行：请直接用浏览器打开 http://127.0.0.1:${port}/`)]);
  });

  it('another program there is an error in one line, and nothing is served', async () => {
    const port = await listen(false);
    await expect(serveBrowserEdition('/nonexistent', { port, waitForStop: false })).rejects.toThrow(new RegExp(`^端口 ${port} 已被其他程序占用`));
  });
});
