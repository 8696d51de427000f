// The registers' worker over a real (fake-indexeddb) ledger: the pages of 开通与备案, 年度检查,
// 密码密封存档, 工作群, 各平台密码修改情况, 打印与签回 and 问题与舆情 — filters, pinyin search, order, totals — and how the
// indexes follow the changes the UI thread forwards.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerDb } from '../../../renderer/db/schema';
import { saveSettings } from '../../../renderer/db/repository';
import type { ChangedRows, PageRequest, RegisterWorkerRequest, RegisterWorkerResponse } from '../../../renderer/db/register-worker';
import type { IndexPage } from '../../../shared/search/register-index';
import type { CampaignSummary } from '../../../shared/rules/campaign-summary';
import type { Platform } from '../../../shared/domain/platform';
import type { Person } from '../../../shared/domain/person';
import type { Approval, Envelope, Incident, Inspection, PaperStatus, Printout } from '../../../shared/domain/records';
import { getPreset } from '../../../shared/profiles/presets';
import { platformRecord } from '../../fixtures/platform';
import { libraryReview } from '../forms/review-fixture';
import { stubWorkerScope } from './worker-scope';

const TODAY = '2026-11-20';
const AT = '2026-01-01T00:00:00.000Z';

type Body = RegisterWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

// The worker's global scope: messages in through an EventTarget, answers out through postMessage.
const ask: (body: Body) => Promise<RegisterWorkerResponse> = stubWorkerScope<RegisterWorkerRequest, RegisterWorkerResponse>();

async function page(request: PageRequest): Promise<IndexPage> {
  const r = await ask(request);
  if (!r.ok) throw new Error(r.error);
  return r.value.page!;
}

const changed = (changes: ChangedRows) => ask({ type: 'changed', changes });

let db: LedgerDb;

const platform = (id: string, over: Partial<Platform>) => platformRecord(id, { createdAt: AT, updatedAt: AT, ...over });
const approval = (id: string, platformId: string, over: Partial<Approval>): Approval => ({ id, platformId, kind: '变更备案', changes: [], createdAt: AT, updatedAt: AT, ...over });
const inspection = (id: string, platformId: string, year: number, over: Partial<Inspection> = {}): Inspection => ({
  id,
  platformId,
  year,
  checks: [],
  createdAt: AT,
  updatedAt: AT,
  ...over,
});
const envelope = (id: string, platformId: string, number: string, sealedOn: string, over: Partial<Envelope> = {}): Envelope => ({
  id,
  platformId,
  number,
  sealedOn,
  items: ['登录账号', '密码'],
  location: '保密柜',
  openings: [],
  createdAt: AT,
  updatedAt: AT,
  ...over,
});

beforeAll(async () => {
  db = new LedgerDb();
  await db.open();
  await saveSettings(db, { institutionName: '东湖示范大学', profileId: 'vocational-three-level-review', profile: getPreset('vocational-three-level-review')!, operatorName: '王𠮷' });
  await db.platforms.bulkAdd([
    platform('lib', { name: '东湖示范大学图书馆', kind: '微信公众号', accountId: 'dhsf_lib' }),
    platform('news', { name: '东湖示范大学新闻网', kind: '官方网站', accountId: 'news.dhsf.edu.cn' }),
    platform('tea', { name: '阿里山茶社', kind: '微博', accountId: 'alishan' }),
    platform('shut', { name: '百草园', kind: '微博', accountId: 'bcy', status: '已注销' }),
    platform('g1', { name: '招生工作群', kind: '微信群', accountId: 'zs' }),
    platform('g2', { name: '奥运志愿者群', kind: 'QQ群', accountId: 'ay', group: { disbandedOn: '2026-03-01' } as Platform['group'] }),
    platform('g3', { name: '保卫处值班群', kind: '钉钉群', accountId: 'bw' }),
  ]);
  await db.approvals.bulkAdd([
    // Overdue: changed in January, never filed.
    approval('a1', 'lib', { changeDate: '2026-01-05' }),
    // Open and not yet due.
    approval('a2', 'news', { changeDate: '2026-11-19' }),
    // Filed.
    approval('a3', 'tea', { changeDate: '2026-06-01', filedOn: '2026-06-03' }),
    // An opening approval still in progress, dated by its creation only.
    approval('a4', 'tea', { kind: '开通审批', createdAt: '2026-02-01T08:00:00.000Z' }),
    // A year without a holiday schedule: the deadline cannot be computed.
    approval('a5', 'news', { changeDate: '2099-03-02' }),
  ]);
  await db.inspections.bulkAdd([
    inspection('i1', 'tea', 2026, { result: '合格' }),
    inspection('i2', 'lib', 2026, { selfAssessment: '已自查' }),
    inspection('i3', 'news', 2026),
    inspection('i4', 'lib', 2025),
  ]);
  await db.envelopes.bulkAdd([
    envelope('e1', 'lib', 'XF-2025-0001', '2025-03-01', { replacedById: 'e2' }),
    envelope('e2', 'lib', 'XF-2026-0001', '2026-02-01'),
    envelope('e3', 'news', 'XF-2026-0002', '2026-02-01'),
    envelope('e4', 'tea', 'XF-2026-0003', '2026-05-01', { deletedAt: AT }),
  ]);
  await import('../../../renderer/db/register-worker');
});

afterAll(async () => {
  db.close();
});

describe('开通与备案 (approvals)', () => {
  const q = (filter: object, offset = 0, limit = 10) => page({ type: 'page', register: 'approvals', filter: { today: TODAY, ...filter }, offset, limit });

  it('lists newest change first (the change date, else the creation time), with the total', async () => {
    const all = await q({});
    expect(all).toEqual({ total: 5, ids: ['a5', 'a2', 'a3', 'a4', 'a1'] });
    expect(await q({}, 1, 2)).toEqual({ total: 5, ids: ['a2', 'a3'] });
  });

  it('filters by kind and by 报备状态 (overdue against the given today)', async () => {
    expect((await q({ kind: '开通审批' })).ids).toEqual(['a4']);
    expect((await q({ status: '已逾期' })).ids).toEqual(['a1']);
    expect((await q({ status: '已报备' })).ids).toEqual(['a3']);
    expect((await q({ status: '期限待定' })).ids).toEqual(['a5']);
    expect((await q({ status: '待报备' })).ids).toEqual(['a5', 'a2', 'a4', 'a1']);
    // A day before a1 fell due it was not overdue yet.
    expect((await q({ status: '已逾期', today: '2026-01-06' })).ids).toEqual([]);
  });

  it("finds filings by their platform's name in pinyin initials, kind or account", async () => {
    expect((await q({ query: 'tsg' })).ids).toEqual(['a1']);
    expect((await q({ query: 'dhsf' })).ids).toEqual(['a5', 'a2', 'a1']);
    expect((await q({ query: 'weibo' })).ids).toEqual(['a3', 'a4']);
    expect((await q({ query: 'news.dhsf' })).ids).toEqual(['a5', 'a2']);
    expect((await q({ query: 'dhsf', status: '已逾期' })).total).toBe(1);
  });

  it('follows a new filing, a filed one and a renamed platform', async () => {
    await db.approvals.put(approval('a6', 'tea', { changeDate: '2026-11-18' }));
    await db.approvals.update('a1', { filedOn: '2026-01-10' });
    await changed({ approvals: ['a6', 'a1'] });
    expect((await q({ status: '已逾期' })).ids).toEqual([]);
    expect((await q({ status: '已报备' })).ids).toEqual(['a3', 'a1']);
    expect((await q({})).ids[2]).toBe('a6');
    await db.platforms.update('tea', { name: '阿里山茶馆' });
    await changed({ platforms: ['tea'] });
    expect((await q({ query: 'alscg' })).ids).toEqual(['a6', 'a3', 'a4']);
    await db.approvals.update('a6', { deletedAt: AT });
    await changed({ approvals: ['a6'] });
    expect((await q({})).total).toBe(5);
  });

  it('makes its search ready when the page opens: a page asked meanwhile is answered, and the search finds by kind and account after', async () => {
    const [warmed, first] = await Promise.all([ask({ type: 'warm', table: 'approvals' }), q({})]);
    expect(warmed.ok).toBe(true);
    expect(first.total).toBe(5);
    expect((await q({ query: 'weibo' })).ids).toEqual(['a3', 'a4']);
    expect((await q({ query: 'news.dhsf' })).ids).toEqual(['a5', 'a2']);
  });

  it('narrows a search as the clerk types on, and never from a search made before a change', async () => {
    expect((await q({ query: 'dh' })).ids).toEqual(['a5', 'a2', 'a1']);
    // A filing of the library written after 'dh' was searched: 'dhs' narrows 'dh' only while nothing changed.
    await db.approvals.put(approval('a7', 'lib', { changeDate: '2026-11-20' }));
    await changed({ approvals: ['a7'] });
    expect((await q({ query: 'dhs' })).ids).toEqual(['a5', 'a7', 'a2', 'a1']);
    // A platform renamed to match: its filings are found by the next key.
    expect((await q({ query: 'dhsf' })).ids).toEqual(['a5', 'a7', 'a2', 'a1']);
    await db.platforms.update('tea', { name: '东湖示范大学茶社' });
    await changed({ platforms: ['tea'] });
    expect((await q({ query: 'dhsfd' })).ids).toEqual(['a5', 'a7', 'a2', 'a3', 'a4', 'a1']);
    // Back as the other tests expect it: the search follows again.
    await db.platforms.update('tea', { name: '阿里山茶社' });
    await db.approvals.delete('a7');
    await changed({ platforms: ['tea'], approvals: ['a7'] });
    expect((await q({ query: 'dhsfd' })).ids).toEqual(['a5', 'a2', 'a1']);
  });
});

describe('年度检查 (inspections)', () => {
  const q = (year: number, offset = 0, limit = 10) => page({ type: 'page', register: 'inspections', filter: { year }, offset, limit });

  it("lists a year's inspections by platform name in pinyin order", async () => {
    // 阿里山茶社 (a), 东湖示范大学图书馆, 东湖示范大学新闻网 (d … t < x).
    expect(await q(2026)).toEqual({ total: 3, ids: ['i1', 'i2', 'i3'] });
    expect(await q(2025)).toEqual({ total: 1, ids: ['i4'] });
    expect(await q(2026, 2, 5)).toEqual({ total: 3, ids: ['i3'] });
  });

  it('moves an inspection when its platform is renamed', async () => {
    await db.platforms.update('tea', { name: '紫金山茶社' });
    await changed({ platforms: ['tea'] });
    expect((await q(2026)).ids).toEqual(['i2', 'i3', 'i1']);
  });

  it("computes the campaign's figures: progress, covered accounts and those still missing", async () => {
    const r = await ask({ type: 'campaign', year: 2026, asOf: TODAY });
    const c = (r.ok ? r.value.campaign : undefined) as CampaignSummary;
    expect(c.year).toBe(2026);
    expect(c.progress).toMatchObject({ total: 3, notStarted: 1, selfAssessed: 1, passed: 1 });
    // lib, news, tea are covered (the closed account and the work groups are not); all have a 2026 record.
    expect(c.covered).toBe(3);
    expect(c.missing).toBe(0);
    await db.inspections.delete('i3');
    await changed({ inspections: ['i3'] });
    const after = await ask({ type: 'campaign', year: 2026, asOf: TODAY });
    expect(after.ok && after.value.campaign?.missing).toBe(1);
    expect((await q(2026)).total).toBe(2);
  });

  it('says which years the page offers and which it opens on, from the index, as results are recorded', async () => {
    const years = async (thisYear: number) => {
      const r = await ask({ type: 'campaignYears', thisYear });
      return r.ok ? r.value.years : undefined;
    };
    // In 2026 the 2025 campaign (i4, no result) still needs attention.
    expect(await years(2026)).toEqual({ years: [2026, 2025], attention: { year: 2025, unfinished: 1 } });
    // In 2027, 2026 does: i2 has no result (i3 went to the trash in the test above).
    expect(await years(2027)).toEqual({ years: [2027, 2026, 2025], attention: { year: 2026, unfinished: 1 } });
    // i4's result recorded: 2025 is finished, and the page opens on this year.
    await db.inspections.update('i4', { result: '合格' });
    await changed({ inspections: ['i4'] });
    expect(await years(2026)).toEqual({ years: [2026, 2025], attention: { year: 2026, unfinished: 0 } });
    // An inspection in the trash is no year's.
    await db.inspections.update('i4', { deletedAt: TODAY });
    await changed({ inspections: ['i4'] });
    expect(await years(2026)).toEqual({ years: [2026], attention: { year: 2026, unfinished: 0 } });
  });
});

describe('密码密封存档 (envelopes) and 各平台密码修改情况 (rotation)', () => {
  const q = (showReplaced: boolean) => page({ type: 'page', register: 'envelopes', filter: { showReplaced }, offset: 0, limit: 10 });

  it('lists newest sealed first, then by number, leaving out replaced envelopes unless asked and the trash always', async () => {
    expect(await q(false)).toEqual({ total: 2, ids: ['e3', 'e2'] });
    expect(await q(true)).toEqual({ total: 3, ids: ['e3', 'e2', 'e1'] });
  });

  it('orders accounts by the next password change due, accounts without a record last', async () => {
    const r = await page({ type: 'page', register: 'rotation', filter: {}, offset: 0, limit: 10 });
    // lib and news have envelopes of 2026-02-01; tea (renamed 紫金山茶社) has none; no closed account, no group.
    expect(r.total).toBe(3);
    expect(r.ids[2]).toBe('tea');
    expect(r.ids.slice(0, 2).sort()).toEqual(['lib', 'news']);
  });

  it('follows a newly sealed envelope and its effect on the rotation order', async () => {
    await db.envelopes.put(envelope('e5', 'tea', 'XF-2026-0004', '2026-01-15'));
    await changed({ envelopes: ['e5'] });
    expect((await q(false)).ids).toEqual(['e3', 'e2', 'e5']);
    const r = await page({ type: 'page', register: 'rotation', filter: {}, offset: 0, limit: 10 });
    // tea's password was changed earliest, so it is due first.
    expect(r.ids[0]).toBe('tea');
  });
});

describe('打印与签回 (printouts)', () => {
  const printout = (id: string, paperStatus: PaperStatus, printedAt: string, over: Partial<Printout> = {}): Printout => ({
    id,
    formId: 'F04',
    formVersion: '1',
    formNumber: `BA-2026-${id}`,
    recordTable: 'platforms',
    recordId: 'lib',
    printedAt,
    paperStatus,
    createdAt: AT,
    updatedAt: AT,
    ...over,
  });
  const q = (filter: object, offset = 0, limit = 10) => page({ type: 'page', register: 'printouts', filter, offset, limit });
  const WAITING = { status: '待签回', oldestFirst: true };

  it('lists 待签回 oldest first and every printout newest first (equal times by id), the trash left out', async () => {
    await db.printouts.bulkAdd([
      printout('p1', '待签回', '2026-11-03T08:00:00.000Z'),
      printout('p2', '已签回', '2026-10-01T08:00:00.000Z'),
      printout('p3', '待签回', '2026-10-15T08:00:00.000Z'),
      printout('p4', '待签回', '2026-09-15T08:00:00.000Z', { deletedAt: '2026-09-16T00:00:00.000Z' }),
      printout('p5', '待签回', '2026-10-15T08:00:00.000Z'),
      printout('p6', '已归档', '2026-08-01T08:00:00.000Z', { archiveLocation: '2026-01 盒' }),
    ]);
    expect(await q(WAITING)).toEqual({ total: 3, ids: ['p3', 'p5', 'p1'] });
    expect(await q(WAITING, 1, 1)).toEqual({ total: 3, ids: ['p5'] });
    expect(await q({})).toEqual({ total: 5, ids: ['p1', 'p5', 'p3', 'p2', 'p6'] });
    expect(await q({ status: '已签回' })).toEqual({ total: 1, ids: ['p2'] });
    expect(await q({}, 3, 10)).toEqual({ total: 5, ids: ['p2', 'p6'] });
  });

  it('follows a form signed back, a new printout and one moved to the trash', async () => {
    await db.printouts.update('p3', { paperStatus: '已签回' });
    await db.printouts.put(printout('p7', '待签回', '2026-09-01T08:00:00.000Z'));
    await db.printouts.update('p1', { deletedAt: '2026-11-30T00:00:00.000Z' });
    await changed({ printouts: ['p3', 'p7', 'p1'] });
    expect(await q(WAITING)).toEqual({ total: 2, ids: ['p7', 'p5'] });
    expect(await q({ status: '已签回' })).toEqual({ total: 2, ids: ['p3', 'p2'] });
    expect((await q({})).total).toBe(5);
  });
});

describe('问题与舆情 (incidents)', () => {
  const incident = (id: string, kind: Incident['kind'], date: string, over: Partial<Incident> = {}): Incident => ({ id, kind, date, found: `问题 ${id}`, actions: [], createdAt: AT, updatedAt: AT, ...over });
  const q = (filter: object, offset = 0, limit = 10) => page({ type: 'page', register: 'incidents', filter, offset, limit });

  it('lists the ones 处理中 first, then the closed ones, each newest first (a day’s by id, descending), the trash left out', async () => {
    await db.incidents.bulkAdd([
      incident('n1', '问题登记', '2026-03-01'),
      incident('n2', '举报投诉', '2026-05-01', { closedOn: '2026-05-10', feedback: '已答复' }),
      incident('n3', '舆情', '2026-04-01'),
      incident('n4', '问题登记', '2026-04-01'),
      incident('n5', '问题登记', '2026-06-01', { closedOn: '2026-06-02' }),
      incident('n6', '问题登记', '2026-07-01', { deletedAt: '2026-07-02T00:00:00.000Z' }),
    ]);
    expect(await q({})).toEqual({ total: 5, ids: ['n4', 'n3', 'n1', 'n5', 'n2'] });
    expect(await q({}, 2, 2)).toEqual({ total: 5, ids: ['n1', 'n5'] });
    expect(await q({ state: '处理中' })).toEqual({ total: 3, ids: ['n4', 'n3', 'n1'] });
    expect(await q({ state: '已办结' })).toEqual({ total: 2, ids: ['n5', 'n2'] });
    expect(await q({ kind: '问题登记' })).toEqual({ total: 3, ids: ['n4', 'n1', 'n5'] });
    expect(await q({ kind: '问题登记', state: '已办结' })).toEqual({ total: 1, ids: ['n5'] });
  });

  it('follows one closed, a new one and one moved to the trash', async () => {
    await db.incidents.update('n3', { closedOn: '2026-04-03' });
    await db.incidents.put(incident('n7', '举报投诉', '2026-08-01'));
    await db.incidents.update('n1', { deletedAt: '2026-11-30T00:00:00.000Z' });
    await changed({ incidents: ['n3', 'n7', 'n1'] });
    expect(await q({})).toEqual({ total: 5, ids: ['n7', 'n4', 'n5', 'n2', 'n3'] });
    expect(await q({ state: '处理中' })).toEqual({ total: 2, ids: ['n7', 'n4'] });
  });
});

describe('工作群 (groups)', () => {
  const q = (filter: object) => page({ type: 'page', register: 'groups', filter, offset: 0, limit: 10 });

  it('lists groups in use by name, disbanded ones last and only when asked', async () => {
    // 保卫处值班群 (b) before 招生工作群 (z); 奥运志愿者群 is disbanded.
    expect(await q({})).toEqual({ total: 2, ids: ['g3', 'g1'] });
    expect(await q({ showDisbanded: true })).toEqual({ total: 3, ids: ['g3', 'g1', 'g2'] });
    expect((await q({ onlyDisbanded: true })).total).toBe(1);
  });

  it('follows a disbanded group and a new one, and ignores other platforms', async () => {
    await db.platforms.update('g1', { group: { disbandedOn: '2026-11-01' } as Platform['group'] });
    await db.platforms.put(platform('g4', { name: '安全保卫群', kind: '微信群', accountId: 'aq' }));
    await db.platforms.put(platform('web', { name: '阿尔法网站', kind: '官方网站', accountId: 'af' }));
    await changed({ platforms: ['g1', 'g4', 'web'] });
    expect(await q({})).toEqual({ total: 2, ids: ['g4', 'g3'] });
    expect((await q({ onlyDisbanded: true })).total).toBe(2);
  });

  it('rebuilds after a bulk change, from the groups alone and never the trash', async () => {
    await db.platforms.delete('g3');
    await db.platforms.put(platform('g5', { name: '阿里群', kind: 'QQ群', accountId: 'al', deletedAt: '2026-11-02T00:00:00.000Z' }));
    await db.platforms.put(platform('g6', { name: '宣传钉钉群', kind: '钉钉群', accountId: 'xc' }));
    await changed({ platforms: 'all' });
    expect((await q({})).ids).toEqual(['g4', 'g6']);
    expect((await q({ showDisbanded: true })).total).toBe(4);
  });
});

describe('平台台账: a page with its records', () => {
  const person = (id: string, name: string, over: Partial<Person> = {}): Person => ({ id, name, isTeacher: true, status: '在岗', createdAt: AT, updatedAt: AT, ...over });

  it('answers the records in the page order and the people they name, each read by id', async () => {
    await db.people.bulkAdd([person('p-zhang', '张三'), person('p-li', '李四', { status: '离岗' }), person('p-other', '王五'), person('p-gone', '赵六', { deletedAt: AT })]);
    await db.platforms.update('lib', { responsibleId: 'p-zhang', sectionAdminIds: ['p-li'] });
    // A person in the trash is read too: the list names them 赵六（已删除）.
    await db.platforms.update('news', { responsibleId: 'p-gone' });
    await changed({ platforms: ['lib', 'news'] });
    const r = await ask({ type: 'platforms', filter: { query: 'dhsf' }, offset: 0, limit: 10, read: true });
    if (!r.ok) throw new Error(r.error);
    const { page: found, platforms: records } = r.value;
    expect(records!.rows.map((p) => p.id)).toEqual(found!.ids);
    expect(records!.rows.find((p) => p.id === 'lib')!.responsibleId).toBe('p-zhang');
    // Each person once, and nobody the page does not name.
    expect(records!.people.map((p) => p.id).sort()).toEqual(['p-gone', 'p-li', 'p-zhang']);
    // Without `read`, the ids alone.
    const plain = await ask({ type: 'platforms', filter: { query: 'dhsf' }, offset: 0, limit: 10 });
    expect(plain.ok && plain.value.platforms).toBeUndefined();
  });

  it("answers a search's reviews with the people they name, their platforms and the titles they re-publish", async () => {
    await db.people.bulkAdd([person('p-writer', '赵文'), person('p-judge', '钱审')]);
    const steps = [{ ...libraryReview.steps[0]!, reviewerIds: ['p-judge'] }];
    await db.reviews.bulkAdd([
      { ...libraryReview, id: 'rv-first', platformId: 'lib', title: '迎新晚会通知', copywriterId: 'p-writer', steps },
      { ...libraryReview, id: 'rv-again', platformId: 'news', title: '迎新晚会通知（重发）', originalReviewId: 'rv-first', copywriterId: 'p-writer' },
    ]);
    await changed({ reviews: ['rv-first', 'rv-again'] });
    const r = await ask({ type: 'reviews', filter: { query: 'yxwh' }, offset: 0, limit: 10, read: true });
    if (!r.ok) throw new Error(r.error);
    const { page: found, reviews: records } = r.value;
    expect([...found!.ids].sort()).toEqual(['rv-again', 'rv-first']);
    expect(records!.rows.map((x) => x.id)).toEqual(found!.ids);
    expect(records!.people.map((p) => p.id).sort()).toEqual(['p-judge', 'p-writer']);
    expect(records!.related.platforms.map((p) => p.id).sort()).toEqual(['lib', 'news']);
    expect(records!.related.originals).toEqual([{ id: 'rv-first', title: '迎新晚会通知' }]);
    await db.reviews.bulkDelete(['rv-first', 'rv-again']);
    await changed({ reviews: ['rv-first', 'rv-again'] });
  });
});

describe('平台台账 and 发布审核: a query typed key by key (each searched within the last matches)', () => {
  const search = async (type: 'platforms' | 'reviews', query: string, filter: object = {}) => {
    const r = await ask({ type, filter: { query, ...filter }, offset: 0, limit: 50 });
    if (!r.ok) throw new Error(r.error);
    return r.value.page!;
  };
  const rename = async (id: string, name: string) => {
    await db.platforms.update(id, { name });
    await changed({ platforms: [id] });
  };

  it('finds a platform a rename brings into the query, going on and taking keys back', async () => {
    expect((await search('platforms', 'd')).ids).toEqual(expect.arrayContaining(['lib', 'news']));
    expect((await search('platforms', 'dh')).ids.sort()).toEqual(['lib', 'news']);
    expect((await search('platforms', 'dhs')).ids.sort()).toEqual(['lib', 'news']);
    // Another filter with the same text, then the text alone again.
    expect((await search('platforms', 'dhsf', { kind: '微信公众号' })).ids).toEqual(['lib']);
    expect((await search('platforms', 'dhsf')).ids.sort()).toEqual(['lib', 'news']);
    await rename('tea', '东湖示范茶社');
    expect((await search('platforms', 'dhsf')).ids.sort()).toEqual(['lib', 'news', 'tea']);
    expect((await search('platforms', 'dhs')).ids.sort()).toEqual(['lib', 'news', 'tea']);
    await rename('tea', '阿里山茶社');
    expect((await search('platforms', 'dhsf')).ids.sort()).toEqual(['lib', 'news']);
  });

  it("finds a review whose platform's rename brings it into the query", async () => {
    await db.reviews.bulkAdd([
      { ...libraryReview, id: 'r-lib', platformId: 'lib', title: '春季招生简章' },
      { ...libraryReview, id: 'r-tea', platformId: 'tea', title: '茶艺活动通知' },
    ]);
    await changed({ reviews: ['r-lib', 'r-tea'] });
    expect((await search('reviews', 'd')).ids).toContain('r-lib');
    expect((await search('reviews', 'dh')).ids).toEqual(['r-lib']);
    // The platform's whole name (its initials end the name's key), not its account (dhsf_lib) or kind.
    expect((await search('reviews', 'dxtsg')).ids).toEqual(['r-lib']);
    expect((await search('reviews', 'lib')).ids).toEqual([]);
    expect((await search('reviews', 'wxgzh')).ids).toEqual([]);
    await rename('tea', '东湖示范茶社');
    expect((await search('reviews', 'dhs')).ids.sort()).toEqual(['r-lib', 'r-tea']);
    // Found by its own title too, and by both at once.
    expect((await search('reviews', 'cyhd')).ids).toEqual(['r-tea']);
    expect((await search('reviews', 'cyhd dhsf')).ids).toEqual(['r-tea']);
    expect((await search('reviews', 'dhsf')).ids.sort()).toEqual(['r-lib', 'r-tea']);
    await db.reviews.update('r-lib', { title: '茶艺展' });
    await changed({ reviews: ['r-lib'] });
    expect((await search('reviews', 'dhsf cy')).ids.sort()).toEqual(['r-lib', 'r-tea']);
  });
});
