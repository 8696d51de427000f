// Organisational units (单位): departments, colleges, party organisations, student bodies.
import type { BaseRecord, Id } from './common';

export const UNIT_KINDS = ['职能部门', '二级学院', '党组织', '学生组织', '社团', '直属单位', '其他'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const RANKS = ['处级', '副处级', '科级', '其他'] as const;
export type Rank = (typeof RANKS)[number];

export interface Unit extends BaseRecord {
  name: string;
  kind: UnitKind;
  parentId?: Id;
  /** 第一责任人 (seed 004: must be a 处级 cadre; seed 003: the unit's party/admin head). */
  firstResponsibleId?: Id;
  firstResponsibleRank?: Rank;
  /** 党组织书记 of the unit. */
  partySecretaryId?: Id;
  /** The unit's contact person for this work. */
  contactId?: Id;
  phone?: string;
  note?: string;
}
