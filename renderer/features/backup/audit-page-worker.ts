// Module Web Worker, started by the backup worker while it reads a file for the restore's
// preview: checks pages of the audit log (their rows and the hash chain inside each,
// shared/backup/audit-pages.ts) on the other core, while the backup worker reads and cuts the file
// and checks the pages this one has no room for (issue 15).
import { checkAuditPage, type AuditPage, type AuditPageResult } from '@shared/backup/audit-pages';

export interface AuditPageRequest {
  id: number;
  page: AuditPage;
}

export type AuditPageAnswer = { id: number; ok: true; result: AuditPageResult } | { id: number; ok: false; error: string };

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<AuditPageRequest>) => void): void;
  postMessage(message: AuditPageAnswer): void;
}

// `self` is typed as Window by the DOM lib; in this file it is the worker's global scope.
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const { id, page } = event.data;
  try {
    scope.postMessage({ id, ok: true, result: checkAuditPage(page) });
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
