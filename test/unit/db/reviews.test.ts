// The review records in the database: a new review is refused on a platform that is 已停用 or
// 已注销 (the dialog finds every platform by search, so the rule holds in the transaction), and a
// step is checked against the reviewers entered, read by id (002 第六条: reviewers on duty).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord, saveSettings } from '../../../renderer/db/repository';
import { createReview, recordReviewStep } from '../../../renderer/db/reviews';
import { LedgerDb } from '../../../renderer/db/schema';
import type { Person } from '../../../shared/domain/person';
import type { Platform } from '../../../shared/domain/platform';
import { getPreset } from '../../../shared/profiles/presets';
import { platformDraft } from '../../fixtures/platform';

let db: LedgerDb;
let n = 0;
const TODAY = '2026-12-04';

beforeEach(async () => {
  db = new LedgerDb(`reviews-test-${++n}`);
  await saveSettings(db, { institutionName: '东湖示范大学', profileId: 'vocational-three-level-review', profile: getPreset('vocational-three-level-review')!, operatorName: '王𠮷' });
});

afterEach(async () => {
  await db.delete();
});

const platform = (status: Platform['status']) => createRecord<Platform>(db, 'platforms', platformDraft({ status, accountId: `acc-${status}` }));
const person = (name: string, over: Partial<Person> = {}) => createRecord<Person>(db, 'people', { name, isTeacher: true, status: '在岗', ...over });

describe('a new review (先审后发)', () => {
  it('is recorded on a platform in use', async () => {
    const p = await platform('运行中');
    const r = await createReview(db, { platformId: p.id, title: '图书馆开放时间调整', major: false });
    expect((await db.reviews.get(r.id))?.platformId).toBe(p.id);
  });

  it.each(['已停用', '已注销'] as const)('is refused on a platform %s, at the platform field, and nothing is written', async (status) => {
    const p = await platform(status);
    await expect(createReview(db, { platformId: p.id, title: '通知', major: false })).rejects.toMatchObject({ fields: { platformId: `该平台${status}，不能再登记发布审核。` } });
    expect(await db.reviews.count()).toBe(0);
  });
});

describe('recording a step checks the reviewers entered', () => {
  it('refuses a reviewer who left and records one on duty', async () => {
    const p = await platform('运行中');
    const r = await createReview(db, { platformId: p.id, title: '讲座预告', major: false });
    const left = await person('赵离岗', { status: '离岗', statusDate: '2026-06-30' });
    const here = await person('李在岗');
    await expect(recordReviewStep(db, r.id, 0, { reviewerIds: [left.id], decision: '通过', date: TODAY }, TODAY)).rejects.toThrow('赵离岗已离岗（2026-06-30），不能担任审核人。');
    const saved = await recordReviewStep(db, r.id, 0, { reviewerIds: [here.id], decision: '通过', date: TODAY }, TODAY);
    expect(saved.steps[0]?.reviewerIds).toEqual([here.id]);
  });

  it('refuses a reviewer who is not in the ledger', async () => {
    const p = await platform('运行中');
    const r = await createReview(db, { platformId: p.id, title: '讲座预告', major: false });
    await expect(recordReviewStep(db, r.id, 0, { reviewerIds: ['01KB0000000000000000000000'], decision: '通过', date: TODAY }, TODAY)).rejects.toThrow('找不到所选审核人');
  });
});
