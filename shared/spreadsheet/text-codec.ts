// The standard text codecs shared/ needs for CSV files, typed minimally: shared/ compiles
// without the DOM and Node type libraries, yet Chromium and Node ≥ 20 (built with full ICU)
// both provide TextEncoder and a TextDecoder that knows GBK.

interface MinimalDecoder {
  decode(bytes: Uint8Array): string;
}

interface CodecGlobals {
  TextEncoder?: new () => { encode(text: string): Uint8Array };
  TextDecoder?: new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => MinimalDecoder;
}

const web = globalThis as unknown as CodecGlobals;

export function utf8Bytes(text: string): Uint8Array {
  if (!web.TextEncoder) throw new Error('TextEncoder is not available on this platform');
  return new web.TextEncoder().encode(text);
}

/** A decoder for `label` ('utf-8', 'gbk'); `fatal` makes malformed bytes an error instead of U+FFFD. */
export function textDecoder(label: 'utf-8' | 'gbk', fatal: boolean): MinimalDecoder {
  if (!web.TextDecoder) throw new Error('TextDecoder is not available on this platform');
  return new web.TextDecoder(label, { fatal, ignoreBOM: true });
}
