// 审计日志's filters: by record, table, operator and the institution's days. The entries are read
// through the index that narrows most (the record, else the table, else the days, else the whole
// log by seq), newest first; only what that index does not answer is checked entry by entry. A
// filter the index answers alone counts by the index (IndexedDB's own count, no entry read): the
// 300,000 entries of a table's history are not read to say how many there are.
import type { AuditEntry } from '@shared/domain/audit';
import { dayBounds } from '@shared/domain/time-zone';
import { COUNT_SLICE, countInSlices } from '../../db/chunked-reads';
import type { LedgerDb } from '../../db/schema';

/** Audit entries of one record, one table, one operator and/or a date range. */
export interface AuditFilter {
  recordId?: string;
  table?: string;
  /** Part of the operator's name. */
  operator?: string;
  /** YYYY-MM-DD, inclusive, on the institution's clock. */
  from?: string;
  to?: string;
}

/** Whether `f` narrows the log at all. */
export function isFiltered(f: AuditFilter): boolean {
  return Object.values(f).some((v) => v !== undefined);
}

/** A collection of the audit log, as Dexie types it. */
type AuditCollection = ReturnType<LedgerDb['auditLog']['toCollection']>;

/**
 * The entries `f` keeps, newest first (by seq within the index's key), read through the index that
 * narrows most. A walk that checks entries one by one ends at the first entry read once `stopped()`
 * says so (the clerk has chosen another filter, and the window is not to go on reading the whole
 * log for a count no one will see); what it read until then is its result.
 */
export function auditEntries(db: LedgerDb, f: AuditFilter, timeZone: string, stopped?: () => boolean): AuditCollection {
  // The days are the institution's, as the entries' times are shown.
  const fromIso = f.from ? dayBounds(f.from, timeZone).from : undefined;
  const toIso = f.to ? dayBounds(f.to, timeZone).to : undefined;
  const served = f.recordId ? 'recordId' : f.table ? 'table' : fromIso || toIso ? 'at' : 'seq';
  const base =
    served === 'recordId'
      ? db.auditLog.where('recordId').equals(f.recordId!)
      : served === 'table'
        ? db.auditLog.where('table').equals(f.table!)
        : served === 'at'
          ? db.auditLog.where('at').between(fromIso ?? '', toIso ?? '\uffff', true, true)
          : db.auditLog.orderBy('seq');
  const checks: ((e: AuditEntry) => boolean)[] = [];
  if (f.table && served !== 'table') checks.push((e) => e.table === f.table);
  if (f.operator) checks.push((e) => e.operator.includes(f.operator!));
  if (fromIso && served !== 'at') checks.push((e) => e.at >= fromIso);
  if (toIso && served !== 'at') checks.push((e) => e.at <= toIso);
  const newestFirst = base.reverse();
  if (checks.length === 0) return newestFirst;
  // Only a walk that checks entries can be stopped: a stop check on a read the index answers alone would make IndexedDB's own count a walk.
  return (stopped ? newestFirst.until(stopped) : newestFirst).filter((e) => checks.every((check) => check(e)));
}

/**
 * How many entries `f` keeps: the whole log a slice at a time (countInSlices: no other read waits
 * behind a count of 316,000 entries), a filter by its index or its walk (auditEntries). Once
 * `stopped()` says so, what was counted so far.
 */
export async function countEntries(db: LedgerDb, f: AuditFilter, timeZone: string, stopped: () => boolean = () => false, slice = COUNT_SLICE): Promise<number> {
  return isFiltered(f) ? auditEntries(db, f, timeZone, stopped).count() : countInSlices(db.auditLog, stopped, slice);
}
