// The life of a printed form on paper: 待签回 (printed, out for signatures and seal) → 已签回
// (the signed copy is back, ideally with its scan) → 已归档 (filed in an archive box). And what
// a scan of the signed copy may be: a PDF, JPEG or PNG of bounded size, judged by its bytes.
import type { PaperStatus, Printout } from '../domain/records';

/** Largest scan accepted (a multi-page 300 dpi colour PDF of a form stays well below it). */
export const MAX_SCAN_BYTES = 20 * 1024 * 1024;

export type ScanKind = { ext: 'pdf' | 'jpg' | 'png'; mimeType: 'application/pdf' | 'image/jpeg' | 'image/png' };

/** The file's kind from its first bytes; the name's extension is not trusted. */
export function detectScanKind(head: Uint8Array): ScanKind | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return { ext: 'pdf', mimeType: 'application/pdf' }; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return { ext: 'jpg', mimeType: 'image/jpeg' };
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { ext: 'png', mimeType: 'image/png' };
  return undefined;
}

export type ScanCheck = { ok: true; kind: ScanKind } | { ok: false; message: string };

export function checkScan(size: number, head: Uint8Array): ScanCheck {
  if (size === 0) return { ok: false, message: '文件是空的，请重新扫描。' };
  if (size > MAX_SCAN_BYTES) {
    return { ok: false, message: `文件过大（${(size / 1024 / 1024).toFixed(1)} MB），扫描件不能超过 ${MAX_SCAN_BYTES / 1024 / 1024} MB。请降低扫描分辨率或改为黑白扫描后重试。` };
  }
  const kind = detectScanKind(head);
  if (!kind) return { ok: false, message: '只能上传 PDF、JPEG 或 PNG 格式的扫描件，此文件不是这几种格式。' };
  return { ok: true, kind };
}

const NEXT: Record<PaperStatus, PaperStatus | undefined> = { 待签回: '已签回', 已签回: '已归档', 已归档: undefined };
const PREVIOUS: Record<PaperStatus, PaperStatus | undefined> = { 待签回: undefined, 已签回: '待签回', 已归档: '已签回' };

export interface PaperChange {
  to: PaperStatus;
  archiveLocation?: string;
}

export type PaperPatch = Pick<Printout, 'paperStatus'> & Partial<Pick<Printout, 'archiveLocation'>>;

/**
 * The next paper status, one step at a time (forward, or one step back to undo a slip).
 * Filing needs the archive box or location, so the paper can be found again.
 */
export function changePaperStatus(printout: Pick<Printout, 'paperStatus'>, change: PaperChange): { ok: true; patch: PaperPatch } | { ok: false; message: string } {
  const from = printout.paperStatus;
  if (change.to === from) return { ok: false, message: `该表格已经是“${from}”状态。` };
  if (change.to !== NEXT[from] && change.to !== PREVIOUS[from]) {
    return { ok: false, message: `不能从“${from}”直接改为“${change.to}”，请按 待签回 → 已签回 → 已归档 的顺序办理。` };
  }
  if (change.to === '已归档') {
    const location = change.archiveLocation?.trim();
    if (!location) return { ok: false, message: '归档时请填写档案盒号或存放位置。' };
    return { ok: true, patch: { paperStatus: '已归档', archiveLocation: location } };
  }
  return { ok: true, patch: { paperStatus: change.to } };
}
