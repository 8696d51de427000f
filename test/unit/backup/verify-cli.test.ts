// `npm run verify-backup`: one line, OK with counts or what is wrong (Chinese and English), exit 0/1.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBackup } from '@shared/backup/backup-writer';
import { collectBytes } from '@shared/backup/byte-reader';
import { MIN_ITERATIONS } from '@shared/backup/encryption';
import { makeDataset, toInput } from './dataset';

const dir = mkdtempSync(join(tmpdir(), 'verify-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/verify-backup.ts', ...args], { cwd: process.cwd() }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

function expectOneLine(out: { stdout: string; stderr: string }): string {
  expect(out.stdout.endsWith('\n')).toBe(true);
  expect(out.stdout.trimEnd().split('\n')).toHaveLength(1);
  expect(out.stdout + out.stderr).not.toMatch(/\n\s+at /); // no stack trace
  return out.stdout.trimEnd();
}

describe('verify-backup CLI', async () => {
  const data = makeDataset(21, 4, [10, 20_000]);
  const plain = join(dir, 'good.mlbackup');
  writeFileSync(plain, await collectBytes(writeBackup(toInput(data))));
  const damaged = join(dir, 'damaged.mlbackup');
  const bytes = await collectBytes(writeBackup(toInput(data)));
  bytes[200] = (bytes[200] as number) ^ 1;
  writeFileSync(damaged, bytes);
  const sealed = join(dir, 'sealed.mlbackup');
  writeFileSync(sealed, await collectBytes(writeBackup(toInput(data), { passphrase: '口令 pass', iterations: MIN_ITERATIONS })));
  const passFile = join(dir, 'pass.txt');
  writeFileSync(passFile, '口令 pass\n');
  // As Windows Notepad saves it: a byte-order mark and a CRLF.
  const notepadPassFile = join(dir, 'notepad.txt');
  writeFileSync(notepadPassFile, '\uFEFF口令 pass\r\n');
  const newer = join(dir, 'newer.mlbackup');
  writeFileSync(newer, await collectBytes(writeBackup({ ...toInput(data), dbVersion: 99 })));
  const wrongPassFile = join(dir, 'wrong.txt');
  writeFileSync(wrongPassFile, 'nope\n');

  it('prints OK with the counts and exits 0 for a good backup', async () => {
    const out = await run(plain);
    expect(out.code).toBe(0);
    const line = expectOneLine(out);
    expect(line).toMatch(/^OK 备份完好/);
    expect(line).toContain(`units=${data.tables.units.length}`);
    expect(line).toContain('attachment-files=2');
  });

  it('prints what is wrong and exits 1 for a damaged backup', async () => {
    const out = await run(damaged);
    expect(out.code).toBe(1);
    expect(expectOneLine(out)).toMatch(/^FAILED 失败：备份文件.*\/ .+/);
  });

  it('reads an encrypted backup with --passphrase-file and refuses a wrong or missing passphrase', async () => {
    const [good, wrong, missing] = await Promise.all([run(sealed, '--passphrase-file', passFile), run(sealed, '--passphrase-file', wrongPassFile), run(sealed)]);
    expect(good.code).toBe(0);
    expect(expectOneLine(good)).toContain('encrypted');
    expect(wrong.code).toBe(1);
    expect(expectOneLine(wrong)).toContain('口令不正确');
    expect(missing.code).toBe(1);
    expect(expectOneLine(missing)).toContain('请输入备份口令');
  });

  it('reads a passphrase file saved with a byte-order mark and CRLF', async () => {
    const out = await run(sealed, '--passphrase-file', notepadPassFile);
    expect(out.code).toBe(0);
    expect(expectOneLine(out)).toMatch(/^OK 备份完好/);
  });

  it('fails a backup this version cannot restore (made by a newer version), exit 1', async () => {
    const out = await run(newer);
    expect(out.code).toBe(1);
    expect(expectOneLine(out)).toContain('请先将本软件更新到最新版本');
  });

  it('reports a missing file, a missing passphrase file and no arguments in one line, exit 1', async () => {
    const outs = await Promise.all([run(join(dir, 'nope.mlbackup')), run(plain, '--passphrase-file', join(dir, 'nope.txt')), run(), run(dir)]);
    for (const out of outs) {
      expect(out.code).toBe(1);
      expect(expectOneLine(out)).toMatch(/^FAILED 失败：/);
    }
    expect(outs[0]?.stdout).toContain('找不到或无法打开');
  });
});
