// Types of scripts/start.mjs for the TypeScript tests.
export function newestMtime(paths: readonly string[]): number;
export function isOutdated(outputs: readonly string[], inputs: readonly string[]): boolean;
export function serveBrowserEdition(
  root: string,
  options?: { port?: number; waitForStop?: boolean },
): Promise<{ url: string | undefined; exitCode: number; close: () => Promise<void> }>;
export function main(argv?: readonly string[], root?: string): Promise<number>;
