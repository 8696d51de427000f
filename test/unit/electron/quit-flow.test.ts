// Closing with an on-quit backup (electron/quit-flow.ts): the first close is held back and the
// page asked; its answer closes the window; no answer, a crash or a hung clean-up never keeps
// the window open past the bounds. A small fake stands in for the BrowserWindow.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUIT_REQUESTED_CHANNEL } from '@shared/bridge';
import { QUIT_ACK_TIMEOUT_MS, QUIT_TOTAL_TIMEOUT_MS, QuitFlow } from '../../../electron/quit-flow';

function fakeWindow() {
  const events = new EventEmitter();
  const webContents = Object.assign(new EventEmitter(), {
    send: vi.fn<(channel: string) => void>(),
    isCrashed: vi.fn(() => false),
  });
  let state: 'open' | 'closed' | 'destroyed' = 'open';
  /** Emits 'close' like Electron does; the window closes unless a listener prevents it. */
  const requestClose = (): boolean => {
    let prevented = false;
    events.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented && state === 'open') state = 'closed';
    return !prevented;
  };
  const window = {
    on: (event: 'close', listener: (event: { preventDefault(): void }) => void) => events.on(event, listener),
    isDestroyed: () => state !== 'open',
    close: vi.fn(() => void requestClose()),
    destroy: vi.fn(() => {
      state = 'destroyed';
    }),
    webContents,
  };
  return { window, webContents, requestClose, state: () => state };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
});

afterEach(() => vi.useRealTimers());

describe('closing the main window', () => {
  it('holds the first close, asks the page once, and closes normally when the page is ready', async () => {
    const flow = new QuitFlow();
    const fake = fakeWindow();
    flow.attach(fake.window);

    expect(fake.requestClose()).toBe(false);
    expect(fake.webContents.send).toHaveBeenCalledExactlyOnceWith(QUIT_REQUESTED_CHANNEL);
    expect(fake.state()).toBe('open');

    // The page works on its backup (its IPC calls are signs of life), then answers.
    flow.noteActivity(fake.webContents);
    await vi.advanceTimersByTimeAsync(QUIT_ACK_TIMEOUT_MS * 3);
    expect(fake.state()).toBe('open');
    flow.ready(fake.webContents, true);
    await vi.advanceTimersByTimeAsync(0);

    expect(fake.window.close).toHaveBeenCalledOnce();
    expect(fake.window.destroy).not.toHaveBeenCalled();
    expect(fake.state()).toBe('closed');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores answers from another page and answers when no close is under way', async () => {
    const flow = new QuitFlow();
    const fake = fakeWindow();
    flow.attach(fake.window);
    flow.ready(fake.webContents, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.state()).toBe('open');

    fake.requestClose();
    flow.ready({}, true);
    flow.noteActivity({});
    await vi.advanceTimersByTimeAsync(QUIT_ACK_TIMEOUT_MS - 1);
    expect(fake.state()).toBe('open');
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.state()).toBe('destroyed');
  });

  it('closes after the short bound when the page never answers (e.g. it hangs)', async () => {
    const flow = new QuitFlow();
    const fake = fakeWindow();
    flow.attach(fake.window);
    fake.requestClose();
    await vi.advanceTimersByTimeAsync(QUIT_ACK_TIMEOUT_MS - 1);
    expect(fake.state()).toBe('open');
    await vi.advanceTimersByTimeAsync(1);
    // A hung page might also block a normal close, so the window is destroyed.
    expect(fake.window.destroy).toHaveBeenCalledOnce();
    expect(fake.state()).toBe('destroyed');
  });

  it('a backup the host is still writing or verifying counts as work, not a hung page; the overall bound still holds', async () => {
    let writing = true;
    const flow = new QuitFlow({ busy: () => writing });
    const fake = fakeWindow();
    flow.attach(fake.window);
    fake.requestClose();
    // The page sends nothing while the host verifies its manual backup: no close at 10 s …
    await vi.advanceTimersByTimeAsync(QUIT_ACK_TIMEOUT_MS * 3);
    expect(fake.state()).toBe('open');
    // … the page answers once its backup is done, and the window closes normally.
    writing = false;
    flow.ready(fake.webContents, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.window.close).toHaveBeenCalled();
    expect(fake.window.destroy).not.toHaveBeenCalled();

    const stuck = new QuitFlow({ busy: () => true });
    const other = fakeWindow();
    stuck.attach(other.window);
    other.requestClose();
    await vi.advanceTimersByTimeAsync(QUIT_TOTAL_TIMEOUT_MS);
    expect(other.window.destroy).toHaveBeenCalledOnce();
  });

  it('closes after the overall bound when the page started but never finishes; closing again meanwhile changes nothing', async () => {
    const flow = new QuitFlow();
    const fake = fakeWindow();
    flow.attach(fake.window);
    fake.requestClose();
    flow.noteActivity(fake.webContents);

    await vi.advanceTimersByTimeAsync(QUIT_TOTAL_TIMEOUT_MS / 2);
    // The clerk clicks the close button again: still held, not asked twice.
    expect(fake.requestClose()).toBe(false);
    expect(fake.webContents.send).toHaveBeenCalledOnce();

    await vi.advanceTimersByTimeAsync(QUIT_TOTAL_TIMEOUT_MS / 2 - 1);
    expect(fake.state()).toBe('open');
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.state()).toBe('destroyed');
    // A late answer does nothing more.
    flow.ready(fake.webContents, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.window.close).not.toHaveBeenCalled();
    expect(fake.window.destroy).toHaveBeenCalledOnce();
  });

  it('closes at once when the page has crashed, before or while waiting', async () => {
    const crashedAlready = fakeWindow();
    crashedAlready.webContents.isCrashed.mockReturnValue(true);
    const flow = new QuitFlow();
    flow.attach(crashedAlready.window);
    crashedAlready.requestClose();
    await vi.advanceTimersByTimeAsync(0);
    expect(crashedAlready.webContents.send).not.toHaveBeenCalled();
    expect(crashedAlready.state()).toBe('destroyed');

    const crashesLater = fakeWindow();
    const second = new QuitFlow();
    second.attach(crashesLater.window);
    crashesLater.requestClose();
    second.noteActivity(crashesLater.webContents);
    crashesLater.webContents.emit('render-process-gone');
    await vi.advanceTimersByTimeAsync(0);
    expect(crashesLater.state()).toBe('destroyed');
  });

  it('closes when the page cannot even be asked', async () => {
    const flow = new QuitFlow();
    const fake = fakeWindow();
    fake.webContents.send.mockImplementation(() => {
      throw new Error('Object has been destroyed');
    });
    flow.attach(fake.window);
    fake.requestClose();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.state()).toBe('destroyed');
  });

  it('runs the clean-up (dropping unfinished backup writes) before closing, bounded', async () => {
    const order: string[] = [];
    const flow = new QuitFlow({ beforeClose: async () => void order.push('clean-up') });
    const fake = fakeWindow();
    fake.window.close.mockImplementation(() => {
      order.push('close');
      fake.requestClose();
    });
    flow.attach(fake.window);
    fake.requestClose();
    flow.ready(fake.webContents, false);
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['clean-up', 'close']);
    expect(fake.state()).toBe('closed');

    const hung = new QuitFlow({ beforeClose: () => new Promise<void>(() => undefined) });
    const other = fakeWindow();
    hung.attach(other.window);
    other.requestClose();
    hung.ready(other.webContents, true);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(other.state()).toBe('open');
    await vi.advanceTimersByTimeAsync(1);
    expect(other.state()).toBe('closed');

    const failing = new QuitFlow({ beforeClose: () => Promise.reject(new Error('disk gone')) });
    const third = fakeWindow();
    failing.attach(third.window);
    third.requestClose();
    failing.ready(third.webContents, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(third.state()).toBe('closed');
  });
});

describe('quitting from the menu (before-quit)', () => {
  it('goes through the same flow: held back, page asked, then the window closes', async () => {
    const flow = new QuitFlow();
    const fake = fakeWindow();
    flow.attach(fake.window);
    const quitEvent = { preventDefault: vi.fn() };
    flow.beforeQuit(quitEvent);
    expect(quitEvent.preventDefault).toHaveBeenCalledOnce();
    expect(fake.webContents.send).toHaveBeenCalledExactlyOnceWith(QUIT_REQUESTED_CHANNEL);

    // Electron then tries to close the window as part of the quit: also held while waiting.
    expect(fake.requestClose()).toBe(false);
    flow.ready(fake.webContents, true);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.state()).toBe('closed');

    // The quit that follows the window's close is let through.
    const again = { preventDefault: vi.fn() };
    flow.beforeQuit(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    expect(fake.webContents.send).toHaveBeenCalledOnce();
  });

  it('does not hold a quit when there is no window', () => {
    const flow = new QuitFlow();
    const quitEvent = { preventDefault: vi.fn() };
    flow.beforeQuit(quitEvent);
    expect(quitEvent.preventDefault).not.toHaveBeenCalled();
  });
});
