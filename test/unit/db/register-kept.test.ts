// Issue 15: the indexes of 平台台账 and 发布审核 are kept between sessions. A new session reads
// the kept rows and catches up with the records the audit log names as written since; a chain
// replaced by a restore, a renamed unit or another rule profile makes it build the index again.
// Each "session" is a fresh instance of the worker's module over the same database.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LedgerDb } from '../../../renderer/db/schema';
import { appendAudit, createRecord, saveSettings, softDelete, updateRecord } from '../../../renderer/db/repository';
import { keepValue, KeptIndexDb, readKept } from '../../../renderer/db/kept-indexes';
import { changesSince, ledgerMark } from '../../../renderer/db/ledger-mark';
import type { RegisterWorkerRequest, RegisterWorkerResponse } from '../../../renderer/db/register-worker';
import { compareGroupRows, compareInspectionRows, type IndexPage, type PlatformIndexRow, type ReviewIndexRow } from '../../../shared/search/register-index';
import { isGroupKind, type Platform } from '../../../shared/domain/platform';
import type { Inspection, Review } from '../../../shared/domain/records';
import type { Unit } from '../../../shared/domain/unit';
import type { Person } from '../../../shared/domain/person';
import { getPreset } from '../../../shared/profiles/presets';
import { platformRecord } from '../../fixtures/platform';
import { libraryReview } from '../forms/review-fixture';
import { stubWorkerScope } from './worker-scope';

type Body = RegisterWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** A new session: the worker's module evaluated afresh, with a global scope of its own. */
async function session(): Promise<(body: Body) => Promise<IndexPage>> {
  const ask: (body: Body) => Promise<RegisterWorkerResponse> = stubWorkerScope<RegisterWorkerRequest, RegisterWorkerResponse>();
  vi.resetModules();
  await import('../../../renderer/db/register-worker');
  return async (body) => {
    const answer = await ask(body);
    if (!answer.ok) throw new Error(answer.error);
    return answer.value.page!;
  };
}

const db = new LedgerDb();
const store = new KeptIndexDb();

/** Waits until the index `id` is kept at the ledger's current mark (the worker keeps it some seconds after a change). */
async function keptNow(id: string): Promise<{ code: string }> {
  const mark = await ledgerMark(db);
  for (let i = 0; i < 100; i += 1) {
    await vi.advanceTimersByTimeAsync(30_000);
    const hit = await store.indexes.get(id);
    if (hit && hit.mark.seq === mark.seq && hit.mark.hash === mark.hash) return hit;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`index ${id} not kept at seq ${mark.seq}`);
}

/** Marks one kept row so that a search finds it only if the kept rows were used. */
async function markKeptRow(id: string, rowId: string): Promise<void> {
  const { code } = (await store.indexes.get(id))!;
  const kept = (await readKept<(PlatformIndexRow | ReviewIndexRow)[]>(store, id, code))!;
  kept.value.find((r) => r.id === rowId)!.key += ' zzkept';
  await keepValue(store, id, code, kept);
}

const ALL = { offset: 0, limit: 1_000 };
const platforms = (ask: Awaited<ReturnType<typeof session>>, query?: string) => ask({ type: 'platforms', filter: query ? { query } : {}, ...ALL });
const reviews = (ask: Awaited<ReturnType<typeof session>>, filter: { query?: string; status?: string } = {}) => ask({ type: 'reviews', filter, ...ALL });

/** What a session without any kept index answers: the truth to compare with. */
async function fresh<T>(read: (ask: Awaited<ReturnType<typeof session>>) => Promise<T>): Promise<T> {
  const saved = await store.indexes.toArray();
  await store.indexes.clear();
  const answer = await read(await session());
  await store.indexes.clear();
  await store.indexes.bulkPut(saved);
  return answer;
}

let unit: Unit;
const ids: Record<string, string> = {};

beforeAll(async () => {
  // The worker's timers run on their own as well; advancing them jumps over its waits before keeping.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
  await saveSettings(db, { institutionName: '东湖示范大学', profileId: 'vocational-three-level-review', profile: getPreset('vocational-three-level-review')!, operatorName: '王𠮷' });
  unit = await createRecord<Unit>(db, 'units', { name: '图书馆', kind: '直属单位' });
  for (const [name, kind, accountId] of [
    ['东湖示范大学图书馆', '微信公众号', 'dhsf_lib'],
    ['东湖示范大学新闻网', '官方网站', 'news.dhsf.edu.cn'],
    ['阿里山茶社', '微博', 'alishan'],
    ['招生工作群', '微信群', 'zs'],
  ] as const) {
    const { id: _id, createdAt: _c, updatedAt: _u, ...draft } = platformRecord('x', { name, kind, accountId, hostUnitId: unit.id });
    ids[name] = (await createRecord<Platform>(db, 'platforms', draft)).id;
  }
  for (const title of ['春季招生简章', '图书馆开放时间调整', '新闻网改版通知']) {
    const { id: _id, createdAt: _c, updatedAt: _u, ...draft } = { ...libraryReview, title, platformId: ids['东湖示范大学图书馆']!, submittingUnitId: unit.id };
    ids[title] = (await createRecord<Review>(db, 'reviews', draft)).id;
  }
});

afterAll(() => {
  vi.useRealTimers();
  db.close();
  store.close();
});

describe('the registers kept between sessions', () => {
  it('a new session uses the kept rows and catches up with what was written since', async () => {
    const first = await session();
    const before = await platforms(first);
    expect(before.total).toBe(4);
    await reviews(first);
    await keptNow('platforms');
    await keptNow('reviews');
    await markKeptRow('platforms', ids['阿里山茶社']!);
    await markKeptRow('reviews', ids['春季招生简章']!);

    // Written while no session runs: a new platform, a renamed one, one trashed; a review renamed.
    const { id: _id, createdAt: _c, updatedAt: _u, ...draft } = platformRecord('x', { name: '东湖书坊', kind: '抖音', accountId: 'dhsf_books' });
    const added = await createRecord<Platform>(db, 'platforms', draft);
    ids['东湖书坊'] = added.id;
    await updateRecord<Platform>(db, 'platforms', ids['东湖示范大学新闻网']!, { name: '东湖示范大学新闻中心' });
    await softDelete(db, 'platforms', ids['招生工作群']!);
    await updateRecord<Review>(db, 'reviews', ids['新闻网改版通知']!, { title: '校史馆闭馆通知' });

    const next = await session();
    // The kept rows were used (the marked row is found by its mark)…
    expect((await platforms(next, 'zzkept')).ids).toEqual([ids['阿里山茶社']]);
    expect((await reviews(next, { query: 'zzkept' })).ids).toEqual([ids['春季招生简章']]);
    // …and caught up: the same pages as a session that reads the tables.
    const now = await platforms(next);
    expect(now).toEqual(await fresh((ask) => platforms(ask)));
    expect(now.total).toBe(4);
    expect(now.ids).toContain(added.id);
    expect(now.ids).not.toContain(ids['招生工作群']);
    expect((await platforms(next, 'xinwenzhongxin')).ids).toEqual([ids['东湖示范大学新闻网']]);
    expect((await platforms(next, 'xinwenwang')).ids).toEqual([]);
    expect((await platforms(next, 'dhsf')).ids).toEqual(await fresh(async (ask) => (await platforms(ask, 'dhsf')).ids));
    expect((await reviews(next, { query: 'xsg' })).ids).toEqual([ids['新闻网改版通知']]);
    expect((await reviews(next, { query: 'gbtz' })).ids).toEqual([]);
    expect(await reviews(next)).toEqual(await fresh((ask) => reviews(ask)));

    // The caught-up index is kept again at the new mark.
    await keptNow('platforms');
    await keptNow('reviews');
  });

  it('re-keys the platforms of a renamed unit (their keys hold its name); another rule profile builds the reviews again', async () => {
    const first = await session();
    await platforms(first);
    await reviews(first);
    await keptNow('platforms');
    await keptNow('reviews');
    await markKeptRow('platforms', ids['阿里山茶社']!);
    await markKeptRow('platforms', ids['东湖书坊']!);
    await markKeptRow('reviews', ids['春季招生简章']!);

    await updateRecord<Unit>(db, 'units', unit.id, { name: '校图书馆' });
    const afterUnit = await session();
    // The unit's platforms were read again; the platform of no unit kept its kept row.
    expect((await platforms(afterUnit, 'zzkept')).ids).toEqual([ids['东湖书坊']]);
    expect((await platforms(afterUnit, 'xiaotushuguan')).total).toBe(3);
    expect((await platforms(afterUnit, 'tushuguan')).total).toBe(3);
    expect(await platforms(afterUnit, 'xiaotushuguan')).toEqual(await fresh((ask) => platforms(ask, 'xiaotushuguan')));

    // A renamed responsible person re-keys the platforms they are responsible for.
    const person = await createRecord<Person>(db, 'people', { name: '赵六', unitId: unit.id, status: '在岗' } as never);
    await updateRecord<Platform>(db, 'platforms', ids['阿里山茶社']!, { responsibleId: person.id });
    expect((await platforms(await session(), 'zhaoliu')).ids).toEqual([ids['阿里山茶社']]);
    await keptNow('platforms');
    await updateRecord<Person>(db, 'people', person.id, { name: '钱七' } as never);
    const afterPerson = await session();
    expect((await platforms(afterPerson, 'qianqi')).ids).toEqual([ids['阿里山茶社']]);
    expect((await platforms(afterPerson, 'zhaoliu')).ids).toEqual([]);
    // Reviews do not hold unit names: their kept rows still serve, and are kept again at the new
    // mark (else the entries to catch up with would pile up from session to session).
    expect((await reviews(afterUnit, { query: 'zzkept' })).ids).toEqual([ids['春季招生简章']]);
    expect((await readKept(store, 'reviews', (await keptNow('reviews')).code))?.value).toContainEqual(expect.objectContaining({ id: ids['春季招生简章'], key: expect.stringContaining('zzkept') }));

    await markKeptRow('reviews', ids['春季招生简章']!);
    const settings = (await db.settings.get('main'))!;
    await saveSettings(db, { ...settings, profileId: 'undergraduate-filing-three-reviewers', profile: getPreset('undergraduate-filing-three-reviewers')! });
    const afterProfile = await session();
    expect((await reviews(afterProfile, { query: 'zzkept' })).ids).toEqual([]);
    expect(await reviews(afterProfile)).toEqual(await fresh((ask) => reviews(ask)));
  });

  it('builds the index again after a restore (an entry about the whole database)', async () => {
    const first = await session();
    await platforms(first);
    await keptNow('platforms');
    await markKeptRow('platforms', ids['阿里山茶社']!);
    await db.transaction('rw', [db.auditLog, db.settings], () => appendAudit(db, 'database', 'all', 'restore', {}, new Date().toISOString()));
    const next = await session();
    expect((await platforms(next, 'zzkept')).ids).toEqual([]);
    expect((await platforms(next, 'alishan')).ids).toEqual([ids['阿里山茶社']]);
  });
});

describe('keeping an index', () => {
  it('answers a page while the index is written (the writing waits outside the order of the messages)', async () => {
    await store.indexes.clear();
    const ask = await session();
    await platforms(ask);
    // Another writer holds the kept indexes' store: the worker's keeping waits for it, as for a slow write.
    let released = false;
    const holding = store.transaction('rw', store.indexes, async () => {
      while (!released) await store.indexes.get('nothing');
    });
    await vi.advanceTimersByTimeAsync(30_000);
    let answered: IndexPage | undefined;
    void platforms(ask, 'dhsf').then((page) => (answered = page));
    for (let i = 0; i < 200 && !answered; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
    const answeredMeanwhile = answered;
    released = true;
    await holding;
    expect(answeredMeanwhile).toBeDefined();
    expect(answeredMeanwhile!.total).toBeGreaterThan(0);
    expect(answeredMeanwhile).toEqual(await platforms(ask, 'dhsf'));
    // And the index is kept once the store is free.
    await keptNow('platforms');
  });
});

describe('the other registers kept between sessions (年度检查, 工作群, …)', () => {
  const inspections = (ask: Awaited<ReturnType<typeof session>>) => ask({ type: 'page', register: 'inspections', filter: {}, ...ALL });
  const groups = (ask: Awaited<ReturnType<typeof session>>) => ask({ type: 'page', register: 'groups', filter: { showDisbanded: true }, ...ALL });
  const inspect = async (platform: string, year: number) => (await createRecord<Inspection>(db, 'inspections', { platformId: ids[platform]!, year, checks: [] } as never)).id;
  const group = async (name: string) => {
    const { id: _id, createdAt: _c, updatedAt: _u, ...draft } = platformRecord('x', { name, kind: 'QQ群', accountId: name });
    return (ids[name] = (await createRecord<Platform>(db, 'platforms', draft)).id);
  };
  /** Takes one row out of a kept register: a session that shows it did not use the kept rows. */
  async function dropKeptRow(id: string, rowId: string): Promise<void> {
    const { code } = (await store.indexes.get(id))!;
    const kept = (await readKept<{ id: string }[]>(store, id, code))!;
    await keepValue(store, id, code, { ...kept, value: kept.value.filter((r) => r.id !== rowId) });
  }

  /**
   * The registers' order worked out here from the tables (a session of the worker would leave
   * timers that keep its own rows, and the tests below look at what the session under test keeps).
   */
  async function inspectionOrder(): Promise<string[]> {
    const names = new Map((await db.platforms.toArray()).filter((p) => !p.deletedAt).map((p) => [p.id, p.name]));
    const rows = (await db.inspections.toArray()).filter((i) => !i.deletedAt).map((i) => ({ id: i.id, year: i.year, platformId: i.platformId, name: names.get(i.platformId) ?? '' }));
    return rows.sort(compareInspectionRows).map((r) => r.id);
  }
  async function groupOrder(): Promise<string[]> {
    const rows = (await db.platforms.toArray()).filter((p) => !p.deletedAt && isGroupKind(p.kind)).map((p) => ({ id: p.id, name: p.name, disbanded: Boolean(p.group?.disbandedOn) }));
    return rows.sort(compareGroupRows).map((r) => r.id);
  }
  const keptIds = async (id: string) => (await readKept<{ id: string }[]>(store, id, (await store.indexes.get(id))!.code))!.value.map((r) => r.id);

  it('a new session reads the kept rows and catches up: a renamed platform moves its inspections, a trashed group leaves', async () => {
    const tea = await inspect('阿里山茶社', 2026);
    const lib = await inspect('东湖示范大学图书馆', 2026);
    const books = await inspect('东湖书坊', 2025);
    const gone = await group('保卫处值班群');
    await group('学生会干部群');
    const first = await session();
    expect((await inspections(first)).ids).toEqual(await inspectionOrder());
    expect((await groups(first)).ids).toEqual(await groupOrder());
    await keptNow('register:inspections');
    await keptNow('register:groups');
    await dropKeptRow('register:inspections', books);
    await dropKeptRow('register:groups', ids['学生会干部群']!);
    expect((await inspections(first)).ids.indexOf(tea)).toBeLessThan((await inspections(first)).ids.indexOf(lib));

    // Written while no session runs: 阿里山茶社 renamed to sort after 东湖…, an inspection added, a group trashed and one added.
    await updateRecord<Platform>(db, 'platforms', ids['阿里山茶社']!, { name: '紫金茶社' });
    const added = await inspect('东湖示范大学图书馆', 2027);
    await softDelete(db, 'platforms', gone);
    const newGroup = await group('安全员群');

    const next = await session();
    const shown = await inspections(next);
    // The kept rows were used (the row taken out stays out), and caught up with everything else.
    expect(shown.ids).toEqual((await inspectionOrder()).filter((id) => id !== books));
    expect(shown.ids.indexOf(tea)).toBeGreaterThan(shown.ids.indexOf(lib));
    expect(shown.ids).toContain(added);
    const groupsShown = await groups(next);
    expect(groupsShown.ids).toEqual((await groupOrder()).filter((id) => id !== ids['学生会干部群']));
    expect(groupsShown.ids).toContain(newGroup);
    expect(groupsShown.ids).not.toContain(gone);
    // Kept again at the new mark, by this session (its rows lack the one taken out).
    await keptNow('register:inspections');
    await keptNow('register:groups');
    expect(await keptIds('register:inspections')).toEqual(shown.ids);
    expect(await keptIds('register:groups')).toEqual(groupsShown.ids);
  });

  it('follows a platform renamed during the session without reading the inspections again', async () => {
    const teaPlatform = ids['阿里山茶社']!;
    const tea = (await db.inspections.where('platformId').equals(teaPlatform).first())!.id;
    const books = (await db.inspections.where('platformId').equals(ids['东湖书坊']!).first())!.id;
    // The kept rows lack 东湖书坊's inspection: only a rebuild, which reads the table, would bring it back.
    expect(await keptIds('register:inspections')).not.toContain(books);
    const ask = await session();
    const before = (await inspections(ask)).ids;
    expect(before).toEqual((await inspectionOrder()).filter((id) => id !== books));
    expect(before.at(-1)).toBe(tea);
    await updateRecord<Platform>(db, 'platforms', teaPlatform, { name: '阿里山茶社' });
    await ask({ type: 'changed', changes: { platforms: [teaPlatform] } });
    const after = (await inspections(ask)).ids;
    expect(after).toEqual((await inspectionOrder()).filter((id) => id !== books));
    // 阿里 sorts before 东湖: the renamed platform's inspection moved to the front.
    expect(after[0]).toBe(tea);
  });
});

describe('changesSince', () => {
  it('names the records written after a mark, and nothing once the chain no longer holds the mark', async () => {
    const mark = await ledgerMark(db);
    const created = await createRecord<Unit>(db, 'units', { name: '档案馆', kind: '直属单位' });
    await updateRecord<Unit>(db, 'units', created.id, { name: '校档案馆' });
    await updateRecord<Platform>(db, 'platforms', ids['阿里山茶社']!, { accountId: 'alishan2' });
    const since = await changesSince(db, mark, 10);
    expect(since?.changes).toEqual({ units: [created.id], platforms: [ids['阿里山茶社']] });
    expect(since?.mark).toEqual(await ledgerMark(db));
    expect(await changesSince(db, mark, 2)).toBeUndefined();
    expect(await changesSince(db, { ...mark, hash: 'f'.repeat(64) }, 10)).toBeUndefined();
    expect((await changesSince(db, { seq: 0, hash: '' }, 10_000))?.changes.platforms).toBe('all');
  });
});
