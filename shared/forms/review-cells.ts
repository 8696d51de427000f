// Pieces shared by the forms printed from a publication review (F01 信息发布登记表,
// F05 新媒体文章发布审核表, F06 信息发布三级审核单): people and dates, the article, review
// opinions and the definition fields that are the same for every review-based form.
import type { Content } from 'pdfmake/interfaces';
import type { Id } from '../domain/common';
import type { LedgerRecords } from '../domain/ledger-records';
import type { Platform } from '../domain/platform';
import type { Review, ReviewStepRecord } from '../domain/records';
import type { FormContext } from './context';
import type { FormDefinition } from './form-definition';
import { cellText, checked, formatDate, joinNonEmpty } from './format';
import { inline, rich, type KitCell } from './kit';

/** Names of the people, joined with 、 (print with {@link rich}: names may hold rare characters). */
export function peopleNames(ctx: FormContext, ids: readonly (Id | undefined)[]): string {
  return joinNonEmpty(
    ids.map((id) => ctx.lookups.person(id)?.name),
    '、',
  );
}

export function reviewPlatform(review: Review | null, ctx: FormContext): Platform | undefined {
  return review ? ctx.lookups.platform(review.platformId) : undefined;
}

/** The step recorded for a position in the chain (steps are stored by index, not in order). */
export function stepAt(review: Review | null, index: number): ReviewStepRecord | undefined {
  return review?.steps.find((s) => s.stepIndex === index);
}

/** ■通过 □退回修改: the decision as the two boxes of a paper form. */
export function decisionBoxes(step: ReviewStepRecord | undefined, separator = '　'): string {
  return [checked('通过', step?.decision === '通过'), checked('退回修改', step?.decision === '退回修改')].join(separator);
}

/**
 * What a reviewer wrote: the opinion (after the role, when several steps share a cell), then the
 * decision and, unless the form has its own date field, the date at the right. Nothing for a step
 * without an opinion, decision or date, so the cell stays free for handwriting.
 */
export function opinionContent(
  step: ReviewStepRecord | undefined,
  options: { withDate?: boolean; role?: boolean } = {},
): Content[] {
  if (!step) return [];
  const out: Content[] = [];
  const role = options.role ? `${cellText(step.roleLabel)}：` : '';
  if (cellText(step.opinion)) out.push({ text: [role, { text: inline(step.opinion) }] });
  const hasOpinion = out.length > 0;
  // Without an opinion the role goes before the decision, so the line still says whose it is.
  const decision = step.decision ? `${hasOpinion ? '' : role}${step.decision}` : '';
  const date = (options.withDate ?? true) && step.date ? formatDate(step.date) : '';
  const tail = joinNonEmpty([decision, date], '　');
  if (tail) out.push({ text: tail, alignment: 'right' });
  return out;
}

/** The (fresh) cell with its hint and text at the top and the room to write below them. */
export function topAligned(cell: KitCell): KitCell {
  return Object.assign(cell, { verticalAlignment: 'top' as const });
}

/** The article: its title in bold, then the text (wraps and runs on to the next page). */
export function articleContent(review: Review | null): Content[] {
  if (!review) return [];
  const out: Content[] = [];
  if (cellText(review.title)) out.push({ text: [{ text: '标题：' }, { text: inline(review.title) }], bold: true });
  if (cellText(review.content)) out.push(rich(review.content));
  return out;
}

/** The live (not trashed) reviews of the records. */
export function demoReviews(demo: LedgerRecords): Review[] {
  return demo.reviews.filter((r) => !r.deletedAt);
}

/**
 * Each platform's kind by its id, for sample filters that depend on the platform kind: one map
 * for the whole pick (a search per review was 100,000 reviews × 10,000 platforms).
 */
export function platformKinds(demo: Pick<LedgerRecords, 'platforms'>): Map<Id, Platform['kind']> {
  return new Map(demo.platforms.map((p) => [p.id, p.kind]));
}

/** Definition fields every review-based form shares. */
export const REVIEW_FORM_BASE = {
  recordTable: 'reviews',
  recordId: (r: Review) => r.id,
  describe: (r: Review) => r.title,
} as const satisfies Pick<FormDefinition<Review>, 'recordTable' | 'recordId' | 'describe'>;
