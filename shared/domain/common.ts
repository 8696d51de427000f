// Fields and helpers every stored record shares: stable string ids, timestamps, soft delete.

/** A stable string id (ULID). */
export type Id = string;
/** A calendar date as 'YYYY-MM-DD' (no time zone: a date on paper). */
export type IsoDate = string;
/** A moment as an ISO 8601 string with time zone, e.g. '2026-11-22T08:30:00.000Z'. */
export type IsoDateTime = string;

export interface BaseRecord {
  id: Id;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** Set when the record is moved to the trash; cleared on restore. */
  deletedAt?: IsoDateTime;
}

/** The editable part of a record: everything but the bookkeeping fields. */
export type Draft<T extends BaseRecord> = Omit<T, keyof BaseRecord>;

/** A dated value in a history list (follower counts, lifecycle status). */
export interface Dated<T> {
  date: IsoDate;
  value: T;
  note?: string;
}

export function isLive(record: { deletedAt?: IsoDateTime }): boolean {
  return !record.deletedAt;
}

/** The records not in the trash. */
export function live<T extends { deletedAt?: IsoDateTime }>(rows: readonly T[]): T[] {
  return rows.filter(isLive);
}
