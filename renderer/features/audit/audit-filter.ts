// 审计日志's filters: by record, table, operator and the institution's days. The entries are read
// through the index that narrows most (the record, else the table, else the days, else the whole
// log by seq), newest first; only what that index does not answer is checked entry by entry. A
// filter the index answers alone counts by the index (IndexedDB's own count, no entry read): the
// 300,000 entries of a table's history are not read to say how many there are.
import type { AuditEntry } from '@shared/domain/audit';
import { dayBounds } from '@shared/domain/time-zone';
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
 * Entries per request when the whole log is counted. The database answers one request at a time:
 * IndexedDB's count of the whole log is one request of 0.6 s at 316,000 entries (on a 2-core
 * machine), and every other read of the app, its workers' included, waits behind it. Counted a
 * slice at a time, another read waits for one slice at most.
 */
export const COUNT_SLICE = 40_000;

/**
 * How many entries `f` keeps. The whole log is counted a slice of entries at a time (COUNT_SLICE):
 * each request steps a key cursor over a slice's seqs, keys only, and the last counts what is left
 * (so gaps in the seqs, as a restore of any backup may leave, cost nothing). A filter is counted by
 * its index or its walk (auditEntries). Once `stopped()` says so, what was counted so far.
 */
export async function countEntries(db: LedgerDb, f: AuditFilter, timeZone: string, stopped: () => boolean = () => false, slice = COUNT_SLICE): Promise<number> {
  if (isFiltered(f)) return auditEntries(db, f, timeZone, stopped).count();
  // A new collection each time: Dexie's offset and limit change the collection they are called on.
  const after = (seq: number | undefined) => (seq === undefined ? db.auditLog.orderBy('seq') : db.auditLog.where('seq').above(seq));
  let total = 0;
  for (let last: number | undefined; !stopped(); total += slice) {
    const [end] = await after(last).offset(slice - 1).limit(1).primaryKeys();
    if (end === undefined) return total + (await after(last).count());
    last = end;
  }
  return total;
}
