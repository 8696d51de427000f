// 003 第二十条 (群主要定期对群内人员予以认定，对离职（岗）人员及时移出): what 记录实名核查 lists is
// read from the database by the unit index and the roster's ids, never every person of the ledger.
import 'fake-indexeddb/auto';
import type { DBCore, Middleware } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerDb } from '../../../renderer/db/schema';
import { readRealNameHints } from '../../../renderer/db/groups';
import type { Person } from '../../../shared/domain/person';
import type { Unit } from '../../../shared/domain/unit';
import { platformRecord } from '../../fixtures/platform';

const stamp = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const person = (id: string, over: Partial<Person> = {}): Person => ({ id, name: `人员${id}`, isTeacher: true, status: '在岗', ...stamp, ...over });
const unit = (id: string, name: string): Unit => ({ id, name, kind: '二级学院', ...stamp });
/** Everyone else of a university: 3,000 people in 300 other units, a tenth of them departed. */
const OTHERS = 3000;

let db: LedgerDb;
let n = 0;
/** People rows the database handed out since the last reset, whatever the query. */
let peopleRead = 0;

/** Counts the people rows every DBCore read returns (by key, by index, by cursor). */
const countPeopleReads: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'count-people-reads',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== 'people') return table;
      return {
        ...table,
        get: async (req) => {
          const row: unknown = await table.get(req);
          if (row !== undefined) peopleRead += 1;
          return row;
        },
        getMany: async (req) => {
          const rows: unknown[] = await table.getMany(req);
          peopleRead += rows.filter((r) => r !== undefined).length;
          return rows;
        },
        query: async (req) => {
          const res = await table.query(req);
          peopleRead += res.result.length;
          return res;
        },
        openCursor: async (req) => {
          const cursor = await table.openCursor(req);
          // A cursor over a table's rows would count here; the hints never open one.
          if (cursor) peopleRead += 1;
          return cursor;
        },
      };
    },
  }),
};

beforeEach(async () => {
  db = new LedgerDb(`real-name-hints-${++n}`);
  db.use(countPeopleReads);
  await db.open();
  await db.units.bulkAdd([unit('u-lib', '图书馆'), unit('u-cs', '计算机学院'), ...Array.from({ length: 300 }, (_, i) => unit(`u-${i}`, `单位${i}`))]);
  await db.people.bulkAdd([
    person('cao', { name: '曹宁', unitId: 'u-lib', status: '离岗', statusDate: '2026-09-01' }),
    person('zhou', { name: '周岚', unitId: 'u-lib', status: '离岗', statusDate: '2026-10-15' }),
    person('li', { name: '李明', unitId: 'u-lib' }),
    person('gone', { name: '王𠮷', unitId: 'u-lib', status: '离岗', statusDate: '2026-03-01', deletedAt: '2026-04-01T00:00:00.000Z' }),
    person('xu', { name: '许志明', unitId: 'u-cs', status: '离岗', statusDate: '2026-07-01' }),
    person('he', { name: '何静', unitId: 'u-cs' }),
    ...Array.from({ length: OTHERS }, (_, i) => person(`p${i}`, { unitId: `u-${i % 300}`, ...(i % 10 === 0 ? { status: '离岗' as const, statusDate: '2026-01-01' } : {}) })),
  ]);
  peopleRead = 0;
});

afterEach(async () => {
  await db.delete();
});

const group = (members: { personId?: string; department?: string; name?: string }[], hostUnitId: string | null = 'u-lib') =>
  platformRecord('g1', { kind: '微信群', name: '图书馆工作群', accountId: '', certification: '不适用', hostUnitId: hostUnitId ?? undefined, group: { realNameCheckDates: [], members } });

describe('003 第二十条: the departed staff and roster members a real-name check names', () => {
  it("lists the unit's departed staff (newest first) and the roster's departed members, leaving out people in the trash", async () => {
    const hints = await readRealNameHints(db, group([{ personId: 'xu' }, { personId: 'li' }, { personId: 'gone' }, { personId: 'cao' }, { department: '后勤保障处', name: '刘建' }]));
    expect(hints.unitName).toBe('图书馆');
    expect(hints.departed.map((p) => p.name)).toEqual(['周岚', '曹宁']);
    // 许志明 works elsewhere but is on this group's roster: he is to be removed all the same.
    expect(hints.onRoster.map((p) => p.name)).toEqual(['许志明', '曹宁']);
  });

  it("reads only the unit's staff and the roster's people, not the ledger's 3,006 people", async () => {
    await readRealNameHints(db, group([{ personId: 'xu' }, { personId: 'he' }, { department: '后勤保障处', name: '刘建' }]));
    // 图书馆's four people (the one in the trash included) and the roster's two.
    expect(peopleRead).toBe(6);
    // The counter sees a whole-table read too: what the dialog used to do.
    await db.people.toArray();
    expect(peopleRead).toBe(6 + OTHERS + 6);
  });

  it('a group without a unit lists no staff and reads only its roster', async () => {
    const hints = await readRealNameHints(db, group([{ personId: 'cao' }], null));
    expect(hints).toMatchObject({ unitName: '', departed: [] });
    expect(hints.onRoster.map((p) => p.name)).toEqual(['曹宁']);
    expect(peopleRead).toBe(1);
  });
});
