// Closing the app with an on-quit backup. The first close of the main window (its close button,
// or the menu's 退出 / app.quit(), which arrive as 'before-quit') is held back; the renderer is
// told (QUIT_REQUESTED_CHANNEL), makes its backup if anything changed, and answers through the
// quitReady channel. Then the window closes for real.
//
// The clerk is never trapped in an app that cannot close: the wait is bounded twice.
//   - QUIT_ACK_TIMEOUT_MS (10 s): the renderer must show a sign of life (any IPC call, e.g. the
//     backup's begin, or quitReady itself) within this time; a crashed or hung page never does.
//   - QUIT_TOTAL_TIMEOUT_MS (5 min): the longest the whole on-quit backup may take (a large
//     backup on a slow USB stick); after it the window closes and the unfinished backup's
//     temporary file is dropped, so earlier backups stay untouched.
// A crashed page ends the wait at once. Closing again while waiting does not start a second
// round; the window closes when the first one ends. When the renderer answered, the window is
// closed normally; after a timeout it is destroyed, since a hung page could also block a close.
import { QUIT_REQUESTED_CHANNEL } from '@shared/bridge';

export const QUIT_ACK_TIMEOUT_MS = 10_000;
export const QUIT_TOTAL_TIMEOUT_MS = 5 * 60_000;

/** The parts of a BrowserWindow the flow uses (a BrowserWindow fits; tests pass a small fake). */
export interface QuitWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  isDestroyed(): boolean;
  close(): void;
  destroy(): void;
  webContents: {
    send(channel: string): void;
    isCrashed(): boolean;
    once(event: 'render-process-gone', listener: () => void): unknown;
    removeListener(event: 'render-process-gone', listener: () => void): unknown;
  };
}

export interface QuitFlowOptions {
  ackTimeoutMs?: number;
  totalTimeoutMs?: number;
  /** Runs once before the window really closes (drops unfinished backup writes). Bounded by the flow's caller. */
  beforeClose?: () => Promise<void>;
  /**
   * Whether the host is busy on the page's behalf (a backup being written or verified). A page
   * that started a backup before the close was asked for may send nothing while the host
   * verifies a large file; that is work in progress, not a hung page.
   */
  busy?: () => boolean;
}

type State = 'open' | 'waiting' | 'closing';
type Ending = 'answered' | 'no-answer' | 'timeout' | 'renderer-gone';

/** Longest wait for `beforeClose`, so that it cannot hold the window open either. */
const BEFORE_CLOSE_BOUND_MS = 5_000;

export class QuitFlow {
  private window: QuitWindow | undefined;
  private state: State = 'open';
  private ackTimer: ReturnType<typeof setTimeout> | undefined;
  private totalTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onRendererGone = () => void this.end('renderer-gone');
  private readonly ackTimeoutMs: number;
  private readonly totalTimeoutMs: number;

  constructor(private readonly options: QuitFlowOptions = {}) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? QUIT_ACK_TIMEOUT_MS;
    this.totalTimeoutMs = options.totalTimeoutMs ?? QUIT_TOTAL_TIMEOUT_MS;
  }

  /** Whether the app is closing and waiting for the page's on-quit backup (the only time one is accepted). */
  get closing(): boolean {
    return this.state === 'waiting';
  }

  /** Takes over the close of the app's main window. */
  attach(window: QuitWindow): void {
    this.window = window;
    this.state = 'open';
    window.on('close', (event) => {
      if (this.state === 'closing') return;
      event.preventDefault();
      this.start();
    });
  }

  /** For app.on('before-quit'): holds the quit back until the on-quit backup is done. */
  beforeQuit(event: { preventDefault(): void }): void {
    if (this.state === 'closing' || !this.window || this.window.isDestroyed()) return;
    event.preventDefault();
    this.start();
  }

  /** Any call from the window's page while waiting: the page is alive and working on it. */
  noteActivity(sender: unknown): void {
    if (this.state !== 'waiting' || sender !== this.window?.webContents) return;
    clearTimeout(this.ackTimer);
    this.ackTimer = undefined;
  }

  /** The page's answer (quitReady). Answers outside a close, or from another page, are ignored. */
  ready(sender: unknown, backedUp: boolean): void {
    if (this.state !== 'waiting' || sender !== this.window?.webContents) return;
    console.info(`[quit] the page is ready to close (on-quit backup ${backedUp ? 'written' : 'not written'})`);
    void this.end('answered');
  }

  private start(): void {
    if (this.state !== 'open' || !this.window) return;
    const contents = this.window.webContents;
    this.state = 'waiting';
    if (contents.isCrashed()) {
      void this.end('renderer-gone');
      return;
    }
    contents.once('render-process-gone', this.onRendererGone);
    this.ackTimer = setTimeout(() => {
      this.ackTimer = undefined;
      if (!this.options.busy?.()) void this.end('no-answer');
    }, this.ackTimeoutMs);
    this.totalTimer = setTimeout(() => void this.end('timeout'), this.totalTimeoutMs);
    try {
      contents.send(QUIT_REQUESTED_CHANNEL);
    } catch (error) {
      console.error('[quit] could not ask the page to prepare for closing:', error);
      void this.end('renderer-gone');
    }
  }

  private async end(ending: Ending): Promise<void> {
    if (this.state !== 'waiting') return;
    this.state = 'closing';
    clearTimeout(this.ackTimer);
    clearTimeout(this.totalTimer);
    const window = this.window;
    if (!window || window.isDestroyed()) return;
    window.webContents.removeListener('render-process-gone', this.onRendererGone);
    if (ending !== 'answered') console.error(`[quit] closing without the page's answer (${ending})`);
    if (this.options.beforeClose) {
      let bound: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        this.options.beforeClose().catch((error: unknown) => console.error('[quit] clean-up before closing failed:', error)),
        new Promise<void>((resolve) => (bound = setTimeout(resolve, BEFORE_CLOSE_BOUND_MS))),
      ]);
      clearTimeout(bound);
    }
    if (window.isDestroyed()) return;
    if (ending === 'answered') window.close();
    else window.destroy();
  }
}
