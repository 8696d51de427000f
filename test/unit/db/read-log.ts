// A test helper: records every row and index key a Dexie database hands back, per table, so a
// test can show which records a write path read (and that it did not read a whole table).
import type { DBCoreCursor, DBCoreTable, Dexie } from 'dexie';

export interface ReadLog {
  /** Records (values) read, per table. */
  records: Map<string, unknown[]>;
  /** Index or primary keys read without their records, per table. */
  keys: Map<string, unknown[]>;
  /** The most records one request (a get, a bulkGet, a toArray) handed back, per table. */
  largest: Map<string, number>;
  /** Primary keys asked for by get and bulkGet, per table, whether or not a record was found. */
  asked: Map<string, unknown[]>;
}

/** Installs the recording middleware; call it before the database is opened. */
export function logReads(db: Dexie): ReadLog {
  const log: ReadLog = { records: new Map(), keys: new Map(), largest: new Map(), asked: new Map() };
  const push = (into: Map<string, unknown[]>, table: string, items: readonly unknown[]) => {
    const list = into.get(table) ?? [];
    list.push(...items);
    into.set(table, list);
    if (into === log.records) log.largest.set(table, Math.max(log.largest.get(table) ?? 0, items.length));
  };
  db.use({
    stack: 'dbcore',
    name: 'read-log',
    create: (down) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const t = down.table(name);
        return {
          ...t,
          get: async (req) => {
            push(log.asked, name, [req.key]);
            const row: unknown = await t.get(req);
            if (row !== undefined) push(log.records, name, [row]);
            return row;
          },
          getMany: async (req) => {
            push(log.asked, name, req.keys);
            const rows = await t.getMany(req);
            push(log.records, name, rows.filter((r) => r !== undefined));
            return rows;
          },
          query: async (req) => {
            const res = await t.query(req);
            push(req.values ? log.records : log.keys, name, res.result);
            return res;
          },
          openCursor: async (req) => {
            const cursor = await t.openCursor(req);
            if (!cursor) return cursor;
            // The cursor calls onNext once per row it stands on.
            const start = (onNext: () => void) =>
              cursor.start(() => {
                if (req.values) push(log.records, name, [cursor.value]);
                else push(log.keys, name, [cursor.key]);
                onNext();
              });
            return Object.create(cursor, { start: { value: start } }) as DBCoreCursor;
          },
        };
      },
    }),
  });
  return log;
}
