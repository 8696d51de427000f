// One way a page of a list is read and kept current: read when its key changes or when one of the
// tables it shows is written (by this window, a worker or another window), the newest read
// winning and the last one staying on screen while the next loads. The registers
// (register-index.ts) and 人员 (people-index.ts) read through it.
import { Dexie, type ObservabilitySet } from 'dexie';
import { useEffect, useMemo, useState } from 'react';
import { showError } from '../app/errors';
import { DB_NAME } from './schema';

const PREFIX = `idb://${DB_NAME}/`;
const listeners = new Set<(tables: ReadonlySet<string>) => void>();
/** How many writes to the ledger this window has heard of: a read started before one is out of date. */
let writes = 0;

/** The ledger's tables a storagemutated event names. */
export function changedTables(parts: ObservabilitySet): Set<string> {
  const tables = new Set<string>();
  for (const part of Object.keys(parts)) {
    if (part.startsWith(PREFIX)) tables.add(part.slice(PREFIX.length).split('/')[0]!);
  }
  return tables;
}

// A listener's re-read is posted after this event is handled: a search worker told of the change
// by its own handler of the same event hears of it first.
Dexie.on('storagemutated', (parts: ObservabilitySet) => {
  const tables = changedTables(parts);
  if (tables.size === 0) return;
  writes++;
  for (const listener of listeners) listener(tables);
});

/** A number that grows whenever one of the tables changes: a dependency for re-reading a page. */
function useTablesVersion(tables: readonly string[]): number {
  const [version, setVersion] = useState(0);
  const key = tables.join();
  useEffect(() => {
    const listener = (changed: ReadonlySet<string>) => {
      if (tables.some((t) => changed.has(t))) setVersion((v) => v + 1);
    };
    listeners.add(listener);
    return () => void listeners.delete(listener);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the list of tables.
  }, [key]);
  return version;
}

/**
 * A read started before the list is drawn for its key: a search box's change handler starts the
 * page's read at once, and the list, rendered for the new query a few milliseconds later, takes
 * that read instead of starting its own (the worker's query then runs while the key is drawn).
 * Only the newest is kept; it is taken once, by the first read of its key, and only while no write
 * has been heard of since it started.
 */
let startedEarly: { key: string; read: Promise<unknown>; writes: number } | undefined;

/** Starts the read the list will make for `key` (see startedEarly). */
export function startPagedRead(key: string, read: () => Promise<unknown>): void {
  const started = read();
  // The list handles its failure when it takes it; one never taken must not be reported unhandled.
  started.catch(() => undefined);
  startedEarly = { key, read: started, writes };
}

/** The read started early for `key`, once, if no write has been heard of since (exported for its tests). */
export function takeStartedRead<R>(key: string): Promise<R> | undefined {
  const early = startedEarly;
  if (early?.key !== key) return undefined;
  startedEarly = undefined;
  return early.writes === writes ? (early.read as Promise<R>) : undefined;
}

/** What a paged read shows: the newest read, and whether a read for another key is still under way. */
export interface PagedRead<R> {
  /** The newest read (undefined only before the first answers). */
  shown: R | undefined;
  /**
   * A read for the key now asked (other filters, a query typed, another page) has not answered:
   * `shown` is the last key's. Not set by a re-read after a table changed (the rows shown are of
   * the same key), nor once the read failed (its error is shown; the last rows stay).
   */
  pending: boolean;
}

/** The value shown, now standing for `key` (the same object when it already does: nothing drawn again). */
function standingFor<R>(shown: { key: string; value: R }, key: string): { key: string; value: R } {
  return shown.key === key ? shown : { key, value: shown.value };
}

/**
 * Re-reads whenever `key` changes or one of the tables does; the newest read wins. The last read
 * stays shown while the next one loads (undefined only before the first), and `pending` says when
 * it is of another key. A read that `same` finds equal to the one shown keeps it: nothing is drawn
 * again (the clerk typed a key and the page's rows did not change).
 */
export function usePagedRead<R>(key: string, tables: readonly string[], read: () => Promise<R>, same?: (shown: R, next: R) => boolean): PagedRead<R> {
  const version = useTablesVersion(tables);
  const [state, setState] = useState<{ key: string; value: R }>();
  useEffect(() => {
    let live = true;
    (takeStartedRead<R>(key) ?? read()).then(
      (next) => live && setState((shown) => (shown !== undefined && same?.(shown.value, next) ? standingFor(shown, key) : { key, value: next })),
      (e: unknown) => {
        if (!live) return;
        showError(e, '读取列表失败');
        // Not searching any more: the last rows stay, under the error's message.
        setState((shown) => shown && standingFor(shown, key));
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for everything `read` reads.
  }, [key, version]);
  return { shown: state?.value, pending: state !== undefined && state.key !== key };
}

/** The newest read of `key` (see usePagedRead), for a list that shows no sign of a read under way. */
export function usePaged<R>(key: string, tables: readonly string[], read: () => Promise<R>, same?: (shown: R, next: R) => boolean): R | undefined {
  return usePagedRead(key, tables, read, same).shown;
}

/**
 * The newest read of `key` with `pending` in it (see usePagedRead): for a list that shows a read
 * under way (RegisterList, through its paging). The same object while neither changes.
 */
export function usePagedRows<R extends object>(key: string, tables: readonly string[], read: () => Promise<R>, same?: (shown: R, next: R) => boolean): (R & { pending: boolean }) | undefined {
  const { shown, pending } = usePagedRead(key, tables, read, same);
  return useMemo(() => shown && { ...shown, pending }, [shown, pending]);
}
