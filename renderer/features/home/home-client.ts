// The window's side of the home worker: one worker for the life of the page, watching the database
// while the start page is open. useHomeSummary() gives the latest figures and reminder counts;
// useReminderPage() a page of the list (page 1 of all kinds comes with the summary).
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ReminderKind } from '@shared/rules/reminder';
import type { ComplianceReminder } from '@shared/rules/reminders';
import type { HomeSummary, HomeWorkerRequest, HomeWorkerResponse } from './home-protocol';

type State = { summary?: HomeSummary; failed?: boolean };

let worker: Worker | undefined;
let state: State = {};
let session = 0;
let watchedDay: string | undefined;
let nextPageId = 1;
const listeners = new Set<() => void>();
const pages = new Map<number, (page: { version: number; items: ComplianceReminder[]; total: number }) => void>();

function set(next: State): void {
  state = next;
  for (const listener of listeners) listener();
}

function post(request: HomeWorkerRequest): void {
  getWorker().postMessage(request);
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./home-worker.ts', import.meta.url), { type: 'module', name: 'home' });
  w.addEventListener('message', (event: MessageEvent<HomeWorkerResponse>) => {
    const response = event.data;
    if (response.type === 'summary') {
      if (response.summary.session === session) {
        set({ summary: response.summary });
        startPageShown();
      }
    } else if (response.type === 'page') {
      pages.get(response.id)?.(response);
      pages.delete(response.id);
    } else if (response.session === session) {
      console.error('home worker failed', response.detail);
      set({ ...state, failed: true });
    }
  });
  w.addEventListener('error', (event) => {
    console.error('home worker error', event.message);
    // A fresh worker is started by the next visit to the start page.
    worker?.terminate();
    worker = undefined;
    watchedDay = undefined;
    set({ ...state, failed: true });
  });
  worker = w;
  return w;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = (): State => state;

/** Starts watching for `today`, unless already watching it. */
function watch(today: string): void {
  if (watchedDay === today) return;
  session += 1;
  watchedDay = today;
  // A summary of another day or an earlier visit is never shown.
  set({});
  post({ type: 'watch', session, today });
}

/**
 * Starts the start page's computation before the page is drawn, when the window opens on it: the
 * worker loads and reads while the window renders its first screen. The page, once mounted, shows
 * what it found (and stops it when closed, as when it started it).
 */
export function watchEarly(today: string): void {
  watch(today);
}

let startPageShown: () => void = () => undefined;
const firstSummary = new Promise<void>((resolve) => {
  startPageShown = resolve;
});

/**
 * Resolves once the start page has shown its figures, or after `timeoutMs` (the window opened on
 * another page): work that can wait (loading other pages' code, the print fonts) starts then,
 * instead of competing with the first screen.
 */
export function afterStartPage(timeoutMs: number): Promise<void> {
  return Promise.race([firstSummary, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}

/** Starts watching for `today` (again when the day changes); stops when the page closes. */
function useWatch(today: string): void {
  useEffect(() => watch(today), [today]);
  useEffect(
    () => () => {
      if (!worker) return;
      post({ type: 'unwatch' });
      watchedDay = undefined;
      set({});
    },
    [],
  );
}

/** The start page's figures and reminder counts for `today`; undefined until computed. */
export function useHomeSummary(today: string): State {
  useWatch(today);
  return useSyncExternalStore(subscribe, snapshot);
}

/**
 * One page (1-based) of the reminders of `kind` (all when undefined), for the summary shown. Keeps
 * the previous page until the new one arrives (`loading`).
 */
export function useReminderPage(summary: HomeSummary | undefined, kind: ReminderKind | undefined, page: number): { items: ComplianceReminder[]; total: number; loading: boolean } {
  const first = !kind && page === 1;
  const [asked, setAsked] = useState<{ key: string; items: ComplianceReminder[]; total: number }>();
  const key = summary ? `${summary.session}:${summary.version}:${kind ?? ''}:${page}` : '';
  useEffect(() => {
    if (!summary || first) return;
    let live = true;
    const id = nextPageId++;
    pages.set(id, (answer) => {
      if (live && answer.version === summary.version) setAsked({ key, items: answer.items, total: answer.total });
    });
    post({ type: 'page', id, kind, page });
    return () => {
      live = false;
    };
  }, [summary, first, key, kind, page]);
  if (!summary) return { items: [], total: 0, loading: true };
  if (first) return { items: summary.firstPage, total: summary.reminders.total, loading: false };
  return { items: asked?.items ?? [], total: asked?.total ?? 0, loading: asked?.key !== key };
}
