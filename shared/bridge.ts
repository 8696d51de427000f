// The typed contract between the renderer and its host. The Electron preload implements it
// over IPC (one method per channel); the browser edition implements it with downloads and the
// print dialog. The main process validates every payload with the schemas below.
import { z } from 'zod';

/** IPC channel names, one per bridge method. */
export const CHANNELS = {
  saveFile: 'ledger:save-file',
  printPdf: 'ledger:print-pdf',
  openFolder: 'ledger:open-folder',
  appVersion: 'ledger:app-version',
  dataFolder: 'ledger:data-folder',
} as const;
export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

/** Largest file the renderer may hand to the host in one call (a long batch PDF fits easily). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

function hasControlChar(s: string): boolean {
  for (const ch of s) if (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) return true;
  return false;
}

const fileName = z
  .string()
  .min(1)
  .max(200)
  // A suggested name, never a path: no separators, no parent references, no control characters.
  .refine((s) => !/[\\/:*?"<>|]/.test(s) && !hasControlChar(s) && s !== '.' && s !== '..', '文件名不合法');

export const saveFileRequestSchema = z.object({
  suggestedName: fileName,
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= MAX_FILE_BYTES, '文件过大'),
  filters: z
    .array(z.object({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/i)).max(10) }))
    .max(10)
    .optional(),
});
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

export interface SaveFileResult {
  saved: boolean;
  /** Where it was written (Electron) or the downloaded file's name (browser). */
  path?: string;
}

export const printPdfRequestSchema = z.object({
  title: z.string().min(1).max(200),
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= MAX_FILE_BYTES, '文件过大'),
});
export type PrintPdfRequest = z.infer<typeof printPdfRequestSchema>;

/** Folders the renderer may ask the host to open: only known ones, never an arbitrary path. */
export const openFolderRequestSchema = z.object({
  which: z.enum(['data', 'backups']),
});
export type OpenFolderRequest = z.infer<typeof openFolderRequestSchema>;

export interface LedgerBridge {
  /** Which host the renderer runs in. */
  readonly host: 'electron' | 'browser';
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  printPdf(request: PrintPdfRequest): Promise<void>;
  openFolder(request: OpenFolderRequest): Promise<void>;
  appVersion(): Promise<string>;
  /** Where the data lives, for the clerk to read (a folder path, or a browser description). */
  dataFolder(): Promise<string>;
}

/** The global name under which the preload exposes the bridge. */
export const BRIDGE_GLOBAL = 'ledger';
