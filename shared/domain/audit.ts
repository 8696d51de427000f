// The audit log: append-only, each entry chained to the previous one by SHA-256 so that any
// later edit or removal of an entry is detectable.
import type { Id, IsoDateTime } from './common';

/** 'merge': a record written by merging an exchange package (shared/exchange). */
export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'merge';

/** Each action as the audit log's page and its export name it. */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = { create: '新建', update: '修改', delete: '删除', restore: '恢复', merge: '合并导入' };

export interface AuditEntry {
  /** Auto-increment position in the chain (1, 2, 3 …). */
  seq?: number;
  at: IsoDateTime;
  operator: string;
  table: string;
  recordId: Id;
  /**
   * The record's display name when the entry was written, so it survives the record's deletion.
   * Hashed like the rest; entries written before it existed have none and still verify.
   */
  recordName?: string;
  action: AuditAction;
  /** Field-level change summary: field → [before, after] (JSON values). */
  changes: Record<string, [unknown, unknown]>;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
