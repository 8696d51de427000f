// Everyone a platform names in a role, listed once (platformPersonIds): the registry's names and
// 有离岗人员 flag, the platform's page and the registry's export read the same people.
import { describe, expect, it } from 'vitest';
import { platformPersonIds } from '@shared/domain/platform';
import { personReferences } from '@shared/domain/person-references';
import { platformRecord } from '../../fixtures/platform';

describe('platformPersonIds', () => {
  const everyRole = platformRecord('g1', {
    kind: '微信群',
    responsibleId: 'r',
    businessLeadId: 'b',
    technicalLeadId: 't',
    chiefAdminId: 'c',
    guidingTeacherId: 'g',
    sectionAdminIds: ['s1', 's2'],
    group: { ownerId: 'o', supervisorId: 'v', memberCount: 3, realNameCheckDates: [] },
  });

  it('names every role of a platform and of a work group', () => {
    expect(platformPersonIds(everyRole).sort()).toEqual(['b', 'c', 'g', 'o', 'r', 's1', 's2', 't', 'v']);
  });

  it('names only people with a running duty on the platform (the duties a deletion asks to hand over), each once', () => {
    const data = { units: [], platforms: [everyRole], envelopes: [], handovers: [], reviews: [] };
    for (const id of platformPersonIds(everyRole)) expect(personReferences(id!, data).map((r) => r.table)).toEqual(['platforms']);
  });

  it('leaves empty roles undefined and names nobody else', () => {
    const bare = platformRecord('p1', { responsibleId: undefined, sectionAdminIds: [] });
    expect(platformPersonIds(bare).filter(Boolean)).toEqual([]);
  });
});
