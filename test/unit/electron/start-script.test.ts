// scripts/start.mjs: rebuild decisions and plain messages when the renderer is not there.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isOutdated, main, newestMtime } from '../../../scripts/start.mjs';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ledger-start-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function touch(file: string, secondsAgo: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '');
  const time = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, time, time);
}

describe('rebuild decisions', () => {
  it('rebuilds when an output is missing', () => {
    touch(path.join(root, 'src', 'a.ts'), 100);
    expect(isOutdated([path.join(root, 'out', 'missing.js')], [path.join(root, 'src')])).toBe(true);
  });

  it('rebuilds when a source under a folder is newer than the oldest output', () => {
    touch(path.join(root, 'out', 'a.js'), 50);
    touch(path.join(root, 'out', 'b.js'), 200);
    touch(path.join(root, 'src', 'deep', 'x.ts'), 100);
    expect(isOutdated([path.join(root, 'out', 'a.js'), path.join(root, 'out', 'b.js')], [path.join(root, 'src')])).toBe(true);
  });

  it('does not rebuild when the outputs are newer than every source', () => {
    touch(path.join(root, 'src', 'x.ts'), 300);
    touch(path.join(root, 'out', 'a.js'), 10);
    expect(isOutdated([path.join(root, 'out', 'a.js')], [path.join(root, 'src'), path.join(root, 'absent')])).toBe(false);
  });

  it('ignores node_modules inside source folders', () => {
    touch(path.join(root, 'src', 'node_modules', 'pkg', 'new.js'), 1);
    touch(path.join(root, 'src', 'old.ts'), 500);
    expect(Math.round((Date.now() - newestMtime([path.join(root, 'src')])) / 1000)).toBeGreaterThanOrEqual(499);
  });
});

describe('main', () => {
  it('says plainly that the renderer is missing, without a stack trace, and fails', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((message: unknown) => errors.push(String(message)));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await expect(main(['--browser'], root)).resolves.toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('找不到 renderer/index.html');
    expect(errors[0]).toContain('renderer/index.html is missing');
    expect(errors[0]).not.toMatch(/\n\s+at /);
  });
});
