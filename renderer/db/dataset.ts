// Loading a whole dataset (the demo) in one transaction, audited like any other change.
import type { DemoDataset } from '@shared/demo/demo-dataset';
import { getPreset } from '@shared/profiles/presets';
import { diffRecords, sealEntry } from '@shared/audit/hash-chain';
import type { LedgerDb } from './schema';
import { LedgerError, saveSettings } from './repository';

export async function isDatabaseEmpty(db: LedgerDb): Promise<boolean> {
  const counts = await Promise.all([db.units.count(), db.people.count(), db.platforms.count()]);
  return counts.every((c) => c === 0);
}

/**
 * Inserts the dataset's units, people and platforms. Refuses when any id already exists, so
 * loading twice never doubles or overwrites records; nothing is written in that case.
 */
export async function loadDataset(db: LedgerDb, data: DemoDataset, operatorName: string): Promise<void> {
  const profile = getPreset(data.profileId);
  if (!profile) throw new LedgerError('示例数据引用的规则方案不存在。', `profile ${data.profileId}`);
  const existing = await db.settings.get('main');
  await saveSettings(db, {
    institutionName: existing?.institutionName || data.institutionName,
    profileId: existing?.profileId ?? profile.id,
    profile: existing?.profile ?? profile,
    operatorName: existing?.operatorName || operatorName,
    setupCompletedAt: existing?.setupCompletedAt ?? new Date().toISOString(),
  });
  await db.transaction('rw', [db.units, db.people, db.platforms, db.auditLog, db.settings], async () => {
    const clash = await Promise.all([
      db.units.bulkGet(data.units.map((u) => u.id)),
      db.people.bulkGet(data.people.map((p) => p.id)),
      db.platforms.bulkGet(data.platforms.map((p) => p.id)),
    ]);
    if (clash.some((rows) => rows.some(Boolean))) {
      throw new LedgerError('示例数据已经载入过，未重复载入。');
    }
    const settings = await db.settings.get('main');
    let prev = (await db.auditLog.orderBy('seq').last())?.hash;
    const at = new Date().toISOString();
    const log = (table: string, record: { id: string }) => {
      const entry = sealEntry(
        { at, operator: settings?.operatorName ?? '', table, recordId: record.id, action: 'create', changes: diffRecords(undefined, record) },
        prev,
      );
      prev = entry.hash;
      return entry;
    };
    await db.units.bulkAdd(data.units);
    await db.people.bulkAdd(data.people);
    await db.platforms.bulkAdd(data.platforms);
    await db.auditLog.bulkAdd([
      ...data.units.map((r) => log('units', r)),
      ...data.people.map((r) => log('people', r)),
      ...data.platforms.map((r) => log('platforms', r)),
    ]);
  });
}
