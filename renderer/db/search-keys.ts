// Pinyin search keys of texts, kept between sessions in a database of their own
// (media-ledger-search, one per SEARCH_KEY_VERSION). A key is a pure function of its text and of
// that version, so a kept key is never stale: a restored backup, an import or an old backup
// without any key ends up searchable the same way, and a new version starts a store of its own.
// Keying costs 0.05–0.08 ms per text (textSearchKey in Node); a ledger of 100,000 reviews and
// their platforms would need seconds to key again at every start. Each worker that searches (the
// registers, the print center's pick list) keeps its own copy in memory over the same store.
import { Dexie, type Table } from 'dexie';
import { SEARCH_KEY_VERSION, textSearchKey } from '@shared/search/pinyin-search';

interface StoredKey {
  text: string;
  key: string;
}

/** The database of one version's keys (the first version's kept the name it always had). */
export function keyStoreName(version: number): string {
  return version === 1 ? 'media-ledger-search' : `media-ledger-search-v${version}`;
}

class KeyStore extends Dexie {
  texts!: Table<StoredKey, string>;
  constructor(version: number) {
    super(keyStoreName(version));
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

/** The keys of `version` (the current one but in tests); loading them drops the stores of the versions before. */
export function searchKeys(version = SEARCH_KEY_VERSION): SearchKeys {
  const store = new KeyStore(version);
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
        // Not waited for (an older window may still hold one open).
        for (let old = 1; old < version; old++) void Dexie.delete(keyStoreName(old)).catch(() => undefined);
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
