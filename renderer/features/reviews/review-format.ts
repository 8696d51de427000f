// Small display helpers of the reviews area: the status colours and the printed title of the
// profile's review form.
import { f06Title } from '@shared/forms/f06-three-level-review';
import { getForm } from '@shared/forms/registry';
import type { ReviewFormId } from '@shared/profiles/review-form';
import type { RuleProfile } from '@shared/profiles/types';
import type { ReviewStatus } from '@shared/rules/review-chain';
import type { TagColor } from '../../components/status-tag';

export const STATUS_COLORS: Record<ReviewStatus, TagColor> = {
  待审: 'default',
  审核中: 'blue',
  退回修改: 'orange',
  已通过: 'cyan',
  已发布: 'green',
  已纠错: 'red',
};

/** The title of the review form as printed: F06's follows the profile's chain (信息发布审核单 unless three levels). */
export function reviewFormTitle(formId: ReviewFormId, profile: RuleProfile): string {
  return formId === 'F06' ? f06Title(profile.reviewChain) : getForm(formId).title;
}
