// A page whose code is a chunk of its own, loaded when first opened or in the background before.
import { lazy, useState, type ComponentType, type ReactNode } from 'react';

export interface LazyPage<P extends object> {
  (props: P): ReactNode;
  /** Loads the page's code now (once), so that opening the page later renders it at once. */
  preload: () => Promise<unknown>;
}

/**
 * The page, rendered at once when its code is already loaded. Through React.lazy alone, every
 * first opening suspends even then (lazy() learns of a loaded module only by awaiting it), shows
 * the Suspense fallback, and React reveals what replaces a fallback no sooner than 300 ms after
 * it: the first visit of every page took 0.3 s longer than the later ones.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const loadOnce = () => {
    loading ??= load().then(
      (page) => (loaded = page),
      (error: unknown) => {
        loading = undefined; // A failed load is tried again when the page is opened.
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(async () => ({ default: await loadOnce() }));
  function Page(props: P): ReactNode {
    // Chosen once per mount: a page opened while its code loads stays the lazy one until it is
    // left (switching would mount it again and lose what the clerk typed).
    const [Loaded] = useState(() => loaded);
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(Page, { preload: loadOnce });
}
