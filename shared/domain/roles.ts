// The roles a unit or a platform gives people, in one place: which field holds each, and what the
// clerk calls it (the labels of field-text.ts). A 离岗 person who still holds one is flagged wherever
// they appear (rolesHeldBy), and their running duties are listed before they go to the trash
// (person-references.ts).
import type { Id } from './common';
import { fieldLabel } from './field-text';
import type { Platform } from './platform';
import type { Review } from './records';
import type { Unit } from './unit';

/** A field of a unit or platform naming a person: 'chiefAdminId', 'sectionAdminIds' or 'group.ownerId'. */
export type RoleField = (typeof UNIT_ROLE_FIELDS)[number] | (typeof PLATFORM_ROLE_FIELDS)[number] | 'sectionAdminIds' | 'group.ownerId' | 'group.supervisorId';

/** A role held: the field, the person, and the role's name (第一责任人, 总管理员, 群主 …). */
export interface Role {
  field: RoleField;
  personId: Id;
  role: string;
}

const UNIT_ROLE_FIELDS = ['firstResponsibleId', 'partySecretaryId', 'contactId'] as const satisfies readonly (keyof Unit)[];

/** The person-id fields of a platform that name one person each. */
export const PLATFORM_ROLE_FIELDS = ['responsibleId', 'businessLeadId', 'technicalLeadId', 'chiefAdminId', 'guidingTeacherId'] as const satisfies readonly (keyof Platform)[];

/** A work group's own roles, kept inside its `group`: the key there, the field as a role names it, and the role. */
export const GROUP_ROLES = [
  ['ownerId', 'group.ownerId', '群主'],
  ['supervisorId', 'group.supervisorId', '监督人'],
] as const;

/** Every role the unit gives a person, in the unit form's order. */
export function unitRoles(u: Unit): Role[] {
  const out: Role[] = [];
  for (const field of UNIT_ROLE_FIELDS) {
    const personId = u[field];
    if (personId) out.push({ field, personId, role: fieldLabel('units', field) });
  }
  return out;
}

/** Every role the platform gives a person: its role fields, each section administrator, and a work group's owner and supervisor. */
export function platformRoles(p: Platform): Role[] {
  const out: Role[] = [];
  for (const field of PLATFORM_ROLE_FIELDS) {
    const personId = p[field];
    if (personId) out.push({ field, personId, role: fieldLabel('platforms', field) });
  }
  for (const personId of p.sectionAdminIds ?? []) out.push({ field: 'sectionAdminIds', personId, role: fieldLabel('platforms', 'sectionAdminIds') });
  for (const [key, field, role] of GROUP_ROLES) {
    const personId = p.group?.[key];
    if (personId) out.push({ field, personId, role });
  }
  return out;
}

/**
 * Everyone a platform names in a role: the role fields, the section administrators, and a work
 * group's owner and supervisor (undefined where a role is empty). What a list reads to name them
 * and to flag one who has left (离岗).
 */
export function platformPersonIds(p: Platform): (Id | undefined)[] {
  return [...PLATFORM_ROLE_FIELDS.map((field) => p[field]), ...p.sectionAdminIds, ...GROUP_ROLES.map(([key]) => p.group?.[key])];
}

/** For each person, the roles they hold, as 图书馆微信公众号总管理员. */
export function rolesHeldBy(platforms: readonly Platform[], units: readonly Unit[]): Map<string, string[]> {
  const roles = new Map<string, string[]>();
  const add = (id: string, label: string) => {
    const list = roles.get(id);
    if (list) list.push(label);
    else roles.set(id, [label]);
  };
  for (const u of units) for (const r of unitRoles(u)) add(r.personId, `${u.name}${r.role}`);
  for (const p of platforms) for (const r of platformRoles(p)) add(r.personId, `${p.name}${r.role}`);
  return roles;
}

/** Everyone a review names: author, editor, publisher and the reviewers of every step (whom it waits for too). */
export function reviewPersonIds(r: Review): (Id | undefined)[] {
  return [r.copywriterId, r.editorId, r.publishedById, ...r.steps.flatMap((s) => s.reviewerIds)];
}
