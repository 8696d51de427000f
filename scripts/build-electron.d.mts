// Types of scripts/build-electron.mjs for the TypeScript tests.
export const ELECTRON_BUNDLES: ReadonlyArray<{ entry: string; outfile: string }>;
export function buildElectron(
  root?: string,
  options?: { logLevel?: 'verbose' | 'debug' | 'info' | 'warning' | 'error' | 'silent'; outDir?: string },
): Promise<string[]>;
