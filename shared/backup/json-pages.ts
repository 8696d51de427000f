// A table's JSON array read in pages while its bytes stream in: a byte scanner finds where each
// top-level element ends (outside strings, at depth 1), and each page of elements is parsed with
// one JSON.parse of "[…]". So a table of 316,000 audit entries is never decoded or parsed whole,
// and JSON.parse still validates every byte (the pages together are exactly the array's content).
// A page is cut before it is parsed, so a reader may leave one unparsed (a restore's page whose
// bytes it knows are stored already).
import { BackupError } from './format';
import { HOSTILE_KEYS } from './rows';
import { utf8Decode } from './web-platform';

/** Rows per page handed on (a restore adds them in one bulkAdd). */
export const PAGE_ROWS = 2000;
/** A page is also cut once it holds this many bytes (rows of very different sizes). */
const PAGE_BYTES = 4 * 1024 * 1024;

const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Position of the next `byte` in `chunk` from `from`, or the chunk's length when there is none. */
function indexOrEnd(chunk: Uint8Array, byte: number, from: number): number {
  const at = chunk.indexOf(byte, from);
  return at < 0 ? chunk.length : at;
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

type State = 'before' | 'inside' | 'after';

/** A page of the array, cut but not yet parsed. */
export interface PageCut {
  /** Where, in the chunk that completed it, the page's last element ends (its comma or the closing bracket). */
  end: number;
  /** Its elements. */
  rows: number;
  /** The elements, parsed (throws a BackupError when they are not valid JSON). */
  parse(): unknown[];
}

export class JsonArrayPager {
  private state: State = 'before';
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Bytes of the current page: whole elements and the commas between them. */
  private parts: Uint8Array[] = [];
  private partBytes = 0;
  /** Elements completed in the current page, and in the pages before it. */
  private rows = 0;
  private total = 0;
  /** Whether the current element has any non-space byte yet. */
  private elementStarted = false;
  /** Start (in the current chunk) of bytes not yet moved to `parts`. */
  private pendingStart = 0;

  constructor(
    private readonly table: string,
    private readonly pageRows: number = PAGE_ROWS,
  ) {}

  private fail(detail: string): never {
    throw new BackupError(`备份文件中“${this.table}”表的内容不符合格式要求，不能使用。请换用另一份备份。`, `table ${this.table}: ${detail}`);
  }

  /** Feeds the next bytes of the array; returns the pages completed by them, parsed. */
  write(chunk: Uint8Array): unknown[][] {
    return this.cut(chunk).map((page) => page.parse());
  }

  /**
   * Feeds the next bytes of the array; returns the pages completed by them, each to be parsed
   * (or not) before the next chunk is fed: a page's bytes may lie in the chunks fed so far.
   */
  cut(chunk: Uint8Array): PageCut[] {
    const pages: PageCut[] = [];
    this.pendingStart = 0;
    let nextQuote = -1;
    let nextBackslash = -1;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (this.state === 'before') {
        if (isSpace(byte)) continue;
        if (byte !== OPEN_BRACKET) this.fail('expected a JSON array');
        this.state = 'inside';
        this.depth = 1;
        this.pendingStart = i + 1;
        continue;
      }
      if (this.state === 'after') {
        if (!isSpace(byte)) this.fail('data after the end of the array');
        continue;
      }
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          continue;
        }
        // Most of a table's bytes are inside strings: jump (natively) to the next quote or
        // backslash instead of looking at every byte.
        if (nextQuote < i) nextQuote = indexOrEnd(chunk, QUOTE, i);
        if (nextBackslash < i) nextBackslash = indexOrEnd(chunk, BACKSLASH, i);
        const stop = Math.min(nextQuote, nextBackslash);
        if (stop >= chunk.length) break;
        i = stop;
        if (stop === nextBackslash) this.escaped = true;
        else this.inString = false;
        continue;
      }
      if (byte === QUOTE) {
        this.inString = true;
        this.elementStarted = true;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        this.depth += 1;
        this.elementStarted = true;
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        this.depth -= 1;
        if (this.depth === 0) {
          // The array's closing bracket: the last element (if any) ends here.
          if (byte !== CLOSE_BRACKET) this.fail('unbalanced brackets');
          this.take(chunk, i);
          if (this.elementStarted) this.rows += 1;
          else if (this.rows + this.total > 0) this.fail('a comma before the closing bracket');
          const page = this.flush(i);
          if (page) pages.push(page);
          this.state = 'after';
          this.pendingStart = i + 1;
        }
      } else if (byte === COMMA && this.depth === 1) {
        if (!this.elementStarted) this.fail('an empty element');
        this.rows += 1;
        this.elementStarted = false;
        if (this.rows >= this.pageRows || this.partBytes + (i - this.pendingStart) >= PAGE_BYTES) {
          // Cut the page before this comma and drop the comma itself.
          this.take(chunk, i);
          const page = this.flush(i);
          if (page) pages.push(page);
          this.pendingStart = i + 1;
        }
      } else if (!isSpace(byte)) {
        this.elementStarted = true;
      }
    }
    if (this.state === 'inside') this.take(chunk, chunk.length);
    return pages;
  }

  /** The end of the table's bytes: the array must be complete. */
  end(): void {
    if (this.state !== 'after') this.fail(this.state === 'before' ? 'expected a JSON array' : 'the array is not closed');
  }

  private take(chunk: Uint8Array, end: number): void {
    if (end > this.pendingStart) {
      this.parts.push(chunk.subarray(this.pendingStart, end));
      this.partBytes += end - this.pendingStart;
    }
    this.pendingStart = end;
  }

  private flush(end: number): PageCut | undefined {
    const parts = this.parts;
    const length = this.partBytes;
    this.parts = [];
    this.partBytes = 0;
    const rows = this.rows;
    this.rows = 0;
    this.total += rows;
    if (rows === 0) {
      if (parts.some((part) => part.some((byte) => !isSpace(byte)))) this.fail('malformed array');
      return undefined;
    }
    return { end, rows, parse: () => this.parse(parts, length, rows) };
  }

  private parse(parts: readonly Uint8Array[], length: number, rows: number): unknown[] {
    const bytes = new Uint8Array(length + 2);
    bytes[0] = OPEN_BRACKET;
    let at = 1;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    bytes[at] = CLOSE_BRACKET;
    let parsed: unknown;
    try {
      parsed = parsePage(bytes);
    } catch (error) {
      this.fail(`not valid UTF-8 JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!Array.isArray(parsed) || parsed.length !== rows) this.fail('malformed array');
    return parsed;
  }
}

/**
 * Parses a page; the reviver that drops prototype-polluting keys (parseJsonSafely) costs as much
 * as the parse itself, so it runs only where such a key could be: a page that names one, or that
 * holds a \u escape (which could spell one).
 */
function parsePage(bytes: Uint8Array): unknown {
  const text = utf8Decode(bytes);
  if (text.includes('__proto__') || text.includes('constructor') || text.includes('prototype') || text.includes('\\u')) {
    return JSON.parse(text, (key, value: unknown) => (HOSTILE_KEYS.has(key) ? undefined : value));
  }
  return JSON.parse(text);
}
