// `npm run dist` offline: which files it needs, where they go, and the one line it prints when one
// is missing; plus the installer targets and package fields the deb needs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builderTools, checkInputs, electronVersion, platformsOf, requiredInputs } from '../../../scripts/dist.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
let folder: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'ledger-dist-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('offline release inputs', () => {
  it('needs the Electron zips of every target and electron-builder’s tool archives, in release-inputs/', () => {
    const { version } = electronVersion(root);
    const inputs = requiredInputs({ root, platforms: ['linux', 'win32'], hostArch: 'x64' }).map((input) => path.relative(root, input.file).split(path.sep).join('/'));
    expect(inputs).toEqual([
      `release-inputs/electron/electron-v${version}-linux-x64.zip`,
      `release-inputs/electron/electron-v${version}-linux-arm64.zip`,
      'release-inputs/electron-builder/fpm@2.1.4/fpm-1.17.0-ruby-3.4.3-linux-amd64.7z',
      'release-inputs/electron-builder/appimage-12.0.1/appimage-12.0.1.7z',
      `release-inputs/electron/electron-v${version}-win32-x64.zip`,
      'release-inputs/electron-builder/nsis-3.0.4.1/nsis-3.0.4.1.7z',
      'release-inputs/electron-builder/nsis-resources-3.4.1/nsis-resources-3.4.1.7z',
      'release-inputs/electron-builder/winCodeSign-2.6.0/winCodeSign-2.6.0.7z',
    ]);
  });

  it('knows each Electron zip’s SHA-256 from the electron package', () => {
    for (const input of requiredInputs({ root, platforms: ['linux', 'win32'] }).filter((i) => i.file.endsWith('.zip'))) {
      expect(input.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('names tool archives exactly as the installed electron-builder fetches them', () => {
    const toolsets = ['linux', 'windows'].map((name) => readFileSync(path.join(root, 'node_modules/app-builder-lib/out/toolsets', `${name}.js`), 'utf8')).join('\n');
    for (const tool of [...builderTools('linux', 'x64'), ...builderTools('linux', 'arm64'), ...builderTools('win32')]) {
      expect(toolsets).toContain(`"${tool.file}"`);
      expect(toolsets).toContain(tool.release.replace(/@.*/, ''));
    }
  });

  it('says in one line, without a stack, which file is missing and where it goes', () => {
    const inputs = [
      { file: path.join(folder, 'release-inputs/electron/electron-v45.6.0-linux-arm64.zip'), folder: 'release-inputs/electron/' },
      { file: path.join(folder, 'release-inputs/electron-builder/appimage-12.0.1/appimage-12.0.1.7z'), folder: 'release-inputs/electron-builder/appimage-12.0.1/' },
    ];
    const line = checkInputs(inputs) ?? '';
    expect(line).not.toContain('\n');
    expect(line).toContain('缺少 electron-v45.6.0-linux-arm64.zip，请放到 release-inputs/electron/');
    expect(line).toContain('electron-v45.6.0-linux-arm64.zip is missing; put it in release-inputs/electron/');
    expect(line).toContain('1 more missing');
    expect(line).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('refuses an Electron zip whose SHA-256 differs, and passes when every file is right', () => {
    const file = path.join(folder, 'electron-v45.6.0-linux-x64.zip');
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, 'zip bytes');
    const good = createHash('sha256').update('zip bytes').digest('hex');
    expect(checkInputs([{ file, folder: 'release-inputs/electron/', sha256: good }])).toBeUndefined();
    expect(checkInputs([{ file, folder: 'release-inputs/electron/', sha256: good.replace(/^./, good.startsWith('0') ? '1' : '0') }])).toContain('SHA-256');
  });

  it('builds for the build machine’s platform unless --linux / --win say otherwise', () => {
    expect(platformsOf([], 'linux')).toEqual(['linux']);
    expect(platformsOf([], 'win32')).toEqual(['win32']);
    expect(platformsOf(['--linux', '--win'], 'linux')).toEqual(['linux', 'win32']);
  });
});

describe('installer configuration', () => {
  const config = load(readFileSync(path.join(root, 'build/electron-builder.yml'), 'utf8')) as {
    electronDist: string;
    win: { target: Array<{ target: string; arch: string[] }> };
    linux: { target: Array<{ target: string; arch: string[] }>; maintainer: string };
  };
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

  it('targets NSIS x64, and deb and AppImage for x64 and arm64, from the Electron zips in release-inputs/electron', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.electronDist).toBe('release-inputs/electron');
  });

  it('gives the deb what it requires: a homepage, an author and a maintainer', () => {
    expect(manifest.homepage).toMatch(/^https?:\/\//);
    expect(manifest.author).toMatchObject({ name: expect.any(String), email: expect.stringContaining('@') });
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect((manifest.scripts as Record<string, string>).dist).toBe('node scripts/dist.mjs');
  });
});
