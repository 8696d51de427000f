// A Blob (or File) read as a stream of slices, so large backups and attachments never have to be
// held in memory whole.

/** Size of the slices in which a Blob is read. */
const BLOB_SLICE_BYTES = 4 * 1024 * 1024;

/** A Blob's bytes as a stream of slices, each read only when asked for. */
export async function* blobChunks(blob: Blob, sliceBytes: number = BLOB_SLICE_BYTES): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < blob.size; at += sliceBytes) {
    yield new Uint8Array(await blob.slice(at, Math.min(blob.size, at + sliceBytes)).arrayBuffer());
  }
}

function onArrayBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer;
}

/**
 * Bytes as a part for `new Blob([...])`, which copies them anyway: the array itself when a plain
 * ArrayBuffer backs it (always, in practice), a copy only otherwise (a SharedArrayBuffer).
 */
export function blobPart(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return onArrayBuffer(bytes) ? bytes : bytes.slice();
}
