// GBK encoding for CSV files meant for older spreadsheet programs (Excel before 2016 opens CSV
// as GBK on Chinese Windows). There is no built-in GBK encoder, so the reverse table is built
// once, lazily, by decoding every two-byte GBK code with the platform's TextDecoder('gbk').
// Characters GBK cannot hold (𠮷, emoji) become '?' and are reported, so the clerk can choose
// UTF-8 instead.
import { textDecoder } from './text-codec';

/** Code point → two-byte GBK code (lead << 8 | trail). Built on first use. */
let table: Map<number, number> | undefined;

function gbkTable(): Map<number, number> {
  if (table) return table;
  const decoder = textDecoder('gbk', false);
  const map = new Map<number, number>();
  // 0x80 is the one single-byte code above ASCII (€ in the WHATWG GBK decoder).
  const euro = decoder.decode(Uint8Array.of(0x80)).codePointAt(0);
  if (euro !== undefined && euro !== 0xfffd) map.set(euro, 0x80);
  const pair = new Uint8Array(2);
  // GBK: lead byte 0x81–0xFE, trail byte 0x40–0xFE except 0x7F.
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    pair[0] = lead;
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[1] = trail;
      const text = decoder.decode(pair);
      const cp = text.codePointAt(0);
      // Unassigned codes decode to U+FFFD; keep the first code found for each character.
      if (cp === undefined || cp === 0xfffd || [...text].length !== 1 || map.has(cp)) continue;
      map.set(cp, (lead << 8) | trail);
    }
  }
  table = map;
  return map;
}

export interface GbkResult {
  bytes: Uint8Array;
  /** Characters that GBK cannot hold, each once, in order of appearance; written as '?'. */
  unencodable: string[];
}

const QUESTION_MARK = 0x3f;

export function encodeGbk(text: string): GbkResult {
  const map = gbkTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out[n++] = cp;
      continue;
    }
    const code = map.get(cp);
    if (code === undefined) {
      missing.add(ch);
      out[n++] = QUESTION_MARK;
      continue;
    }
    if (code > 0xff) out[n++] = code >> 8;
    out[n++] = code & 0xff;
  }
  return { bytes: out.slice(0, n), unencodable: [...missing] };
}
