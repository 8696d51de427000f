// Every change to a record goes through here: the record and its hash-chained audit entry are
// written in one transaction, so either both are stored or neither is. Deletion is soft (the
// record goes to the trash and can be restored).
import type { BaseRecord, Draft } from '@shared/domain/common';
import { newId } from '@shared/domain/ids';
import type { AuditAction } from '@shared/domain/audit';
import { diffRecords, sealEntry } from '@shared/audit/hash-chain';
import { recordDisplayName } from '@shared/audit/record-labels';
import type { Settings } from '@shared/domain/settings';
import { profileZone } from '@shared/domain/time-zone';
import { platformKey, type Platform } from '@shared/domain/platform';
import type { RecordTable } from '@shared/domain/tables';
import type { LedgerDb } from './schema';
import { readByIndexKeys } from './chunked-reads';

/** Errors shown to the clerk in Chinese; `detail` goes to the log. */
export class LedgerError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}

/** A step refused by a rule: the message of each field, for the form; `message` is the first of them. */
export class RuleError extends LedgerError {
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields)[0] ?? '输入有误。', JSON.stringify(fields));
  }
}

/** Throws the refusal of a rule check (shared/rules/*), so the transaction writes nothing. */
export function enforce(check: { ok: true } | { ok: false; errors: Record<string, string> }): void {
  if (!check.ok) throw new RuleError(check.errors);
}

function nowIso(): string {
  return new Date().toISOString();
}

type AnyRecord = BaseRecord & Record<string, unknown>;

/** Appends one hash-chained audit entry; call it inside the transaction that writes the record. */
export async function appendAudit(
  db: LedgerDb,
  table: string,
  recordId: string,
  action: AuditAction,
  changes: Record<string, [unknown, unknown]>,
  at: string,
  /** The record as written (or as it was, for a delete), for the name the entry keeps. */
  record?: object,
): Promise<void> {
  const [last, settings] = await Promise.all([db.auditLog.orderBy('seq').last(), db.settings.get('main')]);
  const recordName = recordDisplayName(table, record);
  const entry = sealEntry(
    { at, operator: settings?.operatorName ?? '', table, recordId, ...(recordName && { recordName }), action, changes },
    last?.hash,
  );
  await db.auditLog.add(entry);
}

function tableOf(db: LedgerDb, table: RecordTable) {
  // Every record table has string ids; the record types differ but the bookkeeping is shared.
  return db.table<AnyRecord, string>(table);
}

export async function createRecord<T extends BaseRecord>(db: LedgerDb, table: RecordTable, draft: Draft<T>): Promise<T> {
  const at = nowIso();
  const record = { ...draft, id: newId(), createdAt: at, updatedAt: at } as unknown as T;
  await db.transaction('rw', [db.table(table), db.auditLog, db.settings], async () => {
    await tableOf(db, table).add(record as unknown as AnyRecord);
    await appendAudit(db, table, record.id, 'create', diffRecords(undefined, record), at, record);
  });
  return record;
}

export async function updateRecord<T extends BaseRecord>(
  db: LedgerDb,
  table: RecordTable,
  id: string,
  patch: Partial<Draft<T>>,
): Promise<T> {
  const at = nowIso();
  let saved: T | undefined;
  await db.transaction('rw', [db.table(table), db.auditLog, db.settings], async () => {
    const before = await tableOf(db, table).get(id);
    if (!before) throw new LedgerError('该记录已不存在，可能已被删除。', `${table}/${id} not found`);
    const after = { ...before, ...patch, id, createdAt: before.createdAt, updatedAt: at } as AnyRecord;
    const changes = diffRecords(before, after);
    await tableOf(db, table).put(after);
    if (Object.keys(changes).length > 0) await appendAudit(db, table, id, 'update', changes, at, after);
    saved = after as unknown as T;
  });
  return saved!;
}

async function setDeleted(db: LedgerDb, table: RecordTable, id: string, deleted: boolean): Promise<void> {
  const at = nowIso();
  await db.transaction('rw', [db.table(table), db.auditLog, db.settings], async () => {
    const before = await tableOf(db, table).get(id);
    if (!before) throw new LedgerError('该记录已不存在。', `${table}/${id} not found`);
    if (Boolean(before.deletedAt) === deleted) return;
    if (!deleted && table === 'platforms') await refuseDuplicateAccount(db, before);
    const after: AnyRecord = { ...before, updatedAt: at };
    if (deleted) after.deletedAt = at;
    else delete after.deletedAt;
    await tableOf(db, table).put(after);
    await appendAudit(db, table, id, deleted ? 'delete' : 'restore', diffRecords(before, after), at, after);
  });
}

/**
 * The platforms stored here, trash included, whose kind and account id fall under the registry's
 * duplicate rule (platformKey) with one of `accounts`, in id order. Dexie calls only.
 *
 * Account ids are stored as typed, and platformKey folds case, full-width forms, spaces, the scheme
 * and trailing slashes: the variants of one key cannot be listed, so no exact lookup finds them all.
 * Instead each kind's account ids are read as index keys only ([kind+accountId], no records), and
 * only the platforms whose account id has one of the keys are read whole.
 */
export async function platformsWithAccounts(db: LedgerDb, accounts: Iterable<{ kind: string; accountId: string }>): Promise<Platform[]> {
  const wanted = new Map<string, Set<string>>();
  for (const { kind, accountId } of accounts) {
    const key = platformKey(kind, accountId);
    if (!key) continue;
    const keys = wanted.get(kind);
    if (keys) keys.add(key);
    else wanted.set(kind, new Set([key]));
  }
  const same: [string, string][] = [];
  // A kind after another: cursors side by side in one transaction took five times as long in
  // Chromium (10,000 platforms of 14 kinds: 1.0–1.2 s against 0.17–0.2 s for one walk of them all).
  for (const [kind, keys] of wanted) {
    // IndexedDB orders [kind] before [kind, any account id] and those before [kind, []] (arrays after strings).
    for (const k of await db.platforms.where('[kind+accountId]').between([kind], [kind, []], true, true).uniqueKeys()) {
      const accountId: unknown = Array.isArray(k) ? k[1] : undefined;
      if (typeof accountId !== 'string') continue;
      const key = platformKey(kind, accountId);
      if (key !== undefined && keys.has(key)) same.push([kind, accountId]);
    }
  }
  // One exact read per spelling (usually one).
  const found = await readByIndexKeys(db.platforms, '[kind+accountId]', same);
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The registry's duplicate rule: another live platform of the same kind with the same account id
 * (platformKey), if any, the first by id. Call it inside the transaction that writes the platform.
 */
async function liveDuplicateAccount(db: LedgerDb, kind: string, accountId: string, ownId: string | undefined): Promise<Platform | undefined> {
  return (await platformsWithAccounts(db, [{ kind, accountId }])).find((p) => p.id !== ownId && !p.deletedAt);
}

/** A platform back from the trash must not become a second live copy of an account. */
async function refuseDuplicateAccount(db: LedgerDb, platform: AnyRecord): Promise<void> {
  const other = await liveDuplicateAccount(db, String(platform.kind ?? ''), String(platform.accountId ?? ''), platform.id);
  if (other) throw new LedgerError(`不能恢复：台账中已有同类型、同账号的平台“${other.name}”。请先处理那条记录，再恢复本条。`, `platform ${platform.id} duplicates ${other.id}`);
}

/**
 * Creates a platform, or with `id` updates it, in one audited transaction that first refuses an
 * account a live platform of the same kind already has (the message goes to the 账号 field).
 */
export async function savePlatform(db: LedgerDb, draft: Draft<Platform>, id?: string): Promise<Platform> {
  return db.transaction('rw', [db.platforms, db.auditLog, db.settings], async () => {
    const other = await liveDuplicateAccount(db, String(draft.kind ?? ''), String(draft.accountId ?? ''), id);
    if (other) throw new RuleError({ accountId: `已登记过同类型、同账号的平台“${other.name}”，请勿重复登记。` });
    return id ? updateRecord<Platform>(db, 'platforms', id, draft) : createRecord<Platform>(db, 'platforms', draft);
  });
}

export function softDelete(db: LedgerDb, table: RecordTable, id: string): Promise<void> {
  return setDeleted(db, table, id, true);
}

export function restoreRecord(db: LedgerDb, table: RecordTable, id: string): Promise<void> {
  return setDeleted(db, table, id, false);
}

/** The institution's clock as the settings name it (China time before setup), for code outside the window's hooks. */
export async function readTimeZone(db: LedgerDb): Promise<string> {
  return profileZone((await db.settings.get('main'))?.profile);
}

export async function saveSettings(db: LedgerDb, settings: Omit<Settings, 'id' | 'updatedAt'>): Promise<Settings> {
  const at = nowIso();
  const next: Settings = { ...settings, id: 'main', updatedAt: at };
  await db.transaction('rw', [db.settings, db.auditLog], async () => {
    const before = await db.settings.get('main');
    await db.settings.put(next);
    const changes = diffRecords(before, next);
    if (Object.keys(changes).length > 0) await appendAudit(db, 'settings', 'main', before ? 'update' : 'create', changes, at);
  });
  return next;
}
