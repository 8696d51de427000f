// Joins separately built form PDFs into one file for batch printing. Each form keeps its own
// footer (its number, QR and 第 N 页 共 M 页), which one combined layout could not give.
import { PDFDocument } from 'pdf-lib';

export async function mergePdfs(parts: readonly Uint8Array[], title: string): Promise<Uint8Array<ArrayBuffer>> {
  const out = await PDFDocument.create();
  out.setTitle(title);
  out.setCreator('新媒体阵地台账');
  out.setProducer('新媒体阵地台账');
  for (const bytes of parts) {
    const doc = await PDFDocument.load(bytes);
    const pages = await out.copyPages(doc, doc.getPageIndices());
    for (const page of pages) out.addPage(page);
  }
  // pdf-lib returns a Uint8Array over its own ArrayBuffer; copy so the type is exact and the
  // buffer can be transferred.
  return new Uint8Array(await out.save());
}
