// The import plan: every record of a package compared with this computer's copy, by id.
//
//   new       no record with this id is stored here.
//   duplicate a platform that merging would put in the registry twice: no record with its id is
//             stored here (or its stored version is in the trash or holds another account), but a
//             live platform stored here under another id has the same platform kind + account id
//             (./accounts.ts), e.g. because the 宣传部 imported its old Excel ledger, which gave the
//             account a new id. Shown beside that stored platform, never preselected, and a merge
//             that accepts it anyway is refused. Records of the package that point at such a
//             platform (its filings) cannot be merged either while it is not stored here.
//   foreign   the record is stored here, differs, and its STORED copy lies outside the exporting
//             unit's STORED subtree (./ownership.ts): a unit not below the exporting unit here, a
//             platform hosted, a filing of a platform hosted, or a person belonging to another unit
//             here. The package's own parentIds cannot be trusted for this (a forger can move another
//             unit under the exporting unit inside the package, and the checksum has no key); what is
//             stored here can. Shown beside the stored record with the unit it belongs to here, never
//             preselected, cannot be ticked, and a merge that accepts it anyway is refused. Referring
//             to it is fine (a platform of the package may name a person of another unit), but a
//             record the package would put under it (a new platform hosted by it, a new filing of it,
//             a unit moved below it) is held back: merged, it would land in another unit's registry.
//   same      the stored record has the same content (createdAt and updatedAt are bookkeeping and
//             not compared; of deletedAt only whether the record is in the trash counts, not when
//             it was put there). Nothing to merge.
//   changed   the content differs, the stored record was last written by a merge of a package and
//             not edited here since (its latest audit entry is that merge, and the fields that merge
//             set still hold the values it set), and the incoming version
//             is not older than the stored one: the incoming version simply updates it.
//   conflict  the content differs and the stored record was edited here since the last merge, or
//             was never merged from a package (typed in here, or loaded from elsewhere), or the
//             incoming version is older than the stored one (an old package sent again), or it is a
//             unit of the exporting unit that the package moves to another parent unit. The clerk
//             decides; accepting takes the incoming version.
//
// Deletions are soft on both sides: a record moved to the trash travels with its deletedAt, so the
// other side sees "回收站: 已移入回收站" as a difference and can accept it (changed) or not
// (conflict). A record the package holds only in its trash and this computer never had is listed
// as new but not preselected. Records stored here that the package does not hold are left alone:
// a package says what its records are, not which records exist.
import type { AuditAction } from '../domain/audit';
import { canonicalJson } from '../domain/canonical-json';
import { accountText, storedDuplicates, type StoredAccounts } from './accounts';
import { EXCHANGE_TABLES, EXCHANGE_TABLE_LABELS, recordKey, type ExchangePackage, type ExchangeTable } from './format';
import { fieldLabel, orderedFields } from '../domain/field-text';
import { formatValue, type NameOf } from './labels';
import { OWNER_FIELDS, platformsAmong, storedOwnership, type Ownership, type StoredUnits } from './ownership';
import { referencesOf, type Reference } from './references';
import type { Row } from './records';

export const ITEM_STATUSES = ['new', 'duplicate', 'foreign', 'changed', 'conflict', 'same'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const STATUS_LABELS: Record<ItemStatus, string> = {
  new: '新增',
  duplicate: '重复账号',
  foreign: '不属于导出单位',
  changed: '有更新',
  conflict: '有冲突',
  same: '相同',
};

/** Statuses a merge can never write: what the clerk cannot tick. */
export const UNMERGEABLE_STATUSES: ReadonlySet<ItemStatus> = new Set(['duplicate', 'foreign', 'same']);

export type ConflictReason = 'edited-since-merge' | 'never-merged' | 'older' | 'moved';

export const CONFLICT_REASON_TEXT: Record<ConflictReason, string> = {
  'edited-since-merge': '本机在上次合并之后修改过此记录',
  'never-merged': '本机的此记录不是由数据包合并而来，且内容不同',
  older: '导入的版本比本机现有的版本旧（可能是重复发送的旧数据包）',
  moved: '导入的版本改变了此单位的上级单位，单位隶属关系的变更不自动采用，请核对后再决定',
};

/** What this computer holds for one id, and what its audit log says about it. */
export interface LocalRecordState {
  record: Row;
  /** The record's latest audit entry: its action and field changes (undefined when it has none). */
  last?: { action: AuditAction; changes: Record<string, [unknown, unknown]> };
  /** Whether any audit entry of the record is a merge. */
  everMerged: boolean;
}

/** Stored records by recordKey: those the package holds and those its records reference. */
export type LocalState = ReadonlyMap<string, LocalRecordState>;

export interface FieldRow {
  field: string;
  label: string;
  local: string;
  incoming: string;
  differs: boolean;
}

export interface PlanItem {
  key: string;
  table: ExchangeTable;
  id: string;
  name: string;
  status: ItemStatus;
  reason?: ConflictReason;
  /** A remark for the clerk (e.g. the record is in the sender's trash). */
  note?: string;
  incoming: Row;
  /** The stored record with this id. */
  local?: Row;
  /** For 'duplicate': the live platforms stored here under other ids that hold the same account. */
  duplicates?: Row[];
  /** For 'foreign': where the stored record belongs here, e.g. 在本机的主办单位是“马克思主义学院”. */
  belongsTo?: string;
  /**
   * Why the record cannot be merged (a sentence without the closing instruction): it is a
   * duplicate account or foreign, it points at a record that cannot be merged and is not stored
   * here, or it would put itself under a record stored here for another unit. A merge that
   * accepts it is refused.
   */
  blocked?: string;
  /** canonicalJson of the stored record when the plan was made (null: none stored): a merge refuses if it changed. */
  localVersion: string | null;
  /** Side-by-side fields (every field either side fills; a duplicate beside the stored account); empty for 'same'. */
  fields: FieldRow[];
  /** Package records this one points at (keys). */
  dependsOn: string[];
  /** References neither the package nor this computer holds. */
  missing: Reference[];
  /** Ticked when the table is first shown: new (unless only in the sender's trash) and changed, unless blocked. */
  preselected: boolean;
}

export interface ImportPlan {
  items: PlanItem[];
  counts: Record<ItemStatus, number>;
}

/** The record as compared: without bookkeeping, and "in the trash or not" instead of when. */
function comparable(record: Row): string {
  const { createdAt: _c, updatedAt: _u, deletedAt, ...rest } = record;
  return canonicalJson({ ...rest, deletedAt: deletedAt ? true : undefined });
}

function fieldValuesDiffer(field: string, a: unknown, b: unknown): boolean {
  if (field === 'deletedAt') return Boolean(a) !== Boolean(b);
  return canonicalJson(a ?? null) !== canonicalJson(b ?? null);
}

const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt']);

/** Beside a stored record under another id, the ids differ: the first row says so. */
function idRow(local: Row, incoming: Row): FieldRow {
  return { field: 'id', label: '记录编号', local: local.id, incoming: incoming.id, differs: true };
}

/** The local column names references as they are stored here, the incoming column as the package names them. */
function fieldRows(table: ExchangeTable, local: Row | undefined, incoming: Row, nameOf: NameOf, localNameOf: NameOf): FieldRow[] {
  const keys = new Set<string>();
  for (const r of [local, incoming]) for (const [k, v] of Object.entries(r ?? {})) if (!BOOKKEEPING.has(k) && v !== undefined) keys.add(k);
  const rows = orderedFields(table, keys)
    .map((field) => ({
      field,
      label: fieldLabel(table, field),
      local: local ? formatValue(table, field, local[field], localNameOf) : '',
      incoming: formatValue(table, field, incoming[field], nameOf),
      differs: local ? fieldValuesDiffer(field, local[field], incoming[field]) : false,
    }))
    .filter((row) => row.local !== '' || row.incoming !== '');
  return local && local.id !== incoming.id ? [idRow(local, incoming), ...rows] : rows;
}

const quoted = (rows: readonly Row[]): string => rows.map((r) => `“${String(r.name)}”`).join('、');

/** 平台“X”与本机已有的同类账号（微信公众号，账号ID x）“Y”重复，合并会使台账中出现两条同一账号，不能合并 */
function duplicateSentence(name: string, duplicates: readonly Row[]): string {
  return `平台“${name}”与本机已有的同类账号（${accountText(duplicates[0]!)}）${quoted(duplicates)}重复，合并会使台账中出现两条同一账号，不能合并`;
}

function duplicateNote(duplicates: readonly Row[]): string {
  return (
    `与本机已有的同类账号（${accountText(duplicates[0]!)}）重复：${quoted(duplicates)}。两条记录的编号不同（例如本机曾从 Excel 台账导入过此账号），` +
    '合并会使台账中出现两条同一账号，因此不能合并。如需采用对方的内容，请在“平台台账”中对照修改本机的记录；' +
    '如确认应以对方的记录为准，且本机没有备案、审核、密封存档等记录关联这条记录，可先将其移入回收站，再重新导入此数据包。'
  );
}

/** “被改名”（本机名称为“马克思主义学院”）: the name the package gives, and the stored one when it differs. */
function namedAs(name: string, local: Row | undefined): string {
  const stored = local && typeof local.name === 'string' ? local.name : undefined;
  return stored !== undefined && stored !== name ? `“${name}”（本机名称为“${stored}”）` : `“${name}”`;
}

/** 单位“被改名”（本机名称为“马克思主义学院”）在本机没有上级单位，不是导出单位“计算机与人工智能学院”或其下级单位，不能从此数据包合并 */
function foreignSentence(table: ExchangeTable, name: string, local: Row, where: string, unitName: string): string {
  const tail = table === 'units' ? `不是导出单位“${unitName}”或其下级单位` : `不属于导出单位“${unitName}”或其下级单位`;
  return `${EXCHANGE_TABLE_LABELS[table]}${namedAs(name, local)}${where}，${tail}，不能从此数据包合并`;
}

function foreignNote(table: ExchangeTable, where: string, unitName: string): string {
  const people = table === 'people' ? '数据包中的平台仍可以引用此人，只是不能用此数据包修改此人的记录。' : '';
  return (
    `${where}，不属于导出单位“${unitName}”或其下级单位。数据包只能更新本机中属于导出单位及其下级单位的记录（以本机的上级单位、主办单位、所在单位为准），因此不能合并。${people}` +
    '可能是对方的台账与本机不一致，也可能是数据包被改动过；如确认此记录现在归导出单位管理，请先在本机修改它的隶属关系，再重新导入此数据包。'
  );
}

/**
 * The stored record is the version a merge wrote: its latest audit entry is that merge (every
 * audited edit would come after it) and each field the merge set still holds the value it set
 * (which also catches a write that bypassed the audit log, such as a database upgrade).
 */
function unchangedSinceMerge(stored: LocalRecordState): boolean {
  if (stored.last?.action !== 'merge') return false;
  return Object.entries(stored.last.changes).every(([field, [, after]]) => canonicalJson(stored.record[field] ?? null) === canonicalJson(after));
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function time(iso: unknown): number {
  return typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
}

function recordName(table: ExchangeTable, record: Row, nameOf: NameOf): string {
  if (table !== 'approvals') return typeof record.name === 'string' ? record.name : record.id;
  const platform = typeof record.platformId === 'string' ? (nameOf('platforms', record.platformId) ?? '') : '';
  const date = typeof record.changeDate === 'string' ? ` ${record.changeDate}` : '';
  return `${platform} ${String(record.kind)}${date}`.trim();
}

/**
 * Compares every record of `pkg` with `local` (by id), its platforms with `accounts` (the live
 * platforms stored here, by kind + account id), and where each stored record belongs with `units`
 * (every unit stored here); pure, so the same plan is made again inside a merge.
 */
export function planImport(pkg: ExchangePackage, local: LocalState, accounts: StoredAccounts, units: StoredUnits): ImportPlan {
  const incomingByKey = new Map<string, Row>();
  for (const table of EXCHANGE_TABLES) for (const r of pkg.records[table] as unknown as Row[]) incomingByKey.set(recordKey(table, r.id), r);
  const nameOf: NameOf = (table, id) => {
    const key = recordKey(table, id);
    const r = incomingByKey.get(key) ?? local.get(key)?.record;
    if (!r) return undefined;
    return table === 'approvals' ? EXCHANGE_TABLE_LABELS.approvals : typeof r.name === 'string' ? r.name : id;
  };
  const storedOf = (table: ExchangeTable, id: string): Row | undefined => local.get(recordKey(table, id))?.record ?? (table === 'units' ? units.get(id) : undefined);
  const localNameOf: NameOf = (table, id) => {
    const r = storedOf(table, id);
    if (!r) return nameOf(table, id);
    return table === 'approvals' ? EXCHANGE_TABLE_LABELS.approvals : typeof r.name === 'string' ? r.name : id;
  };
  const ownership = storedOwnership(pkg.unit, units, storedOf, platformsAmong(local));
  /** Package records stored here outside the exporting unit's stored subtree, whatever their status. */
  const outside = new Set<string>();

  const items: PlanItem[] = [];
  for (const table of EXCHANGE_TABLES) {
    for (const incoming of pkg.records[table] as unknown as Row[]) {
      const key = recordKey(table, incoming.id);
      const stored = local.get(key);
      const refs = referencesOf(table, incoming);
      const dependsOn = [...new Set(refs.map((r) => recordKey(r.table, r.id)).filter((k) => incomingByKey.has(k)))];
      const missing = refs.filter((r) => !incomingByKey.has(recordKey(r.table, r.id)) && !local.has(recordKey(r.table, r.id)));
      let status: ItemStatus;
      let reason: ConflictReason | undefined;
      let note: string | undefined;
      const name = recordName(table, incoming, nameOf);
      const where = stored && ownership.outside(table, stored.record);
      if (where !== undefined) outside.add(key);
      const same = stored !== undefined && comparable(stored.record) === comparable(incoming);
      // Not this package's to change, whatever else holds (and nothing to write if the same).
      const foreign = stored && where !== undefined && !same ? { stored: stored.record, where } : undefined;
      const duplicates = !foreign && table === 'platforms' ? storedDuplicates(incoming, stored?.record, accounts) : [];
      if (foreign) {
        status = 'foreign';
        note = foreignNote(table, foreign.where, ownership.unitName);
      } else if (duplicates.length > 0) {
        status = 'duplicate';
        note = duplicateNote(duplicates);
      } else if (!stored) {
        status = 'new';
        if (incoming.deletedAt) note = '对方已将此记录移入回收站，本机从未有过此记录';
      } else if (same) {
        status = 'same';
      } else {
        if (unchangedSinceMerge(stored)) {
          // Unchanged here since the merge that wrote it; an older incoming version is a resent old package.
          if (time(incoming.updatedAt) < time(stored.record.updatedAt)) {
            status = 'conflict';
            reason = 'older';
          } else status = 'changed';
        } else {
          status = 'conflict';
          reason = stored.everMerged ? 'edited-since-merge' : 'never-merged';
        }
        // A unit of the exporting unit (stored in its subtree here, else it would be 'foreign') given
        // another parent. A conflict, not 'foreign': the unit is the exporting unit's own here, so
        // its package speaks for it, and a unit may reorganise what is below it (or be moved itself,
        // when its parent above changed). But the move reshapes the institution's tree and takes
        // the unit's people, platforms and filings along, so it is never applied silently as 有更新:
        // the clerk sees both parents and decides. A move under a unit that belongs to another unit
        // here is held back altogether (blockDependents), as that would hand the unit over to it.
        // A unit stored OUTSIDE the subtree and moved under the exporting unit by the package is
        // the forgery itself; it stays 'foreign', which no tick can accept.
        if (table === 'units' && (text(stored.record.parentId) ?? '') !== (text(incoming.parentId) ?? '')) {
          const parent = (r: Row, names: NameOf) => (text(r.parentId) ? `“${names('units', String(r.parentId)) ?? String(r.parentId)}”` : '（无）');
          note = `上级单位不同：本机为${parent(stored.record, localNameOf)}，导入为${parent(incoming, nameOf)}`;
          if (status === 'changed') {
            status = 'conflict';
            reason = 'moved';
          }
        }
      }
      items.push({
        key,
        table,
        id: incoming.id,
        name,
        status,
        ...(reason && { reason }),
        ...(note && { note }),
        incoming,
        ...(stored && { local: stored.record }),
        ...(duplicates.length > 0 && { duplicates, blocked: duplicateSentence(name, duplicates) }),
        ...(foreign && { belongsTo: foreign.where, blocked: foreignSentence(table, name, foreign.stored, foreign.where, ownership.unitName) }),
        localVersion: stored ? canonicalJson(stored.record) : null,
        fields: status === 'same' ? [] : fieldRows(table, stored?.record ?? duplicates[0], incoming, nameOf, localNameOf),
        dependsOn,
        missing,
        preselected: (status === 'new' && !incoming.deletedAt) || status === 'changed',
      });
    }
  }
  blockDependents(items, outside, ownership);
  const counts = { new: 0, duplicate: 0, foreign: 0, changed: 0, conflict: 0, same: 0 } satisfies Record<ItemStatus, number>;
  for (const item of items) counts[item.status]++;
  return { items, counts };
}

function block(item: PlanItem, sentence: string, note: string): void {
  item.blocked = sentence;
  item.note = [item.note, note].filter(Boolean).join('；');
  item.preselected = false;
}

/**
 * Holds back, not preselected, what could not be merged without harm:
 * - a record the package puts under a record of the package that is stored here outside the
 *   exporting unit's subtree (its parent unit, unit, host unit or platform, per OWNER_FIELDS; a
 *   new record, or one the package moves there): merged, it would land in another unit's registry;
 * - a record pointing at a record that cannot be merged and is not stored here (a duplicate
 *   platform's filings, anything below a held-back new record): merged, it would point at nothing.
 *   Repeated until nothing more is held back, as a held-back record holds back what points at it.
 */
function blockDependents(items: PlanItem[], outside: ReadonlySet<string>, ownership: Ownership): void {
  const byKey = new Map(items.map((item) => [item.key, item]));
  for (const item of items) {
    if (item.status === 'same' || item.blocked) continue;
    const { field, table } = OWNER_FIELDS[item.table];
    const ownerId = item.incoming[field];
    const target = typeof ownerId === 'string' ? byKey.get(recordKey(table, ownerId)) : undefined;
    if (!target || !outside.has(target.key)) continue;
    const label = fieldLabel(item.table, field);
    const owner = `${label}${namedAs(target.name, target.local)}在本机不属于导出单位“${ownership.unitName}”`;
    block(
      item,
      `${EXCHANGE_TABLE_LABELS[item.table]}“${item.name}”的${owner}，合并会把这条记录放到其他单位名下，因此不能合并`,
      `${owner}，合并会把这条记录放到其他单位名下，因此不能合并`,
    );
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const item of items) {
      if (item.status === 'same' || item.blocked) continue;
      for (const ref of referencesOf(item.table, item.incoming)) {
        const target = byKey.get(recordKey(ref.table, ref.id));
        if (!target || target.local || !(target.status === 'duplicate' || target.blocked)) continue;
        const why = target.status === 'duplicate' ? '与本机已有的同类账号重复、不能合并' : '不能合并';
        block(
          item,
          `${EXCHANGE_TABLE_LABELS[item.table]}“${item.name}”的${ref.label}“${target.name}”${why}，因此这条记录也不能合并`,
          `${ref.label}“${target.name}”${why}，因此这条记录也不能合并${target.status === 'duplicate' ? '（处理重复账号后可重新导入此数据包）' : ''}`,
        );
        grew = true;
        break;
      }
    }
  }
}

/** Items a merge would write: accepted and not 'same' (a 'same' record has nothing to write; 'duplicate' and 'foreign' are refused). */
export function itemsToWrite(plan: ImportPlan, accepted: ReadonlySet<string>): PlanItem[] {
  return plan.items.filter((item) => accepted.has(item.key) && item.status !== 'same');
}

/**
 * Problems with a selection, in Chinese: an accepted record that is blocked (a duplicate account,
 * a foreign record, or one held back because of either, see blockDependents), or that points at a
 * new record of the package that is not accepted and would point at nothing once merged.
 */
export function selectionProblems(plan: ImportPlan, accepted: ReadonlySet<string>): string[] {
  const byKey = new Map(plan.items.map((item) => [item.key, item]));
  const problems: string[] = [];
  for (const item of itemsToWrite(plan, accepted)) {
    if (item.blocked) {
      problems.push(`${item.blocked}，请取消勾选。`);
      continue;
    }
    for (const ref of referencesOf(item.table, item.incoming)) {
      const target = byKey.get(recordKey(ref.table, ref.id));
      if (target && target.status === 'new' && !accepted.has(target.key)) {
        problems.push(
          `${EXCHANGE_TABLE_LABELS[item.table]}“${item.name}”的${ref.label}“${target.name}”是新增记录，请一并勾选（或不合并“${item.name}”）。`,
        );
      }
    }
  }
  return [...new Set(problems)];
}
