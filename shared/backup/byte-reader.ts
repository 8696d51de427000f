// Reads exact byte counts from a stream of chunks, so the backup reader can walk a file front to
// back without ever holding more of it than the part being checked.
import type { BackupBytes } from './format';

export function toAsyncIterable(source: BackupBytes): AsyncIterable<Uint8Array> {
  if (source instanceof Uint8Array) {
    return (async function* () {
      yield source;
    })();
  }
  if (Symbol.asyncIterator in source) return source;
  const sync = source;
  return (async function* () {
    yield* sync;
  })();
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Collects a stream into one array (for tests, the CLI and small files). */
export async function collectBytes(source: BackupBytes): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of toAsyncIterable(source)) parts.push(chunk);
  return concatBytes(parts);
}

export class ByteReader {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private queue: Uint8Array[] = [];
  private queued = 0;
  private done = false;
  /** Bytes handed out so far (for messages that say where a file is damaged). */
  position = 0;

  constructor(
    source: BackupBytes,
    private readonly onRead?: (bytes: Uint8Array) => void,
  ) {
    this.iterator = toAsyncIterable(source)[Symbol.asyncIterator]();
  }

  /** Pulls chunks until `n` bytes are queued or the source ends; returns whether they are there. */
  private async fill(n: number): Promise<boolean> {
    while (this.queued < n && !this.done) {
      const next = await this.iterator.next();
      if (next.done) {
        this.done = true;
        break;
      }
      if (!(next.value instanceof Uint8Array)) throw new TypeError('backup source yielded something other than bytes');
      if (next.value.length === 0) continue;
      this.queue.push(next.value);
      this.queued += next.value.length;
    }
    return this.queued >= n;
  }

  /** Exactly `n` bytes, or `null` when the source ends first (a truncated file). */
  async read(n: number): Promise<Uint8Array | null> {
    if (!(await this.fill(n))) return null;
    // Bytes within one chunk (most reads: a file's 1 MB parts come in slices of 4 MB) are handed out
    // as a view of it, not a copy: a source's chunks are its own arrays, never refilled later.
    const first = this.queue[0];
    const within = first !== undefined && first.length >= n;
    const out = within ? first.subarray(0, n) : new Uint8Array(n);
    for (let at = 0; at < n; ) {
      const head = this.queue[0] as Uint8Array;
      const take = Math.min(head.length, n - at);
      if (!within) out.set(head.subarray(0, take), at);
      at += take;
      if (take === head.length) this.queue.shift();
      else this.queue[0] = head.subarray(take);
    }
    this.queued -= n;
    this.position += n;
    this.onRead?.(out);
    return out;
  }

  /** Up to `max` bytes as they come (at least one unless the source has ended: then empty). */
  async readSome(max: number): Promise<Uint8Array> {
    await this.fill(1);
    const available = Math.min(this.queued, max);
    return available === 0 ? new Uint8Array(0) : ((await this.read(available)) as Uint8Array);
  }

  async atEnd(): Promise<boolean> {
    return !(await this.fill(1));
  }

  /** Stops the source early (a refused file need not be read to its end). */
  async close(): Promise<void> {
    if (!this.done) {
      this.done = true;
      await this.iterator.return?.();
    }
  }
}
