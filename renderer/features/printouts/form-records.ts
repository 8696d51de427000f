// The window's side of the print center's pick list (picks-worker.ts, form-picks.ts): a list is
// built in the worker when the clerk chooses a form, then read a page of labels at a time; the
// records themselves are read only for what the clerk previews or prints.
import { IMPLEMENTED_FORMS, type FormId, type FormRecordMap } from '@shared/forms/registry';
import { Dexie, type ObservabilitySet } from 'dexie';
import { workerChannel } from '../../app/worker-channel';
import { changedTables } from '../../db/paged-read';
import type { PickPage } from './form-picks';
import { STALE_LIST, type PicksWorkerRequest, type PicksWorkerResponse, type PicksWorkerValue } from './picks-protocol';

export type { PickPage, PickRow } from './form-picks';

export const PRINTABLE_FORMS = IMPLEMENTED_FORMS.map((f) => ({ id: f.id as FormId, title: f.title }));

type RequestBody = PicksWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

const channel = workerChannel<RequestBody, PicksWorkerResponse, PicksWorkerValue>(
  () => new Worker(new URL('./picks-worker.ts', import.meta.url), { type: 'module', name: 'print-picks' }),
  (r) => r,
);

/** A form's pick list as built: `list` names it in later requests. */
export interface PickList {
  formId: FormId;
  list: number;
  total: number;
}

// Every write (this window's, a restore's, another window's) reaches the worker before the list
// is asked for again: a list built from a changed table is built again.
Dexie.on('storagemutated', (parts: ObservabilitySet) => {
  const tables = [...changedTables(parts)];
  if (tables.length > 0) channel.running()?.postMessage({ id: 0, type: 'changed', tables } satisfies PicksWorkerRequest);
});

/**
 * Starts the worker while the clerk is still on 打印与签回's first tab, and has it build the list
 * of the form the print center opens with.
 */
export function warmPickList(): void {
  void channel.request({ type: 'warm', formId: PRINTABLE_FORMS[0]!.id }).catch(() => undefined);
}

export async function openPickList(formId: FormId): Promise<PickList> {
  const built = (await channel.request({ type: 'build', formId })) as { list: number; total: number };
  return { formId, ...built };
}

export async function pickPage(list: PickList, query: string, offset: number, limit: number): Promise<PickPage> {
  return (await channel.request({ type: 'page', list: list.list, query, offset, limit })) as PickPage;
}

/** The keys of every record matching `query`. */
export async function pickKeys(list: PickList, query: string): Promise<string[]> {
  return (await channel.request({ type: 'keys', list: list.list, query })) as string[];
}

/** The records with these keys, in that order, read now. */
export async function pickRecords<K extends FormId>(list: PickList & { formId: K }, keys: readonly string[]): Promise<FormRecordMap[K][]> {
  return (await channel.request({ type: 'records', list: list.list, keys: [...keys] })) as FormRecordMap[K][];
}

/** True for the refusal of a list another form's has replaced: an answer nobody waits for any more. */
export function isStaleList(e: unknown): boolean {
  return e instanceof Error && e.message === STALE_LIST;
}
