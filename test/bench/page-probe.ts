// What the scale benchmark injects into the app's page (as text, before the app's own scripts):
// a PerformanceObserver collecting the main thread's long tasks, the time of every click and key
// press, and helpers that wait, frame by frame, for something to be visible or for the page to
// settle — so a figure is the page's own clock from the clerk's action to what they see, not
// Playwright's polling. Plain browser JavaScript in a string: it runs in the page, not in Node.
export const PAGE_PROBE = String.raw`
(() => {
  const bench = { longTasks: [], clicks: [], keys: [], mutations: [] };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  addEventListener('click', (e) => bench.clicks.push(e.timeStamp), true);
  addEventListener('keydown', (e) => bench.keys.push(e.timeStamp), true);
  const visible = (el) => el.getClientRects().length > 0;
  /** Resolves with performance.now() of the first frame in which a match of any selector is visible. */
  bench.waitVisible = (selectors, timeoutMs) =>
    new Promise((resolve) => {
      const until = performance.now() + timeoutMs;
      const tick = () => {
        for (const sel of selectors) {
          for (const el of document.querySelectorAll(sel)) if (visible(el)) return resolve(performance.now());
        }
        if (performance.now() > until) return resolve(-1);
        requestAnimationFrame(tick);
      };
      tick();
    });
  /** Marks what is on screen now, so a wait can tell the next page's rows from the last one's. */
  bench.markOld = (selectors) => {
    for (const sel of selectors) for (const el of document.querySelectorAll(sel)) el.setAttribute('data-bench-old', '');
  };
  /** Records, per frame, when the subtree of the first match of a selector last changed (ignoring one subtree, e.g. the search box). */
  bench.watch = (selector, ignore) => {
    bench.mutations = [];
    const root = document.querySelector(selector) || document.body;
    const skip = ignore ? document.querySelector(ignore) : null;
    if (bench.observer) bench.observer.disconnect();
    bench.observer = new MutationObserver((records) => {
      if (records.every((r) => skip && skip.contains(r.target))) return;
      requestAnimationFrame(() => bench.mutations.push(performance.now()));
    });
    bench.observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  };
  bench.longestSince = (from) => bench.longTasks.filter(([s, d]) => s + d >= from).reduce((m, [, d]) => Math.max(m, d), 0);
})();
`;

export interface ProbeState {
  longTasks: [number, number][];
  clicks: number[];
  keys: number[];
  mutations: number[];
}
