// A stand-in for a folder of the browser's private file system (the origin private file system),
// for the spool and snapshot tests: files held as byte arrays, with the platform's synchronous
// (worker) or stream (page) writers, a disk of limited room, and files that cannot be removed
// while open.
import type { SpoolFileHandle, SpoolFolder } from '../../../renderer/bridge/spool';

export interface FakeOptions {
  kind: 'sync' | 'stream';
  /** Bytes the disk takes before it is full. */
  room?: number;
  /** A write that writes only part of what it was given. */
  short?: boolean;
}

/** A folder of files held as byte arrays, with the file system API's sync or stream writers. */
export function fakeFolder(options: FakeOptions) {
  const files = new Map<string, Uint8Array>();
  const open = new Set<string>();
  const calls: string[] = [];
  const room = options.room ?? Infinity;
  const used = () => [...files.values()].reduce((sum, bytes) => sum + bytes.length, 0);
  const put = (name: string, bytes: Uint8Array, at: number) => {
    const old = files.get(name) ?? new Uint8Array(0);
    if (used() - old.length + Math.max(old.length, at + bytes.length) > room) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const next = new Uint8Array(Math.max(old.length, at + bytes.length));
    next.set(old);
    next.set(bytes, at);
    files.set(name, next);
  };
  const folder: SpoolFolder = {
    getFileHandle: async (name, { create } = {}) => {
      if (!files.has(name) && !create) throw new DOMException('not found', 'NotFoundError');
      if (!files.has(name)) files.set(name, new Uint8Array(0));
      const handle: SpoolFileHandle = { getFile: async () => new Blob([files.get(name)!.slice()]) };
      if (options.kind === 'sync') {
        handle.createSyncAccessHandle = async () => {
          open.add(name);
          return {
            write: (bytes, { at }) => {
              calls.push(`write ${name} @${at} ${bytes.length}`);
              const taken = options.short ? bytes.subarray(0, bytes.length - 1) : bytes;
              put(name, taken, at);
              return taken.length;
            },
            flush: () => void calls.push(`flush ${name}`),
            close: () => {
              calls.push(`close ${name}`);
              open.delete(name);
            },
          };
        };
      } else {
        handle.createWritable = async () => {
          let swap = new Uint8Array(0);
          open.add(name);
          return {
            write: async (bytes) => {
              await new Promise((resolve) => setTimeout(resolve, 1));
              calls.push(`write ${name} ${bytes.length}`);
              if (used() + swap.length + bytes.length > room) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              const next = new Uint8Array(swap.length + bytes.length);
              next.set(swap);
              next.set(bytes, swap.length);
              swap = next;
            },
            close: async () => {
              calls.push(`close ${name}`);
              files.set(name, swap);
              open.delete(name);
            },
            abort: async () => {
              calls.push(`abort ${name}`);
              open.delete(name);
            },
          };
        };
      }
      return handle;
    },
    removeEntry: async (name) => {
      if (open.has(name)) throw new DOMException('in use', 'NoModificationAllowedError');
      if (!files.delete(name)) throw new DOMException('not found', 'NotFoundError');
      calls.push(`remove ${name}`);
    },
    keys: async function* () {
      yield* [...files.keys()];
    },
  };
  return { folder, files, calls, open };
}

