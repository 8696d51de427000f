// Pinyin search keys of texts, kept between sessions in a database of their own
// (media-ledger-search). A key is a pure function of its text, so a kept key is never stale: a
// restored backup, an import or an old backup without any key ends up searchable the same way.
// Keying costs about 0.1 ms per text; a ledger of 100,000 reviews would need 10 s to key again
// at every start. Each worker that searches (the registers, the print center's pick list) keeps
// its own copy in memory over the same store.
import { Dexie, type Table } from 'dexie';
import { textSearchKey } from '@shared/search/pinyin-search';

interface StoredKey {
  text: string;
  key: string;
}

class KeyStore extends Dexie {
  texts!: Table<StoredKey, string>;
  constructor() {
    super('media-ledger-search');
    this.version(1).stores({ texts: 'text' });
  }
}

/** Keys stored per write. */
const SAVE_BATCH = 2_000;
/**
 * Keys read per request when all are loaded. Read by a cursor, 122,733 kept keys took 5.8–9.3 s
 * in Chromium 156; in pages of 5,000 (getAll), 3.2–4.8 s.
 */
const LOAD_PAGE = 5_000;

export interface SearchKeys {
  /** Reads the kept keys once; later calls wait for the same read. */
  load(): Promise<void>;
  /** The key of one text, from memory or computed (and noted to be kept). */
  keyOf(text: string): string;
  /** Stores the keys computed since the last save. */
  save(): Promise<void>;
}

export function searchKeys(): SearchKeys {
  const store = new KeyStore();
  const keys = new Map<string, string>();
  let fresh: StoredKey[] = [];
  let loaded: Promise<void> | undefined;
  return {
    load() {
      loaded ??= (async () => {
        try {
          let page = await store.texts.limit(LOAD_PAGE).toArray();
          while (page.length > 0) {
            for (const k of page) keys.set(k.text, k.key);
            if (page.length < LOAD_PAGE) break;
            page = await store.texts.where(':id').above(page.at(-1)!.text).limit(LOAD_PAGE).toArray();
          }
        } catch {
          // Without the store every key is computed again: slower, never wrong.
        }
      })();
      return loaded;
    },
    keyOf(text) {
      let key = keys.get(text);
      if (key === undefined) {
        key = textSearchKey(text);
        keys.set(text, key);
        fresh.push({ text, key });
      }
      return key;
    },
    async save() {
      const batch = fresh;
      fresh = [];
      for (let i = 0; i < batch.length; i += SAVE_BATCH) {
        try {
          await store.texts.bulkPut(batch.slice(i, i + SAVE_BATCH));
        } catch {
          return;
        }
      }
    },
  };
}
