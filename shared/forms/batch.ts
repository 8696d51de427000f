// A batch of forms as one pdfmake document: each form a section of its own (it starts on a new
// page with its own footer), so the fonts are opened, measured and embedded once for the whole
// batch instead of once per form and the PDFs need no joining afterwards (issue 15: 500 F04 took
// a minute). Each form keeps its own footer: its number, QR code and 第 N 页 共 M 页 counted
// within the form, as a separately built form prints them.
import type { ContentSection, DynamicBackground, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';

/** The page setup forms of one batch must share to be laid out as one document. */
function pageSetup(doc: TDocumentDefinitions): string {
  return JSON.stringify([doc.pageSize, doc.pageOrientation, doc.pageMargins, doc.styles, doc.defaultStyle, doc.images ?? null]);
}

/** Whether the documents can be combined: the same page setup, and nothing per document pdfmake cannot scope to a section. */
export function canCombine(docs: readonly TDocumentDefinitions[]): boolean {
  if (docs.length === 0) return false;
  const setup = pageSetup(docs[0]!);
  return docs.every((d) => !d.header && !d.background && !d.watermark && !d.pageBreakBefore && typeof d.footer !== 'object' && pageSetup(d) === setup);
}

/**
 * One document holding every form of `docs` in order (see canCombine), titled `title`. Each form's
 * footer function is called with the page number and page count of that form alone.
 */
export function combineForms(docs: readonly TDocumentDefinitions[], title: string): TDocumentDefinitions {
  const first = docs[0]!;
  // The pages of each form, learnt while the document is laid out: a section's background is
  // asked for every page as it is added, before any footer is laid out. A new layout pass (pdfmake
  // lays out again after a page break it had to insert) starts over at page 1.
  const pages: number[][] = docs.map(() => []);
  const sections = docs.map((doc, i): ContentSection => {
    const background: DynamicBackground = (page) => {
      if (page === 1) for (const list of pages) list.length = 0;
      pages[i]!.push(page);
      return null;
    };
    const own = doc.footer;
    const footer: DynamicContent | undefined =
      typeof own === 'function'
        ? (page, _count, pageSize) => {
            const mine = pages[i]!;
            return own(page - (mine[0] ?? page) + 1, mine.length || 1, pageSize);
          }
        : undefined;
    // Page size, orientation and margins are the document's (canCombine checked they agree).
    return { section: doc.content, background, ...(footer ? { footer } : {}) };
  });
  return {
    pageSize: first.pageSize,
    pageOrientation: first.pageOrientation,
    pageMargins: first.pageMargins,
    styles: first.styles,
    defaultStyle: first.defaultStyle,
    ...(first.images ? { images: first.images } : {}),
    info: { ...first.info, title },
    content: sections,
  };
}
