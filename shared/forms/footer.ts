// The footer printed on every page of every form: the form's number, the record id as a small
// QR code (so a signed paper copy can be matched to its record by scanning), and 第 N 页 共 M 页.
import type { Content, DynamicContent } from 'pdfmake/interfaces';
import { PAGE_MARGINS, mm } from './layout';

export interface FooterInfo {
  /** e.g. 'BA-2026-0007'; '' on a blank form (a line to write the number on is printed). */
  formNumber: string;
  /** The record id, encoded in the QR code; omitted on a blank form. */
  recordId?: string;
  /** Form id and template version, e.g. 'F04 · 2026.1': tells which template was signed. */
  template: string;
}

export const FOOTER_QR_SIZE = mm(15);

export function pageNumberText(page: number, pageCount: number): string {
  return `第 ${page} 页 共 ${pageCount} 页`;
}

export function buildFooter(info: FooterInfo): DynamicContent {
  const numberText = `编号：${info.formNumber || '______________'}`;
  return (currentPage, pageCount): Content => ({
    // The footer box spans the whole page width in the bottom margin: indent it to the type
    // area, so nothing lands in the strip a printer cannot print (4–5 mm at the paper's edge).
    margin: [PAGE_MARGINS[0], mm(4), PAGE_MARGINS[2], 0],
    columns: [
      {
        width: '*',
        stack: [{ text: numberText }, { text: info.template, color: '#555555' }],
        style: 'footer',
      },
      {
        width: 'auto',
        text: pageNumberText(currentPage, pageCount),
        style: 'footer',
        margin: [0, mm(2), 0, 0],
      },
      info.recordId
        ? { width: '*', qr: info.recordId, fit: FOOTER_QR_SIZE, eccLevel: 'M', alignment: 'right' }
        : { width: '*', text: '' },
    ],
    columnGap: mm(4),
  });
}
