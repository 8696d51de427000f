// Loading a whole dataset (the demo) in one transaction, audited like any other change.
import type { DemoDataset } from '@shared/demo/demo-dataset';
import { getPreset } from '@shared/profiles/presets';
import { diffRecords, sealEntry } from '@shared/audit/hash-chain';
import { recordDisplayName } from '@shared/audit/record-labels';
import { LEDGER_RECORD_TABLES } from '@shared/domain/tables';
import type { LedgerDb } from './schema';
import { LedgerError, saveSettings } from './repository';


export async function isDatabaseEmpty(db: LedgerDb): Promise<boolean> {
  const counts = await Promise.all([db.units.count(), db.people.count(), db.platforms.count()]);
  return counts.every((c) => c === 0);
}

/**
 * Inserts every record of the dataset. Refuses when any id already exists, so
 * loading twice never doubles or overwrites records; nothing is written in that case.
 */
export async function loadDataset(db: LedgerDb, data: DemoDataset, operatorName: string): Promise<void> {
  const profile = getPreset(data.profileId);
  if (!profile) throw new LedgerError('示例数据引用的规则方案不存在。', `profile ${data.profileId}`);
  const parts = LEDGER_RECORD_TABLES.map((table) => ({ table, rows: data[table] as readonly { id: string }[] }));
  await db.transaction('rw', [...LEDGER_RECORD_TABLES.map((t) => db.table(t)), db.auditLog, db.settings], async () => {
    const clash = await Promise.all(parts.map(({ table, rows }) => db.table(table).bulkGet(rows.map((r) => r.id))));
    if (clash.some((rows) => rows.some(Boolean))) {
      throw new LedgerError('示例数据已经载入过，未重复载入。');
    }
    // Settings (kept where the clerk already set them) are written in the same transaction, so a
    // refused load changes nothing at all.
    const existing = await db.settings.get('main');
    const settings = await saveSettings(db, {
      institutionName: existing?.institutionName || data.institutionName,
      profileId: existing?.profileId ?? profile.id,
      profile: existing?.profile ?? profile,
      operatorName: existing?.operatorName || operatorName,
      setupCompletedAt: existing?.setupCompletedAt ?? new Date().toISOString(),
    });
    let prev = (await db.auditLog.orderBy('seq').last())?.hash;
    const at = new Date().toISOString();
    const log = (table: string, record: { id: string }) => {
      const entry = sealEntry(
        { at, operator: settings?.operatorName ?? '', table, recordId: record.id, recordName: recordDisplayName(table, record), action: 'create', changes: diffRecords(undefined, record) },
        prev,
      );
      prev = entry.hash;
      return entry;
    };
    for (const { table, rows } of parts) await db.table(table).bulkAdd([...rows]);
    await db.auditLog.bulkAdd(parts.flatMap(({ table, rows }) => rows.map((r) => log(table, r))));
  });
}
