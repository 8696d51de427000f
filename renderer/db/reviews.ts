// Publishing reviews (先审后发): creating a review with the profile's chain, recording a step,
// a new round after 退回修改, publishing, 重发重审 and 纠错. Each operation reads the review, the
// people and the profile inside its transaction, asks the pure rules in shared/rules/review-chain
// and refuses with their Chinese reason before anything is written.
import type { Draft } from '@shared/domain/common';
import type { Person } from '@shared/domain/person';
import { isClosed } from '@shared/domain/platform';
import type { Correction, Review } from '@shared/domain/records';
import type { RuleProfile } from '@shared/profiles/types';
import {
  canCorrect,
  canMarkPublished,
  canRecordStep,
  canRepublish,
  canStartNewRound,
  layOutSteps,
  newRound,
  republishDraft,
  withStep,
  type PublicationEntry,
  type RuleResult,
  type StepEntry,
} from '@shared/rules/review-chain';
import { cleanWordList } from '@shared/rules/word-check';
import type { LedgerDb } from './schema';
import { createRecord, LedgerError, RuleError, saveSettings, updateRecord } from './repository';

function check(result: RuleResult): void {
  if (!result.ok) throw new LedgerError(result.reason, `review refused (${result.field ?? 'review'})`);
}

async function profileOf(ledger: LedgerDb): Promise<RuleProfile> {
  const settings = await ledger.settings.get('main');
  if (!settings) throw new LedgerError('尚未完成初始设置，无法登记发布审核。');
  return settings.profile;
}

async function liveReview(ledger: LedgerDb, id: string): Promise<Review> {
  const review = await ledger.reviews.get(id);
  if (!review || review.deletedAt) throw new LedgerError('该审核记录已不存在或已移入回收站。', `reviews/${id} not found`);
  return review;
}

export type ReviewInput = Omit<Draft<Review>, 'steps' | 'corrections' | 'publishedAt' | 'publishedUrl' | 'publishedById' | 'returnedRounds'>;

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && !(typeof v === 'string' && v.trim() === ''))) as T;

/** A new review of an item for a platform (and column), with the chain of the profile in force. */
export async function createReview(ledger: LedgerDb, input: ReviewInput): Promise<Review> {
  if (!input.title.trim()) throw new LedgerError('请填写信息标题。');
  let saved: Review | undefined;
  await ledger.transaction('rw', [ledger.reviews, ledger.platforms, ledger.auditLog, ledger.settings], async () => {
    const profile = await profileOf(ledger);
    const platform = await ledger.platforms.get(input.platformId);
    if (!platform || platform.deletedAt) throw new LedgerError('所选平台已不存在或已移入回收站。');
    if (isClosed(platform)) throw new RuleError({ platformId: `该平台${platform.status}，不能再登记发布审核。` });
    saved = await createRecord<Review>(ledger, 'reviews', {
      ...defined({ ...input, title: input.title.trim() }),
      major: input.major,
      steps: layOutSteps(profile, input.major),
      corrections: [],
    });
  });
  return saved!;
}

/** Records one step as entered from the signed paper form; refused (nothing written) when the rules say no. */
export async function recordReviewStep(ledger: LedgerDb, id: string, stepIndex: number, entry: StepEntry, today?: string): Promise<Review> {
  let saved: Review | undefined;
  await ledger.transaction('rw', [ledger.reviews, ledger.people, ledger.auditLog, ledger.settings], async () => {
    const profile = await profileOf(ledger);
    const review = await liveReview(ledger, id);
    // The rule looks only at the reviewers entered: read them by id, not every person.
    const people = (await ledger.people.bulkGet([...new Set(entry.reviewerIds)])).filter((p): p is Person => p !== undefined);
    check(canRecordStep(review, stepIndex, entry, people, profile, today));
    saved = await updateRecord<Review>(ledger, 'reviews', id, { steps: withStep(review, stepIndex, entry, profile) });
  });
  return saved!;
}

/** 修改后重新送审: the returned round goes to history and the chain starts again. */
export async function resubmitReview(ledger: LedgerDb, id: string): Promise<Review> {
  let saved: Review | undefined;
  await ledger.transaction('rw', [ledger.reviews, ledger.auditLog, ledger.settings], async () => {
    const profile = await profileOf(ledger);
    const review = await liveReview(ledger, id);
    check(canStartNewRound(review));
    saved = await updateRecord<Review>(ledger, 'reviews', id, newRound(review, profile));
  });
  return saved!;
}

export async function publishReview(ledger: LedgerDb, id: string, entry: PublicationEntry): Promise<Review> {
  let saved: Review | undefined;
  await ledger.transaction('rw', [ledger.reviews, ledger.auditLog, ledger.settings], async () => {
    const profile = await profileOf(ledger);
    const review = await liveReview(ledger, id);
    check(canMarkPublished(review, entry, profile));
    saved = await updateRecord<Review>(ledger, 'reviews', id, {
      publishedAt: entry.publishedAt,
      publishedUrl: entry.publishedUrl?.trim(),
      publishedById: entry.publishedById,
    });
  });
  return saved!;
}

/** 重发重审: a new review of the same item, linked to the published original. */
export async function republishReview(ledger: LedgerDb, id: string): Promise<Review> {
  let saved: Review | undefined;
  await ledger.transaction('rw', [ledger.reviews, ledger.auditLog, ledger.settings], async () => {
    const profile = await profileOf(ledger);
    const review = await liveReview(ledger, id);
    check(canRepublish(review));
    saved = await createRecord<Review>(ledger, 'reviews', republishDraft(review, profile));
  });
  return saved!;
}

/** 纠错 (001 第九条): appended to the published review, never replacing an earlier one. */
export async function addCorrection(ledger: LedgerDb, id: string, correction: Partial<Correction>): Promise<Review> {
  let saved: Review | undefined;
  await ledger.transaction('rw', [ledger.reviews, ledger.auditLog, ledger.settings], async () => {
    const review = await liveReview(ledger, id);
    check(canCorrect(review, correction));
    const entry: Correction = { action: correction.action!, at: correction.at!, reason: correction.reason!.trim() };
    saved = await updateRecord<Review>(ledger, 'reviews', id, { corrections: [...review.corrections, entry] });
  });
  return saved!;
}

/** The ticked items of the prohibited-content checklist. */
export function saveChecklist(ledger: LedgerDb, id: string, ticked: string[]): Promise<Review> {
  return updateRecord<Review>(ledger, 'reviews', id, { checklist: [...new Set(ticked)] });
}

/** The clerk's sensitive-word list, kept in the local settings only. */
export async function saveSensitiveWords(ledger: LedgerDb, words: readonly string[]): Promise<void> {
  const settings = await ledger.settings.get('main');
  if (!settings) throw new LedgerError('尚未完成初始设置。');
  const { id: _id, updatedAt: _updatedAt, ...rest } = settings;
  await saveSettings(ledger, { ...rest, sensitiveWords: cleanWordList(words) });
}
