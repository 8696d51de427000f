// Which form a profile prints for a publication review: the one its seed uses — 000 附表1 (F01),
// 001 附件2 (F05), or the slip built from the profile's own review chain (F06: 002 第六条, and the
// chains of 003 第十四条 and 004 通知 二, whose seeds have no appendix for it).
import type { RuleProfile } from './types';

export type ReviewFormId = 'F01' | 'F05' | 'F06';

/**
 * The review form the profile names, or undefined when it names none: then nothing is printed
 * rather than another institution's chain. F06 goes first because it prints the profile's own
 * chain, so a profile listing every form (custom) never gets a seed's fixed rows.
 */
export function reviewFormOf(profile: Pick<RuleProfile, 'forms'>): ReviewFormId | undefined {
  const forms: readonly ReviewFormId[] = ['F06', 'F05', 'F01'];
  return forms.find((id) => profile.forms.includes(id));
}
