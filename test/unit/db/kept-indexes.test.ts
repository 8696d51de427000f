// Kept values: a list of rows is kept in records of PART_ROWS rows (each parsed in a task of its own) and
// read back as the same list; anything else is kept whole, and a list kept whole (as earlier
// builds kept them) still reads.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepValue, KeptIndexDb, PART_ROWS, readKept } from '../../../renderer/db/kept-indexes';

let n = 0;
let store: KeptIndexDb;
const mark = { seq: 7, hash: 'abc' };

beforeEach(async () => {
  n += 1;
  store = new KeptIndexDb(`kept-indexes-${n}`);
  await store.open();
});

afterEach(async () => {
  await store.delete();
});

describe('kept values', () => {
  it('keeps a list of rows in parts and reads it back whole, in order', async () => {
    const rows = Array.from({ length: PART_ROWS * 2 + 17 }, (_, i) => ({ id: `r${i}`, key: `东湖书坊 dhsf ${i}` }));
    await keepValue(store, 'reviews', 'code-1', { mark, value: rows, extra: 'profile' });
    expect((await store.indexes.get('reviews'))?.parts).toBe(3);
    expect(await store.indexes.count()).toBe(4);
    expect(await readKept(store, 'reviews', 'code-1')).toEqual({ mark, value: rows, extra: 'profile' });
    expect(await readKept(store, 'reviews', 'code-2')).toBeUndefined();

    // A shorter list kept later leaves no part of the longer one behind.
    await keepValue(store, 'reviews', 'code-1', { mark, value: rows.slice(0, 5) });
    expect(await store.indexes.count()).toBe(2);
    expect((await readKept(store, 'reviews', 'code-1'))?.value).toEqual(rows.slice(0, 5));
  });

  it('a list with a part missing is not read (the caller reads the tables)', async () => {
    const rows = Array.from({ length: PART_ROWS + 1 }, (_, i) => ({ id: `r${i}` }));
    await keepValue(store, 'reviews', 'c', { mark, value: rows });
    await store.indexes.delete('reviews#1');
    expect(await readKept(store, 'reviews', 'c')).toBeUndefined();
  });

  it('a part of another keeping (the list kept again while it was read) is not read with the head', async () => {
    const older = Array.from({ length: PART_ROWS * 2 }, (_, i) => ({ id: `r${i}`, v: 1 }));
    const newer = older.map((row) => ({ ...row, v: 2 }));
    await keepValue(store, 'reviews', 'c', { mark, value: older });
    const stalePart = await store.indexes.get('reviews#1');
    await keepValue(store, 'reviews', 'c', { mark, value: newer });
    expect((await readKept(store, 'reviews', 'c'))?.value).toEqual(newer);
    // The head and first part of the newer keeping, the second part of the older one.
    await store.indexes.put(stalePart!);
    expect(await readKept(store, 'reviews', 'c')).toBeUndefined();
  });

  it('keeps other values whole, and an empty list as no parts', async () => {
    const value = { picks: [{ key: 'a', label: '甲' }], tables: ['reviews'] };
    await keepValue(store, 'picks:F01', 'c', { mark, value });
    expect(typeof (await store.indexes.get('picks:F01'))!.rows).toBe('string');
    expect((await readKept(store, 'picks:F01', 'c'))?.value).toEqual(value);
    await keepValue(store, 'empty', 'c', { mark, value: [] });
    expect((await readKept(store, 'empty', 'c'))?.value).toEqual([]);
  });

  it('reads a list kept whole by an earlier build', async () => {
    await store.indexes.put({ id: 'platforms', code: 'c', mark, rows: JSON.stringify([{ id: 'p1' }, { id: 'p2' }]) });
    expect((await readKept(store, 'platforms', 'c'))?.value).toEqual([{ id: 'p1' }, { id: 'p2' }]);
  });
});
