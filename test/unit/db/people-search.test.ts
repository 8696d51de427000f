// 人员 and the person pickers read through the people index: every live person in name order,
// found by name, title, unit or phone with pinyin (initials too), and the roles each one holds
// (so a 离岗 person still named on an account is flagged, 003 第十七条 / 004 第六条).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { peopleSearch } from '../../../renderer/db/people-search';
import { matchesSearch } from '../../../shared/search/search-match';
import { readByIds, readLive } from '../../../renderer/db/chunked-reads';
import { LedgerDb } from '../../../renderer/db/schema';
import type { Person } from '../../../shared/domain/person';
import type { Platform } from '../../../shared/domain/platform';
import type { Unit } from '../../../shared/domain/unit';

let db: LedgerDb;
let n = 0;
const AT = '2026-01-05T08:00:00.000Z';

const person = (id: string, name: string, extra: Partial<Person> = {}): Person => ({ id, name, isTeacher: false, status: '在岗', createdAt: AT, updatedAt: AT, ...extra });
const unit = (id: string, name: string, extra: Partial<Unit> = {}): Unit => ({ id, name, kind: '职能部门', createdAt: AT, updatedAt: AT, ...extra });
const platform = (id: string, name: string, extra: Partial<Platform>): Platform =>
  ({ id, name, kind: '微信公众号', accountId: id, purpose: '宣传', status: '运行中', createdAt: AT, updatedAt: AT, ...extra }) as Platform;

beforeEach(async () => {
  db = new LedgerDb(`people-search-test-${++n}`);
  await db.open();
  await db.units.bulkAdd([unit('u-lib', '图书馆', { firstResponsibleId: 'p-wang' }), unit('u-news', '新闻中心')]);
  await db.people.bulkAdd([
    person('p-zhang', '张三', { unitId: 'u-news', title: '科长', phone: '13800000001' }),
    person('p-wang', '王𠮷', { unitId: 'u-lib', status: '离岗', statusDate: '2026-03-01' }),
    person('p-li', '李四', { unitId: 'u-lib', title: '辅导员' }),
    person('p-gone', '赵五', { deletedAt: AT }),
    person('p-left', '钱六', { status: '离岗' }),
  ]);
  await db.platforms.bulkAdd([
    platform('pl-1', '图书馆微信', { responsibleId: 'p-wang', chiefAdminId: 'p-li' }),
    platform('pl-2', '旧号', { responsibleId: 'p-left', deletedAt: AT }),
  ]);
});

afterEach(async () => {
  await db.delete();
});

const names = async (ids: string[]) => (await readByIds(db.people, ids)).map((p) => p.name);

describe('the people index', () => {
  it('lists live people in name order, pages them and counts them', async () => {
    const search = peopleSearch(db);
    const all = await search.query({}, 0, 10);
    expect(all.total).toBe(4);
    expect(await names(all.ids)).toEqual(['张三', '李四', '王𠮷', '钱六'].sort());
    const second = await search.query({}, 1, 2);
    expect(second.ids).toEqual(all.ids.slice(1, 3));
    expect(second.total).toBe(4);
  });

  it("finds a person by pinyin initials ('zs'), full pinyin, title, unit name and phone", async () => {
    const search = peopleSearch(db);
    expect(await names((await search.query({ query: 'zs' }, 0, 10)).ids)).toEqual(['张三']);
    expect(await names((await search.query({ query: 'lisi' }, 0, 10)).ids)).toEqual(['李四']);
    expect(await names((await search.query({ query: '辅导' }, 0, 10)).ids)).toEqual(['李四']);
    expect((await names((await search.query({ query: 'tsg' }, 0, 10)).ids)).sort()).toEqual(['李四', '王𠮷'].sort());
    expect(await names((await search.query({ query: '13800000001' }, 0, 10)).ids)).toEqual(['张三']);
    expect((await search.query({ query: 'zhaowu' }, 0, 10)).total).toBe(0);
  });

  it('filters by status together with the query', async () => {
    const search = peopleSearch(db);
    expect((await names((await search.query({ status: '离岗' }, 0, 10)).ids)).sort()).toEqual(['王𠮷', '钱六'].sort());
    expect(await names((await search.query({ status: '离岗', query: 'tsg' }, 0, 10)).ids)).toEqual(['王𠮷']);
  });

  it('gives the roles of the people on the page, unit roles first, and flags 离岗 people still in a role', async () => {
    const search = peopleSearch(db);
    const roles = await search.roles((await search.query({ query: 'tsg' }, 0, 10)).ids);
    expect(roles['p-wang']).toEqual(['图书馆第一责任人', '图书馆微信责任人']);
    expect(roles['p-li']).toEqual(['图书馆微信总管理员']);
    // 钱六 is 离岗 but named only on a platform in the trash: not flagged.
    expect(await search.flagged()).toEqual([{ id: 'p-wang', name: '王𠮷' }]);
  });

  it('sees a change only after being told the table changed', async () => {
    const search = peopleSearch(db);
    expect((await search.query({ query: 'sunqi' }, 0, 10)).total).toBe(0);
    await db.people.add(person('p-sun', '孙七'));
    await db.platforms.update('pl-1', { responsibleId: 'p-sun' });
    search.changed(['people', 'platforms']);
    const found = await search.query({ query: 'sunqi' }, 0, 10);
    expect(await names(found.ids)).toEqual(['孙七']);
    expect(await search.roles(found.ids)).toEqual({ 'p-sun': ['图书馆微信责任人'] });
    // 王𠮷 is still 图书馆's 第一责任人 until the unit changes too.
    expect(await search.flagged()).toEqual([{ id: 'p-wang', name: '王𠮷' }]);
    await db.units.update('u-lib', { firstResponsibleId: 'p-sun' });
    search.changed(['units']);
    expect(await search.flagged()).toEqual([]);
  });

  it("gives every live unit's name and kind keys, matched in the window by pinyin initials, and rebuilds them after a unit change", async () => {
    const search = peopleSearch(db);
    await db.units.add(unit('u-old', '旧单位', { deletedAt: AT }));
    const keys = await search.unitKeys();
    expect(Object.keys(keys).sort()).toEqual(['u-lib', 'u-news']);
    const found = (query: string, k: typeof keys) => Object.keys(k).filter((id) => matchesSearch(`${k[id]!.name}\n${k[id]!.kind}`, query));
    expect(found('tsg', keys)).toEqual(['u-lib']);
    expect(found('xinwen', keys)).toEqual(['u-news']);
    // The kind is searched too (职能部门: znbm), by its pinyin as by its text.
    expect(found('znbm', keys).sort()).toEqual(['u-lib', 'u-news']);
    expect(found('新闻 zx', keys)).toEqual(['u-news']);
    await db.units.update('u-news', { name: '融媒体中心' });
    expect((await search.unitKeys())['u-news']!.name).toContain('xinwenzhongxin');
    search.changed(['units']);
    const fresh = await search.unitKeys();
    expect(found('rmtzx', fresh)).toEqual(['u-news']);
    expect(found('xinwen', fresh)).toEqual([]);
  });
});

describe('chunked reads', () => {
  it('reads live rows of a table past one chunk, and rows by id in the order asked', async () => {
    await db.people.bulkAdd(Array.from({ length: 2_500 }, (_, i) => person(`bulk-${String(i).padStart(4, '0')}`, `人员${i}`, i % 500 === 0 ? { deletedAt: AT } : {})));
    const live = await readLive(db.people);
    expect(live).toHaveLength(4 + 2_500 - 5);
    expect(live.some((p) => p.deletedAt)).toBe(false);
    expect((await readByIds(db.people, ['p-li', 'missing', 'p-zhang'])).map((p) => p.id)).toEqual(['p-li', 'p-zhang']);
  });
});
