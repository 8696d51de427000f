// Renders pdfmake documents to PDF bytes in plain Node (tests, print-samples, benchmarks).
// The two Noto Serif SC faces are read once from the npm package and registered as bytes in
// pdfmake's virtual file system: pdfmake 0.3 would fetch URL fonts over http(s) and read paths
// from disk on every render; registering bytes keeps it offline and loads each font once.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_FILES, pdfFonts, RARE_FONT_FILES } from '../../shared/forms/fonts';

/** The parts of pdfmake's Node singleton used here; @types/pdfmake does not declare virtualfs. */
interface PdfmakeNode {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: ReturnType<typeof pdfFonts>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);

/** Absolute paths of the TTF files shipped by @expo-google-fonts/noto-serif-sc. */
export const FONT_SOURCE_PATHS = {
  regular: require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
} as const;

/**
 * Noto Serif JP covers CJK characters beyond the BMP that Noto Serif SC lacks (𠮷 U+20BB7 and
 * others of JIS X 0213); forms print those characters in it (see format.ts richText).
 */
const RARE_FONT_PATHS = {
  regular: require.resolve('@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-serif-jp/700Bold/NotoSerifJP_700Bold.ttf'),
} as const;

let ready: PdfmakeNode | undefined;

/** Registers the fonts once per process and returns the configured pdfmake singleton. */
function pdfmakeWithFonts(): PdfmakeNode {
  if (ready) return ready;
  // The CJS default export is the pdfmake instance; narrow it to what is used here.
  const pm = pdfmake as unknown as PdfmakeNode;
  pm.virtualfs.writeFileSync(FONT_FILES.regular, readFileSync(FONT_SOURCE_PATHS.regular));
  pm.virtualfs.writeFileSync(FONT_FILES.bold, readFileSync(FONT_SOURCE_PATHS.bold));
  pm.virtualfs.writeFileSync(RARE_FONT_FILES.regular, readFileSync(RARE_FONT_PATHS.regular));
  pm.virtualfs.writeFileSync(RARE_FONT_FILES.bold, readFileSync(RARE_FONT_PATHS.bold));
  pm.setFonts(pdfFonts({ rareFont: true }));
  // Forms never load anything from outside: deny URLs and local paths outright (this also
  // silences pdfmake's warnings about undefined policies).
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy(() => false);
  ready = pm;
  return pm;
}

/** Loads the fonts now (about half a second) so the first render is not the slow one. */
export function warmUpPdfNode(): void {
  pdfmakeWithFonts();
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  const pm = pdfmakeWithFonts();
  // pdfmake fills in defaults on the definition it is given; keep the caller's object intact.
  return pm.createPdf(shallowCopy(doc)).getBuffer();
}

/** A shallow copy is enough: pdfmake sets top-level defaults (images, pageMargins…) only. */
function shallowCopy(doc: TDocumentDefinitions): TDocumentDefinitions {
  return { ...doc };
}
