// Module Web Worker, started by the backup worker for each unencrypted backup file it reads: the
// SHA-256 of the file's bytes before its closing checksum (all but the last 32), read from the
// file by itself. Hashing the whole file in JavaScript takes as long as parsing it; done here it
// runs on the other core while the backup worker parses and checks the rows (issue 15), and the
// reader compares this hash with the closing checksum (shared/backup/backup-reader.ts closingHash).
import { closingHashOf } from './closing-hash';

export interface FileHashRequest {
  file: Blob;
}

export type FileHashAnswer = { ok: true; sha256: string } | { ok: false; error: string };

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<FileHashRequest>) => void): void;
  postMessage(message: FileHashAnswer): void;
}

// `self` is typed as Window by the DOM lib; in this file it is the worker's global scope.
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  closingHashOf(event.data.file).then(
    (hex) => scope.postMessage({ ok: true, sha256: hex }),
    (error: unknown) => scope.postMessage({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
});
