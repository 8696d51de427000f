// Finding the Electron runtime for `npm start`, and the notice printed when it is missing.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  downloadElectronRuntime,
  electronExecutableName,
  electronMissingMessage,
  findElectronBinary,
  locateOrDownloadElectron,
  reportMissingElectron,
} from '../../../scripts/electron-binary.mjs';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ledger-electron-'));
  writeFileSync(path.join(root, 'package.json'), '{"name":"fixture","private":true}');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

/**
 * A node_modules/electron like the real 45.x package: no install-time script; index.js downloads
 * the runtime when first required (and prints a stack trace when that fails), install.js fetches
 * it into dist/ and records the executable's name in path.txt.
 */
function fakeElectronPackage({ withPathTxt, withBinary, installer }: { withPathTxt: boolean; withBinary: boolean; installer?: 'works' | 'offline' }): string {
  const pkg = path.join(root, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron","main":"index.js"}');
  // Requiring the package must never happen: it would try to download and print a stack.
  writeFileSync(path.join(pkg, 'index.js'), "throw new Error('index.js must not be required');\n");
  if (withPathTxt) writeFileSync(path.join(pkg, 'path.txt'), 'electron');
  const binary = path.join(pkg, 'dist', 'electron');
  if (withBinary) {
    mkdirSync(path.dirname(binary), { recursive: true });
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o755);
  }
  if (installer === 'works') {
    writeFileSync(
      path.join(pkg, 'install.js'),
      [
        "const fs = require('fs'); const path = require('path');",
        "fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });",
        "fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '#!/bin/sh\\n', { mode: 0o755 });",
        "fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');",
      ].join('\n'),
    );
  }
  if (installer === 'offline') {
    writeFileSync(
      path.join(pkg, 'install.js'),
      "console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13'); process.exit(1);\n",
    );
  }
  return binary;
}

describe('findElectronBinary', () => {
  it('finds the binary of the electron package when it was downloaded', () => {
    const binary = fakeElectronPackage({ withPathTxt: true, withBinary: true });
    expect(findElectronBinary({ env: {}, root, platform: 'linux' })).toBe(binary);
  });

  it('reports nothing when the package points at a binary that was never downloaded', () => {
    fakeElectronPackage({ withPathTxt: true, withBinary: false });
    expect(findElectronBinary({ env: {}, root, platform: 'linux' })).toBeUndefined();
  });

  it('reports nothing, without requiring the package, when the runtime was never downloaded (no path.txt)', () => {
    fakeElectronPackage({ withPathTxt: false, withBinary: false });
    expect(findElectronBinary({ env: {}, root, platform: 'linux' })).toBeUndefined();
  });

  it('reports nothing when there is no electron package at all', () => {
    expect(findElectronBinary({ env: {}, root, platform: 'linux' })).toBeUndefined();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, a folder holding the executable', () => {
    const dist = path.join(root, 'portable-electron');
    mkdirSync(dist);
    writeFileSync(path.join(dist, 'electron.exe'), '');
    expect(findElectronBinary({ env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, root, platform: 'win32' })).toBe(
      path.join(dist, 'electron.exe'),
    );
  });

  it('does not fall back to node_modules when the override folder is empty', () => {
    fakeElectronPackage({ withPathTxt: true, withBinary: true });
    const empty = path.join(root, 'empty');
    mkdirSync(empty);
    expect(findElectronBinary({ env: { ELECTRON_OVERRIDE_DIST_PATH: empty }, root, platform: 'linux' })).toBeUndefined();
  });

  it('knows the executable name per platform', () => {
    expect(electronExecutableName('linux')).toBe('electron');
    expect(electronExecutableName('win32')).toBe('electron.exe');
  });
});

describe('runtime download at the first start', () => {
  it('downloads the runtime with the package installer and then starts it', async () => {
    const binary = fakeElectronPackage({ withPathTxt: false, withBinary: false, installer: 'works' });
    const lines: string[] = [];
    expect(await locateOrDownloadElectron({ root, env: {}, log: (line) => lines.push(line) })).toBe(binary);
    expect(lines).toEqual(['正在下载 Electron 运行时（仅首次）… / Downloading the Electron runtime (first start only)…']);
  });

  it('offline: keeps the installer stack to itself and explains in one paragraph with the reason', async () => {
    fakeElectronPackage({ withPathTxt: false, withBinary: false, installer: 'offline' });
    expect(await downloadElectronRuntime({ root, env: {} })).toEqual({ ok: false, reason: 'TypeError: fetch failed' });
    const lines: string[] = [];
    expect(await locateOrDownloadElectron({ root, env: {}, log: (line) => lines.push(line) })).toBeUndefined();
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('未找到 Electron 运行时');
    expect(lines[1]).toContain('(TypeError: fetch failed)');
    expect(lines.join('\n')).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('does not download when ELECTRON_OVERRIDE_DIST_PATH names the runtime to use', async () => {
    let downloads = 0;
    const lines: string[] = [];
    const env = { ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'nowhere') };
    const download = () => {
      downloads += 1;
      return Promise.resolve({ ok: true as const });
    };
    expect(await locateOrDownloadElectron({ root, env, log: (line) => lines.push(line), download })).toBeUndefined();
    expect(downloads).toBe(0);
    expect(lines[0]).toContain(path.join(root, 'nowhere'));
  });
});

describe('the electron package the project installs', () => {
  const projectRoot = path.resolve(import.meta.dirname, '../../..');
  const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

  it('is a pinned 45.x devDependency, so an offline npm install keeps it (types included)', () => {
    const manifest = readJson(path.join(projectRoot, 'package.json'));
    expect(manifest.optionalDependencies ?? {}).not.toHaveProperty('electron');
    expect((manifest.devDependencies as Record<string, string>).electron).toMatch(/^45\.\d+\.\d+$/);
  });

  it('runs nothing at install time (the download waits for npm start), and its types are there', () => {
    const pkg = path.join(projectRoot, 'node_modules', 'electron');
    const installed = readJson(path.join(pkg, 'package.json'));
    expect(installed.version).toMatch(/^45\./);
    const scripts = (installed.scripts ?? {}) as Record<string, string>;
    expect(Object.keys(scripts).filter((name) => /install|prepare/.test(name))).toEqual([]);
    expect(statSync(path.join(pkg, 'electron.d.ts')).size).toBeGreaterThan(100_000);
  });
});

describe('missing-runtime notice', () => {
  it('prints one paragraph in Chinese and English, explaining why and what happens instead', () => {
    const lines: string[] = [];
    reportMissingElectron({ env: {}, log: (message) => lines.push(message) });
    expect(lines).toHaveLength(1);
    const [text = ''] = lines;
    expect(text).not.toContain('\n');
    expect(text).toContain('未找到 Electron 运行时');
    expect(text).toContain('npm run dist');
    expect(text).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(text).toContain('浏览器版');
    expect(text).toContain('The Electron runtime is not installed');
    expect(text).toContain('downloads a binary');
    expect(text).not.toContain('fetch failed');
    expect(text).toContain('browser edition');
    expect(text).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  });

  it('names the override folder when it was set but holds no executable', () => {
    expect(electronMissingMessage({ env: { ELECTRON_OVERRIDE_DIST_PATH: '/mnt/usb/electron' } })).toContain('/mnt/usb/electron');
  });

  it('says only the dev server starts in dev mode', () => {
    const text = electronMissingMessage({ env: {}, mode: 'dev' });
    expect(text).toContain('开发服务器');
    expect(text).toContain('dev server');
  });
});
