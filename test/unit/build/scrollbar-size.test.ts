// rc-util's scrollbar measurement restyled the whole page at every table's mount; the build puts a
// once-per-session measurement in its place (vite.config.ts, renderer/vendor/rc-util).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scrollbarSizeOnce } from '../../../vite.config';

const RC_UTIL = '/work/node_modules/@rc-component/util/es';

describe('scrollbarSizeOnce', () => {
  const resolve = (source: string, importer?: string) => {
    const hook = scrollbarSizeOnce().resolveId as (source: string, importer?: string) => string | null;
    return hook(source, importer);
  };

  it("takes the place of rc-util's getScrollBarSize module, for rc-util's own imports only", () => {
    const replacement = resolve('./getScrollBarSize', `${RC_UTIL}/index.js`);
    expect(replacement).toMatch(/renderer[\\/]vendor[\\/]rc-util[\\/]scrollbar-size\.ts$/);
    expect(resolve('../getScrollBarSize', `${RC_UTIL}/Dom/scrollLocker.js`)).toBe(replacement);
    expect(resolve('./getScrollBarSize.js', 'C:\\app\\node_modules\\@rc-component\\util\\es\\index.js')).toBe(replacement);
    expect(resolve('./getScrollBarSize', '/work/main/renderer/features/x.ts')).toBeNull();
    expect(resolve('./index', `${RC_UTIL}/index.js`)).toBeNull();
    expect(resolve('./getScrollBarSize')).toBeNull();
  });
});

describe('the scrollbar size measured once', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  /** A document whose probe reports a 17 px scrollbar, counting the probes made. */
  function fakeDocument() {
    const made: { style: { cssText: string } }[] = [];
    class FakeElement {}
    const body = { appendChild: vi.fn(), removeChild: vi.fn() };
    vi.stubGlobal('Element', FakeElement);
    vi.stubGlobal('document', {
      body,
      createElement: () => {
        const probe = Object.assign(new FakeElement(), { style: { cssText: '' }, offsetWidth: 100, clientWidth: 83, offsetHeight: 100, clientHeight: 83 });
        made.push(probe);
        return probe;
      },
    });
    return { made, body, FakeElement };
  }

  it('measures a plain scrolling probe once, and gives every element that size', async () => {
    const { made, body, FakeElement } = fakeDocument();
    const { default: getScrollBarSize, getTargetScrollBarSize } = await import('../../../renderer/vendor/rc-util/scrollbar-size');
    expect(getTargetScrollBarSize(new FakeElement())).toEqual({ width: 17, height: 17 });
    expect(getTargetScrollBarSize(new FakeElement())).toEqual({ width: 17, height: 17 });
    expect(getScrollBarSize()).toBe(17);
    expect(made).toHaveLength(1);
    expect(made[0]!.style.cssText).toContain('overflow:scroll');
    expect(body.removeChild).toHaveBeenCalledWith(made[0]);
    // Asked afresh, it measures again; anything but an element has no scrollbar.
    expect(getScrollBarSize(true)).toBe(17);
    expect(made).toHaveLength(2);
    expect(getTargetScrollBarSize(null)).toEqual({ width: 0, height: 0 });
  });

  it('gives nothing where there is no document', async () => {
    const { default: getScrollBarSize, getTargetScrollBarSize } = await import('../../../renderer/vendor/rc-util/scrollbar-size');
    expect(getScrollBarSize()).toBe(0);
    expect(getTargetScrollBarSize({})).toEqual({ width: 0, height: 0 });
  });
});
