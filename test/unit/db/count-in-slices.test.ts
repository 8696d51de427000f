// A whole table counted a slice at a time (the database answers one request at a time, and a count
// of 100,000 rows in one request holds every other read of the app back): the count is whole, keys
// only, whatever the ids are, and it ends between slices when told.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countInSlices, liveCount } from '../../../renderer/db/chunked-reads';
import { LedgerDb } from '../../../renderer/db/schema';
import type { Person } from '../../../shared/domain/person';
import { logReads, type ReadLog } from './read-log';

let db: LedgerDb;
let reads: ReadLog;
let n = 0;
const AT = '2026-01-05T08:00:00.000Z';
// Ids as records get them, and ids a backup of any age may hold: other lengths, signs and characters.
const IDS = [
  ...Array.from({ length: 2_000 }, (_, i) => `p-${(i * 7919).toString(36)}`),
  '',
  ' ',
  '%2F',
  '#/people',
  '𠮷',
  '王',
  '\uffff',
];
const person = (id: string): Person => ({ id, name: `人员${id}`, isTeacher: false, status: '在岗', createdAt: AT, updatedAt: AT });

beforeEach(async () => {
  db = new LedgerDb(`count-in-slices-test-${++n}`);
  reads = logReads(db);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('countInSlices', () => {
  it('counts an empty table as 0', async () => {
    expect(await countInSlices(db.people)).toBe(0);
    expect(await countInSlices(db.people, undefined, 1)).toBe(0);
  });

  it('counts every row in slices of any size, keys only, two keys a slice', async () => {
    await db.people.bulkAdd(IDS.map(person));
    for (const slice of [1, 3, 700, 1_001, IDS.length - 1, IDS.length, IDS.length + 1, 40_000]) {
      reads.keys.clear();
      expect(await countInSlices(db.people, undefined, slice), `slice ${slice}`).toBe(IDS.length);
      if (slice >= 700) expect(reads.keys.get('people')?.length ?? 0, `slice ${slice}`).toBeLessThanOrEqual(2 * Math.ceil(IDS.length / slice) + 2);
    }
    expect(reads.records.get('people') ?? []).toEqual([]);
  });

  it('gives what it counted so far once told to stop, between slices', async () => {
    await db.people.bulkAdd(IDS.map(person));
    let slices = 0;
    expect(await countInSlices(db.people, () => ++slices > 2, 500)).toBe(1_000);
    expect(await countInSlices(db.people, () => true, 500)).toBe(0);
  });
});

describe('liveCount', () => {
  it('counts the records not in the trash without reading one', async () => {
    expect(await liveCount(db.people)).toBe(0);
    await db.people.bulkAdd(IDS.map((id, i) => ({ ...person(id), ...(i % 9 === 4 && { deletedAt: AT }) })));
    const trashed = IDS.filter((_, i) => i % 9 === 4).length;
    expect(trashed).toBeGreaterThan(200);
    expect(await liveCount(db.people)).toBe(IDS.length - trashed);
    expect(reads.records.get('people') ?? []).toEqual([]);
    // A record restored from the trash counts again; one moved there does not.
    await db.people.update(IDS[4]!, { deletedAt: undefined });
    await db.people.update(IDS[0]!, { deletedAt: AT });
    expect(await liveCount(db.people)).toBe(IDS.length - trashed);
    await db.people.update(IDS[13]!, { deletedAt: undefined });
    expect(await liveCount(db.people)).toBe(IDS.length - trashed + 1);
  });
});

