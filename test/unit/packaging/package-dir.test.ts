// Packaging: electron-builder's `dir` target with the project's real configuration, fed a
// placeholder Electron zip (so it runs offline and fast; fuses are skipped for the placeholder
// only, since it is no Electron executable). app.asar must hold the built app and nothing else.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { Arch, build as buildInstallers, Platform, type Configuration } from 'electron-builder';
import { load } from 'js-yaml';
import { build as viteBuild } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../../scripts/build-electron.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
let work: string;
let appOutDir: string;

/** A zip with the layout of an Electron linux-x64 zip, the executable being a shell script. */
async function placeholderElectronZip(folder: string, version: string): Promise<void> {
  const { zipSync } = await import('fflate');
  const file = (text: string): Uint8Array => new TextEncoder().encode(text);
  const zip = zipSync({
    electron: [file('#!/bin/sh\necho placeholder\n'), { os: 3, attrs: (0o100755 << 16) >>> 0 }],
    'locales/en-US.pak': file('x'),
    'locales/zh-CN.pak': file('x'),
    'locales/fr.pak': file('x'),
    LICENSE: file('placeholder'),
    version: file(version),
  });
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, `electron-v${version}-linux-x64.zip`), zip);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'ledger-package-'));
  const project = path.join(work, 'project');
  mkdirSync(project);
  // The project as `npm run dist` sees it: its package.json and node_modules, fresh builds.
  writeFileSync(path.join(project, 'package.json'), readFileSync(path.join(root, 'package.json')));
  symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir: path.join(project, 'dist', 'renderer') } });
  await buildElectron(root, { logLevel: 'silent', outDir: path.join(project, 'dist-electron') });
  const version = (JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const zips = path.join(work, 'electron-zips');
  await placeholderElectronZip(zips, version);
  const config = load(readFileSync(path.join(root, 'build', 'electron-builder.yml'), 'utf8')) as Configuration;
  await buildInstallers({
    projectDir: project,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: {
      ...config,
      electronDist: zips,
      electronFuses: null, // the placeholder has no fuse wire; the real build flips them (electron-fuses.test.ts)
      directories: { output: path.join(work, 'release'), buildResources: path.join(root, 'build') },
    },
  });
  appOutDir = path.join(work, 'release', 'linux-unpacked');
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('packaged app (dir target)', () => {
  it('holds only the built renderer, main, preload and package.json in app.asar', () => {
    const entries = listPackage(path.join(appOutDir, 'resources', 'app.asar'), { isPack: false }).map((entry) => entry.split(path.sep).join('/'));
    const files = entries.filter((entry) => /\.[a-z0-9]+$/i.test(path.posix.basename(entry)));
    expect(files).toContain('/package.json');
    expect(files).toContain('/dist-electron/main.cjs');
    expect(files).toContain('/dist-electron/preload.cjs');
    expect(files).toContain('/dist/renderer/index.html');
    const unexpected = files.filter((entry) => entry !== '/package.json' && !/^\/dist-electron\/(main|preload)\.cjs$/.test(entry) && !entry.startsWith('/dist/renderer/'));
    expect(unexpected).toEqual([]);
    expect(entries.filter((entry) => /node_modules|\.map$|\.tsx?$|\/(electron|renderer|shared|scripts|test)\//.test(entry.replace(/^\/dist(-electron)?\/renderer\//, '/dist/')))).toEqual([]);
  });

  it('ships the product under its executable name, with no loose app folder beside app.asar', () => {
    const executable = readFileSync(path.join(appOutDir, 'media-ledger'), 'utf8');
    expect(executable).toContain('placeholder');
    expect(() => readFileSync(path.join(appOutDir, 'resources', 'app', 'package.json'))).toThrow();
  });
});
