// Types of scripts/browser-port.mjs for vite.config.ts and the TypeScript tests.
export const BROWSER_EDITION_PORT: number;
export const BROWSER_EDITION_HOST: string;
export const LEDGER_MARKER_HEADER: string;
export const LEDGER_MARKER_VALUE: string;
export interface PortProbe {
  free: boolean;
  ledger: boolean;
}
export type PortDecision = { action: 'serve' } | { action: 'already-running' | 'taken'; message: string };
export function browserEditionUrl(port?: number): string;
export function portDecision(probe: PortProbe, port?: number): PortDecision;
export function probePort(port?: number): Promise<PortProbe>;
