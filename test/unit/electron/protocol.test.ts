// The app:// protocol handler: serves dist/renderer, with MIME types and the CSP, and nothing else.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, mimeTypeFor, resolveAppPath } from '../../../electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security';

vi.mock('electron', () => ({}));

let sandbox: string;
let root: string;
let handler: (request: Request) => Promise<Response>;
const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER';

beforeAll(() => {
  sandbox = mkdtempSync(path.join(os.tmpdir(), 'ledger-protocol-'));
  root = path.join(sandbox, 'dist', 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>台账</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log("台账");');
  writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{margin:0}');
  writeFileSync(path.join(root, 'assets', 'NotoSerifSC.ttf'), Buffer.from([0, 1, 0, 0, 0, 12]));
  writeFileSync(path.join(root, 'assets', 'module.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  writeFileSync(path.join(root, 'assets', '名单 1.txt'), '中文文件名');
  writeFileSync(path.join(sandbox, 'secret.txt'), SECRET);
  symlinkSync(path.join(sandbox, 'secret.txt'), path.join(root, 'assets', 'link-out.txt'));
  handler = createAppProtocolHandler(root);
});

afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

const get = (url: string) => handler(new Request(url));

describe('app:// scheme registration', () => {
  it('is standard, secure, fetch-capable and streamable', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    });
  });
});

describe('serving dist/renderer', () => {
  it('serves index.html with the CSP header', async () => {
    const response = await get('app://ledger/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>台账</title>');
  });

  it('serves index.html for the bare origin', async () => {
    const response = await get('app://ledger/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('台账');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/NotoSerifSC.ttf', 'font/ttf'],
    ['assets/module.wasm', 'application/wasm'],
  ])('serves %s as %s', async (file, mime) => {
    const response = await get(`app://ledger/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(mime);
  });

  it('serves the exact bytes of a binary file', async () => {
    const response = await get('app://ledger/assets/NotoSerifSC.ttf');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 1, 0, 0, 0, 12]));
  });

  it('decodes percent-encoded file names', async () => {
    const response = await get(`app://ledger/assets/${encodeURIComponent('名单 1.txt')}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('中文文件名');
  });

  it('answers 404 for missing files, folders and other hosts', async () => {
    expect((await get('app://ledger/nope.js')).status).toBe(404);
    expect((await get('app://ledger/assets')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
  });

  it('maps unknown extensions to application/octet-stream', () => {
    expect(mimeTypeFor('a/b/c.unknown')).toBe('application/octet-stream');
    expect(mimeTypeFor('FONT.TTF')).toBe('font/ttf');
  });
});

describe('refusing paths outside dist/renderer', () => {
  it.each([
    'app://ledger/../../etc/passwd',
    'app://ledger/../secret.txt',
    'app://ledger/../../secret.txt',
    'app://ledger/%2e%2e/%2e%2e/secret.txt',
    'app://ledger/%2E%2E/secret.txt',
    'app://ledger/..%2f..%2fsecret.txt',
    'app://ledger/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://ledger/assets/..%2f..%2f..%2fsecret.txt',
    'app://ledger/..%5c..%5csecret.txt',
    'app://ledger//etc/passwd',
    'app://ledger/%2Fetc%2Fpasswd',
    `app://ledger/${encodeURIComponent(path.join(os.tmpdir(), 'secret.txt'))}`,
    'app://ledger/C:%5CWindows%5Cwin.ini',
    'app://ledger/index.html%00.js',
    'app://ledger/%E0%A4%A',
    'app://ledger/assets/link-out.txt',
  ])('never serves a file outside for %s', async (url) => {
    const response = await get(url);
    expect(response.status).not.toBe(200);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('reports decoded parent references as refused, not merely missing', () => {
    expect(resolveAppPath(root, 'app://ledger/..%2fsecret.txt')).toEqual({ kind: 'refused' });
    expect(resolveAppPath(root, 'app://ledger/a/..%5C..%5Csecret.txt')).toEqual({ kind: 'refused' });
    expect(resolveAppPath(root, 'app://ledger/x%00y')).toEqual({ kind: 'refused' });
  });

  it('keeps absolute-looking paths inside the root', () => {
    expect(resolveAppPath(root, 'app://ledger//etc/passwd')).toEqual({ kind: 'file', path: path.join(root, 'etc', 'passwd') });
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler(new Request('app://ledger/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});
