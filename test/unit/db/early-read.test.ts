// Issue 15: a key typed in 平台台账's search box starts the page's read at once, and the list,
// drawn for the new query a moment later, takes that read instead of starting its own. It must
// never take a read of other filters, take one twice, or take one that started before a write.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/database';
import { loadDataset } from '../../../renderer/db/dataset';
import { startPagedRead, takeStartedRead } from '../../../renderer/db/paged-read';
import { updateRecord } from '../../../renderer/db/repository';
import type { Unit } from '../../../shared/domain/unit';
import { createDemoDataset } from '../../../shared/demo/demo-dataset';

const demo = createDemoDataset();

beforeAll(async () => {
  await loadDataset(db, demo, '王𠮷');
  // Let the writes' change events of the load pass before any read starts.
  await new Promise((resolve) => setTimeout(resolve, 50));
});

/** Starts a read of `key` that answers with the number of live units, counting its starts. */
function start(key: string, starts: { n: number }): void {
  startPagedRead(key, async () => {
    starts.n++;
    return (await db.units.toArray()).length;
  });
}

describe('a page read started before the list is drawn', () => {
  it('is taken once, by the read of its own key', async () => {
    const starts = { n: 0 };
    start('["tsg",0,25]', starts);
    expect(starts.n).toBe(1);
    expect(takeStartedRead('["tsg",0,50]')).toBeUndefined();
    const taken = takeStartedRead<number>('["tsg",0,25]');
    expect(await taken).toBe(demo.units.length);
    expect(takeStartedRead('["tsg",0,25]')).toBeUndefined();
    expect(starts.n).toBe(1);
  });

  it('is kept only while it is the newest', () => {
    const starts = { n: 0 };
    start('["t",0,25]', starts);
    start('["ts",0,25]', starts);
    expect(takeStartedRead('["t",0,25]')).toBeUndefined();
    expect(takeStartedRead('["ts",0,25]')).toBeDefined();
  });

  it('is not taken once a write has been heard of since it started', async () => {
    const starts = { n: 0 };
    start('["xw",0,25]', starts);
    const unit = (await db.units.toArray())[0]!;
    await updateRecord<Unit>(db, 'units', unit.id, { name: `${unit.name}（更名）` });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(takeStartedRead('["xw",0,25]')).toBeUndefined();
  });

  it('that fails and is never taken reports nothing', async () => {
    startPagedRead('["fails",0,25]', () => Promise.reject(new Error('读取失败')));
    startPagedRead('["next",0,25]', () => Promise.resolve(0));
    // An unhandled rejection would fail this run.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(takeStartedRead('["fails",0,25]')).toBeUndefined();
  });
});
