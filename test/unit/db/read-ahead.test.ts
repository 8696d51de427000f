// A page read started at a key press (readAhead) is taken by the render that asks for that page,
// once, and never after the ledger was written meanwhile (it would show the page as it was).
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/database';
import { loadDataset } from '../../../renderer/db/dataset';
import { readAhead, takeAhead } from '../../../renderer/db/paged-read';
import { updateRecord } from '../../../renderer/db/repository';
import type { Unit } from '../../../shared/domain/unit';
import { createDemoDataset } from '../../../shared/demo/demo-dataset';

beforeAll(async () => {
  await loadDataset(db, createDemoDataset(), '王𠮷');
  // The load's own change events are heard before the tests start.
  await new Promise((resolve) => setTimeout(resolve, 50));
});

describe('reads started ahead', () => {
  it('are taken once, by the key they were started for', async () => {
    let reads = 0;
    readAhead('["dh"]', async () => ++reads);
    expect(takeAhead('["d"]')).toBeUndefined();
    const taken = takeAhead<number>('["dh"]');
    expect(await taken).toBe(1);
    expect(takeAhead('["dh"]')).toBeUndefined();
    expect(reads).toBe(1);
  });

  it('only the newest is kept', async () => {
    readAhead('["d"]', async () => 'd');
    readAhead('["dh"]', async () => 'dh');
    expect(takeAhead('["d"]')).toBeUndefined();
    expect(await takeAhead('["dh"]')).toBe('dh');
  });

  it('are not taken after the ledger was written', async () => {
    readAhead('["dh"]', async () => 'before the write');
    const unit = (await db.units.toArray())[0]!;
    await updateRecord<Unit>(db, 'units', unit.id, { name: `${unit.name}（改）` });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(takeAhead('["dh"]')).toBeUndefined();
  });
});
