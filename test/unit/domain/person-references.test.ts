// Where a person is still responsible for something before they are deleted, and the hand-over
// of those duties (000 第四条、第六条; 003 第七条、第十七条).
import { describe, expect, it } from 'vitest';
import { handOverPatch, personReferences, type ReferenceData } from '@shared/domain/person-references';
import type { Envelope, Handover, Review } from '@shared/domain/records';
import type { Unit } from '@shared/domain/unit';
import { platformRecord } from '../../fixtures/platform';

const stamp = { createdAt: '', updatedAt: '' };
const platform = platformRecord;
const unit = (over: Partial<Unit>): Unit => ({ id: 'u1', name: '图书馆', kind: '直属单位', ...stamp, ...over }) as Unit;
const envelope = (id: string, over: Partial<Envelope>): Envelope => ({
  id, platformId: 'p1', number: `X-${id}`, items: [], sealedOn: '2026-01-01', location: '柜', openings: [], ...stamp, ...over,
});
const handover = (id: string, over: Partial<Handover>): Handover => ({ id, platformId: 'p1', date: '2026-10-01', checklist: [], ...stamp, ...over });
const review = (id: string, over: Partial<Review>): Review => ({ id, platformId: 'p1', title: `稿件${id}`, major: false, steps: [], corrections: [], ...stamp, ...over });
const data = (over: Partial<ReferenceData>): ReferenceData => ({ units: [], platforms: [], envelopes: [], handovers: [], reviews: [], ...over });

describe('000 第四条 / 003 第七条: the running duties that still name a person', () => {
  it('lists unit and platform roles, group roles, envelope custody, open handovers and unpublished reviews', () => {
    const refs = personReferences('wang', data({
      units: [unit({ contactId: 'wang' })],
      platforms: [
        platform('p1', { chiefAdminId: 'wang', sectionAdminIds: ['li', 'wang'] }),
        platform('g1', { kind: '微信群', name: '教职工群', group: { ownerId: 'wang', memberCount: 10, realNameCheckDates: [] } }),
      ],
      envelopes: [envelope('e1', { custodianId: 'wang' })],
      handovers: [handover('h1', { supervisorId: 'wang' })],
      reviews: [review('r1', { editorId: 'wang' })],
    }));
    expect(refs.map((r) => r.label)).toEqual([
      '单位“图书馆”的联络人',
      '账号“账号p1”的总管理员',
      '账号“账号p1”的分管理员',
      '工作群“教职工群”的群主',
      '账号p1信封 X-e1 的保管人',
      '账号p12026-10-01交接（未办结）的监交人',
      '审核中的“稿件r1”的编辑',
    ]);
  });

  it('leaves out history: replaced envelopes, confirmed handovers, published reviews, records in the trash', () => {
    const refs = personReferences('wang', data({
      platforms: [platform('p1', { chiefAdminId: 'wang', deletedAt: '2026-01-01T00:00:00.000Z' })],
      envelopes: [envelope('e1', { custodianId: 'wang', replacedById: 'e2' })],
      handovers: [handover('h1', { incomingId: 'wang', passwordChangedOn: '2026-10-02', passwordChangeConfirmedById: 'wang' })],
      reviews: [review('r1', { copywriterId: 'wang', publishedAt: '2026-10-03T00:00:00.000Z' })],
    }));
    expect(refs).toEqual([]);
  });
});

describe('000 第六条: handing the duties over to another person', () => {
  it('replaces the person in plain fields, in the 分管理员 list (once) and in the group', () => {
    const p = platform('p1', { chiefAdminId: 'wang', sectionAdminIds: ['zhao', 'wang'], group: { ownerId: 'wang', memberCount: 3, realNameCheckDates: [] } });
    expect(handOverPatch(p, ['chiefAdminId', 'sectionAdminIds', 'group.ownerId'], 'wang', 'zhao')).toEqual({
      chiefAdminId: 'zhao',
      sectionAdminIds: ['zhao'],
      group: { ownerId: 'zhao', memberCount: 3, realNameCheckDates: [] },
    });
  });
});
