// `npm run print-samples -- <dir>` in plain Node: every implemented form from the demo data,
// plus a blank one, each a valid PDF holding its record.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPLEMENTED_FORMS } from '../../../shared/forms/registry';
import { tempDir } from '../../fixtures/temp-dir';

const dir = join(tempDir('samples-'), 'new-folder');
let files: string[] = [];

beforeAll(() => {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/print-samples.ts', dir], { stdio: 'pipe' });
  files = readdirSync(dir).sort();
}, 120_000);

describe('print-samples', () => {
  it('creates the folder and writes every implemented form, filled and blank, named by form id', () => {
    for (const form of IMPLEMENTED_FORMS) {
      const own = files.filter((f) => f.startsWith(`${form.id}-`));
      expect(own, form.id).toContain(`${form.id}-blank.pdf`);
      expect(own.length, form.id).toBeGreaterThan(1);
    }
    expect(files.every((f) => /^F\d\d[A-Z]?-.+\.pdf$/.test(f))).toBe(true);
  });

  it('writes PDFs that pass qpdf --check and hold the record named in the file name', () => {
    for (const f of files) {
      expect(execFileSync('qpdf', ['--check', join(dir, f)], { encoding: 'utf8' }), f).toMatch(/No syntax or stream encoding errors/);
      // poppler also reads every content stream (qpdf does not look inside them).
      expect(spawnSync('pdftotext', [join(dir, f), '-'], { encoding: 'utf8' }).stderr, f).toBe('');
    }
    const filled = files.find((f) => !f.endsWith('-blank.pdf'))!;
    const name = filled.replace(/^F\d\d[A-Z]?-/, '').replace(/\.pdf$/, '');
    const text = execFileSync('pdftotext', [join(dir, filled), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(name.replace(/\s+/g, ''));
  });

  it('refuses a path that is a file, with a message in Chinese and English', () => {
    const file = join(dir, files[0]!);
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/print-samples.ts', file], { stdio: 'pipe' });
    } catch (e) {
      stderr = String((e as { stderr: Buffer }).stderr);
    }
    expect(stderr).toContain('不是目录');
    expect(stderr).toContain('Not a directory');
  });
});
