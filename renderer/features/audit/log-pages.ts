// The whole audit log read a page at a time in seq order, the window getting a turn between pages:
// for the chain check and the export, which both go over every entry (316,000 in ten years).
import type { AuditEntry } from '@shared/domain/audit';
import { idsNamed } from '@shared/audit/record-labels';
import type { SlicedExportTable } from '@shared/spreadsheet/export-table';
import type { LedgerDb } from '../../db/schema';
import { EXPORT_SLICE, auditTable } from '../export/list-tables';
import { nextTurn } from '../../app/next-turn';
import { deletedName } from '../../db/queries';

/** The whole log a page at a time in seq order, yielding to the window between pages; the next page is read when asked for. */
export async function* logPages(db: LedgerDb, size: number): AsyncGenerator<AuditEntry[]> {
  let after: number | undefined;
  for (;;) {
    const page = await (after === undefined ? db.auditLog.orderBy('seq') : db.auditLog.where('seq').above(after)).limit(size).toArray();
    if (page.length === 0) return;
    after = page[page.length - 1]!.seq;
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

/**
 * Every entry, oldest first, as one sheet whose rows are read and built a page at a time as the
 * export writes them: the window holds one page of rows, never the whole log.
 */
export async function auditLogSheet(db: LedgerDb, actionLabel: (action: AuditEntry['action']) => string, timeZone?: string): Promise<SlicedExportTable> {
  const { name, header } = auditTable([], actionLabel);
  async function* slices() {
    const known = new Map<string, string | null>();
    for await (const page of logPages(db, EXPORT_SLICE)) yield auditTable(page, actionLabel, { name: await changeNames(db, page, known), timeZone }).rows;
  }
  return { name, header, count: await db.auditLog.count(), slices: slices() };
}
