// 发布审核 as a list and as exported: each review's status, platform, unit and whom it waits for
// (the list's rows, reviewListRows), and the exported sheet (reviewsTable). An export of every
// review is read and written by the export's worker (xlsx-worker.ts, reviewSheetSlices): reading
// 2,000 reviews by id made tasks of 80–170 ms in the window all through a half-minute export.
// Plain functions of the database given: no window state, so the worker runs them as they are.
import type { Review } from '@shared/domain/records';
import { instantText } from '@shared/domain/time-zone';
import type { RuleProfile } from '@shared/profiles/types';
import { currentReviewers, daysToPublish, reviewStatus, waitingOn, type ReviewStatus } from '@shared/rules/review-chain';
import type { ExportCell, ExportTable } from '@shared/spreadsheet/export-table';
import { namesReader, readLiveUnits, type Lookups, type ReadNames } from '../../db/lookups';
import type { LedgerDb } from '../../db/schema';
import { readReviewRelated, type ReviewRelated } from '../../db/page-records';
import { reviewPersonIds } from '@shared/domain/roles';
import { platformLabel } from '../reviews/figures-read';

/** A review as the 发布审核 list shows it: its status, platform, unit and whom it waits for. */
export interface ReviewListRow {
  r: Review;
  status: ReviewStatus;
  /** 名称（类型）, or （平台已删除）. */
  platform: string;
  unitId?: string;
  waiting: string;
  /** The title of the review this one republishes, if any. */
  originalTitle: string;
}

/** The list's rows: status, platform, unit and whom each waits for, with the platforms of the rows read by id. */
export async function reviewListRows(db: LedgerDb, reviews: readonly Review[], profile: RuleProfile, lookups: Pick<Lookups, 'personName'>): Promise<ReviewListRow[]> {
  return reviewRowsOf(reviews, await readReviewRelated(db, reviews), profile, lookups);
}

/** The list's rows of reviews whose platforms and re-published reviews were read (readReviewRelated). */
export function reviewRowsOf(reviews: readonly Review[], related: ReviewRelated, profile: RuleProfile, lookups: Pick<Lookups, 'personName'>): ReviewListRow[] {
  const platforms = new Map(related.platforms.map((p) => [p.id, p]));
  const originals = new Map(related.originals.map((o) => [o.id, o.title]));
  return reviews.map((r) => {
    const p = platforms.get(r.platformId);
    return {
      r,
      status: reviewStatus(r, profile),
      platform: platformLabel(p),
      unitId: r.submittingUnitId ?? p?.hostUnitId,
      waiting: waitingOn(r, profile, lookups.personName),
      originalTitle: r.originalReviewId ? (originals.get(r.originalReviewId) ?? '') : '',
    };
  });
}

export const REVIEWS_SHEET = '发布审核';
export const REVIEWS_HEADER = ['信息标题', '发布平台', '栏目', '报送部门', '提交时间', '重大事项', '状态', '当前等待', '文案', '编辑', '审查人', '发布时间', '发布链接', '发布人', '纠错', '时效（天）', '重发自'] as const;

export function reviewsTable(rows: readonly ReviewListRow[], names: Pick<Lookups, 'unitName' | 'personName'>, timeZone: string): ExportTable {
  return {
    name: REVIEWS_SHEET,
    header: [...REVIEWS_HEADER],
    rows: rows.map(({ r, status, platform, unitId, waiting, originalTitle }) => [
      r.title,
      platform,
      r.column ?? '',
      names.unitName(unitId),
      instantText(r.createdAt, timeZone),
      r.major ? '是' : '否',
      status,
      waiting,
      names.personName(r.copywriterId),
      names.personName(r.editorId),
      currentReviewers(r).map(names.personName).join('、'),
      instantText(r.publishedAt, timeZone),
      r.publishedUrl ?? '',
      names.personName(r.publishedById),
      r.corrections.map((c) => `${instantText(c.at, timeZone)} ${c.action}：${c.reason}`).join('；'),
      daysToPublish(r) ?? '',
      originalTitle,
    ]),
  };
}

/** What the window asks the export's worker to read: these reviews, in this order, under this profile and clock. */
export interface ReviewsRead {
  kind: 'reviews';
  ids: string[];
  profile: RuleProfile;
  timeZone: string;
}

export function isReviewsRead(read: unknown): read is ReviewsRead {
  return typeof read === 'object' && read !== null && (read as { kind?: unknown }).kind === 'reviews';
}

export type { ReadNames };

/** ReadNames over `db`, the units read once (a few hundred) for the whole export. */
export function namesFrom(db: LedgerDb): ReadNames {
  let units: ReturnType<typeof readLiveUnits> | undefined;
  return namesReader(db, () => (units ??= readLiveUnits(db)));
}

/** Reviews read by id at once (the window's export of 2,000 at a time was a quarter faster than of 500). */
const REVIEWS_PER_READ = 2000;
/** Rows written per request: the export's button shows the share written after each. */
const SLICE = 500;

/**
 * 发布审核's exported rows of `read.ids`, in that order: read by id a batch at a time with the names
 * of the people they name, their platforms and the reviews they re-publish, and yielded a slice at a time.
 */
export async function* reviewSheetSlices(db: LedgerDb, read: ReviewsRead, readNames: ReadNames = namesFrom(db)): AsyncGenerator<ExportCell[][]> {
  for (let i = 0; i < read.ids.length; i += REVIEWS_PER_READ) {
    const reviews = (await db.reviews.bulkGet(read.ids.slice(i, i + REVIEWS_PER_READ))).filter((r): r is Review => r !== undefined);
    const names = await readNames(reviews.flatMap(reviewPersonIds));
    const listed = await reviewListRows(db, reviews, read.profile, names);
    for (let j = 0; j < listed.length; j += SLICE) yield reviewsTable(listed.slice(j, j + SLICE), names, read.timeZone).rows;
  }
}
