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
  backupBegin: 'ledger:backup-begin',
  backupChunk: 'ledger:backup-chunk',
  backupFinish: 'ledger:backup-finish',
  backupAbort: 'ledger:backup-abort',
  backupStatus: 'ledger:backup-status',
  chooseBackupFolder: 'ledger:choose-backup-folder',
  quitReady: 'ledger:quit-ready',
} as const;
export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

/** Main → renderer: the window is closing; make the on-quit backup, then call quitReady. */
export const QUIT_REQUESTED_CHANNEL = 'ledger:quit-requested';

/**
 * A refusal or failure reported across the bridge, as {code, message}: `message` is Chinese and
 * written for the clerk, except for `internal` (an unexpected failure; the renderer shows its own
 * fallback and logs the detail). The host never relies on an error's name or wording to say which.
 */
export const BRIDGE_ERROR_CODES = ['refused', 'invalid-request', 'failed', 'internal'] as const;
export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

export class BridgeError extends Error {
  override readonly name = 'BridgeError';
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Electron passes only an error's message from main to the page, so a handler's error travels as
 * the JSON of {code, message} behind this marker; anything else becomes `internal`.
 */
const WIRE_MARKER = 'ledger-bridge-error:';

export function encodeBridgeError(error: unknown): string {
  const payload = error instanceof BridgeError ? { code: error.code, message: error.message } : { code: 'internal', message: String(error instanceof Error ? error.message : error) };
  return WIRE_MARKER + JSON.stringify(payload);
}

/** Reads {code, message} back from the text Electron hands the page (it prefixes its own words). */
export function decodeBridgeError(text: string): BridgeError {
  const at = text.indexOf(WIRE_MARKER);
  if (at >= 0) {
    try {
      const parsed: unknown = JSON.parse(text.slice(at + WIRE_MARKER.length));
      if (parsed && typeof parsed === 'object' && 'code' in parsed && 'message' in parsed) {
        const { code, message } = parsed;
        const known = BRIDGE_ERROR_CODES.find((c) => c === code);
        if (known && typeof message === 'string') return new BridgeError(known, message);
      }
    } catch {
      // Not ours: reported as internal below.
    }
  }
  return new BridgeError('internal', text);
}

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

/*
 * Backups are written as a stream of chunks: begin → chunk* → finish (or abort). The host picks
 * the folder (a dialog for a manual backup, the configured backup folder otherwise) and the file
 * name; the renderer never hands it a path. The bytes go to a temporary file that is verified
 * (shared/backup verifyBackup) and only then renamed to its final name, so an interrupted or
 * failed backup never replaces or damages an earlier one. The browser edition collects the
 * chunks, verifies them and downloads the file.
 */
export const BACKUP_KINDS = ['manual', 'daily', 'quit'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** Largest chunk of one backupChunk call. */
export const MAX_BACKUP_CHUNK_BYTES = 16 * 1024 * 1024;

const writeId = z.string().regex(/^[0-9a-f]{32}$/, '备份写入编号不合法');

export const backupBeginRequestSchema = z.object({
  kind: z.enum(BACKUP_KINDS),
  /**
   * The institution's time zone (the rule profile's): the backup's name, and which day a daily
   * backup belongs to, are read on its clock, not the machine's. A zone the host does not know is
   * read as China time, as everywhere in the app.
   */
  timeZone: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9_+\-/]+$/, '时区名称不合法'),
});
export type BackupBeginRequest = z.infer<typeof backupBeginRequestSchema>;
/**
 * `started: false` when the clerk cancelled the folder dialog of a manual backup, or when the host
 * finds no daily backup due (one was made today). The host alone decides when an automatic backup
 * happens: an on-quit backup outside the app's closing is refused.
 */
export type BackupBeginResult = { started: true; writeId: string; folder: string } | { started: false };

export const backupChunkRequestSchema = z.object({
  writeId,
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength > 0 && d.byteLength <= MAX_BACKUP_CHUNK_BYTES, '备份数据块大小不合法'),
});
export type BackupChunkRequest = z.infer<typeof backupChunkRequestSchema>;

export const backupFinishRequestSchema = z.object({
  writeId,
  /** Needed to verify an encrypted backup before it is kept; used once, never stored. */
  passphrase: z.string().max(1024).optional(),
});
export type BackupFinishRequest = z.infer<typeof backupFinishRequestSchema>;
export interface BackupFinishResult {
  /** Where the verified backup now is (Electron), or the downloaded file's name (browser). */
  path: string;
  bytes: number;
  /** Backups removed by the rotation of automatic backups (file names). */
  removed: string[];
}

export const backupAbortRequestSchema = z.object({ writeId });
export type BackupAbortRequest = z.infer<typeof backupAbortRequestSchema>;

export interface BackupFileInfo {
  name: string;
  kind: BackupKind;
  bytes: number;
  /** ISO date-time the file was last written. */
  modifiedAt: string;
}

export interface BackupStatus {
  /** Whether the host makes daily and on-quit backups (the desktop app does; a browser cannot). */
  automatic: boolean;
  /** The configured backup folder (Electron), or a description of where downloads go (browser). */
  folder: string;
  /** Backups found in that folder, newest first (empty in the browser edition). */
  files: BackupFileInfo[];
  /** The folder is on removable media (a USB stick): automatic backups there are unencrypted and easily lost. */
  removable: boolean;
}

export const quitReadyRequestSchema = z.object({ backedUp: z.boolean() });
export type QuitReadyRequest = z.infer<typeof quitReadyRequestSchema>;

export interface LedgerBridge {
  /** Which host the renderer runs in. */
  readonly host: 'electron' | 'browser';
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  printPdf(request: PrintPdfRequest): Promise<void>;
  openFolder(request: OpenFolderRequest): Promise<void>;
  appVersion(): Promise<string>;
  /** Where the data lives, for the clerk to read (a folder path, or a browser description). */
  dataFolder(): Promise<string>;
  backupBegin(request: BackupBeginRequest): Promise<BackupBeginResult>;
  backupChunk(request: BackupChunkRequest): Promise<void>;
  backupFinish(request: BackupFinishRequest): Promise<BackupFinishResult>;
  backupAbort(request: BackupAbortRequest): Promise<void>;
  backupStatus(): Promise<BackupStatus>;
  /** Lets the clerk pick the folder for automatic backups (Electron); undefined when cancelled. */
  chooseBackupFolder(): Promise<string | undefined>;
  /**
   * Registers what to do when the window is about to close (the on-quit backup). The host waits
   * for the returned promise (bounded) before it quits. A no-op in the browser edition.
   */
  onQuitRequested(handler: () => Promise<boolean>): void;
}

/** The global name under which the preload exposes the bridge. */
export const BRIDGE_GLOBAL = 'ledger';
