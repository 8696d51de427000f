// Finds the Electron executable for `npm start`, and words the notice printed when it is missing.
// Kept apart from start.mjs so both can be unit-tested without spawning anything.
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

/**
 * Returns the absolute path of an Electron executable that exists, or undefined.
 * 1. ELECTRON_OVERRIDE_DIST_PATH: a folder holding the executable (for offline machines).
 * 2. The electron package in `root`/node_modules. Its index.js returns a path even when the
 *    binary was never downloaded (or throws when path.txt is missing), so the file is checked.
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
  try {
    const requireFromRoot = createRequire(path.join(root, 'package.json'));
    const resolved = requireFromRoot('electron');
    if (typeof resolved === 'string' && isFile(resolved)) return resolved;
  } catch {
    // The package is absent or reports a broken install: treated as "not installed".
  }
  return undefined;
}

/** One paragraph, Chinese then English: why there is no desktop window and what happens instead. */
export function electronMissingMessage({ env = process.env, mode = 'start' } = {}) {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const overrideNoteZh = override ? `（已设置 ELECTRON_OVERRIDE_DIST_PATH=${override}，但该文件夹中没有 electron 可执行文件）` : '';
  const overrideNoteEn = override ? ` (ELECTRON_OVERRIDE_DIST_PATH is set to ${override}, but no electron executable is there)` : '';
  const insteadZh = mode === 'dev' ? '现在只启动开发服务器，请用浏览器打开下面的地址。' : '现在改为启动浏览器版，数据保存在本机这个浏览器中。';
  const insteadEn = mode === 'dev'
    ? 'Only the dev server is starting; open the address below in a browser.'
    : 'Starting the browser edition instead; its data stays in this browser on this machine.';
  const zh = [
    `未找到 Electron 运行时${overrideNoteZh}：安装它需要从互联网下载一个程序文件，离线的电脑无法完成。`,
    '如需桌面版，请在联网的电脑上运行 npm run dist 生成安装包（Windows 安装程序、deb、AppImage）后拷贝到本机安装，',
    `或把环境变量 ELECTRON_OVERRIDE_DIST_PATH 设为包含 electron 可执行文件的文件夹。${insteadZh}`,
  ].join('');
  const en = [
    `The Electron runtime is not installed${overrideNoteEn}: installing it downloads a binary, which an offline machine cannot do.`,
    'For the desktop edition, build the installers with `npm run dist` on a connected machine and install them here,',
    `or set ELECTRON_OVERRIDE_DIST_PATH to the folder containing the electron executable. ${insteadEn}`,
  ].join(' ');
  return `${zh} ${en}`;
}

/** Prints the notice through `log` (console.log by default). */
export function reportMissingElectron({ env = process.env, mode = 'start', log = console.log } = {}) {
  log(electronMissingMessage({ env, mode }));
}
