// The messages between the print center and its pick-list worker (picks-worker.ts). Types and one
// constant only: the window imports this, never the worker's module.
import type { FormId, FormRecordMap } from '@shared/forms/registry';
import type { PickPage } from './form-picks';
import type { WorkerAnswer } from '../../app/worker-channel';

export type PicksWorkerRequest =
  | { id: number; type: 'warm'; formId: FormId }
  | { id: number; type: 'changed'; tables: string[] }
  | { id: number; type: 'build'; formId: FormId }
  | { id: number; type: 'page'; list: number; query: string; offset: number; limit: number }
  | { id: number; type: 'keys'; list: number; query: string }
  | { id: number; type: 'records'; list: number; keys: string[] };

export type PicksWorkerValue = undefined | { list: number; total: number } | PickPage | string[] | FormRecordMap[FormId][];

export type PicksWorkerResponse = WorkerAnswer<PicksWorkerValue>;

/** Said when a page is asked of a list another form's has replaced; the window ignores it. */
export const STALE_LIST = 'stale pick list';
