// Stands in for @rc-component/util's getScrollBarSize module (vite.config.ts, scrollbarSizeOnce).
// The original measures an element's scrollbar each time a table mounts or a dialog opens: it adds
// a <style> for the element's ::-webkit-scrollbar, a probe element, reads the probe's size and
// removes both, so the whole page's styles are computed again (antd's stylesheet is about 1 MB)
// and laid out at once, inside React's commit: 14–62 ms in traces of 平台台账 opening at a
// university's scale. The elements it is asked about here (a table's body, the page's body) have
// the platform's own scrollbar, never one styled for them, so their size is that of a plain
// scrolling probe, measured once per session.

interface Size {
  width: number;
  height: number;
}

let measured: Size | undefined;

function measure(): Size {
  const probe = document.createElement('div');
  probe.style.cssText = 'position:absolute;left:0;top:0;width:100px;height:100px;overflow:scroll;visibility:hidden';
  document.body.appendChild(probe);
  const size = { width: probe.offsetWidth - probe.clientWidth, height: probe.offsetHeight - probe.clientHeight };
  document.body.removeChild(probe);
  return size;
}

/** The platform's scrollbar width (measured again when `fresh`). */
// eslint-disable-next-line no-restricted-syntax -- the module it stands in for exports this as its default.
export default function getScrollBarSize(fresh?: boolean): number {
  if (typeof document === 'undefined') return 0;
  if (fresh || measured === undefined) measured = measure();
  return measured.width;
}

/** The scrollbar size of `target`: the platform's, for an element; none for anything else. */
export function getTargetScrollBarSize(target: unknown): Size {
  if (typeof document === 'undefined' || typeof Element === 'undefined' || !(target instanceof Element)) return { width: 0, height: 0 };
  measured ??= measure();
  return { ...measured };
}
