// Page and type settings shared by every form: an A4 page after GB/T 9704-2012 (党政机关公文格式)
// and the type sizes of Chinese official documents (二号 title, 四号/小四 table text).
import type { PageSize, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_FAMILY } from './fonts';

/** Millimetres to PDF points (1 pt = 1/72 inch). */
export function mm(value: number): number {
  return (value * 72) / 25.4;
}

/** A4 in points, as pdfkit uses it. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** GB/T 9704-2012 §5.2.1: 天头 37 mm, 订口 28 mm; the type area is 156 × 225 mm. */
export const PAGE_MARGINS_MM = { top: 37, left: 28, right: 26, bottom: 35 } as const;

/** pdfmake order: [left, top, right, bottom]. */
export const PAGE_MARGINS: [number, number, number, number] = [
  mm(PAGE_MARGINS_MM.left),
  mm(PAGE_MARGINS_MM.top),
  mm(PAGE_MARGINS_MM.right),
  mm(PAGE_MARGINS_MM.bottom),
];

/** Width available between the margins of a portrait A4 page (≈ 442 pt = 156 mm). */
export const CONTENT_WIDTH = A4.width - PAGE_MARGINS[0] - PAGE_MARGINS[2];

/** Chinese type sizes (字号) in points. */
export const TYPE_SIZE = {
  /** 二号: form titles. */
  erhao: 22,
  /** 四号: body and table text. */
  sihao: 14,
  /** 小四: table text where space needs it. */
  xiaosi: 12,
  /** 五号: small print. */
  wuhao: 10.5,
  /** 小五: the footer. */
  xiaowu: 9,
} as const;

/** Minimum height of a cell someone signs in by hand. */
export const SIGNATURE_CELL_HEIGHT = mm(15);
/** Minimum free area for a round official seal (公章, 42 mm across) plus room around it. */
export const SEAL_AREA_HEIGHT = mm(50);

export const FORM_STYLES: StyleDictionary = {
  title: {
    fontSize: TYPE_SIZE.erhao,
    bold: true,
    alignment: 'center',
    margin: [0, 0, 0, mm(2)],
  },
  label: { bold: true, alignment: 'center' },
  // Noto Serif SC's own line height is 1.45 em; 0.9 of it (1.3 em) still reads well in a table
  // and keeps a typical one-page form on one page.
  cell: { fontSize: TYPE_SIZE.xiaosi, lineHeight: 0.9 },
  // Notes in cells: 10 pt keeps the 责任人 note of 附件1 on one line.
  note: { fontSize: 10 },
  belowTable: { fontSize: TYPE_SIZE.xiaosi, margin: [0, mm(1.5), 0, 0] },
  footer: { fontSize: TYPE_SIZE.xiaowu },
};

/** The page setup every form starts from; builders add content, footer and info. */
export function basePage(): Pick<
  TDocumentDefinitions,
  'pageSize' | 'pageOrientation' | 'pageMargins' | 'defaultStyle' | 'styles' | 'language'
> {
  const pageSize: PageSize = 'A4';
  return {
    pageSize,
    pageOrientation: 'portrait',
    pageMargins: [...PAGE_MARGINS],
    defaultStyle: { font: FONT_FAMILY, fontSize: TYPE_SIZE.sihao },
    styles: FORM_STYLES,
    language: 'zh-CN',
  };
}
