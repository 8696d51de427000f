// Property test: corrupted, truncated and hostile inputs to verifyBackup/readBackup are each
// refused with a Chinese reason, none throws, and none pollutes Object.prototype.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BACKUP_TABLES } from '@shared/backup/format';
import { writeBackup } from '@shared/backup/backup-writer';
import { readBackup, verifyBackup } from '@shared/backup/backup-reader';
import { collectBytes } from '@shared/backup/byte-reader';
import { MIN_ITERATIONS } from '@shared/backup/encryption';
import { buildPlainFile, makeDataset, sha256Hex, splitInto, toInput, type RawFrame } from './dataset';

const SENTINEL = 'polluted';
const PASS = 'fuzz';
let cases = 0;

const base = await collectBytes(writeBackup(toInput(makeDataset(11, 2, [0, 300, 5000]))));
const encrypted = await collectBytes(writeBackup(toInput(makeDataset(12, 1, [100])), { passphrase: PASS, iterations: MIN_ITERATIONS, segmentBytes: 1024 }));

function prototypeIsClean(): boolean {
  return !(SENTINEL in Object.prototype) && ({} as Record<string, unknown>)[SENTINEL] === undefined && Object.keys(Object.prototype).length === 0;
}

/** Feeds `bytes` (as one array or as chunks) to one of the two readers; asserts a clean refusal. */
async function expectRefused(bytes: Uint8Array, cuts: readonly number[], useRead: boolean, passphrase?: string): Promise<void> {
  cases++;
  const source = cuts.length > 0 ? splitInto(bytes, cuts) : bytes;
  const options = passphrase === undefined ? {} : { passphrase };
  let result: Awaited<ReturnType<typeof verifyBackup>>;
  try {
    result = useRead ? await readBackup(source, options) : await verifyBackup(source, options);
  } catch (error) {
    throw new Error(`reader threw: ${String(error)}`, { cause: error });
  }
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(result.detail).not.toBe('');
  }
  expect(prototypeIsClean()).toBe(true);
}

const cuts = fc.array(fc.nat(), { maxLength: 4 });
const reader = fc.boolean();

describe('backup reader under corrupted, truncated and hostile input', () => {
  afterAll(() => {
    expect(prototypeIsClean()).toBe(true);
  });

  it('refuses every flipped bit (1 to 3 flips anywhere)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 3 }), cuts, reader, async (flips, c, r) => {
        const bytes = base.slice();
        for (const [at, bit] of flips) bytes[at] = (bytes[at] as number) ^ (1 << bit);
        fc.pre(!Buffer.from(bytes).equals(base)); // two flips of the same bit cancel out
        await expectRefused(bytes, c, r);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses every truncation and every appended tail', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(base.length - 1), fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.boolean(), cuts, reader, async (length, tail, append, c, r) => {
        await expectRefused(append ? Buffer.concat([base, tail]) : base.subarray(0, length), c, r);
      }),
      { numRuns: 250 },
    );
  });

  it('refuses overwritten, inserted and deleted byte runs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(base.length - 1), fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.constantFrom('overwrite', 'insert', 'delete'), cuts, reader, async (at, run, how, c, r) => {
        let bytes: Uint8Array;
        if (how === 'insert') bytes = Buffer.concat([base.subarray(0, at), run, base.subarray(at)]);
        else if (how === 'delete') bytes = Buffer.concat([base.subarray(0, at), base.subarray(at + run.length)]);
        else {
          bytes = base.slice();
          bytes.set(run.subarray(0, bytes.length - at), at);
        }
        fc.pre(!Buffer.from(bytes).equals(base));
        await expectRefused(bytes, c, r);
      }),
      { numRuns: 250 },
    );
  });

  it('refuses random bytes, with or without a valid-looking header', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.constantFrom('', 'MLBK\u0000\u0001', 'MLBK\u0000\u0001T\u0000\u0005units', 'MLBE'), cuts, reader, async (noise, prefix, c, r) => {
        await expectRefused(Buffer.concat([Buffer.from(prefix, 'latin1'), noise]), c, r, PASS);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses well-framed hostile files (valid closing hash, poisoned JSON, wrong manifests)', async () => {
    const poison = '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}';
    const payload = fc.oneof(
      fc.json().map((j) => `{"__proto__":{"polluted":"yes"},"x":${j}}`),
      fc.json().map((j) => `[${poison},${j}]`),
      fc.constant(`[{"id":"a","__proto__":{"polluted":"yes"}},{"id":"a"}]`),
      fc.string(),
    );
    const tableName = fc.constantFrom(...BACKUP_TABLES, '__proto__', 'constructor');
    await fc.assert(
      fc.asyncProperty(tableName, payload, fc.boolean(), reader, async (table, body, manifestPoison, r) => {
        const empty = Buffer.from('[]');
        const frames: RawFrame[] = BACKUP_TABLES.filter((t) => t !== table).map((t) => ({ type: 'T', name: t, payload: empty }));
        frames.push({ type: 'T', name: table, payload: Buffer.from(body) });
        const listed = Object.fromEntries(BACKUP_TABLES.map((t) => [t, { count: 0, bytes: 2, sha256: sha256Hex(empty) }]));
        listed[table as keyof typeof listed] = { count: 1, bytes: Buffer.byteLength(body), sha256: sha256Hex(Buffer.from(body)) };
        const manifest = JSON.stringify({ format: 'media-ledger-backup', formatVersion: 1, appVersion: 'x', dbVersion: 2, createdAt: 'x', tables: listed, attachments: [] });
        frames.push({ type: 'M', name: 'manifest.json', payload: Buffer.from(manifestPoison ? `{"__proto__":{"polluted":"yes"},${manifest.slice(1)}` : manifest) });
        await expectRefused(buildPlainFile(frames), [], r);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses damaged encrypted files and wrong passphrases', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(encrypted.length - 1), fc.integer({ min: 0, max: 7 }), fc.constantFrom('flip', 'truncate', 'wrong passphrase'), async (at, bit, how) => {
        if (how === 'wrong passphrase') return expectRefused(encrypted, [], true, 'not the passphrase');
        if (how === 'truncate') return expectRefused(encrypted.subarray(0, at), [], false, PASS);
        const bytes = encrypted.slice();
        bytes[at] = (bytes[at] as number) ^ (1 << bit);
        return expectRefused(bytes, [at], true, PASS);
      }),
      { numRuns: 12 },
    );
  });

  it('ran at least 1,000 hostile cases', () => {
    expect(cases).toBeGreaterThanOrEqual(1000);
    console.info(`backup fuzz: ${cases} hostile cases`);
  });
});
