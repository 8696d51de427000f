// Types of scripts/electron-binary.mjs for the TypeScript tests.
export function electronExecutableName(platform?: NodeJS.Platform): string;
export function findElectronBinary(options: {
  env?: NodeJS.ProcessEnv;
  root: string;
  platform?: NodeJS.Platform;
}): string | undefined;
export function electronMissingMessage(options?: { env?: NodeJS.ProcessEnv; mode?: 'start' | 'dev' }): string;
export function reportMissingElectron(options?: {
  env?: NodeJS.ProcessEnv;
  mode?: 'start' | 'dev';
  log?: (message: string) => void;
}): void;
