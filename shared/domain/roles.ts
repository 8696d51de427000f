// Which roles each person holds across units and platforms, so that a 离岗 person who still
// holds one can be flagged wherever they appear.
import { PLATFORM_ROLE_FIELDS, type Platform } from './platform';
import type { Unit } from './unit';

export function rolesHeldBy(platforms: readonly Platform[], units: readonly Unit[]): Map<string, string[]> {
  const roles = new Map<string, string[]>();
  const add = (id: string | undefined, label: string) => {
    if (!id) return;
    const list = roles.get(id) ?? [];
    list.push(label);
    roles.set(id, list);
  };
  for (const u of units) {
    add(u.firstResponsibleId, `${u.name}第一责任人`);
    add(u.partySecretaryId, `${u.name}党组织书记`);
    add(u.contactId, `${u.name}联络人`);
  }
  for (const p of platforms) {
    for (const [field, label] of PLATFORM_ROLE_FIELDS) add(p[field] as string | undefined, `${p.name}${label}`);
    for (const id of p.sectionAdminIds ?? []) add(id, `${p.name}分管理员`);
    add(p.group?.ownerId, `${p.name}群主`);
    add(p.group?.supervisorId, `${p.name}监督人`);
  }
  return roles;
}
