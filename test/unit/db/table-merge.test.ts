// A restore's merge of one table with the file's pages: whatever the pages' order, the table ends
// up holding exactly the file's rows, and rows stored as in the file are not written.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import type { Table } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TableMerge } from '../../../renderer/db/table-merge';
import { LedgerDb } from '../../../renderer/db/schema';
import type { Row } from '../../../shared/backup/rows';

let n = 0;
let db: LedgerDb;

beforeEach(async () => {
  n += 1;
  db = new LedgerDb(`table-merge-${n}`);
  await db.open();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const units = () => db.table('units') as unknown as Table<Row, unknown, unknown>;
const row = (id: number, name: string): Row => ({ id: `u${String(id).padStart(4, '0')}`, name, createdAt: 'x', updatedAt: 'x' });

/** Merges the pages in one transaction, as a restore does; the rows put and deleted. */
async function merge(pages: Row[][]): Promise<{ put: number; deleted: number }> {
  const totals = { put: 0, deleted: 0 };
  await db.transaction('rw', units(), async () => {
    const table = new TableMerge('units', units());
    for (const page of pages) {
      const { writes } = await table.page(page);
      const { put, deleted } = await writes;
      totals.put += put;
      totals.deleted += deleted;
    }
    totals.deleted += await table.finish();
  });
  return totals;
}

describe('TableMerge', () => {
  it('writes only the changed and missing rows, and deletes those before, between and after the pages', async () => {
    // Stored: u0000–u0099, of which the file changes 3, lacks 10 and adds 5.
    await units().bulkAdd(Array.from({ length: 100 }, (_, i) => row(i, `单位${i}`)));
    const file = Array.from({ length: 100 }, (_, i) => row(i, [7, 42, 93].includes(i) ? `改名${i}` : `单位${i}`)).filter((_, i) => i % 10 !== 5);
    file.push(...[100, 101, 150, 151, 152].map((i) => row(i, `新增${i}`)));
    const pages = [file.slice(0, 30), file.slice(30, 60), file.slice(60)];
    const put = vi.spyOn(units(), 'bulkPut');

    expect(await merge(pages)).toEqual({ put: 8, deleted: 10 });
    expect(await units().toArray()).toEqual(file);
    expect(put.mock.calls.flatMap(([rows]) => (rows as Row[]).map((r) => r.id))).toEqual(['u0007', 'u0042', 'u0093', 'u0100', 'u0101', 'u0150', 'u0151', 'u0152']);
  });

  it('gives the same table for pages in any order, rows in any order within them (random)', async () => {
    const ids = fc.uniqueArray(fc.integer({ min: 0, max: 300 }), { maxLength: 80 });
    await fc.assert(
      fc.asyncProperty(ids, ids, fc.integer({ min: 1, max: 30 }), fc.boolean(), fc.infiniteStream(fc.boolean()), async (storedIds, fileIds, pageSize, shuffle, coin) => {
        await units().clear();
        await units().bulkAdd(storedIds.map((i) => row(i, i % 3 === 0 ? `单位${i}` : `旧${i}`)));
        const file = fileIds.map((i) => row(i, `单位${i}`));
        const ordered = shuffle ? file : [...file].sort((a, b) => String(a.id).localeCompare(String(b.id)));
        const pages: Row[][] = [];
        for (let i = 0; i < ordered.length; i += pageSize) pages.push(ordered.slice(i, i + pageSize));
        if (coin.next().value) pages.reverse();

        await merge(pages);
        const sorted = [...file].sort((a, b) => String(a.id).localeCompare(String(b.id)));
        expect(await units().toArray()).toEqual(sorted);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses (and so rolls back) when the table holds other rows than the file', async () => {
    await units().bulkAdd([row(1, '甲'), row(2, '乙')]);
    // Two rows under one key: the reader refuses such a file; the merge's count catches it too.
    await expect(merge([[row(3, '丙'), row(3, '丙')]])).rejects.toMatchObject({ reason: expect.stringContaining('恢复时数据核对不一致') });
    expect(await units().toArray()).toEqual([row(1, '甲'), row(2, '乙')]);
  });

  it('takes known pages as stored and merges the pages after them from where they end; a known page after another kind is refused', async () => {
    // Stored u0000–u0049; the file has the first 20 as stored, then changes u0030, lacks u0040–u0049, adds u0060.
    await units().bulkAdd(Array.from({ length: 50 }, (_, i) => row(i, `单位${i}`)));
    const rest = Array.from({ length: 20 }, (_, i) => row(20 + i, i === 10 ? '改名' : `单位${20 + i}`)).concat(row(60, '新增'));
    await db.transaction('rw', units(), async () => {
      const table = new TableMerge('units', units());
      table.known(10, 'u0009');
      table.known(10, 'u0019');
      expect(await (await table.page(rest)).writes).toEqual({ put: 2, deleted: 10 });
      expect(() => table.known(1, 'u0070')).toThrow(/known page after another kind/);
      expect(await table.finish()).toBe(0);
    });
    expect(await units().toArray()).toEqual(Array.from({ length: 20 }, (_, i) => row(i, `单位${i}`)).concat(rest));
    // Known pages whose keys go back are refused too.
    await db.transaction('rw', units(), async () => {
      const table = new TableMerge('units', units());
      table.known(10, 'u0009');
      expect(() => table.known(10, 'u0005')).toThrow(/out of order/);
    });
  });
});
