// `npm start` / `npm run dev` / `npm run browser`: builds what is missing or outdated, then opens
// the desktop window when an Electron runtime exists, or serves the browser edition on
// http://127.0.0.1:27183 when it does not (as on an offline machine where it was never downloaded);
// that port and nothing else (scripts/browser-port.mjs says why).
// Never prompts (works the same without a TTY or under CI) and never prints a stack trace.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { BROWSER_EDITION_HOST, BROWSER_EDITION_PORT, portDecision, probePort } from './browser-port.mjs';
import { locateOrDownloadElectron } from './electron-binary.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEV_PORT = 5173;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'dist-electron', 'release', '.git']);

/** Newest modification time (ms) of the files under `paths` (files or folders); 0 when none exist. */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (entry) => {
    let stat;
    try {
      stat = statSync(entry);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(entry)) {
        if (!SKIPPED_FOLDERS.has(name)) visit(path.join(entry, name));
      }
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of paths) visit(entry);
  return newest;
}

/** True when one of `outputs` is missing or older than the newest of `inputs`. */
export function isOutdated(outputs, inputs) {
  const outputTimes = outputs.map((file) => {
    try {
      return statSync(file).mtimeMs;
    } catch {
      return -1;
    }
  });
  if (outputTimes.some((time) => time < 0)) return true;
  return Math.min(...outputTimes) < newestMtime(inputs);
}

/** A short, stack-free line for an error. */
function describe(error) {
  if (error instanceof Error) return error.message.split('\n')[0] ?? String(error);
  return String(error);
}

/** A build failure: the bundler's own message (file, line, code frame), capped, never a stack. */
function describeBuildError(error) {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.trim().split('\n');
  return lines.length > 60 ? [...lines.slice(0, 60), `… (${lines.length - 60} more lines)`].join('\n') : lines.join('\n');
}

class StartError extends Error {}

/** Builds dist/renderer when it is missing or older than its sources. */
async function ensureRenderer(root) {
  const output = path.join(root, 'dist', 'renderer', 'index.html');
  const sourceEntry = path.join(root, 'renderer', 'index.html');
  if (!existsSync(sourceEntry)) {
    if (existsSync(output)) return; // A prebuilt renderer without sources: serve it as it is.
    throw new StartError(
      '界面尚未就绪：找不到 renderer/index.html，也没有已构建的 dist/renderer。请先补全界面源代码后再运行。'
        + ' / The renderer is not there yet: renderer/index.html is missing and dist/renderer has not been built.',
    );
  }
  const inputs = ['renderer', 'shared', 'vite.config.ts', 'package.json'].map((p) => path.join(root, p));
  if (!isOutdated([output], inputs)) return;
  console.log('正在构建界面… / Building the renderer…');
  const { build } = await import('vite');
  try {
    // Silent: the error is printed once below, by us, without a stack trace.
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'silent' });
  } catch (error) {
    throw new StartError(`界面构建失败 / Renderer build failed:\n${describeBuildError(error)}`);
  }
}

/** Bundles dist-electron when it is missing or older than its sources. */
async function ensureElectronBundles(root) {
  const outputs = ['main.cjs', 'preload.cjs'].map((f) => path.join(root, 'dist-electron', f));
  const inputs = ['electron', 'shared', 'scripts/build-electron.mjs', 'tsconfig.json'].map((p) => path.join(root, p));
  if (!isOutdated(outputs, inputs)) return;
  console.log('正在构建桌面程序… / Building the Electron main process…');
  try {
    await buildElectron(root, { logLevel: 'silent' });
  } catch (error) {
    throw new StartError(`桌面程序构建失败 / Electron build failed:\n${describeBuildError(error)}`);
  }
}

/** Closes a Vite server, giving up after a moment (a keep-alive browser tab can hold it open). */
function closeSoon(server) {
  return Promise.race([server.close(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
}

/** Resolves when the process is asked to stop (Ctrl+C, or SIGTERM from a supervisor). */
function untilStopped() {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

/** Starts Electron on the project folder and mirrors its exit code. */
function runElectron(binary, root, { devUrl } = {}) {
  const env = { ...process.env };
  // Left over from some shells/IDEs, it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const args = [root];
  if (devUrl) {
    env.VITE_DEV_SERVER_URL = devUrl;
    args.push('--dev');
  }
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.once('error', (error) => reject(new StartError(`无法启动 Electron / Could not start Electron: ${describe(error)}`)));
    child.once('exit', (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? 0);
    });
  });
}

/**
 * Serves dist/renderer on 127.0.0.1:27183 with vite preview until Ctrl+C. When the port is taken,
 * says in one line whether the ledger already runs there or another program holds it, and serves
 * nothing (exit 0 and 1): another port would be another origin, with an empty database.
 */
export async function serveBrowserEdition(root, { port = BROWSER_EDITION_PORT, waitForStop = true } = {}) {
  const decision = portDecision(await probePort(port), port);
  if (decision.action === 'already-running') {
    console.log(decision.message);
    return { url: undefined, exitCode: 0, close: async () => undefined };
  }
  if (decision.action === 'taken') throw new StartError(decision.message);
  const { preview } = await import('vite');
  const server = await preview({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'error',
    preview: { host: BROWSER_EDITION_HOST, port, strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local[0] ?? `http://${BROWSER_EDITION_HOST}:${port}/`;
  console.log(`浏览器版已启动：请用 Chrome、Edge 或 Firefox 打开 ${url} （按 Ctrl+C 停止）。`);
  console.log(`Browser edition running at ${url} (press Ctrl+C to stop).`);
  if (!waitForStop) return { url, exitCode: 0, close: () => server.close() };
  await untilStopped();
  await closeSoon(server);
  console.log('已停止。 / Stopped.');
  return { url, exitCode: 0, close: async () => undefined };
}

async function startApp(root, { browserOnly }) {
  await ensureRenderer(root);
  const binary = browserOnly ? undefined : await locateOrDownloadElectron({ root, env: process.env, mode: 'start' });
  if (!binary) {
    return (await serveBrowserEdition(root)).exitCode;
  }
  await ensureElectronBundles(root);
  return runElectron(binary, root);
}

async function startDev(root) {
  if (!existsSync(path.join(root, 'renderer', 'index.html'))) {
    throw new StartError('界面尚未就绪：找不到 renderer/index.html。 / renderer/index.html is missing.');
  }
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: path.join(root, 'vite.config.ts'),
    server: { host: '127.0.0.1', port: DEV_PORT, strictPort: false },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${DEV_PORT}/`;
  const binary = await locateOrDownloadElectron({ root, env: process.env, mode: 'dev' });
  let code = 0;
  if (binary) {
    await ensureElectronBundles(root);
    console.log(`开发服务器 / Dev server: ${url}`);
    code = await runElectron(binary, root, { devUrl: url });
  } else {
    console.log(`开发服务器已启动：${url} （按 Ctrl+C 停止）。 / Dev server running at ${url} (press Ctrl+C to stop).`);
    await untilStopped();
  }
  await closeSoon(server);
  return code;
}

/** Runs the command line: `--dev`, `--browser`, or the desktop app (falling back to the browser). */
export async function main(argv = process.argv.slice(2), root = projectRoot) {
  try {
    if (argv.includes('--dev')) return await startDev(root);
    return await startApp(root, { browserOnly: argv.includes('--browser') });
  } catch (error) {
    const text = error instanceof StartError ? error.message : `启动失败 / Start failed: ${describe(error)}`;
    console.error(text);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // Last resort: whatever escapes is reported in one line, without a stack trace.
  const fail = (error) => {
    console.error(`启动失败 / Start failed: ${describe(error)}`);
    process.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  process.exitCode = await main();
  // Servers are closed by now; exit even if a library left a handle open.
  process.exit(process.exitCode);
}
