// Reading the app's IndexedDB from a test, to assert what was (or was not) stored.
import type { Page } from '@playwright/test';

export type Row = Record<string, unknown>;

/** Every row of one object store of the app's database. */
export async function readStore<T = Row>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('media-ledger');
        open.onsuccess = () => {
          const get = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result as T[]);
          };
          get.onerror = () => reject(get.error);
        };
        open.onerror = () => reject(open.error);
      }),
    store,
  );
}

export async function countRows(page: Page, store: string): Promise<number> {
  return (await readStore(page, store)).length;
}

/** Edits one audit entry behind the app's back, as someone with the database files could. */
export async function tamperAuditEntry(page: Page, seq: number, patch: Row): Promise<void> {
  await page.evaluate(
    ({ seq, patch }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('media-ledger');
        open.onsuccess = () => {
          const store = open.result.transaction('auditLog', 'readwrite').objectStore('auditLog');
          const get = store.get(seq);
          get.onsuccess = () => {
            const put = store.put({ ...(get.result as Row), ...patch });
            put.onsuccess = () => {
              open.result.close();
              resolve();
            };
            put.onerror = () => reject(put.error);
          };
          get.onerror = () => reject(get.error);
        };
        open.onerror = () => reject(open.error);
      }),
    { seq, patch },
  );
}

/** Writes one row into a store behind the app's back (to simulate damaged data). */
export async function putRow(page: Page, store: string, row: Row): Promise<void> {
  await changeStore(page, store, { put: row });
}

/** Deletes one stored value by its key, behind the app's back (as a damaged profile would lack it). */
export async function deleteRow(page: Page, store: string, key: string): Promise<void> {
  await changeStore(page, store, { delete: key });
}

async function changeStore(page: Page, store: string, change: { put: Row } | { delete: string }): Promise<void> {
  await page.evaluate(
    ({ store, change }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('media-ledger');
        open.onsuccess = () => {
          const target = open.result.transaction(store, 'readwrite').objectStore(store);
          const request = 'put' in change ? target.put(change.put) : target.delete(change.delete);
          request.onsuccess = () => {
            open.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
      }),
    { store, change },
  );
}
