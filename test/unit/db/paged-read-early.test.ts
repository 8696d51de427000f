// A register opened from the menu has its first page read while the page is drawn (readEarly); the
// page's usePaged takes that read once, for its own key only, and never after the ledger was written.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readEarly, takeEarly } from '../../../renderer/db/paged-read';
import { createRecord } from '../../../renderer/db/repository';
import { DB_NAME, LedgerDb } from '../../../renderer/db/schema';
import type { Unit } from '../../../shared/domain/unit';

const db = new LedgerDb(DB_NAME);

afterAll(async () => {
  await db.delete();
});

describe('reads begun early', () => {
  it('are taken once, by the key they were begun for', async () => {
    const read = vi.fn(() => Promise.resolve(['东湖书坊']));
    readEarly('registry page 1', read);
    expect(read).toHaveBeenCalledTimes(1);
    expect(takeEarly('registry page 2')).toBeUndefined();
    const taken = takeEarly('registry page 1');
    expect(await taken).toEqual(['东湖书坊']);
    expect(takeEarly('registry page 1')).toBeUndefined();
    // A later read begun early replaces one never taken.
    readEarly('a', () => Promise.resolve('a'));
    readEarly('b', () => Promise.resolve('b'));
    expect(takeEarly('a')).toBeUndefined();
    expect(await takeEarly('b')).toBe('b');
  });

  it('are not taken once the ledger was written after they began', async () => {
    const mutated = new Promise<void>((resolve) => Dexie.on('storagemutated', () => resolve()));
    readEarly('registry page 1', () => Promise.resolve('before the write'));
    await createRecord<Unit>(db, 'units', { name: '图书馆', kind: '直属单位' });
    await mutated;
    expect(takeEarly('registry page 1')).toBeUndefined();
    // Begun after the write, it is taken.
    readEarly('registry page 1', () => Promise.resolve('after the write'));
    expect(await takeEarly('registry page 1')).toBe('after the write');
  });

  it('a failed read begun early reaches the page that takes it, and nothing else', async () => {
    readEarly('registry page 1', () => Promise.reject(new Error('读取失败')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(takeEarly('registry page 1')).rejects.toThrow('读取失败');
  });
});
