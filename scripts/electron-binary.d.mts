// Types of scripts/electron-binary.mjs for the TypeScript tests.
export function electronExecutableName(platform?: NodeJS.Platform): string;
export function findElectronBinary(options: {
  env?: NodeJS.ProcessEnv;
  root: string;
  platform?: NodeJS.Platform;
}): string | undefined;
export function electronMissingMessage(options?: { env?: NodeJS.ProcessEnv; mode?: 'start' | 'dev'; reason?: string }): string;
export function reportMissingElectron(options?: {
  env?: NodeJS.ProcessEnv;
  mode?: 'start' | 'dev';
  reason?: string;
  log?: (message: string) => void;
}): void;
export type DownloadResult = { ok: true } | { ok: false; reason: string };
export const DOWNLOAD_TIMEOUT_MS: number;
export function downloadElectronRuntime(options: { root: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<DownloadResult>;
export function locateOrDownloadElectron(options: {
  root: string;
  env?: NodeJS.ProcessEnv;
  mode?: 'start' | 'dev';
  log?: (message: string) => void;
  download?: (options: { root: string; env: NodeJS.ProcessEnv }) => Promise<DownloadResult>;
}): Promise<string | undefined>;
