// What the browser benchmarks share: a `vite preview` server they start and really stop (vite
// itself, not an npx wrapper whose child outlives a kill), and the resident memory of the
// Chromium that this benchmark launched (its own process tree, never other Chromiums on the
// machine).
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export interface PreviewServer {
  base: string;
  stop(): void;
}

/** The vite CLI of this project, run with this Node (never through npx). */
export function viteBin(): string {
  return join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
}

/**
 * Starts `vite preview` on `port` (strict) and resolves once it answers; `outDir` serves a build
 * made elsewhere than dist/renderer (vite.config.ts reads LEDGER_OUT_DIR).
 */
export async function startPreview(port: number, outDir?: string): Promise<PreviewServer> {
  // Own process group, so stop() ends vite and anything it started.
  const child: ChildProcess = spawn(process.execPath, [viteBin(), 'preview', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
    env: outDir === undefined ? process.env : { ...process.env, LEDGER_OUT_DIR: outDir },
  });
  const stop = () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', stop);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(base)).ok) return { base, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`preview server did not start on port ${port}`);
}

interface ProcEntry {
  pid: number;
  ppid: number;
  comm: string;
  rssPages: number;
}

function readProcesses(): ProcEntry[] {
  const entries: ProcEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // comm is in parentheses and may hold spaces; the fields after it are space-separated.
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      entries.push({ pid: Number(name), ppid: Number(fields[1]), comm, rssPages: Number(fields[21]) });
    } catch {
      // the process ended while we read
    }
  }
  return entries;
}

const PAGE_BYTES = 4096;

/**
 * Resident memory, in bytes, of the Chromium processes descending from this Node process (the
 * browser Playwright launched and its renderer, GPU and utility children). Linux only; 0 elsewhere.
 */
export function ownChromiumRss(): number {
  let processes: ProcEntry[];
  try {
    processes = readProcesses();
  } catch {
    return 0;
  }
  const children = new Map<number, ProcEntry[]>();
  for (const p of processes) {
    const list = children.get(p.ppid) ?? [];
    list.push(p);
    children.set(p.ppid, list);
  }
  let total = 0;
  const stack = [...(children.get(process.pid) ?? [])];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (/chrom/i.test(p.comm)) total += p.rssPages * PAGE_BYTES;
    stack.push(...(children.get(p.pid) ?? []));
  }
  return total;
}
