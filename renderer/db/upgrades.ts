// Data upgrades between database versions. Each version's changes are written per row, so the
// same code upgrades the stored data (Dexie's version-change transaction, which may only await
// Dexie calls) and the rows of a backup made by an older version when it is restored.
import type { Transaction } from 'dexie';

type RowUpgrade = (row: Record<string, unknown>) => void;

/**
 * v1 → v2: platforms get list fields the registry relies on (older or imported rows may lack
 * them), so that the new [kind+accountId] index and the forms never meet `undefined` lists.
 */
function platformListsV2(p: Record<string, unknown>): void {
  p.followers ??= [];
  p.statusHistory ??= [];
  p.sectionAdminIds ??= [];
  p.columns ??= [];
  p.accountId ??= '';
  p.server ??= { involvesData: false };
}

/** The row changes each version brings, by table. A new version adds its entry here (v3 adds indexes only). */
export const ROW_UPGRADES: Readonly<Record<number, Readonly<Record<string, RowUpgrade>>>> = {
  2: { platforms: platformListsV2 },
};

export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx.table('platforms').toCollection().modify(platformListsV2);
}

/** Brings rows written under `fromVersion` up to `toVersion`, in place, version by version. */
export function upgradeRows(tables: Readonly<Record<string, Record<string, unknown>[]>>, fromVersion: number, toVersion: number): void {
  for (let version = fromVersion + 1; version <= toVersion; version++) {
    for (const [table, upgrade] of Object.entries(ROW_UPGRADES[version] ?? {})) {
      for (const row of tables[table] ?? []) upgrade(row);
    }
  }
}
