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
//   same      the stored record has the same content (createdAt and updatedAt are bookkeeping and
//             not compared; of deletedAt only whether the record is in the trash counts, not when
//             it was put there). Nothing to merge.
//   changed   the content differs, the stored record was last written by a merge of a package and
//             not edited here since (its latest audit entry is that merge, and the fields that merge
//             set still hold the values it set), and the incoming version
//             is not older than the stored one: the incoming version simply updates it.
//   conflict  the content differs and the stored record was edited here since the last merge, or
//             was never merged from a package (typed in here, or loaded from elsewhere), or the
//             incoming version is older than the stored one (an old package sent again). The clerk
//             decides; accepting takes the incoming version.
//
// Deletions are soft on both sides: a record moved to the trash travels with its deletedAt, so the
// other side sees "回收站: 已移入回收站" as a difference and can accept it (changed) or not
// (conflict). A record the package holds only in its trash and this computer never had is listed
// as new but not preselected. Records stored here that the package does not hold are left alone:
// a package says what its records are, not which records exist.
import type { AuditAction } from '../domain/audit';
import { canonicalJson } from '../audit/hash-chain';
import { accountText, storedDuplicates, type StoredAccounts } from './accounts';
import { EXCHANGE_TABLES, EXCHANGE_TABLE_LABELS, recordKey, type ExchangePackage, type ExchangeTable } from './format';
import { fieldLabel, formatValue, orderedFields, type NameOf } from './labels';
import { referencesOf, type Reference } from './references';
import type { Row } from './records';

export const ITEM_STATUSES = ['new', 'duplicate', 'changed', 'conflict', 'same'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const STATUS_LABELS: Record<ItemStatus, string> = { new: '新增', duplicate: '重复账号', changed: '有更新', conflict: '有冲突', same: '相同' };

export type ConflictReason = 'edited-since-merge' | 'never-merged' | 'older';

export const CONFLICT_REASON_TEXT: Record<ConflictReason, string> = {
  'edited-since-merge': '本机在上次合并之后修改过此记录',
  'never-merged': '本机的此记录不是由数据包合并而来，且内容不同',
  older: '导入的版本比本机现有的版本旧（可能是重复发送的旧数据包）',
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
  /**
   * Why the record cannot be merged (a sentence without the closing instruction): it is a
   * duplicate account, or it points at one that is not stored here. A merge that accepts it is refused.
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

function fieldRows(table: ExchangeTable, local: Row | undefined, incoming: Row, nameOf: NameOf): FieldRow[] {
  const keys = new Set<string>();
  for (const r of [local, incoming]) for (const [k, v] of Object.entries(r ?? {})) if (!BOOKKEEPING.has(k) && v !== undefined) keys.add(k);
  const rows = orderedFields(table, keys)
    .map((field) => ({
      field,
      label: fieldLabel(table, field),
      local: local ? formatValue(table, field, local[field], nameOf) : '',
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

/**
 * The stored record is the version a merge wrote: its latest audit entry is that merge (every
 * audited edit would come after it) and each field the merge set still holds the value it set
 * (which also catches a write that bypassed the audit log, such as a database upgrade).
 */
function unchangedSinceMerge(stored: LocalRecordState): boolean {
  if (stored.last?.action !== 'merge') return false;
  return Object.entries(stored.last.changes).every(([field, [, after]]) => canonicalJson(stored.record[field] ?? null) === canonicalJson(after));
}

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
 * Compares every record of `pkg` with `local` (by id) and its platforms with `accounts` (the live
 * platforms stored here, by kind + account id); pure, so the same plan is made again inside a merge.
 */
export function planImport(pkg: ExchangePackage, local: LocalState, accounts: StoredAccounts): ImportPlan {
  const incomingByKey = new Map<string, Row>();
  for (const table of EXCHANGE_TABLES) for (const r of pkg.records[table] as unknown as Row[]) incomingByKey.set(recordKey(table, r.id), r);
  const nameOf: NameOf = (table, id) => {
    const key = recordKey(table, id);
    const r = incomingByKey.get(key) ?? local.get(key)?.record;
    if (!r) return undefined;
    return table === 'approvals' ? EXCHANGE_TABLE_LABELS.approvals : typeof r.name === 'string' ? r.name : id;
  };

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
      const duplicates = table === 'platforms' ? storedDuplicates(incoming, stored?.record, accounts) : [];
      if (duplicates.length > 0) {
        status = 'duplicate';
        note = duplicateNote(duplicates);
      } else if (!stored) {
        status = 'new';
        if (incoming.deletedAt) note = '对方已将此记录移入回收站，本机从未有过此记录';
      } else if (comparable(stored.record) === comparable(incoming)) {
        status = 'same';
      } else if (unchangedSinceMerge(stored)) {
        // Unchanged here since the merge that wrote it; an older incoming version is a resent old package.
        if (time(incoming.updatedAt) < time(stored.record.updatedAt)) {
          status = 'conflict';
          reason = 'older';
        } else status = 'changed';
      } else {
        status = 'conflict';
        reason = stored.everMerged ? 'edited-since-merge' : 'never-merged';
      }
      const name = recordName(table, incoming, nameOf);
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
        localVersion: stored ? canonicalJson(stored.record) : null,
        fields: status === 'same' ? [] : fieldRows(table, stored?.record ?? duplicates[0], incoming, nameOf),
        dependsOn,
        missing,
        preselected: (status === 'new' && !incoming.deletedAt) || status === 'changed',
      });
    }
  }
  blockDependents(items);
  const counts = { new: 0, duplicate: 0, changed: 0, conflict: 0, same: 0 } satisfies Record<ItemStatus, number>;
  for (const item of items) counts[item.status]++;
  return { items, counts };
}

/**
 * A record pointing at a duplicate platform that is not stored here (its filings) would point at
 * nothing once merged, since that platform cannot be merged: it is blocked and not preselected.
 */
function blockDependents(items: PlanItem[]): void {
  const byKey = new Map(items.map((item) => [item.key, item]));
  for (const item of items) {
    if (item.status === 'same' || item.blocked) continue;
    for (const ref of referencesOf(item.table, item.incoming)) {
      const target = byKey.get(recordKey(ref.table, ref.id));
      if (target?.status !== 'duplicate' || target.local) continue;
      item.blocked = `${EXCHANGE_TABLE_LABELS[item.table]}“${item.name}”的${ref.label}“${target.name}”与本机已有的同类账号重复、不能合并，因此这条记录也不能合并`;
      item.note = [item.note, `${ref.label}“${target.name}”与本机已有的同类账号重复、不能合并，因此这条记录也不能合并（处理重复账号后可重新导入此数据包）`]
        .filter(Boolean)
        .join('；');
      item.preselected = false;
      break;
    }
  }
}

/** Items a merge would write: accepted and not 'same' (a 'same' record has nothing to write). */
export function itemsToWrite(plan: ImportPlan, accepted: ReadonlySet<string>): PlanItem[] {
  return plan.items.filter((item) => accepted.has(item.key) && item.status !== 'same');
}

/**
 * Problems with a selection, in Chinese: an accepted record that is blocked (a duplicate account, or
 * a filing of one), or that points at a new record of the package that is not accepted and would
 * point at nothing once merged.
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
