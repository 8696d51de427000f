// What a backup file's closing checksum covers, computed from the file itself: the SHA-256 of all
// its bytes but the last 32 (the checksum). The backup worker has it computed in a worker of its
// own (./file-hash-worker.ts) while it reads the file, on the other core.
import { Sha256 } from '@shared/domain/sha256';
import { blobChunks } from '../../bridge/blob-chunks';

/** The SHA-256 (hex) of all but the last 32 bytes of `file`. */
export async function closingHashOf(file: Blob): Promise<string> {
  const hash = new Sha256();
  for await (const chunk of blobChunks(file.slice(0, Math.max(0, file.size - 32)))) hash.update(chunk);
  return hash.hex();
}
