// The paged backup format code (issue 15): tables written page by page give the same bytes as
// whole tables, tables are read back in pages of at most PAGE_ROWS rows while the bytes stream in,
// the page scanner accepts exactly valid JSON arrays, a damaged chunk is refused as damaged, and a
// part's hash is right whether it is taken natively (whole) or incrementally.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeBackup, type BackupInput } from '@shared/backup/backup-writer';
import { checkBackupIntegrity, readBackup, readPages, verifyBackup, type PagesResult, type ReadEvent } from '@shared/backup/backup-reader';
import { collectBytes } from '@shared/backup/byte-reader';
import { BACKUP_TABLES, type BackupTable, type TablePrefix } from '@shared/backup/format';
import { JsonArrayPager, PAGE_ROWS } from '@shared/backup/json-pages';
import { PartHash, WHOLE_PART_BYTES } from '@shared/backup/part-hash';
import { HOSTILE_KEYS } from '@shared/backup/rows';
import { sha256 } from '@noble/hashes/sha2.js';
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

/** A file of table frames only (what a second read reads), `units` holding `json` in chunks cut at `cuts`. */
function tableFrames(json: Uint8Array, cuts: readonly number[]): Uint8Array {
  const parts: Uint8Array[] = [encoder.encode('MLBK'), new Uint8Array([0, 1])];
  const u32 = (n: number) => new Uint8Array([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
  for (const table of BACKUP_TABLES) {
    const name = encoder.encode(table);
    parts.push(new Uint8Array([0x54, 0, name.length]), name);
    const bytes = table === 'units' ? json : encoder.encode('[]');
    const ends = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b).concat(bytes.length);
    let at = 0;
    for (const end of ends) {
      parts.push(u32(end - at), bytes.subarray(at, end));
      at = end;
    }
    parts.push(u32(0));
  }
  // Any frame but a table's ends a read of the tables only.
  parts.push(encoder.encode('M'));
  return new Uint8Array(parts.flatMap((part) => [...part]));
}

describe('a second read with the prefixes it may know', () => {
  const rows = Array.from({ length: PAGE_ROWS * 2 + 11 }, (_, i) => ({ id: `u${String(i).padStart(5, '0')}`, createdAt: 'x', updatedAt: 'y', name: `单位${i}` }));
  const json = encoder.encode(JSON.stringify(rows));
  const hex = (bytes: Uint8Array) => Buffer.from(sha256(bytes)).toString('hex');

  it("asks about each page's exact prefix, hands on the known pages unparsed and the rest parsed, and hashes every byte, however the chunks are cut", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: json.length }), { maxLength: 8 }), fc.integer({ min: 0, max: 3 }), async (cuts, knownPages) => {
        const asked: TablePrefix[] = [];
        const events: ReadEvent[] = [];
        const pages = readPages(tableFrames(json, cuts), {
          tablesOnly: true,
          known: (table, prefix) => {
            expect(table).toBe('units');
            asked.push(prefix);
            return asked.length <= knownPages;
          },
        });
        let result: PagesResult | undefined;
        for (;;) {
          const next = await pages.next();
          if (next.done) {
            result = next.value;
            break;
          }
          if (next.value.kind !== 'attachment' && next.value.table === 'units') events.push(next.value);
        }
        // Asked page by page until one is not known; each prefix is the array's bytes up to the end of a page's last row.
        expect(asked.map((p) => p.rows)).toEqual([PAGE_ROWS, PAGE_ROWS * 2, rows.length].slice(0, Math.min(knownPages + 1, 3)));
        for (const prefix of asked) {
          expect(prefix.sha256).toBe(hex(json.subarray(0, prefix.bytes)));
          expect([',', ']']).toContain(String.fromCharCode(json[prefix.bytes]!));
        }
        const known = events.filter((e) => e.kind === 'known');
        expect(known.map((e) => e.rows)).toEqual([PAGE_ROWS, PAGE_ROWS, 11].slice(0, knownPages));
        expect(events.flatMap((e) => (e.kind === 'rows' ? e.rows : []))).toEqual(rows.slice(Math.min(knownPages * PAGE_ROWS, rows.length)));
        expect(result).toMatchObject({ tablesOnly: { units: { count: rows.length, bytes: json.length, sha256: hex(json) } } });
      }),
      { numRuns: 40 },
    );
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
