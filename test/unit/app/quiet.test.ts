// Work that can wait starts only after a pause in the clerk's keys, clicks and scrolling: each input
// postpones it by the whole pause again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { quietGate } from '../../../renderer/app/quiet';

describe('quietGate', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const gateOn = () => {
    const target = new EventTarget();
    return { target, gate: quietGate(target, () => Date.now()) };
  };

  /** Whether the promise has resolved by now (after the microtasks queued so far). */
  async function settled(p: Promise<void>): Promise<boolean> {
    let done = false;
    void p.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    return done;
  }

  it('resolves at once when there has been no input', async () => {
    const { gate } = gateOn();
    expect(await settled(gate.whenQuiet(2_000))).toBe(true);
  });

  it('waits the whole pause after the last key, click or scroll', async () => {
    const { target, gate } = gateOn();
    target.dispatchEvent(new Event('keydown'));
    const quiet = gate.whenQuiet(2_000);
    await vi.advanceTimersByTimeAsync(1_500);
    target.dispatchEvent(new Event('pointerdown'));
    await vi.advanceTimersByTimeAsync(1_500);
    target.dispatchEvent(new Event('wheel'));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(await settled(quiet)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(quiet)).toBe(true);
  });

  it('does not wait for input older than the pause', async () => {
    const { target, gate } = gateOn();
    target.dispatchEvent(new Event('keydown'));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await settled(gate.whenQuiet(2_000))).toBe(true);
  });

  it('is not postponed by other events', async () => {
    const { target, gate } = gateOn();
    target.dispatchEvent(new Event('keydown'));
    const quiet = gate.whenQuiet(1_000);
    await vi.advanceTimersByTimeAsync(600);
    target.dispatchEvent(new Event('mousemove'));
    target.dispatchEvent(new Event('keyup'));
    await vi.advanceTimersByTimeAsync(400);
    expect(await settled(quiet)).toBe(true);
  });
});
