// The tables of the local database, listed once: the Dexie schema (renderer/db/schema.ts) and the
// backup format (shared/backup/format.ts) both take their tables from here, and every screen that
// names a table (审计日志, 回收站, 备份与恢复, 打印记录, exports) takes its Chinese name from here.

/** The tables a whole dataset is made of (the demo; LedgerRecords), in the order it is written: referenced records first. */
export const LEDGER_RECORD_TABLES = ['units', 'people', 'platforms', 'approvals', 'reviews', 'envelopes', 'handovers', 'inspections', 'incidents', 'trainings'] as const;

/** Tables holding user records (everything but the audit log and settings), in backup order. */
export const RECORD_TABLES = [...LEDGER_RECORD_TABLES, 'printouts', 'attachments'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

/** Every table of the database: the record tables, then the audit log and the settings. */
export const DB_TABLES = [...RECORD_TABLES, 'auditLog', 'settings'] as const;
export type DbTable = (typeof DB_TABLES)[number];

/** The Chinese name of each record table (平台台账 as in the menu). */
export const TABLE_LABELS: Record<RecordTable, string> = {
  units: '单位',
  people: '人员',
  platforms: '平台台账',
  approvals: '开通与备案',
  reviews: '发布审核',
  envelopes: '密码密封存档',
  handovers: '管理员交接',
  inspections: '年度检查',
  incidents: '问题与舆情',
  trainings: '培训',
  printouts: '打印记录',
  attachments: '附件',
};

/** Names of what is not a record table: the audit log, settings, and 全部数据 (an audit entry about the whole database, e.g. a restore). */
const OTHER_LABELS: Readonly<Record<string, string>> = { auditLog: '审计日志', settings: '设置', database: '全部数据' };

/** A table's Chinese name; an unknown name is shown as it is. */
export function tableLabel(table: string): string {
  if (Object.hasOwn(TABLE_LABELS, table)) return TABLE_LABELS[table as RecordTable];
  return Object.hasOwn(OTHER_LABELS, table) ? OTHER_LABELS[table]! : table;
}
