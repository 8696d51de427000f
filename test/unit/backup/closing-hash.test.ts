// The whole-file hash computed elsewhere (ReadOptions.closingHash): the browser edition's backup
// worker has a worker of its own hash an unencrypted file while it parses it. The read must then
// compare that hash, not one of its own; never ask for it for an encrypted file; and refuse
// exactly what it refuses when it hashes every byte itself.
import { describe, expect, it, vi } from 'vitest';
import { writeBackup } from '@shared/backup/backup-writer';
import { readBackup, readPages, verifyBackup, type VerifyResult } from '@shared/backup/backup-reader';
import { collectBytes } from '@shared/backup/byte-reader';
import { closingHashOf } from '../../../renderer/features/backup/closing-hash';
import { makeDataset, toInput } from './dataset';

const PASS = '口令 passphrase';
const data = makeDataset(11, 30, [0, 5000, 300_000]);
const file = await collectBytes(writeBackup(toInput(data)));

/** What the file's closing checksum says, as hex. */
const storedClosing = (bytes: Uint8Array) => Buffer.from(bytes.subarray(bytes.length - 32)).toString('hex');

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = (copy[at] as number) ^ 1;
  return copy;
}

/** The closing hash as the backup worker has it computed: from the very bytes being read. */
const fromFile = (bytes: Uint8Array) => () => closingHashOf(new Blob([bytes.slice()]));

function reasonOf(result: VerifyResult): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.detail;
}

describe('the whole-file hash computed elsewhere', () => {
  it('is the hash the closing checksum holds: all of the file but its last 32 bytes', async () => {
    expect(await closingHashOf(new Blob([file.slice()]))).toBe(storedClosing(file));
  });

  it('a good file reads exactly as with the reader’s own hash, and the hash is asked for once', async () => {
    const closingHash = vi.fn(fromFile(file));
    const elsewhere = await readBackup(file, { closingHash });
    expect(closingHash).toHaveBeenCalledTimes(1);
    expect(elsewhere).toEqual(await readBackup(file));
    expect(elsewhere.ok).toBe(true);
  });

  it('is the hash compared: a wrong one refuses a good file, as a damaged one', async () => {
    const wrong = await verifyBackup(file, { closingHash: () => Promise.resolve('0'.repeat(64)) });
    expect(reasonOf(wrong)).toContain('whole-file SHA-256 mismatch');
  });

  it('refuses a changed byte the parts do not show (their hashes unchecked), and bytes after the end', async () => {
    // A byte of the manifest's createdAt: still valid JSON of the right shape, so only the
    // whole-file hash can tell (the manifest itself is not one of the hashed parts).
    const at = Buffer.from(file).indexOf('"createdAt":"2025') + 16;
    const changed = flip(file, at);
    const pages = readPages(changed, { closingHash: fromFile(changed), partHashes: false });
    await expect(drain(pages)).rejects.toMatchObject({ detail: 'whole-file SHA-256 mismatch' });
    // The reader's own hash refuses it alike.
    expect(reasonOf(await verifyBackup(changed))).toContain('whole-file SHA-256 mismatch');
    const longer = new Uint8Array([...file, 0x78]);
    expect(reasonOf(await verifyBackup(longer, { closingHash: fromFile(longer) }))).toContain('data after the end');
    const shorter = file.subarray(0, file.length - 1);
    expect(reasonOf(await verifyBackup(shorter, { closingHash: fromFile(shorter) }))).not.toBe('');
  });

  it('is never asked for an encrypted file, whose checksum covers the decrypted bytes', async () => {
    const encrypted = await collectBytes(writeBackup(toInput(data), { passphrase: PASS, segmentBytes: 64 * 1024 }));
    const closingHash = vi.fn(() => Promise.resolve('0'.repeat(64)));
    const result = await verifyBackup(encrypted, { passphrase: PASS, closingHash });
    expect(result.ok).toBe(true);
    expect(closingHash).not.toHaveBeenCalled();
  });

  it('a read refused early tells its own reason, and a hash that failed meanwhile is no unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const notBackup = new Uint8Array([0x4d, 0x4c, 0x42, 0x4b, 0, 0, 0x5a]);
      const result = await verifyBackup(notBackup, { closingHash: () => Promise.reject(new Error('hash worker failed')) });
      expect(reasonOf(result)).toContain('format version 0');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
      // Failing when it is needed, the read fails (never calls the file good).
      const failed = await verifyBackup(file, { closingHash: () => Promise.reject(new Error('hash worker failed')) });
      expect(reasonOf(failed)).toContain('hash worker failed');
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

async function drain(pages: AsyncGenerator<unknown, unknown>): Promise<unknown> {
  for (;;) {
    const next = await pages.next();
    if (next.done) return next.value;
  }
}
