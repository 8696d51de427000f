// Application settings: who the institution is, which rule profile applies, who is operating.
import type { RuleProfile } from '../profiles/types';

export interface Settings {
  /** Always 'main': a single settings row. */
  id: 'main';
  institutionName: string;
  /** Id of the preset the profile came from ('custom' when edited freely). */
  profileId: string;
  /** The profile in force, as data (a copy of a preset, possibly edited). */
  profile: RuleProfile;
  operatorName: string;
  /** Holiday calendar overrides entered by the clerk (later issue). */
  holidayOverrides?: { date: string; kind: 'holiday' | 'workday'; name?: string }[];
  backupFolder?: string;
  /** The clerk's local sensitive-word list, checked against review titles and summaries (never sent anywhere). */
  sensitiveWords?: string[];
  setupCompletedAt?: string;
  updatedAt: string;
}
