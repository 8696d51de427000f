// Module Web Worker that turns form records into PDF bytes off the UI thread.
// Fonts come from the app's own files: Vite copies the two TTFs into dist/renderer/assets
// (imported with ?url below) and the worker fetches them from the app's origin once, then keeps
// them registered in pdfmake's virtual file system for every later request.
//
// pdfmake's browser build (build/pdfmake.js) is a webpack UMD bundle. Checked for use in a
// worker: every window/document reference in it is behind a typeof guard or lives in the
// download/open/print helpers, which are never called here (we only use getBuffer()); its UMD
// wrapper looks for `self`, which workers have. So no shim is needed.
import pdfMake from 'pdfmake/build/pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import regularFontUrl from '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf?url';
import boldFontUrl from '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf?url';
// Noto Serif JP covers CJK characters beyond the BMP that Noto Serif SC lacks (e.g. 𠮷 U+20BB7).
import rareRegularUrl from '@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf?url';
import rareBoldUrl from '@expo-google-fonts/noto-serif-jp/700Bold/NotoSerifJP_700Bold.ttf?url';
import { createFormContext, formContextData, type FormContext, type FormContextData } from '../../shared/forms/context';
import { FONT_FAMILY, FONT_FILES, RARE_FAMILY, RARE_FONT_FILES, pdfFonts } from '../../shared/forms/fonts';
import { PRESET_PROFILES } from '../../shared/profiles/presets';
import { buildForm, isFormId, type FormRecordMap } from '../../shared/forms/registry';
import { mergePdfs } from '../../shared/forms/merge';
import { canCombine, combineForms } from '../../shared/forms/batch';

/** One form of a batch: its record and its own form number. */
export interface BatchItem {
  formId: string;
  record: unknown;
  formNumber: string;
}

export type PdfWorkerRequest =
  /** Loads every font and builds a throw-away form, so that the clerk's first preview is quick. */
  | { id: number; type: 'warm-up' }
  | { id: number; type: 'render'; formId: string; record: unknown; context: FormContextData }
  | { id: number; type: 'render-batch'; items: BatchItem[]; context: FormContextData; title: string }
  | { id: number; type: 'merge'; parts: Uint8Array<ArrayBuffer>[]; title: string };

export type PdfWorkerResponse =
  | { id: number; ok: true; pdf?: Uint8Array<ArrayBuffer>; ms: number }
  | { id: number; progress: { done: number; total: number } }
  | { id: number; ok: false; error: string; detail: string };

/** What is used of the pdfmake browser singleton; @types/pdfmake does not declare virtualfs. */
interface PdfmakeBrowser {
  virtualfs: { writeFileSync(name: string, content: Uint8Array): void };
  setFonts(fonts: ReturnType<typeof pdfFonts>): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> };
}

/** The DedicatedWorkerGlobalScope members used here (the project's lib has DOM, not WebWorker). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<PdfWorkerRequest>) => void): void;
  postMessage(message: PdfWorkerResponse, transfer: Transferable[]): void;
}

// `self` is typed as Window by the DOM lib; in this file it is the worker's global scope.
const scope = self as unknown as WorkerScope;
const pm = pdfMake as unknown as PdfmakeBrowser;

let fontsReady: Promise<void> | undefined;
let rareFontReady: Promise<void> | undefined;

async function fetchFont(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Loads both faces once per worker; a failure is retried on the next request. */
function loadFonts(): Promise<void> {
  fontsReady ??= (async () => {
    const [regular, bold] = await Promise.all([fetchFont(regularFontUrl), fetchFont(boldFontUrl)]);
    // pdfkit accepts Uint8Array font data directly, so no base64 round trip is needed.
    pm.virtualfs.writeFileSync(FONT_FILES.regular, regular);
    pm.virtualfs.writeFileSync(FONT_FILES.bold, bold);
    pm.setFonts(pdfFonts());
  })().catch((error: unknown) => {
    fontsReady = undefined;
    throw error;
  });
  return fontsReady;
}

/**
 * Loads the rare-character faces only for a document that has such a character (a surrogate
 * pair), so the common case does not pay for another 15 MB of font.
 */
function loadRareFont(): Promise<void> {
  rareFontReady ??= (async () => {
    const [regular, bold] = await Promise.all([fetchFont(rareRegularUrl), fetchFont(rareBoldUrl)]);
    pm.virtualfs.writeFileSync(RARE_FONT_FILES.regular, regular);
    pm.virtualfs.writeFileSync(RARE_FONT_FILES.bold, bold);
    pm.setFonts(pdfFonts({ rareFont: true }));
  })().catch((error: unknown) => {
    rareFontReady = undefined;
    throw error;
  });
  return rareFontReady;
}

const SURROGATE = /[\uD800-\uDBFF]/;

/** The form's document: record and context as posted (the record was validated and typed by the sender). */
function buildDoc(formId: string, record: unknown, ctx: FormContext): TDocumentDefinitions {
  if (!isFormId(formId)) throw new Error(`unknown form ${formId}`);
  return buildForm(formId, record as FormRecordMap[typeof formId] | null, ctx);
}

/** Lays out and writes one document, with the rare-character faces when it needs them. */
async function renderDoc(doc: TDocumentDefinitions): Promise<Uint8Array<ArrayBuffer>> {
  await loadFonts();
  if (SURROGATE.test(JSON.stringify(doc))) await loadRareFont();
  const bytes = await pm.createPdf(doc).getBuffer();
  // The polyfilled Buffer may be a view on a larger pool: copy out exactly the PDF (tens of KB)
  // into its own ArrayBuffer, which is then transferred, not copied again.
  return new Uint8Array(bytes);
}

async function render(formId: string, record: unknown, data: FormContextData): Promise<Uint8Array<ArrayBuffer>> {
  return renderDoc(buildDoc(formId, record, createFormContext(data)));
}

let warmedUp: Promise<void> | undefined;

/**
 * Makes the first real form as quick as the later ones. Loading the font bytes is only part of
 * the first form's cost: pdfkit parses each face and the layout code runs unoptimised the first
 * time, so this loads all four faces (the rare-character ones too: names such as 王𠮷 are common
 * in a registry) and builds one blank form plus a line in every face, and throws the PDFs away.
 * Any form would do; F04 has the tables, check boxes, QR code and footer every form shares.
 * Runs once per worker (later requests reuse the promise; a failure is retried next time).
 */
function warmUp(): Promise<void> {
  warmedUp ??= (async () => {
    // The common faces first, so that a preview asked for meanwhile waits for as little as possible.
    await loadFonts();
    const profile = PRESET_PROFILES[0]!;
    const context = createFormContext(formContextData({ institutionName: '', profile, formNumber: 'WARM-UP', people: [], units: [] }));
    await pm.createPdf(buildForm('F04', null, context)).getBuffer();
    await loadRareFont();
    const faces = [false, true].flatMap((bold) => [
      { text: '预热 Warm-up 0123', bold },
      { text: '𠮷', font: RARE_FAMILY, bold },
    ]);
    await pm.createPdf({ content: [{ text: faces }], defaultStyle: { font: FONT_FAMILY } }).getBuffer();
  })().catch((error: unknown) => {
    warmedUp = undefined;
    throw error;
  });
  return warmedUp;
}

/**
 * Most forms of a batch laid out as one document. One document opens, measures and embeds the
 * fonts once for all its forms (doing that per form is what made a batch slow); chunks let the
 * progress bar move. They start with one form and double, so the bar moves at once and the clerk
 * can cancel early; 32 forms per document cost about a fifth more than one for the whole batch.
 */
const MAX_CHUNK = 32;

/**
 * Builds the forms of a batch chunk by chunk and joins the chunks. Cancelling is done by the
 * renderer terminating this worker, which is immediate even in the middle of a form.
 */
async function renderBatch(id: number, items: BatchItem[], data: FormContextData, title: string): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = [];
  // The lookups are built once for the batch; each form differs only in its number.
  const ctx = createFormContext(data);
  for (let start = 0, size = 1; start < items.length; start += size, size = Math.min(MAX_CHUNK, size * 2)) {
    const chunk = items.slice(start, start + size);
    const docs = chunk.map((item) => buildDoc(item.formId, item.record, { ...ctx, formNumber: item.formNumber }));
    // Forms of another page setup (none today: a batch is one form) are built one by one.
    if (canCombine(docs)) parts.push(await renderDoc(combineForms(docs, title)));
    else for (const doc of docs) parts.push(await renderDoc(doc));
    scope.postMessage({ id, progress: { done: start + chunk.length, total: items.length } }, []);
  }
  return mergePdfs(parts, title);
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  const started = performance.now();
  const work =
    request.type === 'warm-up'
      ? warmUp().then(() => undefined)
      : request.type === 'render-batch'
        ? renderBatch(request.id, request.items, request.context, request.title)
        : request.type === 'merge'
          ? mergePdfs(request.parts, request.title)
          : render(request.formId, request.record, request.context);
  work.then(
    (pdf) => {
      const ms = Math.round(performance.now() - started);
      if (pdf) scope.postMessage({ id: request.id, ok: true, pdf, ms }, [pdf.buffer]);
      else scope.postMessage({ id: request.id, ok: true, ms }, []);
    },
    (error: unknown) => {
      const detail = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
      const error_ = fontsReady ? '生成 PDF 失败' : '加载字体失败';
      scope.postMessage({ id: request.id, ok: false, error: error_, detail }, []);
    },
  );
});
