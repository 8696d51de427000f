// Issue 15: the start page shows its last snapshot at once after a restart, but only while it is
// exact: any change of a record (which appends to the audit chain), another day or another build
// of the rules makes it stale, and then the page waits for the computation as before.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendAudit, createRecord, saveSettings, softDelete, updateRecord } from '../../../renderer/db/repository';
import { LedgerDb } from '../../../renderer/db/schema';
import { KeptIndexDb } from '../../../renderer/db/kept-indexes';
import { ledgerMark } from '../../../renderer/db/ledger-mark';
import { cachedSnapshotAt, HomeCacheDb, keepHomeRecords, keepSnapshot, keptHomeRecords, ledgerKey, readHomeUpdate } from '../../../renderer/features/home/home-cache';
import { homeSnapshotOf, readHomeRecords, readHomeSnapshot } from '../../../renderer/features/home/home-snapshot';
import type { Unit } from '../../../shared/domain/unit';
import type { Person } from '../../../shared/domain/person';
import type { Platform } from '../../../shared/domain/platform';
import type { Approval, Inspection, Printout } from '../../../shared/domain/records';
import { platformRecord } from '../../fixtures/platform';
import { getPreset } from '../../../shared/profiles/presets';

const TODAY = '2026-12-04';
const CODE = 'home-worker-abc.js';
let db: LedgerDb;
let cache: HomeCacheDb;
let n = 0;

beforeEach(async () => {
  n += 1;
  db = new LedgerDb(`home-cache-ledger-${n}`);
  cache = new HomeCacheDb(`home-cache-${n}`);
  await saveSettings(db, { institutionName: '东湖示范大学', profileId: 'vocational-three-level-review', profile: getPreset('vocational-three-level-review')!, operatorName: '王𠮷' });
});

afterEach(async () => {
  await Promise.all([db.delete(), cache.delete()]);
});

/** The kept snapshot, as the home worker finds it at a start (without the mark). */
async function cachedSnapshot(db: LedgerDb, cache: HomeCacheDb, today: string, code: string) {
  return (await cachedSnapshotAt(db, cache, today, code))?.snapshot;
}

async function keepCurrent(): Promise<void> {
  const key = await ledgerKey(db, TODAY, CODE);
  await keepSnapshot(cache, key, await readHomeSnapshot(db, TODAY));
}

describe('the start page snapshot kept between starts', () => {
  it('is given back while the ledger, the day and the code are those it was computed from', async () => {
    await keepCurrent();
    const hit = await cachedSnapshot(db, cache, TODAY, CODE);
    expect(hit).toEqual(await readHomeSnapshot(db, TODAY));
    expect(hit?.hasRules).toBe(true);
  });

  it('is stale once a record changes (the audit chain grew)', async () => {
    await keepCurrent();
    await createRecord<Unit>(db, 'units', { name: '图书馆', kind: '直属单位' });
    expect(await cachedSnapshot(db, cache, TODAY, CODE)).toBeUndefined();
    await keepCurrent();
    expect((await cachedSnapshot(db, cache, TODAY, CODE))?.stats).toEqual((await readHomeSnapshot(db, TODAY)).stats);
  });

  it('is stale on another day and with another build of the rules', async () => {
    await keepCurrent();
    expect(await cachedSnapshot(db, cache, '2026-12-05', CODE)).toBeUndefined();
    expect(await cachedSnapshot(db, cache, TODAY, 'home-worker-def.js')).toBeUndefined();
  });

  it('is stale when the audit chain is replaced by another of the same length (a restore)', async () => {
    await keepCurrent();
    const last = (await db.auditLog.orderBy('seq').last())!;
    await db.auditLog.put({ ...last, hash: 'f'.repeat(64) });
    expect(await cachedSnapshot(db, cache, TODAY, CODE)).toBeUndefined();
  });

  it('is nothing before any snapshot was kept', async () => {
    expect(await cachedSnapshot(db, cache, TODAY, CODE)).toBeUndefined();
  });

  it('spares the live query reading the records until the ledger moves on from its mark', async () => {
    await keepCurrent();
    const hit = (await cachedSnapshotAt(db, cache, TODAY, CODE))!;
    expect(hit.mark).toEqual(await ledgerMark(db));
    const seen: { seq: number; records: boolean }[] = [];
    const subscription = liveQuery(() => readHomeUpdate(db, TODAY, hit.mark)).subscribe({
      next: ({ mark, records }) => seen.push({ seq: mark.seq, records: records !== undefined }),
    });
    try {
      await vi.waitFor(() => expect(seen).toHaveLength(1));
      expect(seen[0]).toEqual({ seq: hit.mark.seq, records: false });
      // A write appends to the audit log: the query runs again and reads the records.
      await createRecord<Unit>(db, 'units', { name: '图书馆', kind: '直属单位' });
      await vi.waitFor(() => expect(seen.at(-1)?.records).toBe(true));
      expect(seen.at(-1)!.seq).toBeGreaterThan(hit.mark.seq);
      const update = await readHomeUpdate(db, TODAY, hit.mark);
      expect(homeSnapshotOf(update.records!, TODAY)).toEqual(await readHomeSnapshot(db, TODAY));
      expect(update.records!.units.map((u) => u.name)).toContain('图书馆');
    } finally {
      subscription.unsubscribe();
    }
    // Without a kept snapshot the records are read at once.
    expect((await readHomeUpdate(db, TODAY)).records).toBeDefined();
  });
});

describe('the start page records kept between starts', () => {
  const store = () => new KeptIndexDb(`home-kept-${n}`);
  const draft = <T extends object>(record: T) => {
    const { id: _i, createdAt: _c, updatedAt: _u, ...rest } = record as T & { id?: string; createdAt?: string; updatedAt?: string };
    return rest as never;
  };

  it('caught up with every kind of change since, they equal the records read now; the snapshot from them too', async () => {
    const kept = store();
    const unit = await createRecord<Unit>(db, 'units', { name: '图书馆', kind: '直属单位' });
    const lib = await createRecord<Platform>(db, 'platforms', draft(platformRecord('x', { name: '图书馆公众号', kind: '微信公众号', accountId: 'lib', hostUnitId: unit.id })));
    const news = await createRecord<Platform>(db, 'platforms', draft(platformRecord('x', { name: '新闻网', kind: '官方网站', accountId: 'news' })));
    const stays = await createRecord<Person>(db, 'people', { name: '李四', unitId: unit.id, status: '在岗' } as never);
    const leaves = await createRecord<Person>(db, 'people', { name: '王五', unitId: unit.id, status: '离岗', statusDate: '2026-11-01' } as never);
    const old = await createRecord<Inspection>(db, 'inspections', { platformId: lib.id, year: 2025, checks: [] } as never);
    const printout = await createRecord<Printout>(db, 'printouts', { formId: 'F04', recordIds: [lib.id], printedAt: '2026-11-02T08:00:00.000Z', paperStatus: '待签回' } as never);
    await keepHomeRecords(kept, await readHomeRecords(db, TODAY), await ledgerMark(db), TODAY, CODE);

    // Written since: created, renamed, trashed, moved into and out of the parts read by index.
    await createRecord<Platform>(db, 'platforms', draft(platformRecord('x', { name: '东湖书坊', kind: '抖音', accountId: 'dhsf' })));
    await updateRecord<Platform>(db, 'platforms', lib.id, { name: '图书馆服务号' });
    await softDelete(db, 'platforms', news.id);
    await updateRecord<Person>(db, 'people', stays.id, { status: '离岗', statusDate: '2026-12-01' } as never);
    await updateRecord<Person>(db, 'people', leaves.id, { status: '在岗' } as never);
    await updateRecord<Inspection>(db, 'inspections', old.id, { year: 2024 } as never);
    await createRecord<Inspection>(db, 'inspections', { platformId: lib.id, year: 2026, checks: [] } as never);
    await updateRecord<Printout>(db, 'printouts', printout.id, { paperStatus: '已签回' } as never);
    await createRecord<Approval>(db, 'approvals', { platformId: lib.id, kind: '变更备案', changes: [], changeDate: '2026-11-20' } as never);
    await saveSettings(db, { institutionName: '东湖示范大学图书馆', profileId: 'vocational-three-level-review', profile: getPreset('vocational-three-level-review')!, operatorName: '王𠮷' });

    const found = await keptHomeRecords(db, kept, TODAY, CODE);
    const now = await readHomeRecords(db, TODAY);
    expect(found?.records).toEqual(now);
    expect(homeSnapshotOf(found!.records, TODAY)).toEqual(homeSnapshotOf(now, TODAY));
    expect(now.leftPeople.map((p) => p.name)).toEqual(['李四']);
    expect(now.inspections).toHaveLength(1);
    expect(now.printouts).toHaveLength(0);
    await kept.delete();
  });

  it('are not used in another year, after a restore, or kept by other code', async () => {
    const kept = store();
    await createRecord<Unit>(db, 'units', { name: '图书馆', kind: '直属单位' });
    await keepHomeRecords(kept, await readHomeRecords(db, TODAY), await ledgerMark(db), TODAY, CODE);
    expect(await keptHomeRecords(db, kept, TODAY, CODE)).toBeDefined();
    expect(await keptHomeRecords(db, kept, '2027-01-04', CODE)).toBeUndefined();
    expect(await keptHomeRecords(db, kept, TODAY, 'home-worker-def.js')).toBeUndefined();
    await db.transaction('rw', [db.auditLog, db.settings], () => appendAudit(db, 'database', 'all', 'restore', {}, new Date().toISOString()));
    expect(await keptHomeRecords(db, kept, TODAY, CODE)).toBeUndefined();
    await kept.delete();
  });
});
