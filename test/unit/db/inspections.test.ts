// The inspection campaign in the database: opening a year once per account, recording a result,
// and a 关停注销 result closing the account in the same transaction (001 第六条).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerDb } from '../../../renderer/db/schema';
import { createRecord, saveSettings } from '../../../renderer/db/repository';
import { openCampaign, recordInspection } from '../../../renderer/db/inspections';
import { verifyChain } from '../../../shared/audit/hash-chain';
import type { Platform } from '../../../shared/domain/platform';
import { getPreset } from '../../../shared/profiles/presets';
import { platformDraft, platformRecord } from '../../fixtures/platform';
import { LIFECYCLE_STATUSES, PLATFORM_KINDS } from '../../../shared/domain/platform';
import type { Inspection } from '../../../shared/domain/records';
import { accountsToOpen } from '../../../shared/rules/inspection-campaign';
import { logReads, type ReadLog } from './read-log';

let db: LedgerDb;
let n = 0;
let reads: ReadLog;
const TODAY = '2026-11-22';

const addPlatform = (name: string, over: Partial<Platform> = {}) =>
  createRecord<Platform>(db, 'platforms', platformDraft({ name, accountId: name, ...over }));

beforeEach(async () => {
  db = new LedgerDb(`inspections-test-${++n}`);
  reads = logReads(db);
  await db.open();
  await saveSettings(db, { institutionName: '东湖示范大学', profileId: 'vocational-three-level-review', profile: getPreset('vocational-three-level-review')!, operatorName: '王𠮷' });
});

afterEach(async () => {
  await db.delete();
});

describe('the annual campaign in the database (001 第六条)', () => {
  it('opens the accounts accountsToOpen names, from index keys alone: no platform record is read', async () => {
    // Every kind in every status, live and in the trash; some already inspected this year or last.
    const platforms = PLATFORM_KINDS.flatMap((kind, k) =>
      LIFECYCLE_STATUSES.flatMap((status, s) =>
        [false, true].map((trashed) =>
          platformRecord(`p${String(k).padStart(2, '0')}-${s}-${trashed ? 't' : 'l'}`, { kind, status, ...(trashed ? { deletedAt: '2026-05-01T00:00:00.000Z' } : {}) }),
        ),
      ),
    );
    await db.platforms.bulkAdd(platforms);
    const stamp = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', checks: [] };
    const existing: Inspection[] = [
      { ...stamp, id: 'i1', year: 2026, platformId: 'p01-2-l' },
      { ...stamp, id: 'i2', year: 2025, platformId: 'p01-1-l' },
      // A trashed inspection does not count: the account is opened again.
      { ...stamp, id: 'i3', year: 2026, platformId: 'p00-1-l', deletedAt: '2026-06-01T00:00:00.000Z' },
    ];
    await db.inspections.bulkAdd(existing);
    const expected = accountsToOpen(platforms, existing, 2026).map((p) => p.id);
    expect(expected).toContain('p00-1-l');
    expect(expected).not.toContain('p01-2-l');
    reads.records.clear();
    reads.keys.clear();

    const created = await openCampaign(db, 2026);
    expect(created.map((i) => i.platformId)).toEqual(expected);
    expect(reads.records.get('platforms') ?? []).toEqual([]);
  });

  it('opening a year creates one inspection per covered account; opening twice creates nothing new', async () => {
    const a = await addPlatform('东湖青年');
    await addPlatform('筹建号', { status: '申请中' });
    await addPlatform('群', { kind: '微信群' });
    const created = await openCampaign(db, 2026);
    expect(created.map((i) => i.platformId)).toEqual([a.id]);
    expect(await openCampaign(db, 2026)).toEqual([]);
    expect(await db.inspections.count()).toBe(1);
    expect(verifyChain(await db.auditLog.orderBy('seq').toArray()).ok).toBe(true);
  });

  it('a 关停注销 result closes the account with its history entry; a refused result changes nothing', async () => {
    const p = await addPlatform('东湖马院');
    const [i] = await openCampaign(db, 2026);
    const checks = i!.checks.map((c, k) => ({ ...c, ok: k > 0 }));
    await expect(recordInspection(db, i!.id, { checks, result: '合格', approvedById: 'x', approvedOn: TODAY }, TODAY)).rejects.toMatchObject({ name: 'LedgerError' });
    expect((await db.inspections.get(i!.id))?.result).toBeUndefined();

    await recordInspection(db, i!.id, { checks, selfAssessment: ' 长期未更新 ', result: '关停注销', approvedById: 'x', approvedOn: '2026-11-20', closeAccount: true }, TODAY);
    expect(await db.inspections.get(i!.id)).toMatchObject({ result: '关停注销', selfAssessment: '长期未更新', approvedOn: '2026-11-20' });
    expect(await db.platforms.get(p.id)).toMatchObject({ status: '已注销', statusHistory: [{ date: '2026-11-20', value: '已注销', note: '2026年度检查结论：关停注销' }] });
    // Closing is a filing (001 第五条): the 注销备案 is created with it, waiting to be filed.
    const filings = await db.approvals.where('platformId').equals(p.id).toArray();
    expect(filings).toMatchObject([{ kind: '注销备案', changeDate: '2026-11-20', changes: [{ field: '运行状态', after: '已注销' }] }]);
    expect(filings[0]!.filedOn).toBeUndefined();
  });
});
