// The whole audit log read a page at a time in seq order, with a turn for other work between pages:
// for the chain check (in the window) and the export (in the export's worker, xlsx-worker.ts),
// which both go over every entry (316,000 in ten years). Plain functions of the database given: no
// window state, so the worker runs them as they are.
import { AUDIT_ACTION_LABELS, type AuditEntry } from '@shared/domain/audit';
import { changeLines, idsNamed, type ChangeReading } from '@shared/audit/record-labels';
import { DEFAULT_TIME_ZONE, instantText } from '@shared/domain/time-zone';
import { TABLE_LABELS, tableLabel } from '@shared/domain/tables';
import type { ExportCell, ExportTable, WorkerReadTable } from '@shared/spreadsheet/export-table';
import type { LedgerDb } from '../../db/schema';
import { nextTurn } from '../../app/next-turn';
import { deletedName } from '../../db/lookups';

/**
 * The whole log (or the entries up to seq `upTo`) a page at a time in seq order, with a turn for
 * other work between pages. The next page is being read while the caller works on this one (the
 * database reads on a thread of its own), and no further: one page ahead.
 */
export async function* logPages(db: LedgerDb, size: number, upTo = Infinity): AsyncGenerator<AuditEntry[]> {
  const pageAfter = (after: number) => {
    const read = after < upTo ? db.auditLog.where('seq').between(after, upTo, false, true).limit(size).toArray() : Promise.resolve([]);
    // Awaited at the next turn of the loop, which may never come (the caller stopped): a failure is reported there, or not at all.
    read.catch(() => undefined);
    return read;
  };
  for (let next = pageAfter(0); ; ) {
    const page = await next;
    if (page.length === 0) return;
    next = pageAfter(page[page.length - 1]!.seq!);
    yield page;
    await nextTurn();
  }
}

/** The tables whose names an audit line reads by id. */
const NAMED_TABLES = ['people', 'units', 'platforms'] as const;

/**
 * Names for the ids some entries' lines name (people, units and platforms, those in the trash too:
 * 王𠮷（已删除）), each read by id in the table its field points into (a printout's 记录 in all
 * three); an unknown id reads as it is. Ids `known` holds (names read before, or found to be none)
 * are not read again: an export of the whole log reads each name once.
 */
export async function changeNames(db: LedgerDb, entries: readonly AuditEntry[], known = new Map<string, string | null>()): Promise<(id: string) => string | undefined> {
  const asked = new Map<(typeof NAMED_TABLES)[number], string[]>(NAMED_TABLES.map((t) => [t, []]));
  for (const [id, table] of idsNamed(entries)) {
    if (known.has(id)) continue;
    known.set(id, null);
    for (const t of NAMED_TABLES) if (table === undefined || table === t) asked.get(t)!.push(id);
  }
  const found = await Promise.all(NAMED_TABLES.map((t) => (asked.get(t)!.length > 0 ? db.table<{ id: string; name: string; deletedAt?: string }>(t).bulkGet(asked.get(t)!) : [])));
  for (const rows of found) {
    for (const r of rows) if (r) known.set(r.id, r.deletedAt ? deletedName(r.name) : r.name);
  }
  return (id) => known.get(id) ?? undefined;
}

/** Where the record an entry names is now: still in its table, in the trash, or gone. */
export type RecordPlace = 'live' | 'trash' | 'gone';

/** Where each record `entries` name is now, read by primary key (one page's worth); entries of settings and the database name no record. */
export async function recordPlaces(db: LedgerDb, entries: readonly AuditEntry[]): Promise<Map<string, RecordPlace>> {
  const byTable = new Map<string, Set<string>>();
  for (const e of entries) {
    if (!(e.table in TABLE_LABELS)) continue;
    byTable.set(e.table, (byTable.get(e.table) ?? new Set()).add(e.recordId));
  }
  const out = new Map<string, RecordPlace>();
  await Promise.all(
    [...byTable].map(async ([table, idSet]) => {
      const ids = [...idSet];
      const found = (await db.table(table).bulkGet(ids)) as ({ deletedAt?: string } | undefined)[];
      ids.forEach((id, i) => out.set(id, !found[i] ? 'gone' : found[i].deletedAt ? 'trash' : 'live'));
    }),
  );
  return out;
}

export const AUDIT_SHEET = '审计日志';
export const AUDIT_HEADER = ['序号', '时间', '操作员', '类别', '记录', '记录编号', '操作', '变更内容', '哈希'] as const;

/** Entries as exported, a row each: instants to the second on `reading`'s clock, ids named where `reading` knows them. */
export function auditTable(rows: readonly AuditEntry[], reading: ChangeReading = {}): ExportTable {
  return {
    name: AUDIT_SHEET,
    header: [...AUDIT_HEADER],
    rows: rows.map((e) => [
      e.seq,
      instantText(e.at, reading.timeZone ?? DEFAULT_TIME_ZONE, 'second'),
      e.operator,
      tableLabel(e.table),
      e.recordName ?? '',
      e.recordId,
      AUDIT_ACTION_LABELS[e.action],
      changeLines(e, reading)
        .map((line) => line.text)
        .join('；'),
      e.hash,
    ]),
  };
}

/** What the window asks the export's worker to read: the log up to the entry `upTo` (the last when 导出 was clicked), on this clock. */
export interface AuditLogRead {
  kind: 'audit-log';
  upTo: number;
  timeZone: string;
}

export function isAuditLogRead(read: unknown): read is AuditLogRead {
  return typeof read === 'object' && read !== null && (read as { kind?: unknown }).kind === 'audit-log';
}

/**
 * The whole log, oldest first, as one sheet the export's worker reads and writes: the window says
 * only up to which entry (so entries written while it runs are left to the next export) and counts
 * them, and reads and formats none of them.
 */
export async function auditLogSheet(db: LedgerDb, timeZone: string): Promise<WorkerReadTable<AuditLogRead>> {
  const [count, last] = await db.transaction('r', db.auditLog, () => Promise.all([db.auditLog.count(), db.auditLog.orderBy('seq').last()]));
  return { name: AUDIT_SHEET, header: [...AUDIT_HEADER], count, read: { kind: 'audit-log', upTo: last?.seq ?? 0, timeZone } };
}

/**
 * Rows per request: a page of entries read, named and written in one of the worker's tasks; the
 * export's button shows the share written after each.
 */
export const AUDIT_SLICE = 500;

/**
 * The rows of `read`'s entries in seq order, a page at a time, each name read once for the whole
 * export. A page's names are read while the page before is written.
 */
export async function* auditSheetSlices(db: LedgerDb, read: AuditLogRead): AsyncGenerator<ExportCell[][]> {
  const known = new Map<string, string | null>();
  const rows = async (named: Promise<[AuditEntry[], (id: string) => string | undefined]>) => {
    const [page, name] = await named;
    return auditTable(page, { name, timeZone: read.timeZone }).rows;
  };
  let waiting: Promise<[AuditEntry[], (id: string) => string | undefined]> | undefined;
  for await (const page of logPages(db, AUDIT_SLICE, read.upTo)) {
    // Names are known (or null while being read) in page order: a page is written only once the names of every page before it are read.
    const named = changeNames(db, page, known).then((name): [AuditEntry[], typeof name] => [page, name]);
    // Awaited once the page before is written, or never (the export was cancelled, or failed before).
    named.catch(() => undefined);
    if (waiting) yield await rows(waiting);
    waiting = named;
  }
  if (waiting) yield await rows(waiting);
}
