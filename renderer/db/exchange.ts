// Exchange packages against the local database: build a unit's package from what is stored,
// compare a package with this computer's copy (the plan of shared/exchange/plan.ts), and merge the
// records the clerk accepted in one transaction, each with its 'merge' audit entry. A merge makes
// the plan again inside its transaction and refuses, writing nothing, if any accepted record
// changed since the preview, would now put an account in the registry twice, or now belongs here
// to a unit other than the exporting unit (or would be put under one).
import { profileZone } from '@shared/domain/time-zone';
import { diffRecords } from '@shared/audit/hash-chain';
import { canonicalJson } from '@shared/domain/canonical-json';
import type { AuditAction } from '@shared/domain/audit';
import { localToday } from '@shared/domain/today';
import { EXCHANGE_TABLES, recordKey, type ExchangeFailure, type ExchangePackage, type ExchangeRecords, type ExchangeTable } from '@shared/exchange/format';
import { writePackage, type WrittenPackage } from '@shared/exchange/package-writer';
import { indexAccounts, type StoredAccounts } from '@shared/exchange/accounts';
import type { StoredUnits } from '@shared/exchange/ownership';
import { itemsToWrite, planImport, selectionProblems, type ImportPlan, type ItemStatus, type LocalRecordState, type LocalState } from '@shared/exchange/plan';
import type { Row } from '@shared/exchange/records';
import { peopleNamedBy, referencesOf, unitSubtree } from '@shared/exchange/references';
import type { LedgerDb } from './schema';
import { appendAudit, LedgerError, platformsWithAccounts } from './repository';
import { readByIndexKeys } from './chunked-reads';

/** By id, as a read of the whole table returns its records. */
const byId = <T extends { id: string }>(rows: T[]): T[] => rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * What the package of `unitId` is picked from (selectUnitRecords), read by index rather than whole
 * tables: every unit (the tree says which are below it), the platforms those units host, their
 * filings, and the people of those units or named by them and by the platforms; records in the
 * trash included. Each list in id order, as whole tables would give it. Dexie calls only.
 */
async function readUnitRecords(db: LedgerDb, unitId: string): Promise<ExchangeRecords> {
  const units = await db.units.toArray();
  const owned = unitSubtree(units, unitId);
  const [platforms, ofUnits] = await Promise.all([readByIndexKeys(db.platforms, 'hostUnitId', [...owned]), readByIndexKeys(db.people, 'unitId', [...owned])]);
  const inUnits = new Set(ofUnits.map((p) => p.id));
  const others = [...peopleNamedBy(units.filter((u) => owned.has(u.id)), platforms)].filter((id) => !inUnits.has(id));
  const [approvals, named] = await Promise.all([readByIndexKeys(db.approvals, 'platformId', platforms.map((p) => p.id)), db.people.bulkGet(others)]);
  const people = [...ofUnits, ...named.filter((p) => p !== undefined)];
  return { units, people: byId(people), platforms: byId(platforms), approvals: byId(approvals) };
}

/** Builds the package of `unitId` from what is stored (records in the trash included), read by index. */
export async function exportUnitPackage(db: LedgerDb, unitId: string, appVersion: string, now: Date = new Date()): Promise<WrittenPackage | ExchangeFailure> {
  const [all, settings] = await db.transaction('r', [db.units, db.people, db.platforms, db.approvals, db.settings], async () => {
    const all = await readUnitRecords(db, unitId);
    return [all, await db.settings.get('main')] as const;
  });
  return writePackage({
    appVersion,
    exportedAt: now.toISOString(),
    today: localToday(now),
    timeZone: profileZone(settings?.profile),
    institution: settings?.institutionName ?? '',
    unitId,
    all,
  });
}

function tableOf(db: LedgerDb, table: ExchangeTable) {
  return db.table<Row, string>(table);
}

/**
 * What this computer holds for the package's records, the records they reference, and the records
 * those stored copies reference (e.g. the platform a stored filing belongs to, which says whose it
 * is here). Dexie calls only.
 */
async function loadLocalState(db: LedgerDb, pkg: ExchangePackage): Promise<LocalState> {
  const wanted = new Map<ExchangeTable, Set<string>>(EXCHANGE_TABLES.map((t) => [t, new Set<string>()]));
  const packageIds = new Set<string>();
  for (const table of EXCHANGE_TABLES) {
    for (const record of pkg.records[table]) {
      wanted.get(table)!.add(record.id);
      packageIds.add(record.id);
      for (const ref of referencesOf(table, record)) wanted.get(ref.table)!.add(ref.id);
    }
  }
  const state = new Map<string, LocalRecordState>();
  // Two rounds: the records named above, then what their stored copies name. Inline, awaiting only
  // Dexie calls: awaiting a promise that settles without one would leave the transaction's zone.
  for (let want = wanted, round = 0; round < 2; round++) {
    for (const table of EXCHANGE_TABLES) {
      const ids = [...want.get(table)!].filter((id) => !state.has(recordKey(table, id)));
      if (ids.length === 0) continue;
      const rows = await tableOf(db, table).bulkGet(ids);
      rows.forEach((row, i) => {
        if (row) state.set(recordKey(table, ids[i]!), { record: row, everMerged: false });
      });
    }
    want = new Map(EXCHANGE_TABLES.map((t) => [t, new Set<string>()]));
    for (const [key, { record }] of state) {
      const table = key.slice(0, key.indexOf('/')) as ExchangeTable;
      for (const ref of referencesOf(table, record)) want.get(ref.table)!.add(ref.id);
    }
  }
  // The audit log says whether a stored record was edited here since it was last merged.
  const last = new Map<string, { seq: number; action: AuditAction; changes: Record<string, [unknown, unknown]> }>();
  const entries = await db.auditLog.where('recordId').anyOf([...packageIds]).toArray();
  for (const entry of entries) {
    const key = `${entry.table}/${entry.recordId}`;
    const s = state.get(key);
    if (!s) continue;
    if (entry.action === 'merge') s.everMerged = true;
    const seq = entry.seq ?? 0;
    if (!last.has(key) || seq > last.get(key)!.seq) last.set(key, { seq, action: entry.action, changes: entry.changes });
  }
  for (const [key, { action, changes }] of last) state.get(key)!.last = { action, changes };
  return state;
}

/**
 * The live platforms stored here that hold an account of the package's platforms, by kind + account
 * id: read by the account index, not every platform of those kinds. Dexie calls only.
 */
async function loadStoredAccounts(db: LedgerDb, pkg: ExchangePackage): Promise<StoredAccounts> {
  const stored = await platformsWithAccounts(db, pkg.records.platforms.flatMap((p) => (typeof p.accountId === 'string' ? [{ kind: p.kind, accountId: p.accountId }] : [])));
  return indexAccounts(stored as unknown as Row[]);
}

/** Every unit stored here, trash included: the tree that says which unit a stored record belongs to. Dexie calls only. */
async function loadStoredUnits(db: LedgerDb): Promise<StoredUnits> {
  return new Map((await tableOf(db, 'units').toArray()).map((u) => [u.id, u]));
}

/** The plan of `pkg` against what is stored now; call inside a transaction over readTables. */
async function planNow(db: LedgerDb, pkg: ExchangePackage): Promise<ImportPlan> {
  const units = await loadStoredUnits(db);
  const local = await loadLocalState(db, pkg);
  return planImport(pkg, local, await loadStoredAccounts(db, pkg), units);
}

function readTables(db: LedgerDb) {
  return [db.units, db.people, db.platforms, db.approvals, db.auditLog];
}

/** Compares a verified package with this computer's copy; writes nothing. */
export async function previewImport(db: LedgerDb, pkg: ExchangePackage): Promise<ImportPlan> {
  return db.transaction('r', readTables(db), () => planNow(db, pkg));
}

export interface MergeResult {
  written: number;
  byStatus: Record<Exclude<ItemStatus, 'same' | 'duplicate' | 'foreign'>, number>;
}

export const STALE_PREVIEW =
  '预览之后本机数据已有改动（例如刚刚修改或删除了其中的记录），为避免覆盖，未合并任何记录。请重新选择数据包文件，查看最新的对比结果后再合并。';

/**
 * Writes the accepted records of `plan` (made by previewImport for `pkg`) in one transaction, with
 * one 'merge' audit entry each. 'same' records have nothing to write. Throws a LedgerError, having
 * written nothing, when the selection holds a blocked record (a duplicate account, a record that
 * belongs here to another unit than the exporting one, or one held back because of either) or
 * leaves a reference dangling, or the stored data changed since the preview. The plan is made
 * again inside the transaction, so an account registered or a unit merged here after the preview
 * is caught too, and what is
 * written comes from that plan, i.e. from the verified package: `plan` only says which records
 * the clerk accepted and what was shown for them.
 */
export async function mergePackage(db: LedgerDb, pkg: ExchangePackage, plan: ImportPlan, accepted: ReadonlySet<string>): Promise<MergeResult> {
  const problems = selectionProblems(plan, accepted);
  if (problems.length > 0) throw new LedgerError(`未合并：${problems.join('')}`, problems.join(' | '));
  const items = itemsToWrite(plan, accepted);
  const byStatus = { new: 0, changed: 0, conflict: 0 };
  if (items.length === 0) return { written: 0, byStatus };
  const order = (t: ExchangeTable) => EXCHANGE_TABLES.indexOf(t);
  items.sort((a, b) => order(a.table) - order(b.table));
  await db.transaction('rw', [...readTables(db), db.settings], async () => {
    const freshPlan = await planNow(db, pkg);
    const fresh = new Map(freshPlan.items.map((item) => [item.key, item]));
    for (const item of items) {
      const blocked = fresh.get(item.key)?.blocked;
      if (blocked) throw new LedgerError(`未合并任何记录：预览之后本机数据已有改动，${blocked}。请重新选择数据包文件，查看最新的对比结果后再合并。`, `${item.key}: blocked since the preview (${fresh.get(item.key)!.status})`);
    }
    // E.g. a record a filing points at, stored here at the preview and gone since (a restore from a backup).
    const dangling = selectionProblems(freshPlan, accepted);
    if (dangling.length > 0) throw new LedgerError(STALE_PREVIEW, `selection problems since the preview: ${dangling.join(' | ')}`);
    const writes = items.map((item) => {
      const now = fresh.get(item.key);
      if (!now || now.localVersion !== item.localVersion || now.status !== item.status) {
        throw new LedgerError(STALE_PREVIEW, `${item.key}: stored record or its audit state changed since the preview`);
      }
      // The clerk accepted what the preview showed; a plan that shows other records than the package holds is not that.
      if (canonicalJson(now.incoming) !== canonicalJson(item.incoming)) throw new LedgerError(STALE_PREVIEW, `${item.key}: the plan's record is not the package's`);
      return now;
    });
    const at = new Date().toISOString();
    for (const item of writes) {
      await tableOf(db, item.table).put(item.incoming);
      await appendAudit(db, item.table, item.id, 'merge', diffRecords(item.local, item.incoming), at, item.incoming);
      byStatus[item.status as keyof typeof byStatus]++;
    }
  });
  return { written: items.length, byStatus };
}
