// SHA-256 of one part of a backup (a table's JSON, an attachment's bytes) as its chunks pass.
// Hashing is much of the cost of writing and checking a backup, and the platform's native
// SHA-256 (Web Crypto) is faster than the project's JavaScript one (../domain/sha256.ts) but
// takes its input whole: so a part up to WHOLE_PART_BYTES (every scan in practice) is kept and
// hashed natively at its end, and a larger one (a big table) is hashed incrementally in
// JavaScript from where it outgrows that bound. The whole-file hash stays incremental (./backup-writer.ts, ./backup-reader.ts).
import { bytesToHex, Sha256 } from '../domain/sha256';
import { concatBytes } from './byte-reader';
import { subtle } from './web-platform';

/** Largest part kept whole for the native hash (bounds the memory one part may take). */
export const WHOLE_PART_BYTES = 64 * 1024 * 1024;

export class PartHash {
  private kept: Uint8Array[] = [];
  private keptBytes = 0;
  private incremental: Sha256 | undefined;

  update(chunk: Uint8Array): void {
    if (this.incremental) {
      this.incremental.update(chunk);
      return;
    }
    if (this.keptBytes + chunk.length <= WHOLE_PART_BYTES) {
      this.kept.push(chunk);
      this.keptBytes += chunk.length;
      return;
    }
    this.incremental = new Sha256();
    for (const part of this.kept) this.incremental.update(part);
    this.kept = [];
    this.incremental.update(chunk);
  }

  /** The part's SHA-256 as lowercase hex. */
  async hex(): Promise<string> {
    if (this.incremental) return this.incremental.hex();
    const whole = concatBytes(this.kept);
    this.kept = [];
    return bytesToHex(new Uint8Array(await subtle().digest('SHA-256', whole)));
  }
}
