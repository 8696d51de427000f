// The LedgerBridge of the browser edition (and of the e2e tests in plain Chromium): files are
// saved as downloads, PDFs are printed through the browser's print dialog, and there are no
// folders to open. Payloads are checked with the same schemas the Electron main process uses.
import {
  BridgeError,
  openFolderRequestSchema,
  printPdfRequestSchema,
  MAX_FILE_BYTES,
  saveFileRequestSchema,
  type LedgerBridge,
  type OpenFolderRequest,
  type PrintPdfRequest,
  type SaveFileRequest,
  type SaveFileResult,
} from '@shared/bridge';
import { z } from 'zod';
import { browserBackups } from './browser-backups';
import { checked, downloadBlob } from './browser-files';

/** Injected by vite.config.ts (`define`) from package.json; absent under vitest. */
declare const __APP_VERSION__: string | undefined;

const DEV_VERSION = '0.0.0-dev';
/** Time after `load` for the PDF viewer to lay out the document before print() is called. */
const PRINT_SETTLE_MS = 300;
const PRINT_LOAD_TIMEOUT_MS = 15_000;

export const BROWSER_DATA_FOLDER = '浏览器本地存储（IndexedDB，本机此浏览器的用户资料中）';

function pdfBlob(data: Uint8Array): Blob {
  // slice() copies into a plain ArrayBuffer, which Blob accepts whatever backed the original.
  return new Blob([data.slice()], { type: 'application/pdf' });
}

async function saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
  const { suggestedName, data } = checked(saveFileRequestSchema, request);
  downloadBlob(new Blob([data.slice()]), suggestedName);
  return { saved: true, path: suggestedName };
}

/** A file to save that the window holds as a Blob (an export's workbook): a save request whose data is a Blob of at most MAX_FILE_BYTES. */
const saveBlobRequestSchema = saveFileRequestSchema.extend({
  data: z.instanceof(Blob).refine((d) => d.size <= MAX_FILE_BYTES, '文件过大'),
});
export type SaveBlobRequest = z.infer<typeof saveBlobRequestSchema>;

/** A Blob is downloaded as it is: no copy of its bytes in the window (a 40 MB workbook took a quarter second to copy twice). */
export async function saveBlobInBrowser(request: SaveBlobRequest): Promise<SaveFileResult> {
  const { suggestedName, data } = checked(saveBlobRequestSchema, request);
  downloadBlob(data, suggestedName);
  return { saved: true, path: suggestedName };
}

/** The iframe of the last print job; kept until the next one so its print dialog stays usable. */
let printFrame: { iframe: HTMLIFrameElement; url: string } | undefined;

function disposePrintFrame(): void {
  if (!printFrame) return;
  printFrame.iframe.remove();
  URL.revokeObjectURL(printFrame.url);
  printFrame = undefined;
}

/** Opens the PDF in a new tab, where the clerk prints it with the viewer's own button. */
function openInNewTab(url: string): void {
  // No 'noopener': the tab shows our own blob, and without it a null return reliably means
  // that a pop-up blocker stopped the tab.
  if (window.open(url, '_blank') === null) throw new Error('pop-up blocked');
}

async function printPdf(request: PrintPdfRequest): Promise<void> {
  const { title, data } = checked(printPdfRequestSchema, request);
  disposePrintFrame();
  const url = URL.createObjectURL(pdfBlob(data));
  const iframe = document.createElement('iframe');
  iframe.title = title;
  iframe.setAttribute('aria-hidden', 'true');
  // Off-screen but with a real size: a zero-sized frame may not lay the PDF out for printing.
  Object.assign(iframe.style, { position: 'fixed', left: '-10000px', top: '0', width: '800px', height: '600px', border: '0' });
  printFrame = { iframe, url };

  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const fallback = () => {
      if (settled) return;
      settled = true;
      try {
        openInNewTab(url);
        resolve();
      } catch {
        reject(new BridgeError('failed', '无法打开打印窗口。请改用“保存”把 PDF 存到本机，再打开打印。'));
      }
    };
    const timer = setTimeout(fallback, PRINT_LOAD_TIMEOUT_MS);
    iframe.addEventListener('load', () => {
      clearTimeout(timer);
      setTimeout(() => {
        if (settled) return;
        try {
          const frameWindow = iframe.contentWindow;
          if (!frameWindow) throw new Error('no frame window');
          frameWindow.focus();
          frameWindow.print();
          settled = true;
          resolve();
        } catch {
          // Some browsers refuse print() on a PDF frame; the new tab has the viewer's print button.
          fallback();
        }
      }, PRINT_SETTLE_MS);
    }, { once: true });
    iframe.src = url;
    document.body.append(iframe);
  });
}

async function openFolder(request: OpenFolderRequest): Promise<void> {
  checked(openFolderRequestSchema, request);
  // A browser cannot open folders; the UI explains where the data lives instead.
}

async function appVersion(): Promise<string> {
  return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : DEV_VERSION;
}

export const browserBridge = {
  host: 'browser',
  saveFile,
  printPdf,
  openFolder,
  appVersion,
  dataFolder: async () => BROWSER_DATA_FOLDER,
  ...browserBackups,
} satisfies LedgerBridge;
