// Everyone a platform names in a role, listed once (platformPersonIds): the registry's names and
// 有离岗人员 flag, the platform's page and the registry's export read the same people. Every list of
// roles (the 离岗 flags, the duties handed over before a deletion, an exchange package's references)
// names a role as the record's own field label does.
import { describe, expect, it } from 'vitest';
import { fieldLabel } from '@shared/domain/field-text';
import { platformPersonIds, platformRoles, rolesHeldBy, unitRoles } from '@shared/domain/roles';
import { personReferences } from '@shared/domain/person-references';
import type { Unit } from '@shared/domain/unit';
import type { Review } from '@shared/domain/records';
import { referencesOf } from '@shared/exchange/references';
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

describe('role names', () => {
  const unit: Unit = { id: 'u1', createdAt: '', updatedAt: '', name: '图书馆', kind: '直属单位', firstResponsibleId: 'f', partySecretaryId: 's', contactId: 'c' };
  const group = platformRecord('g1', {
    kind: '微信群',
    name: '图书馆工作群',
    responsibleId: 'r',
    chiefAdminId: 'c',
    sectionAdminIds: ['s1'],
    group: { ownerId: 'o', supervisorId: 'v', memberCount: 3, realNameCheckDates: [] },
  });

  it('reads each role as the unit form and the platform form label its field', () => {
    expect(unitRoles(unit).map((r) => r.role)).toEqual(['第一责任人', '党组织书记', '联络人']);
    for (const r of unitRoles(unit)) expect(r.role).toBe(fieldLabel('units', r.field));
    const roles = platformRoles(group);
    expect(roles.map((r) => [r.personId, r.role])).toEqual([
      ['r', '责任人'],
      ['c', '总管理员'],
      ['s1', '分管理员'],
      ['o', '群主'],
      ['v', '监督人'],
    ]);
    for (const r of roles.filter((x) => !x.field.startsWith('group.'))) expect(r.role).toBe(fieldLabel('platforms', r.field));
    expect(rolesHeldBy([group], [unit]).get('c')).toEqual(['图书馆联络人', '图书馆工作群总管理员']);
  });

  it('names the same roles in the duties handed over before a deletion and in an exchange package', () => {
    const data = { units: [unit], platforms: [group], envelopes: [], handovers: [], reviews: [] };
    expect(personReferences('c', data).map((r) => r.label)).toEqual(['单位“图书馆”的联络人', '工作群“图书馆工作群”的总管理员']);
    const review = { id: 'rv', createdAt: '', updatedAt: '', platformId: 'g1', title: '开馆通知', copywriterId: 'w', steps: [], returnedRounds: [], checklist: [], corrections: [] } as unknown as Review;
    expect(personReferences('w', { ...data, reviews: [review] }).map((r) => r.label)).toEqual(['审核中的“开馆通知”的文案']);
    expect(referencesOf('units', unit).map((r) => r.label)).toEqual(['第一责任人', '党组织书记', '联络人']);
    expect(referencesOf('platforms', group).map((r) => [r.id, r.label])).toEqual(
      expect.arrayContaining([
        ['r', '责任人'],
        ['s1', '分管理员'],
        ['o', '群主'],
        ['v', '监督人'],
      ]),
    );
    for (const r of referencesOf('platforms', group)) if (r.label !== '群主' && r.label !== '监督人') expect(r.label).not.toBe('其他栏目');
  });
});
