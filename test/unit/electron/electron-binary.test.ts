// Finding the Electron runtime for `npm start`, and the notice printed when it is missing.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  electronExecutableName,
  electronMissingMessage,
  findElectronBinary,
  reportMissingElectron,
} from '../../../scripts/electron-binary.mjs';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ledger-electron-'));
  writeFileSync(path.join(root, 'package.json'), '{"name":"fixture","private":true}');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A node_modules/electron like the real package: index.js reads path.txt and points into dist/. */
function fakeElectronPackage({ withPathTxt, withBinary }: { withPathTxt: boolean; withBinary: boolean }): string {
  const pkg = path.join(root, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron","main":"index.js"}');
  writeFileSync(
    path.join(pkg, 'index.js'),
    [
      "const fs = require('fs'); const path = require('path');",
      "const pathFile = path.join(__dirname, 'path.txt');",
      "if (!fs.existsSync(pathFile)) throw new Error('Electron failed to install correctly');",
      "module.exports = path.join(__dirname, 'dist', fs.readFileSync(pathFile, 'utf8'));",
    ].join('\n'),
  );
  if (withPathTxt) writeFileSync(path.join(pkg, 'path.txt'), 'electron');
  const binary = path.join(pkg, 'dist', 'electron');
  if (withBinary) {
    mkdirSync(path.dirname(binary), { recursive: true });
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o755);
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

  it('reports nothing when the package throws (no path.txt), as on this offline machine', () => {
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
