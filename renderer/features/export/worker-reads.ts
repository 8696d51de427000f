// What the export's worker reads from the database itself, named by a WorkerReadTable's `read`:
// 发布审核's reviews (review-sheet.ts) and the audit log (log-pages.ts). Anything else is refused: the
// window names only these.
import type { LedgerDb } from '../../db/schema';
import { auditSheetSlices, isAuditLogRead } from '../audit/log-pages';
import { isReviewsRead, reviewSheetSlices } from './review-sheet';
import type { ReadRows } from './xlsx-book';

/** ReadRows over the ledger `db` gives (opened once it is first needed). */
export function readsFrom(db: () => LedgerDb): ReadRows {
  return (read) => {
    if (isReviewsRead(read)) return reviewSheetSlices(db(), read);
    if (isAuditLogRead(read)) return auditSheetSlices(db(), read);
    throw new Error('导出无法读取这些数据，请重新导出');
  };
}
