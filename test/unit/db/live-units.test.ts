// Issue 15: the registers read a page at every key typed in their search box, and each page read
// names its rows' units. The units are read once, with one request, and again only after a unit
// is written (renamed, created, trashed): never a cursor over every unit at every key.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/database';
import { loadDataset } from '../../../renderer/db/dataset';
import { readPageLookups } from '../../../renderer/db/queries';
import { createRecord, softDelete, updateRecord } from '../../../renderer/db/repository';
import { UNIT_KINDS, type Unit } from '../../../shared/domain/unit';
import { createDemoDataset } from '../../../shared/demo/demo-dataset';
import { logReads, type ReadLog } from './read-log';

const demo = createDemoDataset();
let reads: ReadLog;

beforeAll(async () => {
  reads = logReads(db);
  await loadDataset(db, demo, '王𠮷');
});

/** The unit records read while `run` goes on. */
async function unitsRead(run: () => Promise<unknown>): Promise<number> {
  reads.records.set('units', []);
  reads.largest.set('units', 0);
  await run();
  return reads.records.get('units')?.length ?? 0;
}

const names = async () => [...(await readPageLookups([])).units.values()].map((u) => u.name);

describe('the units of a page read (issue 15)', () => {
  it('are read with one request, then shared by later page reads', async () => {
    const all = await db.units.count();
    let first: string[] = [];
    expect(await unitsRead(async () => (first = await names()))).toBe(all);
    // One request handed back every unit (a cursor hands back one per request).
    expect(reads.largest.get('units')).toBe(all);
    const live = demo.units.filter((u) => !u.deletedAt).map((u) => u.name);
    expect([...first].sort()).toEqual([...live].sort());
    // In name order, as before.
    expect(first).toEqual([...first].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(await unitsRead(() => Promise.all([names(), names(), readPageLookups([demo.people[0]!.id])]))).toBe(0);
  });

  it('are read again after a unit is renamed, created or trashed', async () => {
    const unit = (await db.units.toArray()).find((u) => !u.deletedAt)!;
    await updateRecord<Unit>(db, 'units', unit.id, { name: '新闻中心（更名）' });
    let shown: string[] = [];
    expect(await unitsRead(async () => (shown = await names()))).toBeGreaterThan(0);
    expect(shown).toContain('新闻中心（更名）');
    expect(shown).not.toContain(unit.name);

    const created = await createRecord<Unit>(db, 'units', { name: '艺术学院', kind: UNIT_KINDS[0] });
    expect(await names()).toContain('艺术学院');

    await softDelete(db, 'units', created.id);
    expect(await names()).not.toContain('艺术学院');
    expect(await unitsRead(names)).toBe(0);
  });
});
