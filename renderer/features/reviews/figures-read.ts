// 年终统计 (000 第十二条, 002 第十一条) read a chunk of reviews at a time and counted as they come:
// a whole university's years of reviews are never held at once, and the window gets a turn
// between chunks.
import type { Platform } from '@shared/domain/platform';
import type { Review } from '@shared/domain/records';
import { eachByIds, eachLive } from '../../db/chunked-reads';
import type { LedgerDb } from '../../db/schema';
import { FigureTallies, type FigureRow } from './review-figures';
import { nextTurn } from '../../app/next-turn';

export interface ReviewFigures {
  /** The year counted (this computer's calendar); undefined for every year. */
  year: number | undefined;
  byUnit: FigureRow[];
  byPlatform: FigureRow[];
}

export const platformLabel = (p: Platform | undefined) => (p ? `${p.name}（${p.kind}）` : '（平台已删除）');


/** Thrown between chunks when the figures are no longer wanted (another year was chosen). */
class Superseded extends Error {}

/** The live reviews submitted in `year` (through the createdAt index), every one without a year, a chunk at a time. */
async function eachReviewOf(db: LedgerDb, year: number | undefined, visit: (rows: Review[]) => Promise<void>): Promise<void> {
  if (year === undefined) return eachLive(db.reviews, visit);
  const from = new Date(year, 0, 1).toISOString();
  const to = new Date(year + 1, 0, 1).toISOString();
  // The year's ids only (keys, not records); the records then a chunk at a time.
  const ids = await db.reviews.where('createdAt').between(from, to, true, false).primaryKeys();
  return eachByIds(db.reviews, ids, (rows) => visit(rows.filter((r) => !r.deletedAt)));
}

/**
 * The figures per submitting unit (else the platform's host unit) and per platform. `wanted` is
 * asked between chunks: once it says no, reading stops and the result is undefined.
 */
export async function readReviewFigures(
  db: LedgerDb,
  year: number | undefined,
  unitName: (id: string) => string,
  wanted: () => boolean = () => true,
): Promise<ReviewFigures | undefined> {
  // The platforms the reviews name, trashed ones too (their name is still shown), read once each.
  const platforms = new Map<string, Platform | undefined>();
  const byUnit = new FigureTallies((r) => r.submittingUnitId ?? platforms.get(r.platformId)?.hostUnitId ?? '');
  const byPlatform = new FigureTallies((r) => r.platformId);
  try {
    await eachReviewOf(db, year, async (rows) => {
      const unread = [...new Set(rows.map((r) => r.platformId))].filter((id) => !platforms.has(id));
      const found = await db.platforms.bulkGet(unread);
      unread.forEach((id, i) => platforms.set(id, found[i]));
      byUnit.add(rows);
      byPlatform.add(rows);
      await nextTurn();
      if (!wanted()) throw new Superseded();
    });
  } catch (e) {
    if (e instanceof Superseded) return undefined;
    throw e;
  }
  return {
    year,
    byUnit: byUnit.rows((id) => (id ? unitName(id) : '（未填报送部门）')),
    byPlatform: byPlatform.rows((id) => platformLabel(platforms.get(id))),
  };
}
