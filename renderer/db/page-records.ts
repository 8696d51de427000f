// What a page of 平台台账 or 发布审核 shows besides the ids the registers' worker finds: the records,
// the people they name, and for a review its platform and the review it re-publishes. Read by id,
// where the ids are found: the worker reads a search's page itself and posts it with the ids, so a
// key typed costs the window no read (its two to four reads by id, one after another, each waited
// for a window busy drawing the key). The newest page of 发布审核 (no filter) is read in the window
// through the same functions, as is an export's slice.
import type { Person } from '@shared/domain/person';
import type { Platform } from '@shared/domain/platform';
import type { Review } from '@shared/domain/records';
import { platformPersonIds, reviewPersonIds } from '@shared/domain/roles';
import { readByIds } from './chunked-reads';
import type { LedgerDb } from './schema';

/** A page's records, in the page's order (those gone since the ids were found left out), and the people they name. */
export interface PageRecords<T> {
  rows: T[];
  people: Person[];
}

/** What the rows of reviews show of other records: their platforms, and the titles of the reviews they re-publish. */
export interface ReviewRelated {
  platforms: Platform[];
  originals: { id: string; title: string }[];
}

export type ReviewPageRecords = PageRecords<Review> & { related: ReviewRelated };

/** The people these ids name (blank ones and repeats left out), read by id. */
async function readPeople(db: LedgerDb, ids: readonly (string | undefined)[]): Promise<Person[]> {
  return readByIds(db.people, [...new Set(ids.filter((id): id is string => Boolean(id)))]);
}

/** A page of platforms and the people they name in a role (platformPersonIds). */
export async function platformPageRecords(db: LedgerDb, ids: string[]): Promise<PageRecords<Platform>> {
  const rows = await readByIds(db.platforms, ids);
  return { rows, people: await readPeople(db, rows.flatMap(platformPersonIds)) };
}

/** The platforms of these reviews and the titles of the reviews they re-publish, read by id at once. */
export async function readReviewRelated(db: LedgerDb, reviews: readonly Review[]): Promise<ReviewRelated> {
  const platformIds = [...new Set(reviews.map((r) => r.platformId))];
  const originalIds = [...new Set(reviews.map((r) => r.originalReviewId).filter((id): id is string => Boolean(id)))];
  const [platforms, originals] = await Promise.all([readByIds(db.platforms, platformIds), readByIds(db.reviews, originalIds)]);
  return { platforms, originals: originals.map((o) => ({ id: o.id, title: o.title })) };
}

/** Reviews already read, with the people they name (reviewPersonIds) and what their rows show of other records. */
export async function reviewsWithRelated(db: LedgerDb, rows: Review[]): Promise<ReviewPageRecords> {
  const [people, related] = await Promise.all([readPeople(db, rows.flatMap(reviewPersonIds)), readReviewRelated(db, rows)]);
  return { rows, people, related };
}

/** A page of reviews by id, with reviewsWithRelated's reads. */
export async function reviewPageRecords(db: LedgerDb, ids: string[]): Promise<ReviewPageRecords> {
  return reviewsWithRelated(db, await readByIds(db.reviews, ids));
}
