// `npm run bench:indexeddb`: what IndexedDB itself allows in this Chromium, apart from the app's
// code (issue 15). The rows of `npm run bench:scale`'s dataset (its audit log and reviews,
// BENCH_SCALE times the counts, 0.1 unless set) are written into object stores made as the
// app's schema makes them (renderer/db/schema.ts, its current stores and indexes), in a worker of a
// page on a disk-backed profile, as the backup worker does:
//
// - written in one read-write transaction, by pages of PAGE_ROWS, the next page put while the
//   last one is written (as a restore that writes every row, into an empty database);
// - the same in one transaction per page; and into the store without its indexes;
// - read back by pages of PAGE_ROWS by primary key (as a backup or a restore's snapshot reads).
//
// Each line prints rows/s and MB/s of the rows' JSON. No code of the app reads or writes rows
// faster than these; the restore and snapshot rows of bench:scale are to be read against them.
// It measures; it is not a timed test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { PAGE_ROWS } from '../../shared/backup/json-pages';
import { CURRENT_STORES } from '../../renderer/db/schema';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { scaleDataset } from './scale-backup';

const SCALE = Number(process.env.BENCH_SCALE ?? 0.1);
const TABLES = ['auditLog', 'reviews'] as const;
const ORIGIN = 'http://indexeddb.bench';

/** A Dexie store definition ("++seq, at, [kind+accountId]") as IndexedDB's key path and indexes. */
function storeShape(definition: string): { keyPath: string; autoIncrement: boolean; indexes: (string | string[])[] } {
  const [primary = '', ...rest] = definition.split(',').map((part) => part.trim());
  const path = (spec: string) => (spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec.replace(/^[&*]/, ''));
  return { keyPath: primary.replace(/^\+\+/, ''), autoIncrement: primary.startsWith('++'), indexes: rest.filter(Boolean).map(path) };
}

// Runs in the worker: the page posts { shape, rows, variant } and gets the timings back.
const WORKER = `
const done = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
const ended = (tx) => new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); tx.onabort = () => reject(tx.error); });
onmessage = async ({ data: { name, shape, rows, pageRows, variant } }) => {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('rows', { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement });
    if (variant !== 'no-indexes') for (const index of shape.indexes) store.createIndex(String(index), index);
  };
  const db = await done(open);
  let puts = 0;
  const t0 = performance.now();
  if (variant === 'read') {
    const tx = db.transaction('rows', 'readonly');
    const store = tx.objectStore('rows');
    let after, read = 0;
    for (;;) {
      const page = await done(store.getAll(after === undefined ? null : IDBKeyRange.lowerBound(after, true), pageRows));
      read += page.length;
      if (page.length < pageRows) break;
      after = page[page.length - 1][shape.keyPath];
    }
    postMessage({ ms: performance.now() - t0, rows: read });
    return;
  }
  let tx = db.transaction('rows', 'readwrite', { durability: 'strict' });
  let writing;
  for (let at = 0; at < rows.length; at += pageRows) {
    if (variant === 'per-page' && at > 0) { await writing; await ended(tx); tx = db.transaction('rows', 'readwrite', { durability: 'strict' }); }
    const store = tx.objectStore('rows');
    const p0 = performance.now();
    let last;
    for (const row of rows.slice(at, at + pageRows)) last = store.put(row);
    puts += performance.now() - p0;
    // One page written while the next is put, as the restore's merge does.
    await writing;
    writing = done(last);
  }
  await writing;
  await ended(tx);
  postMessage({ ms: performance.now() - t0, rows: rows.length, puts });
};`;

const dataset = scaleDataset({ scale: SCALE });
const profile = mkdtempSync(join(tmpdir(), 'ledger-bench-indexeddb-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  // An origin of its own (IndexedDB needs one), served by the test itself.
  await page.route(`${ORIGIN}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>indexeddb</title>' }));
  await page.goto(`${ORIGIN}/`);
  console.log(`IndexedDB in ${CHROMIUM_PATH}, a worker of a page on a disk-backed profile; pages of ${PAGE_ROWS.toLocaleString('en')} rows (BENCH_SCALE=${SCALE})`);
  for (const table of TABLES) {
    const rows = dataset.tables[table];
    const shape = storeShape(CURRENT_STORES[table]);
    const mb = Buffer.byteLength(JSON.stringify(rows)) / 1e6;
    const run = (variant: string) =>
      page.evaluate(
        async ({ code, message }) => {
          const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
          try {
            return await new Promise<{ ms: number; rows: number; puts?: number }>((resolve, reject) => {
              worker.onmessage = (event) => resolve(event.data as { ms: number; rows: number; puts?: number });
              worker.onerror = (event) => reject(new Error(event.message));
              worker.postMessage(message);
            });
          } finally {
            worker.terminate();
          }
        },
        { code: WORKER, message: { name: `${table}-${variant === 'read' ? 'one-transaction' : variant}`, shape, rows: variant === 'read' ? [] : rows, pageRows: PAGE_ROWS, variant } },
      );
    const line = (what: string, result: { ms: number; rows: number; puts?: number }) =>
      console.log(
        `  ${table} (${result.rows.toLocaleString('en')} rows, ${mb.toFixed(1)} MB of JSON, ${shape.indexes.length} indexes), ${what}: ${(result.ms / 1000).toFixed(1)} s, ` +
          `${Math.round(result.rows / (result.ms / 1000)).toLocaleString('en')} rows/s, ${(mb / (result.ms / 1000)).toFixed(1)} MB/s` +
          (result.puts === undefined ? '' : ` (put() calls ${(result.puts / 1000).toFixed(1)} s)`),
      );
    line('written in one transaction', await run('one-transaction'));
    line('written in one transaction per page', await run('per-page'));
    line('written without its indexes, one transaction', await run('no-indexes'));
    line('read back by pages (the store written in one transaction)', await run('read'));
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
