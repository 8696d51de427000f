// People who hold roles: responsible persons, administrators, reviewers, custodians.
import type { BaseRecord, Id, IsoDate } from './common';
import type { Rank } from './unit';

export const PERSON_STATUSES = ['在岗', '离岗'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export interface Person extends BaseRecord {
  /** May contain characters outside the BMP (e.g. 𠮷): always handle as full code points. */
  name: string;
  unitId?: Id;
  /** 职务/岗位, e.g. 党委书记, 科长, 辅导员. */
  title?: string;
  /** 职级: a review step may require it (001 第七条: 负责宣传的处级领导). Unknown when not recorded. */
  rank?: Rank;
  phone?: string;
  /** Seed 004: reviewers must be teachers of the unit. */
  isTeacher: boolean;
  status: PersonStatus;
  /** Date of the last status change (e.g. the day the person left). */
  statusDate?: IsoDate;
  note?: string;
}
