// Issue 15: the start page shows its last snapshot at once after a restart, but only while it is
// exact: any change of a record (which appends to the audit chain), another day or another build
// of the rules makes it stale, and then the page waits for the computation as before.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord, saveSettings } from '../../../renderer/db/repository';
import { LedgerDb } from '../../../renderer/db/schema';
import { cachedSnapshot, HomeCacheDb, keepSnapshot, ledgerKey } from '../../../renderer/features/home/home-cache';
import { readHomeSnapshot } from '../../../renderer/features/home/home-snapshot';
import type { Unit } from '../../../shared/domain/unit';
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
});
