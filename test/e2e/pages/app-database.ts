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
