// Two copies of the app for exchange tests: a unit clerk's and the 宣传部's, both started from the
// demo dataset (deterministic, so the same ids on both sides), on fake-indexeddb.
import 'fake-indexeddb/auto';
import { createDemoDataset } from '@shared/demo/demo-dataset';
import { PRESET_PROFILES } from '@shared/profiles/presets';
import { readPackage } from '@shared/exchange/package-reader';
import type { ExchangePackage } from '@shared/exchange/format';
import { DB_TABLES } from '@shared/domain/tables';
import { LedgerDb } from '../../../renderer/db/schema';
import { loadDataset } from '../../../renderer/db/dataset';
import { saveSettings } from '../../../renderer/db/repository';
import { exportUnitPackage } from '../../../renderer/db/exchange';

export const TODAY = '2026-11-22';
export const demo = createDemoDataset({ today: TODAY });
export const CS_COLLEGE = '计算机与人工智能学院';

/** Export time of the tests: the demo's day, whatever day the tests run on. */
export const EXPORT_AT = new Date('2026-11-22T10:00:00.000Z');

let n = 0;

/** A fresh database with settings and, unless `empty`, the demo dataset. */
export async function openDb(options: { empty?: boolean; operator?: string } = {}): Promise<LedgerDb> {
  const db = new LedgerDb(`exchange-test-${process.pid}-${++n}`);
  await db.open();
  if (options.empty) {
    await saveSettings(db, { institutionName: '东湖示范大学', profileId: PRESET_PROFILES[0]!.id, profile: PRESET_PROFILES[0]!, operatorName: options.operator ?? '宣传部网宣室' });
  } else {
    await loadDataset(db, demo, options.operator ?? '王𠮷');
  }
  return db;
}

export function unitId(name: string): string {
  const unit = demo.units.find((u) => u.name === name);
  if (!unit) throw new Error(`no demo unit ${name}`);
  return unit.id;
}

export function platformOf(name: string) {
  const platform = demo.platforms.find((p) => p.name === name);
  if (!platform) throw new Error(`no demo platform ${name}`);
  return platform;
}

/** Exports the unit's package from `db` and reads it back as the importing side would. */
export async function exportAndRead(db: LedgerDb, unit: string, now = EXPORT_AT): Promise<{ bytes: Uint8Array; pkg: ExchangePackage }> {
  const written = await exportUnitPackage(db, unitId(unit), '0.1.0', now);
  if (!written.ok) throw new Error(`export refused: ${written.reason} (${written.detail})`);
  const read = readPackage(written.bytes);
  if (!read.ok) throw new Error(`package refused: ${read.reason} (${read.detail})`);
  return { bytes: written.bytes, pkg: read.package };
}

/** Every row of every table, for before/after comparisons. */
export async function dump(db: LedgerDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of DB_TABLES) out[table] = await db.table(table).toArray();
  return out;
}

/** A moment later than every timestamp the demo holds (so edits made "now" are newer). */
export function later(minutes: number): Date {
  return new Date(Date.now() + minutes * 60_000);
}
