// Work that can wait (the print fonts, the index of 发布审核, other pages' code) waits for a pause
// in the clerk's typing and clicking. On two cores, the fonts' loading (about 1.5 s of CPU in the
// PDF worker) and the reviews index's loading (parts of 10,000 rows in the register worker) beside
// the first keys typed into 平台台账's search made the first key take 150–230 ms to show its rows,
// against 60–77 ms with nothing else running (timings logged in the page, three runs each).

/** How long the window must go without a key, click or scroll before waiting work starts. */
export const QUIET_MS = 2_000;

const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

export interface QuietGate {
  /** Resolves once `ms` have passed without input (at once if the last input is that old). */
  whenQuiet(ms?: number): Promise<void>;
}

/** A gate over the input events of `target` (the window), timed by `now`. */
export function quietGate(target: Pick<EventTarget, 'addEventListener'>, now: () => number = () => performance.now()): QuietGate {
  let lastInput = Number.NEGATIVE_INFINITY;
  const heard = () => {
    lastInput = now();
  };
  for (const type of INPUT_EVENTS) target.addEventListener(type, heard, { capture: true, passive: true });
  return {
    whenQuiet(ms = QUIET_MS) {
      return new Promise((resolve) => {
        const check = () => {
          const since = now() - lastInput;
          if (since >= ms) resolve();
          else setTimeout(check, ms - since);
        };
        check();
      });
    },
  };
}

// The window's gate, listening from the first import (app.tsx, before the first page is drawn).
const windowGate: QuietGate = typeof window === 'undefined' ? { whenQuiet: () => Promise.resolve() } : quietGate(window);

/** Resolves once the window has gone `ms` (QUIET_MS) without a key, click or scroll. */
export function whenQuiet(ms = QUIET_MS): Promise<void> {
  return windowGate.whenQuiet(ms);
}
