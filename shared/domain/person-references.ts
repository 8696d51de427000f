// Where a person is still named as responsible for something, and handing those duties over to
// another person before the person goes to the trash. Only duties that are still running count:
// roles on units and live platforms (000 第四条 分级负责; 003 第七条 谁主办谁负责), the custody
// of sealed envelopes not yet replaced (003 第十七条), the 接收人 / 监交人 of a handover whose
// password change is not yet confirmed (000 第六条), and the 文案 / 编辑 of a review not yet
// published. Signatures already given (a recorded review step, who sealed an envelope) are
// history and stay as they are.
import { live, type Id } from './common';
import { fieldLabel } from './field-text';
import type { Platform } from './platform';
import type { Envelope, Handover, Review } from './records';
import { platformRoles, unitRoles, type RoleField } from './roles';
import type { Unit } from './unit';

export type ReferenceTable = 'units' | 'platforms' | 'envelopes' | 'handovers' | 'reviews';

/** A field of a record naming a person: 'chiefAdminId', 'sectionAdminIds' or 'group.ownerId'. */
export type ReferenceField = RoleField | 'custodianId' | 'incomingId' | 'supervisorId' | 'copywriterId' | 'editorId';

export interface PersonReference {
  table: ReferenceTable;
  recordId: Id;
  field: ReferenceField;
  /** What the clerk reads: 图书馆微信公众号 总管理员. */
  label: string;
}

export interface ReferenceData {
  units: readonly Unit[];
  platforms: readonly Platform[];
  envelopes: readonly Envelope[];
  handovers: readonly Handover[];
  reviews: readonly Review[];
}


/** Every running duty that names `personId`, in the order units, platforms, envelopes, handovers, reviews. */
export function personReferences(personId: Id, data: ReferenceData): PersonReference[] {
  const out: PersonReference[] = [];
  const add = (table: ReferenceTable, recordId: Id, field: ReferenceField, label: string) => out.push({ table, recordId, field, label });
  for (const u of live(data.units)) {
    for (const r of unitRoles(u)) if (r.personId === personId) add('units', u.id, r.field, `单位“${u.name}”的${r.role}`);
  }
  const platformName = new Map(data.platforms.map((p) => [p.id, p.name]));
  for (const p of live(data.platforms)) {
    const what = p.group ? `工作群“${p.name}”` : `账号“${p.name}”`;
    // A person among the 分管理员 twice is one duty.
    const held = new Set<RoleField>();
    for (const r of platformRoles(p)) {
      if (r.personId !== personId || held.has(r.field)) continue;
      held.add(r.field);
      add('platforms', p.id, r.field, `${what}的${r.role}`);
    }
  }
  const of = (platformId: Id) => platformName.get(platformId) ?? '（已删除的平台）';
  for (const e of live(data.envelopes)) {
    if (!e.replacedById && e.custodianId === personId) add('envelopes', e.id, 'custodianId', `${of(e.platformId)}信封 ${e.number} 的${fieldLabel('envelopes', 'custodianId')}`);
  }
  for (const h of live(data.handovers)) {
    if (h.passwordChangeConfirmedById) continue;
    for (const field of ['incomingId', 'supervisorId'] as const) {
      if (h[field] === personId) add('handovers', h.id, field, `${of(h.platformId)}${h.date}交接（未办结）的${fieldLabel('handovers', field)}`);
    }
  }
  for (const r of live(data.reviews)) {
    if (r.publishedAt) continue;
    for (const field of ['copywriterId', 'editorId'] as const) {
      if (r[field] === personId) add('reviews', r.id, field, `审核中的“${r.title}”的${fieldLabel('reviews', field)}`);
    }
  }
  return out;
}

/**
 * The fields of `record` that change when the duties `fields` pass from `from` to `to`: a person
 * already among the 分管理员 is not listed twice.
 */
export function handOverPatch(record: object, fields: readonly ReferenceField[], from: Id, to: Id): Record<string, unknown> {
  const source = new Map(Object.entries(record));
  const patch: Record<string, unknown> = {};
  for (const field of fields) {
    if (field === 'sectionAdminIds') {
      const ids = (patch.sectionAdminIds ?? source.get('sectionAdminIds') ?? []) as readonly Id[];
      patch.sectionAdminIds = [...new Set(ids.map((id) => (id === from ? to : id)))];
    } else if (field === 'group.ownerId' || field === 'group.supervisorId') {
      const group = (patch.group ?? source.get('group') ?? {}) as Record<string, unknown>;
      patch.group = { ...group, [field.slice('group.'.length)]: to };
    } else {
      patch[field] = to;
    }
  }
  return patch;
}
