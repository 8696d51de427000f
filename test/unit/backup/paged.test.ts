// The paged backup format code (issue 15): tables written page by page give the same bytes as
// whole tables, tables are read back in pages of at most PAGE_ROWS rows while the bytes stream in,
// the page scanner accepts exactly valid JSON arrays, a damaged chunk is refused as damaged, and a
// part's hash is right whether it is taken natively (whole) or incrementally.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeBackup, type BackupInput } from '@shared/backup/backup-writer';
import { checkBackupIntegrity, readBackup, readPages, verifyBackup } from '@shared/backup/backup-reader';
import { collectBytes } from '@shared/backup/byte-reader';
import { BACKUP_TABLES, type BackupTable } from '@shared/backup/format';
import { JsonArrayPager, PAGE_ROWS } from '@shared/backup/json-pages';
import { PartHash, WHOLE_PART_BYTES } from '@shared/backup/part-hash';
import { HOSTILE_KEYS } from '@shared/backup/rows';
import { makeDataset, splitInto, toInput } from './dataset';

/** Feeds `bytes` to a pager in the given pieces; returns its pages, or the refusal's detail. */
function pagesOf(bytes: Uint8Array, cuts: readonly number[], pageRows: number): unknown[][] | string {
  const pager = new JsonArrayPager('units', pageRows);
  const pages: unknown[][] = [];
  try {
    let at = 0;
    for (const cut of [...cuts.filter((c) => c < bytes.length)].sort((a, b) => a - b).concat(bytes.length)) {
      pages.push(...pager.write(bytes.subarray(at, cut)));
      at = cut;
    }
    pager.end();
    return pages;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const encoder = new TextEncoder();

describe('JsonArrayPager', () => {
  it('gives back any JSON array in pages of at most the page size, however the bytes are cut', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 40 }), fc.array(fc.nat({ max: 4000 }), { maxLength: 6 }), fc.integer({ min: 1, max: 7 }), (rows, cuts, pageRows) => {
        const text = JSON.stringify(rows);
        const pages = pagesOf(encoder.encode(text), cuts, pageRows);
        expect(typeof pages).not.toBe('string');
        if (typeof pages === 'string') return;
        expect(pages.every((page) => page.length >= 1 && page.length <= pageRows)).toBe(true);
        // What JSON.parse gives back (e.g. -0 becomes 0), without the keys that could pollute prototypes.
        expect(pages.flat()).toEqual(JSON.parse(text, (key, value: unknown) => (HOSTILE_KEYS.has(key) ? undefined : value)));
      }),
      { numRuns: 300 },
    );
  });

  it('reads strings holding brackets, commas, quotes and escapes as data, and whitespace between elements', () => {
    const text = ' [ {"a":"],[{\\"x\\\\" ,"b":[1,2]} ,\n"[,]" , 3 ] \n';
    expect(pagesOf(encoder.encode(text), [3, 9, 10, 11], 1)).toEqual([[{ a: '],[{"x\\', b: [1, 2] }], ['[,]'], [3]]);
  });

  it.each([
    ['not an array', '{"id":"a"}'],
    ['a trailing comma', '[1,2,]'],
    ['a trailing comma after a full page', '[1,2,3,4,]'],
    ['an empty element', '[1,,2]'],
    ['a leading comma', '[,1]'],
    ['data after the array', '[1,2] 3'],
    ['an unclosed array', '[1,2'],
    ['mismatched brackets', '[{"a":1]}'],
    ['two values without a comma', '[1 2]'],
    ['an unterminated string', '["abc]'],
    ['nothing at all', ''],
    ['a bare comma', '[,]'],
  ])('refuses %s', (_, text) => {
    for (const pageRows of [1, 2, 3, PAGE_ROWS]) expect(typeof pagesOf(encoder.encode(text), [1, 2], pageRows)).toBe('string');
  });
});

/** The input with every table given as pages of `size` rows (as the app's database reads give them). */
function paged(input: BackupInput, size: number): BackupInput {
  const tables = {} as BackupInput['tables'];
  for (const table of BACKUP_TABLES) {
    const rows = input.tables[table] as readonly object[];
    tables[table] = (async function* () {
      for (let at = 0; at < rows.length; at += size) yield rows.slice(at, at + size);
    })();
  }
  return { ...input, tables };
}

describe('paged writer and reader', () => {
  const data = makeDataset(21, 30, [10, 2000]);
  // One table larger than a page, so that reading it takes several pages.
  data.tables.reviews = Array.from({ length: PAGE_ROWS * 2 + 17 }, (_, i) => ({ id: `r${i}`, createdAt: 'x', updatedAt: 'y', title: `第${i}期“推送”` }));

  it('writes each table as the same JSON bytes whether it is given whole or page by page', async () => {
    const whole = await readBackup(await collectBytes(writeBackup(toInput(data))));
    for (const size of [1, 7, PAGE_ROWS]) {
      const read = await readBackup(await collectBytes(writeBackup(paged(toInput(data), size))));
      expect(read.ok && whole.ok).toBe(true);
      if (!read.ok || !whole.ok) return;
      // The manifest's per-table SHA-256 is over the table's JSON text: equal hashes, equal bytes.
      expect(read.manifest.tables).toEqual(whole.manifest.tables);
      expect(read.tables).toEqual(data.tables);
    }
  });

  it('reads every table back in pages of at most PAGE_ROWS rows, equal to what was written', async () => {
    const file = await collectBytes(writeBackup(paged(toInput(data), 500)));
    const read = {} as Record<BackupTable, unknown[]>;
    let largest = 0;
    const pages = readPages(splitInto(file, [3, 1000, 40_000, 90_000]));
    for (;;) {
      const next = await pages.next();
      if (next.done) {
        expect(next.value).toMatchObject({ ok: true, counts: { reviews: PAGE_ROWS * 2 + 17 } });
        break;
      }
      if (next.value.kind !== 'rows') continue;
      largest = Math.max(largest, next.value.rows.length);
      (read[next.value.table] ??= []).push(...next.value.rows);
    }
    expect(largest).toBe(PAGE_ROWS);
    for (const table of BACKUP_TABLES) expect(read[table] ?? []).toEqual(data.tables[table]);
  });

  it('refuses a damaged chunk of a table as damaged (by its checksum), whether or not the JSON still parses', async () => {
    const file = await collectBytes(writeBackup(toInput(data)));
    const text = Buffer.from(file);
    // A digit changed inside a title: still valid JSON, only the checksums tell.
    const digit = text.indexOf('第1000期');
    const quietly = file.slice();
    quietly[digit + 3] = '7'.charCodeAt(0);
    // A quote turned into a letter: the JSON breaks; the clerk is still told the file is damaged.
    const loudly = file.slice();
    loudly[text.indexOf('"title"', digit)] = 'x'.charCodeAt(0);
    for (const damaged of [quietly, loudly]) {
      for (const check of [verifyBackup, checkBackupIntegrity, readBackup]) {
        const verdict = await check(damaged);
        expect(verdict).toMatchObject({ ok: false, reason: expect.stringContaining('已损坏或被改动') });
      }
    }
  });

  it('checks a file by its hashes alone without parsing its tables, with the manifest counts', async () => {
    const file = await collectBytes(writeBackup(toInput(data), { passphrase: 'paged-口令-2026' }));
    const verdict = await checkBackupIntegrity(file, { passphrase: 'paged-口令-2026' });
    expect(verdict).toMatchObject({ ok: true, encrypted: true, counts: { reviews: PAGE_ROWS * 2 + 17, attachments: 2 }, attachmentBytes: 2010 });
  });
});

describe('PartHash', () => {
  it('gives the SHA-256 of a part kept whole and of one that outgrows the bound', async () => {
    const { createHash } = await import('node:crypto');
    for (const size of [0, 1000, WHOLE_PART_BYTES + 3 * 1024 * 1024 + 5]) {
      const chunk = new Uint8Array(1024 * 1024).map((_, i) => (i * 31 + size) & 0xff);
      const hash = new PartHash();
      const reference = createHash('sha256');
      for (let at = 0; at < size; at += chunk.length) {
        const piece = chunk.subarray(0, Math.min(chunk.length, size - at));
        hash.update(piece);
        reference.update(piece);
      }
      expect(await hash.hex()).toBe(reference.digest('hex'));
    }
  });
});
