// Module Web Worker behind the print center's pick list (form-picks.ts): it reads the tables a
// form picks from in chunks, keeps the labels of the records found, and answers pages, searches
// and the records chosen. The list is built when the clerk chooses a form (as it was read before,
// not watched): one list at a time, named by the number of the request that built it.
import { LedgerDb } from '../../db/schema';
import { searchKeys } from '../../db/search-keys';
import { FormPicks } from './form-picks';
import { STALE_LIST, type PicksWorkerRequest, type PicksWorkerResponse, type PicksWorkerValue } from './picks-protocol';

const db = new LedgerDb();
const keys = searchKeys();
let current: { list: number; picks: FormPicks } | undefined;

function listOf(list: number): FormPicks {
  if (current?.list !== list) throw new Error(STALE_LIST);
  return current.picks;
}

async function handle(request: PicksWorkerRequest): Promise<PicksWorkerValue> {
  switch (request.type) {
    case 'build': {
      current = undefined;
      const picks = await FormPicks.build(db, request.formId, keys.keyOf);
      current = { list: request.id, picks };
      return { list: request.id, total: picks.size };
    }
    case 'page': {
      const picks = listOf(request.list);
      if (request.query.trim()) await keys.load();
      const page = picks.page(request.query, request.offset, request.limit);
      void keys.save();
      return page;
    }
    case 'keys':
      return listOf(request.list).keys(request.query);
    case 'records':
      return listOf(request.list).records(request.keys);
  }
}

// One message at a time, in order: a page asked after a build sees that build's list.
let queue: Promise<unknown> = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<PicksWorkerRequest>) => {
  const request = event.data;
  queue = queue.then(() =>
    handle(request).then(
      (value) => self.postMessage({ id: request.id, ok: true, value } satisfies PicksWorkerResponse),
      (e: unknown) => self.postMessage({ id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies PicksWorkerResponse),
    ),
  );
});
