// Module Web Worker behind the print center's pick list (form-picks.ts): it reads the tables a
// form picks from in chunks, keeps the labels of the records found, and answers pages, searches
// and the records chosen. The lists of the last few forms are kept until a table they were built
// from changes (the window forwards every change), so opening the print center again, or going
// back to a form, lists at once; the first form's list is built when 打印与签回 opens. Lists are
// kept between sessions as well, and caught up with what was written since (form-picks.ts).
import { KeptIndexDb } from '../../db/kept-indexes';
import { LedgerDb } from '../../db/schema';
import { searchKeys } from '../../db/search-keys';
import { FormPicks, KeptPickLists } from './form-picks';
import { STALE_LIST, type PicksWorkerRequest, type PicksWorkerValue } from './picks-protocol';
import { serveRequests } from '../../app/worker-channel';

/** Lists kept at once: each holds a label per record (100,000 reviews: about 10 MB). */
const KEPT_LISTS = 3;

const db = new LedgerDb();
const keys = searchKeys();
const store = new KeptIndexDb();
/** What the kept lists depend on besides the ledger: the forms' code (this worker's file name changes with it); FormPicks adds the settings' clock. */
const CODE = import.meta.url;
const lists = new KeptPickLists((formId) => FormPicks.open(db, store, CODE, formId, keys.keyOf), KEPT_LISTS);
let current: { list: number; picks: FormPicks } | undefined;

function listOf(list: number): FormPicks {
  if (current?.list !== list) throw new Error(STALE_LIST);
  return current.picks;
}

async function handle(request: PicksWorkerRequest): Promise<PicksWorkerValue> {
  switch (request.type) {
    case 'changed':
      lists.changed(request.tables);
      return undefined;
    case 'warm':
      void keys.load();
      void lists.get(request.formId).catch(() => undefined);
      return undefined;
    case 'build': {
      current = undefined;
      const picks = await lists.get(request.formId);
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

// One message at a time, in order: a page asked after a build sees that build's list, and a
// list asked after a change is built again.
serveRequests(handle, { inOrder: true });
