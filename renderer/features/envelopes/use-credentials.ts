// Live reads for the credential-custody pages: a platform's envelopes and handovers (by the
// platformId index, never the whole tables) and the profile's password policy. Components
// re-render when any of them changes.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Envelope, Handover } from '@shared/domain/records';
import type { PasswordPolicy } from '@shared/profiles/types';
import { db } from '../../db/database';
import { useSettings } from '../../db/queries';

/** The live envelopes and handovers of these platforms, including replaced envelopes (the history shows the chain). */
export function useCredentialsOf(platformIds: readonly string[]): { envelopes: Envelope[]; handovers: Handover[] } | undefined {
  return useLiveQuery(async () => {
    const [envelopes, handovers] = await Promise.all([
      db.envelopes.where('platformId').anyOf(platformIds).filter((e) => !e.deletedAt).toArray(),
      db.handovers.where('platformId').anyOf(platformIds).filter((h) => !h.deletedAt).toArray(),
    ]);
    return { envelopes, handovers };
  }, [platformIds.join()]);
}

export function usePasswordPolicy(): PasswordPolicy | undefined {
  const settings = useSettings();
  return settings ? settings.profile.passwordPolicy : undefined;
}
