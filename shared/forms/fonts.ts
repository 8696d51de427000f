// The pdfmake font table for printed forms. Both hosts (Node scripts and the renderer's PDF
// worker) register the font bytes under these virtual file names, so the table is the same
// everywhere and never names a path or a URL (pdfmake would fetch URLs; the app is offline).
//
// Noto Serif SC has no glyphs beyond the BMP CJK blocks (no Ext B–H, so no 𠮷). Such characters
// are printed in a separate family, RARE_FAMILY (see format.ts richText), backed by Noto Serif JP
// (which has 𠮷 and the other JIS X 0213 characters). A host that has not loaded it yet maps the
// family to Noto Serif SC, so a document always lays out.
import type { TFontDictionary } from 'pdfmake/interfaces';

export const FONT_FAMILY = 'NotoSerifSC';
export const RARE_FAMILY = 'RareCJK';

/** Names in pdfmake's virtual file system. */
export const FONT_FILES = {
  regular: 'NotoSerifSC-Regular.ttf',
  bold: 'NotoSerifSC-Bold.ttf',
} as const;

export const RARE_FONT_FILES = {
  regular: 'RareCJK-Regular.ttf',
  bold: 'RareCJK-Bold.ttf',
} as const;

export interface FontOptions {
  /** True when the host registered RARE_FONT_FILES. */
  rareFont?: boolean;
}

export function pdfFonts(options: FontOptions = {}): TFontDictionary {
  const rare = options.rareFont ? RARE_FONT_FILES : FONT_FILES;
  return {
    [FONT_FAMILY]: {
      normal: FONT_FILES.regular,
      bold: FONT_FILES.bold,
      // There is no italic CJK face; map italics to the upright faces rather than fail.
      italics: FONT_FILES.regular,
      bolditalics: FONT_FILES.bold,
    },
    [RARE_FAMILY]: { normal: rare.regular, bold: rare.bold, italics: rare.regular, bolditalics: rare.bold },
  };
}
