// Deleting a person finds the running duties that name them by reading the ledger a chunk at a
// time (000 第六条: a handover names 接收人 and 监交人; the sealed envelope its 保管人): only records
// naming the person count, trashed ones never, and an envelope's platform is named even when that
// platform does not name the person.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPersonReferences } from '../../../renderer/db/people';
import { LedgerDb } from '../../../renderer/db/schema';
import type { Platform } from '../../../shared/domain/platform';
import type { Envelope, Handover, Review } from '../../../shared/domain/records';

let db: LedgerDb;
let n = 0;
const AT = '2026-01-05T08:00:00.000Z';
const base = { createdAt: AT, updatedAt: AT };

const platform = (id: string, name: string, extra: Partial<Platform> = {}): Platform =>
  ({ id, name, kind: '微信公众号', accountId: id, purpose: '宣传', status: '运行中', sectionAdminIds: [], ...base, ...extra }) as Platform;

beforeEach(async () => {
  db = new LedgerDb(`person-references-test-${++n}`);
  await db.open();
  await db.units.add({ id: 'u1', name: '图书馆', kind: '职能部门', contactId: 'wang', ...base });
  await db.platforms.bulkAdd([
    platform('pl-a', '图书馆微信', { sectionAdminIds: ['li', 'wang'] }),
    platform('pl-b', '新闻网'),
    platform('pl-c', '旧群', { group: { ownerId: 'wang' } as Platform['group'], deletedAt: AT }),
  ]);
  await db.envelopes.add({ id: 'e1', platformId: 'pl-b', number: 'XF-001', items: ['登录密码'], sealedOn: '2026-01-05', custodianId: 'wang', location: '档案柜', openings: [], ...base } satisfies Envelope);
  await db.handovers.bulkAdd([
    { id: 'h1', platformId: 'pl-b', incomingId: 'li', supervisorId: 'wang', date: '2026-02-01', checklist: [], ...base },
    { id: 'h2', platformId: 'pl-b', supervisorId: 'wang', date: '2026-01-01', checklist: [], passwordChangeConfirmedById: 'li', ...base },
  ] satisfies Handover[]);
  // Many reviews, past one chunk: one in progress edited by 王, one published.
  const reviews = Array.from({ length: 2_100 }, (_, i) => ({ id: `r${String(i).padStart(4, '0')}`, platformId: 'pl-a', title: `稿件${i}`, editorId: 'li', steps: [], ...base }) as unknown as Review);
  reviews[2_050] = { ...reviews[2_050]!, editorId: 'wang' };
  reviews[10] = { ...reviews[10]!, editorId: 'wang', publishedAt: AT } as Review;
  await db.reviews.bulkAdd(reviews);
});

afterEach(async () => {
  await db.delete();
});

describe('findPersonReferences', () => {
  it('lists every running duty naming the person, and none of a trashed or finished record', async () => {
    const labels = (await findPersonReferences(db, 'wang')).map((r) => r.label);
    expect(labels).toEqual([
      '单位“图书馆”的联络人',
      '账号“图书馆微信”的分管理员',
      '新闻网信封 XF-001 的保管人',
      '新闻网2026-02-01交接（未办结）的监交人',
      '审核中的“稿件2050”的编辑',
    ]);
  });
});
