// Small display helpers of the reviews area: dates on the clerk's clock, the status colours, and
// which form the profile prints for a review (F01, F05 or F06).
import dayjs from 'dayjs';
import type { RuleProfile } from '@shared/profiles/types';
import type { ReviewStatus } from '@shared/rules/review-chain';

export const STATUS_COLORS: Record<ReviewStatus, string> = {
  待审: 'default',
  审核中: 'blue',
  退回修改: 'orange',
  已通过: 'cyan',
  已发布: 'green',
  已纠错: 'red',
};

/** '2026-05-03 10:30' on the local clock, or '' for nothing. */
export function formatMoment(at: string | undefined): string {
  return at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '';
}

export type ReviewFormId = 'F01' | 'F05' | 'F06';

/** The review form the profile uses; F06 (the three-level slip) when the profile names none. */
export function reviewFormOf(profile: RuleProfile): ReviewFormId {
  const forms: readonly ReviewFormId[] = ['F01', 'F05', 'F06'];
  return forms.find((id) => profile.forms.includes(id)) ?? 'F06';
}
