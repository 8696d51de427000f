// Bounding what an .xlsx unpacks to before exceljs sees it. exceljs (JSZip inside) inflates each
// part whole and compares its size with the one the zip directory declares only afterwards, so the
// declared sizes prove nothing: a 10 MB file can declare tiny parts and inflate to gigabytes. Here
// every part is found the way JSZip finds it (its central directory entry, then the local header it
// points to) and inflated in small steps, counting the bytes and keeping none of them, until the
// total passes the limit. A zip this reader cannot follow exactly is refused, so JSZip never
// inflates a part that was not counted here. Pure: no DOM, never throws.
import { Inflate } from 'fflate';

export interface ZipLimits {
  maxEntries: number;
  maxUnpackedBytes: number;
}

export type ZipProblem = 'unreadable' | 'too-many-entries' | 'too-large';

export type ZipBounds =
  | { ok: true; entries: number; unpackedBytes: number }
  /** inflatedBytes: what was really inflated before stopping (0 when refused before inflating). */
  | { ok: false; problem: ZipProblem; detail: string; inflatedBytes: number };

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_END = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
/**
 * Compressed bytes inflated per step. Deflate expands at most about 1032 times, so one step
 * yields at most about 8.5 MB: the most ever held at once, whatever the file.
 */
const STEP_BYTES = 8 * 1024;

interface Entry {
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

class Refusal extends Error {
  constructor(
    readonly problem: ZipProblem,
    message: string,
  ) {
    super(message);
  }
}

function unreadable(message: string): never {
  throw new Refusal('unreadable', message);
}

/** Little-endian reads that refuse, rather than run past the end of the file. */
class Reader {
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.byteLength;
  }

  need(offset: number, size: number, what: string): void {
    if (!(offset >= 0 && size >= 0 && offset + size <= this.length)) unreadable(`${what} runs past the end of the file (offset ${offset}, ${size} bytes)`);
  }

  u16(offset: number): number {
    this.need(offset, 2, 'field');
    return this.view.getUint16(offset, true);
  }

  u32(offset: number): number {
    this.need(offset, 4, 'field');
    return this.view.getUint32(offset, true);
  }

  u64(offset: number): number {
    // Anything past 2^32 lies outside a file of at most a few MB and is refused where it is used.
    return this.u32(offset + 4) * 2 ** 32 + this.u32(offset);
  }

  /** The last place the signature starts, searching back from the end (as JSZip does). */
  lastIndexOf(signature: number): number {
    const first = signature & 0xff;
    for (let i = this.length - 4; i >= 0; i--) {
      if (this.bytes[i] === first && this.view.getUint32(i, true) === signature) return i;
    }
    return -1;
  }
}

/** Where the central directory starts, read from the end records as JSZip reads them. */
function centralDirectoryOffset(r: Reader): number {
  const end = r.lastIndexOf(SIG_END);
  if (end < 0) unreadable('no end of central directory record');
  r.need(end, 22 + r.u16(end + 20), 'end of central directory record');
  let entryCount = r.u16(end + 10);
  let size = r.u32(end + 12);
  let offset = r.u32(end + 16);
  let expectedEnd = offset + size;
  const zip64 = r.u16(end + 4) === MAX_16 || r.u16(end + 6) === MAX_16 || r.u16(end + 8) === MAX_16 || entryCount === MAX_16 || size === MAX_32 || offset === MAX_32;
  if (zip64) {
    const locator = r.lastIndexOf(SIG_ZIP64_LOCATOR);
    if (locator < 0) unreadable('no zip64 end of central directory locator');
    if (r.u32(locator + 16) > 1) unreadable('multi-volume zip');
    const record = r.u64(locator + 8);
    if (record >= r.length || r.u32(record) !== SIG_ZIP64_END) unreadable('zip64 end of central directory record not where its locator says');
    const recordSize = r.u64(record + 4);
    // JSZip cannot read a record with extensible data (it fails on it); neither do we.
    if (recordSize > 44) unreadable(`zip64 end of central directory record of ${recordSize} bytes`);
    entryCount = r.u64(record + 32);
    size = r.u64(record + 40);
    offset = r.u64(record + 48);
    expectedEnd = offset + size + 20 + 12 + recordSize;
  }
  // JSZip shifts every offset when the directory is not where the end record says; such a file
  // is no spreadsheet program's, and following the shift is not worth the risk of a mismatch.
  if (expectedEnd !== end) unreadable(`central directory (${offset} + ${size}) does not end at the end record (${end}); ${entryCount} entries declared`);
  return offset;
}

/** The central directory's entries; stops as soon as there are more than allowed. */
function readEntries(r: Reader, maxEntries: number): Entry[] {
  const entries: Entry[] = [];
  let at = centralDirectoryOffset(r);
  // Like JSZip: entries follow one another for as long as the signature does.
  while (at + 4 <= r.length && r.u32(at) === SIG_CENTRAL) {
    if (entries.length >= maxEntries) throw new Refusal('too-many-entries', `more than ${maxEntries} zip entries`);
    r.need(at, 46, 'central directory entry');
    if (r.u16(at + 8) & 1) unreadable('encrypted zip entry');
    const method = r.u16(at + 10);
    let compressedSize = r.u32(at + 20);
    let declaredSize = r.u32(at + 24);
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    let localOffset = r.u32(at + 42);
    const extraStart = at + 46 + nameLength;
    const extraEnd = extraStart + extraLength;
    r.need(extraStart, extraLength, 'extra fields');
    // The zip64 field holds, in this order, the sizes and offset whose 32-bit fields are full.
    let zip64Field: number | undefined;
    let zip64End = 0;
    for (let p = extraStart; p + 4 < extraEnd; ) {
      const id = r.u16(p);
      const length = r.u16(p + 2);
      r.need(p + 4, length, 'extra field');
      if (id === 0x0001) {
        zip64Field = p + 4;
        zip64End = p + 4 + length;
      }
      p += 4 + length;
    }
    if (zip64Field !== undefined) {
      let p = zip64Field;
      const next = (): number => {
        if (p + 8 > zip64End) unreadable('zip64 extra field too short');
        const value = r.u64(p);
        p += 8;
        return value;
      };
      if (declaredSize === MAX_32) declaredSize = next();
      if (compressedSize === MAX_32) compressedSize = next();
      if (localOffset === MAX_32) localOffset = next();
    }
    r.need(extraEnd, commentLength, 'file comment');
    entries.push({ method, compressedSize, declaredSize, localOffset });
    at = extraEnd + commentLength;
  }
  return entries;
}

/** Where an entry's compressed bytes are: after its local header, as long as the directory says. */
function dataOf(r: Reader, entry: Entry): Uint8Array {
  const at = entry.localOffset;
  r.need(at, 30, 'local header');
  if (r.u32(at) !== SIG_LOCAL) unreadable(`no local header at ${at}`);
  const start = at + 30 + r.u16(at + 26) + r.u16(at + 28);
  r.need(start, entry.compressedSize, 'compressed data');
  return r.bytes.subarray(start, start + entry.compressedSize);
}

/** Counts what one deflated part inflates to, stopping once `budget` bytes are passed. */
function inflatedSize(data: Uint8Array, budget: number): number {
  // An empty part inflates to nothing (JSZip gives it no bytes either).
  if (data.length === 0) return 0;
  let count = 0;
  const inflater = new Inflate((chunk) => {
    count += chunk.length;
  });
  for (let start = 0; start < data.length && count <= budget; start += STEP_BYTES) {
    const end = Math.min(start + STEP_BYTES, data.length);
    try {
      inflater.push(data.subarray(start, end), end === data.length);
    } catch (e) {
      unreadable(`deflate data: ${String(e)}`);
    }
  }
  return count;
}

/**
 * Checks that the zip has at most `maxEntries` entries and unpacks to at most `maxUnpackedBytes`:
 * first the sizes its directory declares (a cheap early refusal), then the bytes its parts really
 * inflate to.
 */
export function checkZipBounds(bytes: Uint8Array, limits: ZipLimits): ZipBounds {
  let inflated = 0;
  try {
    const r = new Reader(bytes);
    const entries = readEntries(r, limits.maxEntries);
    let declared = 0;
    for (const entry of entries) declared += entry.declaredSize;
    if (declared > limits.maxUnpackedBytes) throw new Refusal('too-large', `declared unpacked size ${declared} exceeds ${limits.maxUnpackedBytes}`);
    for (const entry of entries) {
      const data = dataOf(r, entry);
      if (entry.method === METHOD_STORED) inflated += data.length;
      else if (entry.method === METHOD_DEFLATE) inflated += inflatedSize(data, limits.maxUnpackedBytes - inflated);
      else unreadable(`compression method ${entry.method}`);
      if (inflated > limits.maxUnpackedBytes) throw new Refusal('too-large', `parts inflate to more than ${limits.maxUnpackedBytes} bytes (stopped after ${inflated}; ${declared} declared)`);
    }
    return { ok: true, entries: entries.length, unpackedBytes: inflated };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, problem: e.problem, detail: e.message, inflatedBytes: inflated };
    return { ok: false, problem: 'unreadable', detail: `zip check: ${String(e)}`, inflatedBytes: inflated };
  }
}
