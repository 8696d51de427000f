// Issue 15: the print center's pick list is built in a worker from the tables a form picks from
// and read a page at a time. Behaviour of that list over the demo ledger: label order, pages and
// totals, pinyin search, 全选's keys, and the records read for what was chosen.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/database';
import { loadDataset } from '../../../renderer/db/dataset';
import { createRecord, saveSettings, softDelete, updateRecord } from '../../../renderer/db/repository';
import { KeptIndexDb } from '../../../renderer/db/kept-indexes';
import { FormPicks, KeptPickLists, type PickPage } from '../../../renderer/features/printouts/form-picks';
import type { FormId } from '../../../shared/forms/registry';
import { compareZh } from '../../../shared/domain/collate';
import { createDemoDataset } from '../../../shared/demo/demo-dataset';
import { FORM_REGISTRY, getForm } from '../../../shared/forms/registry';
import type { Platform } from '../../../shared/domain/platform';
import type { Inspection, Review } from '../../../shared/domain/records';

beforeAll(async () => {
  await loadDataset(db, createDemoDataset(), '王𠮷');
});

describe('a form’s pick list', () => {
  it('lists the labels in Chinese order, a page at a time, with the total', async () => {
    const picks = await FormPicks.build(db, 'F04');
    const all = picks.page('', 0, 1_000);
    expect(all.total).toBe(picks.size);
    expect(all.total).toBeGreaterThan(5);
    expect(all.rows.map((r) => r.label)).toEqual([...all.rows.map((r) => r.label)].sort(compareZh));
    const second = picks.page('', 3, 3);
    expect(second.total).toBe(all.total);
    expect(second.rows).toEqual(all.rows.slice(3, 6));
  });

  it('finds records by pinyin initials and selects every match for 全选', async () => {
    const picks = await FormPicks.build(db, 'F04');
    const found = picks.page('gfwb', 0, 50);
    expect(found.total).toBeGreaterThan(0);
    expect(found.total).toBeLessThan(picks.size);
    for (const row of found.rows) expect(row.label).toContain('官方微博');
    expect(picks.keys('gfwb')).toEqual(found.rows.map((r) => r.key));
    expect(picks.page('没有这个账号', 0, 50)).toEqual({ rows: [], total: 0 });
  });

  it('reads the chosen records by id, in the order chosen, leaving out one trashed since the list was built', async () => {
    const picks = await FormPicks.build(db, 'F04');
    const [a, b, c] = picks.page('', 0, 3).rows.map((r) => r.key);
    const chosen = (await picks.records([c!, a!, b!])) as Platform[];
    expect(chosen.map((p) => p.id)).toEqual([c, a, b]);
    expect(chosen[0]).toEqual(await db.platforms.get(c!));
    await softDelete(db, 'platforms', a!);
    expect(((await picks.records([c!, a!, b!])) as Platform[]).map((p) => p.id)).toEqual([c, b]);
  });

  it('lists a record about a platform under the platform’s name, and finds it by that name', async () => {
    const picks = await FormPicks.build(db, 'F11');
    const rows = picks.page('', 0, 1_000).rows;
    const inspection = (await db.inspections.get(rows[0]!.key))!;
    const platform = (await db.platforms.get(inspection.platformId))!;
    expect(rows[0]!.label).toBe(`${platform.name} · ${inspection.year}年度`);
    const byName = picks.page(platform.name, 0, 1_000).rows.map((r) => r.key);
    expect(byName).toContain(inspection.id);
    // F15's own description is the platform's name: it is not said twice.
    for (const row of (await FormPicks.build(db, 'F15')).page('', 0, 1_000).rows) expect(row.label).not.toContain(' · ');
  });

  it('keeps the records of a form no table holds (F15’s problem logs) and hands them back', async () => {
    const picks = await FormPicks.build(db, 'F15');
    const keys = picks.keys('');
    expect(keys.length).toBeGreaterThan(0);
    const logs = await picks.records(keys);
    expect(logs).toHaveLength(keys.length);
    const def = getForm('F15');
    expect(logs.map((log) => def.recordId(log as never))).toEqual(keys);
  });
});

describe('the lists the print center keeps', () => {
  function counting() {
    const built: FormId[] = [];
    const lists = new KeptPickLists((formId) => {
      built.push(formId);
      return FormPicks.build(db, formId);
    }, 2);
    return { built, lists };
  }

  it('builds a form’s list once and gives it again until a table it was built from changes', async () => {
    const { built, lists } = counting();
    const first = await lists.get('F11');
    expect(first.tables).toEqual(new Set(['inspections', 'platforms', 'settings']));
    expect(await lists.get('F11')).toBe(first);
    lists.changed(['reviews', 'trainings']);
    await Promise.resolve();
    expect(await lists.get('F11')).toBe(first);
    lists.changed(['inspections']);
    const again = await lists.get('F11');
    expect(again).not.toBe(first);
    expect(built).toEqual(['F11', 'F11']);
  });

  it('keeps only the last forms asked for', async () => {
    const { built, lists } = counting();
    await lists.get('F04');
    await lists.get('F11');
    await lists.get('F04');
    await lists.get('F16');
    // F11 was the least recently asked: built again; F04 and F16 are kept.
    await lists.get('F04');
    await lists.get('F16');
    await lists.get('F11');
    expect(built).toEqual(['F04', 'F11', 'F16', 'F11']);
  });

  it('drops a list still being built when the change touches its tables', async () => {
    const { built, lists } = counting();
    const building = lists.get('F11');
    lists.changed(['platforms']);
    await building;
    await lists.get('F11');
    expect(built).toEqual(['F11', 'F11']);
  });
});

describe('lists kept between sessions', () => {
  const CODE = 'picks-worker-abc.js|UTC';
  const everyForm = Object.keys(FORM_REGISTRY) as FormId[];
  const all = (picks: FormPicks) => picks.page('', 0, 1_000_000);

  /** Changes one label of a kept list by hand: it is still shown afterwards only where the list was caught up, not built again. */
  async function markKeptLabel(store: KeptIndexDb, formId: FormId, key: string): Promise<void> {
    const kept = (await store.indexes.get(`picks:${formId}`))!;
    const value = JSON.parse(kept.rows as string) as { picks: { key: string; label: string }[] };
    value.picks.find((p) => p.key === key)!.label += '（保留的列表）';
    await store.indexes.put({ ...kept, rows: JSON.stringify(value) });
  }

  /** A caught-up list: the marked label kept (so not built again), every other row as a list built now. */
  function expectCaughtUp(caught: PickPage, now: PickPage, markedKey: string): void {
    expect(caught.rows.find((r) => r.key === markedKey)?.label).toContain('（保留的列表）');
    expect(caught.rows.filter((r) => r.key !== markedKey)).toEqual(now.rows.filter((r) => r.key !== markedKey));
  }

  it('caught up with the records written since, every form lists what a list built now lists', async () => {
    const store = new KeptIndexDb('form-picks-kept-1');
    for (const formId of everyForm) await FormPicks.open(db, store, CODE, formId);
    // Wait for the lists to be written (open keeps them without waiting).
    await vi.waitFor(async () => expect(await store.indexes.count()).toBe(everyForm.length));
    const untouched = all(await FormPicks.build(db, 'F05')).rows.at(-1)!;
    await markKeptLabel(store, 'F05', untouched.key);

    const reviews = await db.reviews.toArray();
    const [renamed, trashed] = reviews.filter((r) => !r.deletedAt && r.id !== untouched.key);
    await updateRecord<Review>(db, 'reviews', renamed!.id, { title: '校史馆闭馆通知' });
    await softDelete(db, 'reviews', trashed!.id);
    const { id: _i, createdAt: _c, updatedAt: _u, ...copy } = renamed!;
    const added = await createRecord<Review>(db, 'reviews', { ...copy, title: '新生开学典礼直播预告' });
    const inspection = (await db.inspections.toArray()).find((i) => !i.deletedAt)!;
    await updateRecord<Inspection>(db, 'inspections', inspection.id, { year: 2019 });

    for (const formId of everyForm) {
      const caught = all(await FormPicks.open(db, store, CODE, formId));
      const now = all(await FormPicks.build(db, formId));
      if (formId === 'F05') {
        // The review forms were caught up (the hand-changed label is there), not built again.
        expectCaughtUp(caught, now, untouched.key);
        expect(caught.rows.map((r) => r.key)).toContain(added.id);
        expect(caught.rows.map((r) => r.key)).not.toContain(trashed!.id);
        expect(caught.rows.find((r) => r.key === renamed!.id)?.label).toContain('校史馆闭馆通知');
      } else expect(caught, formId).toEqual(now);
    }
    await store.delete();
  });

  it('a platform renamed or of another kind: the records about it are picked again; a list picked by other rules is built again', async () => {
    const store = new KeptIndexDb('form-picks-kept-2');
    const forms: FormId[] = ['F01', 'F11', 'F09', 'F04', 'F16'];
    for (const formId of forms) await FormPicks.open(db, store, CODE, formId);
    await vi.waitFor(async () => expect(await store.indexes.count()).toBe(forms.length));
    const f01 = all(await FormPicks.build(db, 'F01'));
    const reviews = (await db.reviews.bulkGet(f01.rows.map((r) => r.key))).filter((r) => r !== undefined);
    // A WeChat account with reviews listed on F01, and another platform whose reviews stay as they were.
    const wechat = reviews[0]!.platformId;
    const other = reviews.find((r) => r.platformId !== wechat)!;
    await markKeptLabel(store, 'F01', other.id);

    const inspected = (await db.inspections.toArray()).find((i) => !i.deletedAt && i.platformId !== wechat)!;
    const renamed = (await db.platforms.get(inspected.platformId))!;
    await updateRecord<Platform>(db, 'platforms', renamed.id, { name: `${renamed.name}（更名）` });
    await updateRecord<Platform>(db, 'platforms', wechat, { kind: '抖音' });

    for (const formId of forms) {
      const caught = all(await FormPicks.open(db, store, CODE, formId));
      const now = all(await FormPicks.build(db, formId));
      if (formId === 'F01') {
        expectCaughtUp(caught, now, other.id);
        // The reviews of the account that is no longer a WeChat account left F01.
        expect(caught.rows.some((r) => reviews.find((x) => x.id === r.key)?.platformId === wechat)).toBe(false);
      } else expect(caught, formId).toEqual(now);
    }
    expect(all(await FormPicks.open(db, store, CODE, 'F11')).rows.some((r) => r.label.startsWith(`${renamed.name}（更名）`))).toBe(true);
    expect(all(await FormPicks.open(db, store, 'picks-worker-def.js|UTC', 'F11'))).toEqual(all(await FormPicks.build(db, 'F11')));
    await store.delete();
  });

  it('reads a label’s date on the settings’ clock, and builds a kept list again under another clock', async () => {
    const store = new KeptIndexDb('form-picks-kept-zone');
    const opening = (await db.approvals.toArray()).find((a) => !a.deletedAt && a.kind === '开通审批')!;
    // Not yet signed: labelled by when it was entered, 17:30 UTC on 30 June, 01:30 on 1 July in China.
    const unsigned = { ...opening, id: '01JZ0000000000000000000F07', signedOn: undefined, createdAt: '2026-06-30T17:30:00.000Z' };
    await db.approvals.put(unsigned);
    const settings = (await db.settings.get('main'))!;
    const labelOf = async (picks: FormPicks) => all(picks).rows.find((r) => r.key === unsigned.id)?.label;
    try {
      expect(settings.profile.timeZone ?? 'Asia/Shanghai').toBe('Asia/Shanghai');
      expect(await labelOf(await FormPicks.open(db, store, CODE, 'F07'))).toContain('开通审批2026年7月1日');
      await vi.waitFor(async () => expect(await store.indexes.count()).toBe(1));
      await saveSettings(db, { ...settings, profile: { ...settings.profile, timeZone: 'Europe/London' } });
      // The kept list read dates on China time: built again, on London's.
      expect(await labelOf(await FormPicks.open(db, store, CODE, 'F07'))).toContain('开通审批2026年6月30日');
      expect(await labelOf(await FormPicks.build(db, 'F07'))).toContain('开通审批2026年6月30日');
    } finally {
      await saveSettings(db, settings);
      await db.approvals.delete(unsigned.id);
      await store.delete();
    }
  });
});

