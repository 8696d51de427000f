// The backup file format: round trips (plain and encrypted, with a 5 MB attachment), and refusal
// of wrong passphrases, flipped bits, truncation, newer versions and out-of-bounds KDF parameters.
import { describe, expect, it } from 'vitest';
import { BACKUP_TABLES, FORMAT_VERSION } from '@shared/backup/format';
import { writeBackup, type AttachmentSource } from '@shared/backup/backup-writer';
import { readBackup, verifyBackup, type ReadResult } from '@shared/backup/backup-reader';
import { collectBytes } from '@shared/backup/byte-reader';
import { HEADER_BYTES, MIN_ITERATIONS } from '@shared/backup/encryption';
import { buildPlainFile, makeDataset, sha256Hex, splitInto, toInput } from './dataset';

const PASS = '正确的口令 correct horse';
const MB = 1024 * 1024;

// A few hundred rows across the tables, attachments from empty to 5 MB.
const big = makeDataset(7, 25, [0, 1, 1000, 70_000, MB + 3, 5 * MB]);
const small = makeDataset(8, 3, [10, 2000]);

function flip(bytes: Uint8Array, at: number, bit = 0): Uint8Array {
  const copy = bytes.slice();
  copy[at] = (copy[at] as number) ^ (1 << bit);
  return copy;
}

function refused(result: ReadResult | Awaited<ReturnType<typeof verifyBackup>>): { reason: string; detail: string } {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
  expect(result.detail.length).toBeGreaterThan(0);
  return result;
}

/** Byte-wise equality of two attachment maps (vitest's deep equality is slow on megabytes). */
function sameAttachments(actual: Map<string, Uint8Array>, expected: Map<string, Uint8Array>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [id, bytes] of expected) expect(Buffer.from(bytes).equals(actual.get(id) as Uint8Array), id).toBe(true);
}

function indexOf(haystack: Uint8Array, needle: string, from = 0): number {
  return Buffer.from(haystack).indexOf(Buffer.from(needle, 'utf8'), from);
}

describe('backup format', () => {
  it('round trip: every row and every attachment comes back equal, with the manifest checksums of each part', async () => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of writeBackup(toInput(big))) chunks.push(chunk);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(MB);
    const file = Buffer.concat(chunks);

    // Read from odd-sized chunks, as a file stream would deliver them.
    const result = await readBackup(splitInto(file, [1, 5, 7, 100, 4096, 3 * MB, file.length - 1]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.tables).toEqual(big.tables);
    sameAttachments(result.attachments, big.attachments);
    expect(result.encrypted).toBe(false);
    const rows = BACKUP_TABLES.reduce((n, t) => n + result.counts[t], 0);
    expect(rows).toBeGreaterThan(200);
    for (const table of BACKUP_TABLES) {
      expect(result.counts[table]).toBe(big.tables[table].length);
      expect(result.manifest.tables[table].sha256).toBe(sha256Hex(Buffer.from(JSON.stringify(big.tables[table]))));
    }
    expect(result.manifest.attachments.map((a) => [a.id, a.size, a.sha256])).toEqual(
      [...big.attachments].map(([id, bytes]) => [id, bytes.length, sha256Hex(bytes)]),
    );
    expect(result.manifest).toMatchObject({ formatVersion: FORMAT_VERSION, appVersion: '0.1.0', createdAt: '2025-03-01T08:00:00.000Z' });
    expect(result.attachmentBytes).toBe([...big.attachments.values()].reduce((n, b) => n + b.length, 0));

    const verified = await verifyBackup(file);
    expect(verified).toMatchObject({ ok: true, counts: result.counts });
  });

  it('pulls one attachment at a time from its source, so memory does not grow with the attachments', async () => {
    let open = 0;
    let maxOpen = 0;
    const lazy = (bytes: Uint8Array): AsyncIterable<Uint8Array> =>
      (async function* () {
        open++;
        maxOpen = Math.max(maxOpen, open);
        for (let at = 0; at < bytes.length; at += 300_000) yield bytes.subarray(at, at + 300_000);
        open--;
      })();
    const attachments: AttachmentSource[] = [...big.attachments].map(([id, bytes]) => ({ id, data: lazy(bytes) }));
    const file = await collectBytes(writeBackup({ ...toInput(big), attachments }));
    expect(maxOpen).toBe(1);
    const result = await readBackup(file);
    expect(result.ok).toBe(true);
    if (result.ok) sameAttachments(result.attachments, big.attachments);
  });

  it('keeps rows free of prototype-polluting keys and leaves Object.prototype clean', async () => {
    const hostile = JSON.parse('{"id":"u1","createdAt":"2025-03-01T08:00:00.000Z","updatedAt":"2025-03-01T08:00:00.000Z","name":"x","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"inner":{"__proto__":{"polluted":"yes"}}}') as Record<string, unknown>;
    const data = makeDataset(9, 2, []);
    data.tables.units = [hostile];
    const result = await readBackup(await collectBytes(writeBackup(toInput(data))));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = result.tables.units[0] as Record<string, unknown>;
    expect(Object.keys(row)).toEqual(['id', 'createdAt', 'updatedAt', 'name', 'inner']);
    expect(Object.keys(row.inner as object)).toEqual([]);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('encrypted round trip: the file shows none of the data and reads back equal', async () => {
    const file = await collectBytes(writeBackup(toInput(big), { passphrase: PASS, segmentBytes: 256 * 1024 }));
    expect(Buffer.from(file.subarray(0, 4)).toString()).toBe('MLBE');
    expect(indexOf(file, 'institutionName')).toBe(-1);
    expect(indexOf(file, 'MLBK')).toBe(-1);
    const result = await readBackup(file, { passphrase: PASS });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.encrypted).toBe(true);
    expect(result.tables).toEqual(big.tables);
    sameAttachments(result.attachments, big.attachments);
  });

  describe('encrypted file refusals', async () => {
    const segment = 4096;
    const file = await collectBytes(writeBackup(toInput(small), { passphrase: PASS, segmentBytes: segment }));
    const firstSegment = HEADER_BYTES + 16;
    const segmentsTotal = Math.ceil((file.length - firstSegment) / (segment + 16));

    it('has several segments (so boundaries are exercised)', () => {
      expect(segmentsTotal).toBeGreaterThan(1);
    });

    it('refuses a wrong passphrase, and asks for one when none is given', async () => {
      expect(refused(await verifyBackup(file, { passphrase: 'wrong' })).reason).toContain('口令不正确');
      expect(refused(await verifyBackup(file)).reason).toContain('请输入备份口令');
    });

    it.each([
      ['magic', 1],
      ['envelope version', 5],
      ['KDF iterations (lowest byte)', 10],
      ['salt', 15],
      ['IV', 35],
      ['segment size', 44],
      ['key check tag', HEADER_BYTES + 3],
      ['first segment', firstSegment + 100],
      ['middle of the file', Math.floor(file.length / 2)],
      ['last tag', file.length - 1],
    ])('refuses one flipped bit in the %s', async (_where, at) => {
      refused(await verifyBackup(flip(file, at), { passphrase: PASS }));
      refused(await readBackup(flip(file, at, 3), { passphrase: PASS }));
    });

    it('refuses truncation anywhere, including exactly at a segment boundary, and appended bytes', async () => {
      const boundary = firstSegment + (segment + 16);
      for (const length of [0, 3, 10, HEADER_BYTES, firstSegment, boundary, file.length - 1]) {
        refused(await verifyBackup(file.subarray(0, length), { passphrase: PASS }));
      }
      refused(await verifyBackup(Buffer.concat([file, Buffer.from([0])]), { passphrase: PASS }));
    });

    it('refuses KDF iterations out of bounds before deriving a key (0xffffffff would never return otherwise)', async () => {
      for (const iterations of [0, 1000, MIN_ITERATIONS - 1, 10_000_001, 0xffffffff]) {
        const bad = file.slice();
        new DataView(bad.buffer).setUint32(7, iterations);
        const result = refused(await verifyBackup(bad, { passphrase: PASS }));
        expect(result.reason).toContain('安全范围');
        expect(result.detail).toContain('before key derivation');
      }
    });

    it('refuses a newer encryption envelope version with a message to update the app', async () => {
      const bad = file.slice();
      new DataView(bad.buffer).setUint16(4, 2);
      expect(refused(await verifyBackup(bad, { passphrase: PASS })).reason).toContain('请先将本软件更新');
    });
  });

  describe('plain file refusals', async () => {
    const file = await collectBytes(writeBackup(toInput(small)));
    const attachmentId = [...small.attachments.keys()][1] as string;

    it.each([
      ['format version', () => 5],
      ['a frame type', () => 6],
      ['a table name', () => indexOf(file, 'units') + 1],
      ['a table row', () => indexOf(file, '"name"') + 2],
      ['a number inside a row (still valid JSON)', () => indexOf(file, '"count":') + 8],
      ['an attachment', () => indexOf(file, attachmentId) + attachmentId.length + 10],
      ['a chunk length', () => indexOf(file, 'people') + 6 + 2],
      ['the manifest', () => indexOf(file, '"createdAt"') + 15],
      ['the closing hash (tag)', () => file.length - 5],
    ])('refuses one flipped bit in %s', async (_where, at) => {
      const position = at();
      expect(position).toBeGreaterThan(0);
      for (const bit of [0, 7]) refused(await readBackup(flip(file, position, bit)));
    });

    it('refuses truncated files and appended bytes', async () => {
      for (const length of [0, 2, 4, 6, 7, 50, Math.floor(file.length / 2), file.length - 33, file.length - 1]) {
        refused(await verifyBackup(file.subarray(0, length)));
      }
      refused(await verifyBackup(Buffer.concat([file, Buffer.from('x')])));
    });

    it('refuses a newer format version with a message to update the app', async () => {
      const bad = file.slice();
      bad[5] = FORMAT_VERSION + 1;
      const { reason, detail } = refused(await verifyBackup(bad));
      expect(reason).toContain('更新版本的软件创建');
      expect(reason).toContain('请先将本软件更新到最新版本');
      expect(detail).toContain('newer');
    });

    it('refuses something that is not a backup with a clear message', async () => {
      expect(refused(await verifyBackup(Buffer.from('PK\u0003\u0004 a zip file'))).reason).toContain('不是本软件的备份文件');
      expect(refused(await verifyBackup(new Uint8Array(0))).reason).toContain('不是本软件的备份文件');
    });

    it('refuses a well-framed file whose content disagrees with its manifest', async () => {
      // Correct framing and closing hash, but the manifest counts one row too many.
      const rows = Buffer.from('[{"id":"a","createdAt":"2025-03-01T08:00:00.000Z","updatedAt":"2025-03-01T08:00:00.000Z"}]');
      const tables = BACKUP_TABLES.map((t) => ({ type: 'T' as const, name: t, payload: t === 'units' ? rows : Buffer.from('[]') }));
      const manifest = {
        format: 'media-ledger-backup',
        formatVersion: 1,
        appVersion: 'x',
        dbVersion: 2,
        createdAt: '2025-03-01T08:00:00.000Z',
        tables: Object.fromEntries(BACKUP_TABLES.map((t) => [t, { count: t === 'units' ? 2 : 0, bytes: t === 'units' ? rows.length : 2, sha256: sha256Hex(t === 'units' ? rows : Buffer.from('[]')) }])),
        attachments: [],
      };
      const bad = buildPlainFile([...tables, { type: 'M', name: 'manifest.json', payload: Buffer.from(JSON.stringify(manifest)) }]);
      expect(refused(await verifyBackup(bad)).detail).toContain('manifest says 2');
      manifest.tables.units = { ...manifest.tables.units, count: 1 } as never;
      const good = buildPlainFile([...tables, { type: 'M', name: 'manifest.json', payload: Buffer.from(JSON.stringify(manifest)) }]);
      expect((await verifyBackup(good)).ok).toBe(true);
    });

    it('a file is good only if a restore can use it: attachment rows, bookkeeping fields, settings, database version', async () => {
      const rowsDisagree = makeDataset(10, 2, [100]);
      rowsDisagree.tables.attachments[0]!.sha256 = '0'.repeat(64);
      expect(refused(await verifyBackup(await collectBytes(writeBackup(toInput(rowsDisagree))))).reason).toContain('附件信息不一致');
      const wrongSize = makeDataset(10, 2, [100]);
      wrongSize.tables.attachments[0]!.size = 99;
      expect(refused(await verifyBackup(await collectBytes(writeBackup(toInput(wrongSize))))).reason).toContain('附件信息不一致');
      const noStamps = makeDataset(11, 2, []);
      noStamps.tables.platforms.push({ id: 'p-no-stamps', name: '没有创建时间' });
      expect(refused(await verifyBackup(await collectBytes(writeBackup(toInput(noStamps))))).reason).toContain('缺少必要信息');
      const otherSettings = makeDataset(12, 2, []);
      otherSettings.tables.settings = [{ id: 'other', institutionName: 'x', profile: {} }];
      expect(refused(await verifyBackup(await collectBytes(writeBackup(toInput(otherSettings))))).reason).toContain('设置记录不符合要求');
      const newer = await collectBytes(writeBackup({ ...toInput(makeDataset(13, 2, [])), dbVersion: 99 }));
      expect(refused(await verifyBackup(newer)).reason).toContain('请先将本软件更新到最新版本');
      const notADate = await collectBytes(writeBackup(toInput(makeDataset(14, 2, []), 'whenever')));
      expect(refused(await verifyBackup(notADate)).detail).toContain('createdAt');
    });

    it('refuses a manifest that lists one attachment twice (so another one escapes the check)', async () => {
      const data = makeDataset(15, 1, [10, 20]);
      const [[idA, a], [idB, b]] = [...data.attachments] as [[string, Uint8Array], [string, Uint8Array]];
      const tables = BACKUP_TABLES.map((t) => {
        const payload = Buffer.from(JSON.stringify(data.tables[t]));
        return { frame: { type: 'T' as const, name: t, payload }, listed: { count: data.tables[t].length, bytes: payload.length, sha256: sha256Hex(payload) } };
      });
      const manifest = {
        format: 'media-ledger-backup', formatVersion: 1, appVersion: 'x', dbVersion: 2, createdAt: '2025-03-01T08:00:00.000Z',
        tables: Object.fromEntries(BACKUP_TABLES.map((t, i) => [t, tables[i]!.listed])),
        attachments: [{ id: idA, size: a.length, sha256: sha256Hex(a) }, { id: idA, size: a.length, sha256: sha256Hex(a) }],
      };
      const frames = [
        ...tables.map((t) => t.frame),
        { type: 'A' as const, name: idA, payload: a },
        { type: 'A' as const, name: idB, payload: b },
        { type: 'M' as const, name: 'manifest.json', payload: Buffer.from(JSON.stringify(manifest)) },
      ];
      expect(refused(await verifyBackup(buildPlainFile(frames))).detail).toContain('twice');
      manifest.attachments[1] = { id: idB, size: b.length, sha256: sha256Hex(b) };
      frames[frames.length - 1] = { type: 'M', name: 'manifest.json', payload: Buffer.from(JSON.stringify(manifest)) };
      expect((await verifyBackup(buildPlainFile(frames))).ok).toBe(true);
    });

    it('the writer refuses attachment rows without bytes and bytes without a row', async () => {
      const input = toInput(small);
      await expect(collectBytes(writeBackup({ ...input, attachments: [] }))).rejects.toMatchObject({ name: 'BackupError' });
      await expect(collectBytes(writeBackup({ ...input, attachments: [...input.attachments as AttachmentSource[], { id: 'stray', data: new Uint8Array(1) }] }))).rejects.toMatchObject({ name: 'BackupError' });
    });
  });
});
