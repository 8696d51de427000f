// Printouts: every printed form is recorded with its number and template version, then tracked
// on paper until the signed copy is back (with its scan) and filed.
import { bytesToHex } from '@shared/domain/sha256';
import type { Attachment, Printout } from '@shared/domain/records';
import { changePaperStatus, checkScan, type PaperChange } from '@shared/rules/paper-status';
import { formNumber, scanAllowed } from '@shared/forms/registry';
import type { LedgerDb, StoredAttachment } from './schema';
import { createRecord, LedgerError, updateRecord } from './repository';
import { putScanBytes } from './scan-bytes';

/**
 * The next `count` numbers of a form this year, e.g. BA-2026-0007. Numbers are never reused:
 * printouts in the trash still count. Reads only the numbers of that form and year (by the
 * formNumber index), compared as numbers: BA-2026-10000 follows BA-2026-9999.
 */
export async function nextFormNumbers(db: LedgerDb, prefix: string, year: number, count = 1): Promise<string[]> {
  const head = `${prefix}-${year}-`;
  let last = 0;
  for (const key of await db.printouts.where('formNumber').startsWith(head).keys()) {
    last = Math.max(last, Number(String(key).slice(head.length)) || 0);
  }
  return Array.from({ length: count }, (_, i) => formNumber(prefix, year, last + i + 1));
}

/** The live printout with this form number (as typed or scanned; letters in any case), if any. */
export async function printoutByNumber(db: LedgerDb, number: string): Promise<Printout | undefined> {
  return db.printouts
    .where('formNumber')
    .equals(number.toUpperCase())
    .filter((p) => !p.deletedAt)
    .first();
}

export type NewPrintout = Pick<Printout, 'formId' | 'formVersion' | 'formNumber' | 'recordTable' | 'recordId'>;

/** Records printed forms (one per form in a batch) in one transaction, all 待签回. */
export async function recordPrintouts(db: LedgerDb, printouts: readonly NewPrintout[]): Promise<void> {
  const printedAt = new Date().toISOString();
  await db.transaction('rw', [db.printouts, db.auditLog, db.settings], async () => {
    for (const p of printouts) await createRecord<Printout>(db, 'printouts', { ...p, printedAt, paperStatus: '待签回' });
  });
}

export async function setPaperStatus(db: LedgerDb, printoutId: string, change: PaperChange): Promise<void> {
  const printout = await db.printouts.get(printoutId);
  if (!printout) throw new LedgerError('找不到该打印记录。');
  const result = changePaperStatus(printout, change);
  if (!result.ok) throw new LedgerError(result.message);
  await updateRecord<Printout>(db, 'printouts', printoutId, result.patch);
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/**
 * Stores the scan of the signed copy and marks the printout 已签回 (if it was 待签回), in one
 * transaction. A file that is not a PDF/JPEG/PNG or is too large is refused before anything
 * is written.
 */
export async function attachScan(db: LedgerDb, printoutId: string, file: File): Promise<void> {
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const check = checkScan(file.size, head);
  if (!check.ok) throw new LedgerError(check.message);
  const printout = await db.printouts.get(printoutId);
  if (!printout || printout.deletedAt) throw new LedgerError('找不到该打印记录。');
  // The app never stores a password: a sheet with handwritten credentials is never scanned in.
  if (!scanAllowed(printout.formId)) throw new LedgerError('该表手写账号密码，应装入信封密封保存，不能上传扫描件。');
  // Hash outside the transaction: only database calls may be awaited inside one.
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sha256 = await sha256Hex(bytes);
  const blob = new Blob([bytes], { type: check.kind.mimeType });
  await db.transaction('rw', [db.printouts, db.attachments, db.scanBytes, db.auditLog, db.settings], async () => {
    const meta: Omit<Attachment, 'id' | 'createdAt' | 'updatedAt'> = {
      name: file.name || `${printout.formNumber}.${check.kind.ext}`,
      mimeType: check.kind.mimeType,
      size: bytes.byteLength,
      sha256,
      ownerTable: 'printouts',
      ownerId: printoutId,
    };
    await putScanBytes(db, sha256, blob);
    const attachment = await createRecord<StoredAttachment>(db, 'attachments', meta);
    const status = printout.paperStatus === '待签回' ? { paperStatus: '已签回' as const } : {};
    await updateRecord<Printout>(db, 'printouts', printoutId, { scanAttachmentId: attachment.id, ...status });
  });
}
