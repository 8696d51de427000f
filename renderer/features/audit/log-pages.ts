// The whole audit log read a page at a time in seq order, the window getting a turn between pages:
// for the chain check and the export, which both go over every entry (316,000 in ten years).
import type { AuditEntry } from '@shared/domain/audit';
import type { SlicedExportTable } from '@shared/spreadsheet/export-table';
import type { LedgerDb } from '../../db/schema';
import { auditTable } from '../export/list-tables';
import { nextTurn } from '../../app/next-turn';

/** Entries exported per read: a page's rows are built and handed to the xlsx worker before the next page is read. */
const EXPORT_PAGE = 2_000;

/** The whole log a page at a time in seq order, yielding to the window between pages; the next page is read when asked for. */
export async function* logPages(db: LedgerDb, size: number): AsyncGenerator<AuditEntry[]> {
  let after: number | undefined;
  for (;;) {
    const page = await (after === undefined ? db.auditLog.orderBy('seq') : db.auditLog.where('seq').above(after)).limit(size).toArray();
    if (page.length === 0) return;
    after = page[page.length - 1]!.seq;
    yield page;
    await nextTurn();
  }
}

/**
 * Every entry, oldest first, as one sheet whose rows are read and built a page at a time as the
 * export writes them: the window holds one page of rows, never the whole log.
 */
export async function auditLogSheet(db: LedgerDb, actionLabel: (action: AuditEntry['action']) => string): Promise<SlicedExportTable> {
  const { name, header } = auditTable([], actionLabel);
  async function* slices() {
    for await (const page of logPages(db, EXPORT_PAGE)) yield auditTable(page, actionLabel).rows;
  }
  return { name, header, count: await db.auditLog.count(), slices: slices() };
}
