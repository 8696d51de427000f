// Finds the Electron executable for `npm start`, and words the notice printed when it is missing.
// Kept apart from start.mjs so both can be unit-tested without spawning anything.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Name of the executable inside an Electron dist folder, per platform. */
export function electronExecutableName(platform = process.platform) {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The executable name recorded by the electron package's installer (path.txt), if any. */
function recordedExecutableName(root) {
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const name = readFileSync(pathFile, 'utf8').trim();
  return name.length > 0 ? name : undefined;
}

/** The folder of the electron package installed under `root`, or undefined. */
function electronPackageFolder(root) {
  try {
    const requireFromRoot = createRequire(path.join(root, 'package.json'));
    return path.dirname(requireFromRoot.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/**
 * Returns the absolute path of an Electron executable that exists, or undefined.
 * 1. ELECTRON_OVERRIDE_DIST_PATH: a folder holding the executable (for offline machines).
 * 2. The runtime the electron package downloaded into its dist/ folder. The package itself is
 *    never required here: since Electron 42 its index.js downloads the runtime on first use and
 *    prints a stack trace when that fails, which `npm start` must not do.
 */
export function findElectronBinary({ env = process.env, root, platform = process.platform }) {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const names = [recordedExecutableName(root), electronExecutableName(platform)].filter(Boolean);
    for (const name of names) {
      const candidate = path.resolve(override, name);
      if (isFile(candidate)) return candidate;
    }
    return undefined;
  }
  const folder = electronPackageFolder(root);
  if (!folder) return undefined;
  const names = [recordedExecutableName(root), electronExecutableName(platform)].filter(Boolean);
  for (const name of names) {
    const candidate = path.join(folder, 'dist', name);
    if (isFile(candidate)) return candidate;
  }
  return undefined;
}

/** How long the runtime download may take before `npm start` gives up and serves the browser edition. */
export const DOWNLOAD_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Downloads the Electron runtime with the electron package's own installer (install.js, which
 * verifies the zip against the package's checksums.json). The installer's output is kept, never
 * shown: offline it is a stack trace. Resolves with { ok: true } or { ok: false, reason } where
 * reason is the installer's first error line.
 */
export function downloadElectronRuntime({ root, env = process.env, timeoutMs = DOWNLOAD_TIMEOUT_MS }) {
  const folder = electronPackageFolder(root);
  const installer = folder ? path.join(folder, 'install.js') : undefined;
  if (!installer || !isFile(installer)) {
    return Promise.resolve({ ok: false, reason: 'the electron package is not installed (run npm install)' });
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let output = '';
    const keep = (chunk) => {
      if (output.length < 64 * 1024) output += String(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (error) => resolve({ ok: false, reason: error.message }));
    child.once('close', (code, signal) => {
      if (code === 0) {
        resolve({ ok: true });
        return;
      }
      const firstLine = output.split('\n').map((line) => line.trim()).find((line) => line.length > 0 && !line.startsWith('at '));
      resolve({ ok: false, reason: signal ? `stopped after ${Math.round(timeoutMs / 1000)} s` : (firstLine ?? `exit code ${code}`) });
    });
  });
}

/** One paragraph, Chinese then English: why there is no desktop window and what happens instead. */
export function electronMissingMessage({ env = process.env, mode = 'start', reason } = {}) {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const overrideNoteZh = override ? `（已设置 ELECTRON_OVERRIDE_DIST_PATH=${override}，但该文件夹中没有 electron 可执行文件）` : '';
  const overrideNoteEn = override ? ` (ELECTRON_OVERRIDE_DIST_PATH is set to ${override}, but no electron executable is there)` : '';
  const insteadZh = mode === 'dev' ? '现在只启动开发服务器，请用浏览器打开下面的地址。' : '现在改为启动浏览器版，数据保存在本机这个浏览器中。';
  const insteadEn = mode === 'dev'
    ? 'Only the dev server is starting; open the address below in a browser.'
    : 'Starting the browser edition instead; its data stays in this browser on this machine.';
  const zh = [
    `未找到 Electron 运行时${overrideNoteZh}：首次启动时需要从互联网下载一个程序文件，离线的电脑无法完成。`,
    '如需桌面版，请用 npm run dist 生成安装包（Windows 安装程序、deb、AppImage，离线打包方法见 README）后拷贝到本机安装，',
    `或把环境变量 ELECTRON_OVERRIDE_DIST_PATH 设为包含 electron 可执行文件的文件夹。${insteadZh}`,
  ].join('');
  const en = [
    `The Electron runtime is not installed${overrideNoteEn}: the first start downloads a binary, which an offline machine cannot do${reason ? ` (${reason})` : ''}.`,
    'For the desktop edition, build the installers with `npm run dist` (offline too, see README) and install them here,',
    `or set ELECTRON_OVERRIDE_DIST_PATH to the folder containing the electron executable. ${insteadEn}`,
  ].join(' ');
  return `${zh} ${en}`;
}

/** Prints the notice through `log` (console.log by default). */
export function reportMissingElectron({ env = process.env, mode = 'start', reason, log = console.log } = {}) {
  log(electronMissingMessage({ env, mode, reason }));
}

/**
 * The Electron executable for `npm start`: the one found, or else the one the electron package's
 * installer downloads now (once, on a connected machine). Undefined when neither works; the
 * notice saying why has then been printed through `log`.
 */
export async function locateOrDownloadElectron({ root, env = process.env, mode = 'start', log = console.log, download = downloadElectronRuntime }) {
  const found = findElectronBinary({ env, root });
  if (found) return found;
  let reason;
  if (!env.ELECTRON_OVERRIDE_DIST_PATH) {
    log('正在下载 Electron 运行时（仅首次）… / Downloading the Electron runtime (first start only)…');
    const result = await download({ root, env });
    if (result.ok) {
      const downloaded = findElectronBinary({ env, root });
      if (downloaded) return downloaded;
    } else {
      reason = result.reason;
    }
  }
  reportMissingElectron({ env, mode, reason, log });
  return undefined;
}
