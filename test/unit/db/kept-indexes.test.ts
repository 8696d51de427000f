// Kept values: a list of rows is kept in parts of PART_ROWS (each parsed in a task of its own) and
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
    const stored = (await store.indexes.get('reviews'))!;
    expect(Array.isArray(stored.rows) && stored.rows.length).toBe(3);
    expect(await readKept(store, 'reviews', 'code-1')).toEqual({ mark, value: rows, extra: 'profile' });
    expect(await readKept(store, 'reviews', 'code-2')).toBeUndefined();
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
