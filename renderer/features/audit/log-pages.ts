// The whole audit log read a page at a time in seq order, the window getting a turn between pages:
// for the chain check and the export, which both go over every entry (316,000 in ten years).
import type { AuditEntry } from '@shared/domain/audit';
import type { ExportTable } from '@shared/spreadsheet/export-table';
import type { LedgerDb } from '../../db/schema';
import { auditTable } from '../export/list-tables';

/** Entries exported per read: a page's rows are built, then the window gets a turn. */
const EXPORT_PAGE = 2_000;

/** Hands the whole log to `visit` a page at a time in seq order, yielding to the window between pages. */
export async function eachLogPage(db: LedgerDb, size: number, visit: (page: AuditEntry[]) => void): Promise<void> {
  let after: number | undefined;
  for (;;) {
    const page = await (after === undefined ? db.auditLog.orderBy('seq') : db.auditLog.where('seq').above(after)).limit(size).toArray();
    if (page.length === 0) return;
    visit(page);
    after = page[page.length - 1]!.seq;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Every entry, oldest first, as one sheet: read and turned into rows a page at a time. */
export async function auditLogSheet(db: LedgerDb, actionLabel: (action: AuditEntry['action']) => string): Promise<ExportTable> {
  const sheet = auditTable([], actionLabel);
  await eachLogPage(db, EXPORT_PAGE, (page) => {
    for (const row of auditTable(page, actionLabel).rows) sheet.rows.push(row);
  });
  return sheet;
}
