// Live reads for the credential-custody pages: envelopes, handovers and the profile's password
// policy. Components re-render when any of them changes.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Envelope, Handover } from '@shared/domain/records';
import type { PasswordPolicy } from '@shared/profiles/types';
import { db } from '../../db/database';
import { useSettings } from '../../db/queries';

/** Live envelopes, including replaced ones (the history shows the chain). */
export function useEnvelopes(): Envelope[] | undefined {
  return useLiveQuery(() => db.envelopes.filter((e) => !e.deletedAt).toArray(), []);
}

export function useHandovers(): Handover[] | undefined {
  return useLiveQuery(() => db.handovers.filter((h) => !h.deletedAt).toArray(), []);
}

export function usePasswordPolicy(): PasswordPolicy | undefined {
  const settings = useSettings();
  return settings ? settings.profile.passwordPolicy : undefined;
}
