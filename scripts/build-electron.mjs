// Bundles the Electron main process and preload into dist-electron/ (one CJS file each).
// The sandboxed preload can only require 'electron', so zod and shared/ are bundled in;
// 'electron' itself is provided by the runtime and stays external.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Entry points and their outputs, relative to the project root. */
export const ELECTRON_BUNDLES = [
  { entry: 'electron/main.ts', outfile: 'dist-electron/main.cjs' },
  { entry: 'electron/preload.ts', outfile: 'dist-electron/preload.cjs' },
];

/**
 * Builds both bundles; resolves with the absolute paths written. `outDir` (default
 * root/dist-electron) lets tests bundle into a temp folder.
 */
export async function buildElectron(root = projectRoot, { logLevel = 'warning', outDir } = {}) {
  const outputOf = (outfile) => (outDir ? path.join(outDir, path.basename(outfile)) : path.join(root, outfile));
  await Promise.all(
    ELECTRON_BUNDLES.map(({ entry, outfile }) =>
      build({
        absWorkingDir: root,
        entryPoints: [path.join(root, entry)],
        outfile: outputOf(outfile),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['electron'],
        // tsconfig.json supplies the @shared/* path alias.
        tsconfig: path.join(root, 'tsconfig.json'),
        sourcemap: 'linked',
        legalComments: 'none',
        logLevel,
      }),
    ),
  );
  return ELECTRON_BUNDLES.map(({ outfile }) => outputOf(outfile));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const written = await buildElectron(projectRoot, { logLevel: 'warning' });
    for (const file of written) console.log(`已生成 / built: ${path.relative(projectRoot, file)}`);
  } catch {
    // esbuild has already printed the errors with file and line; no stack trace on top.
    console.error('Electron 主进程构建失败，请查看上方错误。 / Building the Electron main process failed; see the errors above.');
    process.exitCode = 1;
  }
}
