// Which clause a reminder cites under the profile in force. Each preset names the clause of its
// own seed for every obligation the app reminds of; where that seed says nothing the reminder
// says 本单位规定 — never another institution's clause.
import type { ClauseKey, RuleProfile } from './types';
import { PRESET_PROFILES } from './presets';

/** Said where the profile's seed has no clause for an obligation the app still reminds of. */
export const LOCAL_RULE = '本单位规定';

const ASCII_LETTERS = /[A-Za-z]/;

/**
 * The clause of this obligation under the profile. A profile stored before profiles carried
 * clauses has none: the preset with its id answers for it, since stored profiles are preset copies.
 */
export function clauseFor(profile: Pick<RuleProfile, 'id' | 'clauses'>, key: ClauseKey): string {
  const clauses = profile.clauses ?? PRESET_PROFILES.find((p) => p.id === profile.id)?.clauses;
  return clauses?.[key]?.trim() || LOCAL_RULE;
}

/**
 * The annual inspection's clause as the clerk reads it. Profiles stored by earlier versions carry
 * a developer note ("not in seed; default") there: the preset's current wording replaces it.
 */
export function inspectionClause(profile: Pick<RuleProfile, 'id' | 'annualInspection'>): string {
  const source = profile.annualInspection.source.trim();
  if (source && !ASCII_LETTERS.test(source)) return source;
  const preset = PRESET_PROFILES.find((p) => p.id === profile.id)?.annualInspection.source;
  return preset && !ASCII_LETTERS.test(preset) ? preset : LOCAL_RULE;
}
