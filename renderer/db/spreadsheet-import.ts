// Writing the clean rows of a spreadsheet import: every record and its audit entry in one
// transaction, so either all chosen rows are stored or none is. What the preview was built
// against is checked again inside the transaction (a unit deleted or an account registered in
// the meantime), and a full disk or any other failure leaves every table as it was.
import { diffRecords, sealEntry } from '@shared/audit/hash-chain';
import { recordDisplayName } from '@shared/audit/record-labels';
import type { BaseRecord } from '@shared/domain/common';
import { validatePerson, validatePlatform, validateUnit } from '@shared/domain/validation';
import type { ImportPreview, PreviewRow } from '@shared/spreadsheet/convert';
import { PlatformDuplicates, platformIdentity, nameKey, type StoredData } from '@shared/spreadsheet/references';
import type { ImportTarget } from '@shared/spreadsheet/targets';
import type { Table } from 'dexie';
import type { LedgerDb } from './schema';
import { LedgerError, platformsWithAccounts } from './repository';
import { readByIds, readByIndexKeys } from './chunked-reads';
import type { Platform } from '@shared/domain/platform';

/**
 * Units, people and platforms as the preview needs them (records in the trash included): every
 * one, since the preview resolves names typed in the sheet (folded by nameKey). Read in the
 * preview worker, off the window's thread.
 */
export async function loadStoredData(db: LedgerDb): Promise<StoredData> {
  const [units, people, platforms] = await Promise.all([db.units.toArray(), db.people.toArray(), db.platforms.toArray()]);
  return { units, people, platforms };
}

export const DISK_FULL_MESSAGE = '磁盘空间不足，导入没有完成，台账没有任何改动。请清理磁盘空间后重新导入。';
const CHANGED_MESSAGE = '预览之后台账已有变化（如单位或人员被删除、账号已登记），本次导入没有写入任何记录。请重新选择文件生成预览后再导入。';

function errorName(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const err = e as { name?: unknown; inner?: unknown; failures?: unknown };
  if (err.name === 'QuotaExceededError' || err.name === 'ConstraintError') return err.name;
  const inner = errorName(err.inner);
  if (inner) return inner;
  if (Array.isArray(err.failures)) for (const f of err.failures) if (errorName(f)) return errorName(f);
  return typeof err.name === 'string' ? err.name : undefined;
}

function revalidate(target: ImportTarget, draft: Record<string, unknown>): boolean {
  // The date limit was checked in the preview; here only the shape matters, so any date passes.
  const options = { today: '2999-12-31' };
  if (target === 'units') return validateUnit(draft, options).ok;
  if (target === 'people') return validatePerson(draft, options).ok;
  return validatePlatform(draft, options).ok;
}

const REFERENCE_FIELDS: Record<ImportTarget, { units: string[]; people: string[] }> = {
  units: { units: ['parentId'], people: ['firstResponsibleId', 'partySecretaryId', 'contactId'] },
  people: { units: ['unitId'], people: [] },
  platforms: {
    units: ['hostUnitId', 'sponsorUnitId'],
    people: ['guidingTeacherId', 'responsibleId', 'businessLeadId', 'technicalLeadId', 'chiefAdminId'],
  },
};

function referencedPeople(target: ImportTarget, draft: Record<string, unknown>): string[] {
  const ids = REFERENCE_FIELDS[target].people.map((f) => draft[f]);
  if (target === 'platforms') {
    ids.push(...((draft.sectionAdminIds as unknown[] | undefined) ?? []));
    const group = draft.group as { ownerId?: unknown } | undefined;
    ids.push(group?.ownerId);
  }
  return ids.filter((id): id is string => typeof id === 'string');
}

/**
 * What stillValid reads for an import into `target`: of the other two tables only the records the
 * rows name, by id — stillValid asks them nothing else. Of the target table, units and people whole
 * (their duplicate rule folds names, so no index lookup finds every match); of the registry, the
 * platforms a row could repeat: those holding one of the rows' accounts (platformsWithAccounts)
 * and those of the rows' host units (the rule without an account is kind + name + host unit).
 */
async function storedForCheck(db: LedgerDb, target: ImportTarget, rows: readonly PreviewRow[]): Promise<StoredData> {
  const unitIds = new Set<string>();
  const personIds = new Set<string>();
  for (const row of rows) {
    for (const f of REFERENCE_FIELDS[target].units) {
      const id = row.draft![f];
      if (typeof id === 'string') unitIds.add(id);
    }
    for (const id of referencedPeople(target, row.draft!)) personIds.add(id);
  }
  const [units, people, platforms] = await Promise.all([
    target === 'units' ? db.units.toArray() : readByIds(db.units, [...unitIds]),
    target === 'people' ? db.people.toArray() : readByIds(db.people, [...personIds]),
    target === 'platforms' ? platformsToCheck(db, rows) : [],
  ]);
  return { units, people, platforms };
}

/** The stored platforms, trash included, that share an account or a host unit with a row (each once). */
async function platformsToCheck(db: LedgerDb, rows: readonly PreviewRow[]): Promise<Platform[]> {
  const drafts = rows.map((r) => platformIdentity(r.draft!));
  const hosts = [...new Set(drafts.flatMap((d) => (d.hostUnitId ? [d.hostUnitId] : [])))];
  const [byAccount, byHost] = await Promise.all([
    platformsWithAccounts(db, drafts.flatMap((d) => (d.accountId ? [{ kind: d.kind, accountId: d.accountId }] : []))),
    readByIndexKeys(db.platforms, 'hostUnitId', hosts),
  ]);
  return [...new Map([...byAccount, ...byHost].map((p) => [p.id, p])).values()];
}

/** Whether what the rows refer to and must not repeat still holds in the stored data. */
function stillValid(target: ImportTarget, rows: readonly PreviewRow[], stored: StoredData): boolean {
  const newIds = new Set(rows.map((r) => r.id));
  const liveUnits = new Set(stored.units.filter((u) => !u.deletedAt).map((u) => u.id));
  const livePeople = new Set(stored.people.filter((p) => !p.deletedAt).map((p) => p.id));
  const taken = new Set<string>();
  // The preview's platform rules: kind + account id, or kind + name + host unit without an account id.
  const platforms = new PlatformDuplicates<true>();
  if (target === 'platforms') for (const p of stored.platforms) platforms.add(p, true);
  else if (target === 'units') for (const u of stored.units) taken.add(nameKey(u.name));
  else for (const p of stored.people) taken.add(`${nameKey(p.name)}\u0000${p.unitId ?? ''}`);
  taken.delete('');
  for (const row of rows) {
    const draft = row.draft!;
    for (const f of REFERENCE_FIELDS[target].units) {
      const id = draft[f];
      if (typeof id === 'string' && !liveUnits.has(id) && !(target === 'units' && newIds.has(id))) return false;
    }
    if (referencedPeople(target, draft).some((id) => !livePeople.has(id))) return false;
    if (target === 'platforms') {
      const p = platformIdentity(draft);
      if (platforms.find(p)) return false;
      platforms.add(p, true);
      continue;
    }
    const key = target === 'units' ? nameKey(String(draft.name)) : `${nameKey(String(draft.name))}\u0000${String(draft.unitId ?? '')}`;
    if (key && taken.has(key)) return false;
    if (key) taken.add(key);
  }
  return true;
}

/**
 * Stores the chosen rows of the preview (only rows without problems are accepted) with their
 * audit entries. Returns how many records were written.
 */
export async function importRows(db: LedgerDb, preview: ImportPreview, rows: readonly PreviewRow[]): Promise<number> {
  const target = preview.target;
  if (rows.length === 0) throw new LedgerError('没有可以导入的行。');
  if (rows.some((r) => !r.draft || r.duplicate || r.errors.length > 0)) {
    throw new LedgerError('有问题的行不能导入：请改正表格，或选择不导入这些行。', 'row with problems passed to importRows');
  }
  if (new Set(rows.map((r) => r.id)).size !== rows.length) throw new LedgerError('导入的行重复，请重新生成预览。', 'duplicate row ids');
  if (!rows.every((r) => revalidate(target, r.draft!))) throw new LedgerError('导入数据不完整，请重新生成预览。', 'draft failed validation');

  // The typed table itself (db.units …), the one the rest of the app and the tests see.
  const table = (target === 'units' ? db.units : target === 'people' ? db.people : db.platforms) as unknown as Table<BaseRecord & Record<string, unknown>, string>;
  try {
    await db.transaction('rw', [db.units, db.people, db.platforms, db.auditLog, db.settings], async () => {
      const stored = await storedForCheck(db, target, rows);
      if (!stillValid(target, rows, stored)) throw new LedgerError(CHANGED_MESSAGE, 'stored data changed since the preview');
      const at = new Date().toISOString();
      const records = rows.map((r) => ({ ...r.draft!, id: r.id, createdAt: at, updatedAt: at }) as BaseRecord & Record<string, unknown>);
      const [last, settings] = await Promise.all([db.auditLog.orderBy('seq').last(), db.settings.get('main')]);
      let prev = last?.hash;
      const entries = records.map((record) => {
        const entry = sealEntry(
          { at, operator: settings?.operatorName ?? '', table: target, recordId: record.id, recordName: recordDisplayName(target, record), action: 'create', changes: diffRecords(undefined, record) },
          prev,
        );
        prev = entry.hash;
        return entry;
      });
      await table.bulkAdd(records);
      await db.auditLog.bulkAdd(entries);
    });
  } catch (e) {
    if (e instanceof LedgerError) throw e;
    const name = errorName(e);
    if (name === 'QuotaExceededError') throw new LedgerError(DISK_FULL_MESSAGE, String(e));
    if (name === 'ConstraintError') throw new LedgerError(CHANGED_MESSAGE, String(e));
    throw new LedgerError('导入没有完成，台账没有任何改动。请重试；如果问题持续，请联系管理员。', String(e));
  }
  return rows.length;
}
