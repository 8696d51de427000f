// `npm run dist [-- --linux | --win]`: the installers, built without internet from files placed
// beforehand in release-inputs/ (README, "Build installers for an offline machine"):
//   release-inputs/electron/          Electron zips, electron-v<version>-<platform>-<arch>.zip
//                                     (build/electron-builder.yml's electronDist)
//   release-inputs/electron-builder/  electron-builder's tool archives, <release>/<file>
//                                     (its cache, ELECTRON_BUILDER_CACHE)
// Every file is checked first (the Electron zips against the electron package's checksums.json;
// electron-builder checks its own archives), and a missing one is named in one line, no stack.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const ELECTRON_ZIPS_FOLDER = 'release-inputs/electron';
export const BUILDER_CACHE_FOLDER = 'release-inputs/electron-builder';

/** Electron zips per platform, for the targets of build/electron-builder.yml. */
const ELECTRON_ARCHES = { linux: ['x64', 'arm64'], win32: ['x64'] };

/**
 * electron-builder 26.17's tool archives for these targets, as its toolsets name them
 * (app-builder-lib/out/toolsets/*.js, default "0.0.0" toolsets); it verifies each by SHA-256.
 * fpm runs on the build machine, so its archive follows the build machine's architecture.
 */
export function builderTools(platform, hostArch = process.arch) {
  if (platform === 'linux') {
    const fpm = hostArch === 'arm64' ? 'fpm-1.17.0-ruby-3.4.3-linux-arm64v8.7z' : 'fpm-1.17.0-ruby-3.4.3-linux-amd64.7z';
    return [
      { release: 'fpm@2.1.4', file: fpm, purpose: 'deb' },
      { release: 'appimage-12.0.1', file: 'appimage-12.0.1.7z', purpose: 'AppImage' },
    ];
  }
  return [
    { release: 'nsis-3.0.4.1', file: 'nsis-3.0.4.1.7z', purpose: 'NSIS' },
    { release: 'nsis-resources-3.4.1', file: 'nsis-resources-3.4.1.7z', purpose: 'NSIS' },
    { release: 'winCodeSign-2.6.0', file: 'winCodeSign-2.6.0.7z', purpose: 'rcedit (exe icon and version)' },
  ];
}

/** The version of the electron package the app is built with. */
export function electronVersion(root = projectRoot) {
  const requireFromRoot = createRequire(path.join(root, 'package.json'));
  const manifest = JSON.parse(readFileSync(requireFromRoot.resolve('electron/package.json'), 'utf8'));
  return { version: manifest.version, checksums: JSON.parse(readFileSync(path.join(path.dirname(requireFromRoot.resolve('electron/package.json')), 'checksums.json'), 'utf8')) };
}

/** Every file the offline build of `platforms` needs: { file (absolute), folder (relative), sha256? }. */
export function requiredInputs({ root = projectRoot, platforms, hostArch = process.arch }) {
  const { version, checksums } = electronVersion(root);
  const inputs = [];
  for (const platform of platforms) {
    for (const arch of ELECTRON_ARCHES[platform]) {
      const name = `electron-v${version}-${platform}-${arch}.zip`;
      inputs.push({ file: path.join(root, ELECTRON_ZIPS_FOLDER, name), folder: `${ELECTRON_ZIPS_FOLDER}/`, sha256: checksums[name] });
    }
    for (const tool of builderTools(platform, hostArch)) {
      const folder = `${BUILDER_CACHE_FOLDER}/${tool.release}/`;
      inputs.push({ file: path.join(root, folder, tool.file), folder });
    }
  }
  return inputs;
}

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Checks the inputs; returns undefined when all are there, or the one line to print: the first
 * missing (or corrupt) file and where it goes, in Chinese and English.
 */
export function checkInputs(inputs) {
  const missing = inputs.filter((input) => !existsSync(input.file));
  if (missing.length > 0) {
    const [first] = missing;
    const name = path.basename(first.file);
    const others = missing.length - 1;
    const moreZh = others > 0 ? `（另缺 ${others} 个文件）` : '';
    const moreEn = others > 0 ? ` (${others} more missing)` : '';
    return `无法离线打包：缺少 ${name}，请放到 ${first.folder}${moreZh}。 / Cannot build offline: ${name} is missing; put it in ${first.folder}${moreEn}. See README, "Build installers for an offline machine".`;
  }
  for (const input of inputs) {
    if (input.sha256 && sha256(input.file) !== input.sha256) {
      const name = path.basename(input.file);
      return `无法打包：${input.folder}${name} 的 SHA-256 与 electron 包的 checksums.json 不符，请重新获取该文件 / ${input.folder}${name} does not match the SHA-256 in the electron package's checksums.json; fetch it again.`;
    }
  }
  return undefined;
}

/** `--linux` / `--win` from the command line, or the build machine's own platform. */
export function platformsOf(argv, hostPlatform = process.platform) {
  const platforms = [];
  if (argv.includes('--linux')) platforms.push('linux');
  if (argv.includes('--win')) platforms.push('win32');
  if (platforms.length > 0) return platforms;
  return [hostPlatform === 'win32' ? 'win32' : 'linux'];
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env, shell: process.platform === 'win32' });
  return result.status ?? 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const argv = process.argv.slice(2);
  const platforms = platformsOf(argv);
  let problem;
  try {
    problem = checkInputs(requiredInputs({ platforms }));
  } catch (error) {
    problem = `无法打包 / Cannot build: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  let code = run(npm, ['run', 'build']);
  if (code === 0) {
    const builder = path.join(projectRoot, 'node_modules', 'electron-builder', 'cli.js');
    const flags = platforms.map((platform) => (platform === 'win32' ? '--win' : '--linux'));
    const env = { ...process.env, ELECTRON_BUILDER_CACHE: path.join(projectRoot, BUILDER_CACHE_FOLDER) };
    code = run(process.execPath, [builder, '--config', 'build/electron-builder.yml', ...flags, '--publish', 'never'], env);
  }
  process.exit(code);
}
