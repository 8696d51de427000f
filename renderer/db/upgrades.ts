// Data upgrades between database versions. Each runs inside Dexie's version-change transaction
// and must only await Dexie calls.
import type { Transaction } from 'dexie';

/**
 * v1 → v2: platforms get list fields the registry relies on (older or imported rows may lack
 * them), so that the new [kind+accountId] index and the forms never meet `undefined` lists.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('platforms')
    .toCollection()
    .modify((p: Record<string, unknown>) => {
      p.followers ??= [];
      p.statusHistory ??= [];
      p.sectionAdminIds ??= [];
      p.columns ??= [];
      p.accountId ??= '';
      p.server ??= { involvesData: false };
    });
}
