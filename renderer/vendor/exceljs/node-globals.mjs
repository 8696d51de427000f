// exceljs's stream helpers (readable-stream, StreamBuf) use Node's Buffer and process.nextTick as
// globals, which browserify used to provide. Set only where the page has none. The process
// stand-in has no version, so no library takes the page for Node.
import { Buffer } from 'buffer';

if (typeof globalThis.Buffer === 'undefined') globalThis.Buffer = Buffer;
if (typeof globalThis.process === 'undefined') {
  globalThis.process = {
    browser: true,
    env: {},
    argv: [],
    nextTick(callback, ...args) {
      queueMicrotask(() => callback(...args));
    },
  };
}
