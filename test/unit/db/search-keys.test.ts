// The kept pinyin keys (renderer/db/search-keys.ts): loaded whole in pages, every kept key
// reaching memory across the pages' boundaries, and a text never kept computed.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { keyStoreName, searchKeys } from '../../../renderer/db/search-keys';
import { textSearchKey } from '../../../shared/search/pinyin-search';

const NAME = 'media-ledger-search';

afterEach(async () => {
  await Promise.all([Dexie.delete(NAME), Dexie.delete(keyStoreName(2))]);
});

describe('kept search keys', () => {
  it('loads every kept key, over several pages, and computes only the texts not kept', async () => {
    const store = new Dexie(NAME);
    store.version(1).stores({ texts: 'text' });
    // Kept keys that no computation gives, so a hit proves it was read from the store.
    const kept = Array.from({ length: 12_345 }, (_, i) => ({ text: `文本${String(i).padStart(5, '0')}`, key: `kept-${i}` }));
    await store.table('texts').bulkPut(kept);
    store.close();

    const keys = searchKeys();
    await keys.load();
    for (const i of [0, 4_999, 5_000, 5_001, 9_999, 10_000, 12_344]) expect(keys.keyOf(kept[i]!.text)).toBe(`kept-${i}`);
    expect(keys.keyOf('图书馆')).toBe(textSearchKey('图书馆'));
  });

  it('keeps what it computed for the next session', async () => {
    const first = searchKeys();
    await first.load();
    const key = first.keyOf('东湖示范大学');
    await first.save();
    const next = searchKeys();
    await next.load();
    expect(next.keyOf('东湖示范大学')).toBe(key);
  });

  it('keys kept under an older version are never used, and their store is dropped', async () => {
    expect(keyStoreName(1)).toBe(NAME);
    const old = new Dexie(NAME);
    old.version(1).stores({ texts: 'text' });
    await old.table('texts').put({ text: '图书馆', key: 'an old key' });
    old.close();

    const keys = searchKeys(2);
    await keys.load();
    expect(keys.keyOf('图书馆')).toBe(textSearchKey('图书馆'));
    await expect.poll(() => Dexie.exists(NAME)).toBe(false);
  });
});
