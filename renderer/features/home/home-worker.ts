// Module Web Worker that keeps the start page's data (figures, flagged people, reminders) up to
// date off the UI thread. It opens the same database by name (Dexie works in a worker) and watches
// it with a liveQuery: a write in the window (or in any other worker) reaches it through Dexie's
// cross-context change signal and the data is computed again. The window receives only what it
// shows: the figures, the counts per kind and the first page of reminders; other pages on request.
//
// At start the last computation is shown at once when the ledger has not changed since
// (home-cache.ts), and the records are read only once it changes; the computation from the
// records the last start kept is shown at once too, and read again all the same (replacing what is
// shown if it differs).
import { liveQuery, type Subscription } from 'dexie';
import { DB_NAME, LedgerDb } from '../../db/schema';
import { KeptIndexDb } from '../../db/kept-indexes';
import { markText, type LedgerMark } from '../../db/ledger-mark';
import { cachedSnapshotAt, HomeCacheDb, keepHomeRecords, keepSnapshot, keptHomeRecords, readHomeUpdate, snapshotKey } from './home-cache';
import { homeSnapshotOf, reminderPage, reminderSummary, SnapshotVersions, type HomeSnapshot } from './home-snapshot';
import { REMINDER_PAGE_SIZE, type HomeWorkerRequest, type HomeWorkerResponse } from './home-protocol';

/** The DedicatedWorkerGlobalScope members used here (the project's lib has DOM, not WebWorker). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<HomeWorkerRequest>) => void): void;
  postMessage(message: HomeWorkerResponse): void;
}

// `self` is typed as Window by the DOM lib; in this file it is the worker's global scope.
const scope = self as unknown as WorkerScope;
// No query cache: the liveQuery reads tens of thousands of records, which Dexie's cache would keep
// a second copy of and clone on every run; nothing here reads the same query twice.
const db = new LedgerDb(DB_NAME, { cache: 'disabled' });

const cache = new HomeCacheDb();
const kept = new KeptIndexDb();
/** This worker's file: its name changes with any change of the rules it computes with. */
const CODE = import.meta.url;

let watching: { session: number; subscription?: Subscription } | undefined;
let latest: { version: number; snapshot: HomeSnapshot } | undefined;

function watch(session: number, today: string): void {
  unwatch();
  const versions = new SnapshotVersions();
  const publish = (snapshot: HomeSnapshot) => {
    // The same as the last one sent (a computation from kept records, confirmed by the reading;
    // a write that changes nothing shown): nothing to draw again.
    if (!versions.changed(snapshot)) return;
    const version = versions.version;
    latest = { version, snapshot };
    const firstPage = reminderPage(snapshot.reminders, undefined, 1, REMINDER_PAGE_SIZE).items;
    scope.postMessage({
      type: 'summary',
      summary: { session, version, stats: snapshot.stats, flagged: snapshot.flagged, hasRules: snapshot.hasRules, reminders: reminderSummary(snapshot.reminders), firstPage },
    });
  };
  const current: NonNullable<typeof watching> = { session };
  watching = current;
  // The kept snapshot is read before the records: asked beside them, it waited behind their
  // tens of thousands of reads (at 100,000 reviews, until the computation was done anyway).
  void cachedSnapshotAt(db, cache, today, CODE).then(async (hit) => {
    if (watching !== current) return;
    // Another day or a changed ledger: computed at once from the records kept by the last start,
    // caught up with what was written since; the reading below then confirms (or corrects) it.
    const found = hit ? undefined : await keptHomeRecords(db, kept, today, CODE);
    if (watching !== current) return;
    if (hit) publish(hit.snapshot);
    else if (found) publish(homeSnapshotOf(found.records, today));
    // The records are kept again once a visit, when they are not those kept already.
    const keptAt: LedgerMark | undefined = found?.keptAt;
    let keepRecords = !hit;
    // The mark is read before the records: a change in between leaves a mark older than the data,
    // which the next start finds stale or catches up from (never the other way round). A kept
    // snapshot exact at the mark is not read again until the ledger changes.
    current.subscription = liveQuery(() => readHomeUpdate(db, today, hit?.mark)).subscribe({
      next: ({ mark, records }) => {
        if (!records) return;
        const snapshot = homeSnapshotOf(records, today);
        publish(snapshot);
        void keepSnapshot(cache, snapshotKey(mark, today, CODE), snapshot);
        if (keepRecords && (!keptAt || markText(keptAt) !== markText(mark))) void keepHomeRecords(kept, records, mark, today, CODE);
        keepRecords = false;
      },
      error: (error: unknown) => {
        scope.postMessage({ type: 'error', session, detail: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
      },
    });
  });
}

function unwatch(): void {
  watching?.subscription?.unsubscribe();
  watching = undefined;
  // Nothing is kept while the start page is closed: the next visit reads the database afresh.
  latest = undefined;
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type === 'watch') watch(request.session, request.today);
  else if (request.type === 'unwatch') unwatch();
  else {
    const { items, total } = latest ? reminderPage(latest.snapshot.reminders, request.kind, request.page, REMINDER_PAGE_SIZE) : { items: [], total: 0 };
    scope.postMessage({ type: 'page', id: request.id, version: latest?.version ?? 0, items, total });
  }
});
