// What the audit log shows about a record: its display name, kept in the entry when it is written
// (so "who deleted the 宣传部 account" is answerable after the record is gone), and the fields a
// change touched, labelled and read as every view of a record reads them (shared/domain/field-text.ts).
import { canonicalJson } from '../domain/canonical-json';
import { accountIdLabel, fieldLabel, fieldValueText } from '../domain/field-text';
import { PLATFORM_KINDS, type PlatformKind } from '../domain/platform';
import type { RecordTable } from '../domain/tables';

/** The record's name as the clerk knows it, from the record's own fields (no lookups needed). */
export function recordDisplayName(table: string, record: object | undefined): string | undefined {
  if (!record) return undefined;
  const r = record as Record<string, unknown>;
  const text = (key: string) => (typeof r[key] === 'string' && r[key] !== '' ? (r[key] as string) : undefined);
  switch (table) {
    case 'approvals':
      return [text('kind'), text('changeDate') ?? text('date')].filter(Boolean).join(' ') || undefined;
    case 'reviews':
      return text('title');
    case 'envelopes':
      return text('number') ? `信封 ${text('number')}` : undefined;
    case 'handovers':
      return text('date') ? `交接 ${text('date')}` : undefined;
    case 'inspections':
      return typeof r.year === 'number' ? `${r.year}年度检查` : undefined;
    case 'incidents':
      return [text('kind'), text('date')].filter(Boolean).join(' ') || undefined;
    case 'trainings':
      return text('topic');
    case 'printouts':
      return text('formNumber');
    case 'settings':
      return '设置';
    default:
      return text('name') ?? text('title');
  }
}

/**
 * What an audit line needs besides the entry: names for ids (where known; `table` is where the id
 * points, undefined for a printout's 记录, which names its table in another field) and the clock
 * instants read on.
 */
export interface ChangeReading {
  name?: (id: string, table: RecordTable | undefined) => string | undefined;
  timeZone?: string;
}

/**
 * One changed field of a `table` record as 名称：旧 → 新. `label` names the field where the entry
 * says more than the field alone (a platform's accountId once its kind is known).
 */
export function describeChange(table: string, field: string, [before, after]: readonly [unknown, unknown], { name = () => undefined, timeZone }: ChangeReading = {}, label = fieldLabel(table, field)): string {
  const text = (value: unknown) => fieldValueText(table, field, value, (target, id) => name(id, target) ?? id, timeZone) || '（空）';
  const [was, now] = [text(before), text(after)];
  // A change the text does not show (a detail the summary leaves out) must not read as no change.
  const hidden = was === now && canonicalJson(before) !== canonicalJson(after);
  return `${label}：${was} → ${now}${hidden ? '（其中细节有改动）' : ''}`;
}

/**
 * An entry's changes as the audit log page and its export list them, a line per field. A new
 * record's own id is left out: the entry names the record already (its 记录 and 记录编号).
 */
export function changeLines(entry: { table: string; changes: Record<string, readonly [unknown, unknown]> }, reading: ChangeReading = {}): { field: string; text: string }[] {
  const accountId = entry.table === 'platforms' ? accountIdLabel(kindOf(entry.changes.kind)) : undefined;
  return Object.entries(entry.changes)
    .filter(([field]) => field !== 'id')
    .map(([field, change]) => ({ field, text: describeChange(entry.table, field, change, reading, field === 'accountId' ? accountId : undefined) }));
}

/**
 * The platform's kind where the entry holds it (a new or deleted record, or a change of kind: the
 * kind it has after the change, else before); undefined when the entry does not touch the kind.
 */
function kindOf(change: readonly [unknown, unknown] | undefined): PlatformKind | undefined {
  const isKind = (value: unknown): value is PlatformKind => typeof value === 'string' && (PLATFORM_KINDS as readonly string[]).includes(value);
  if (!change) return undefined;
  return isKind(change[1]) ? change[1] : isKind(change[0]) ? change[0] : undefined;
}

/**
 * The ids the lines of these entries name, each with the table it points into: what a page of the
 * log must look up, and nothing else (not a new record's own id, not an id the lines show as it is).
 * Read by listing the entries' lines once, so it follows field-text's own idea of which fields
 * hold ids.
 */
export function idsNamed(entries: readonly { table: string; changes: Record<string, readonly [unknown, unknown]> }[]): Map<string, RecordTable | undefined> {
  const wanted = new Map<string, RecordTable | undefined>();
  const reading: ChangeReading = {
    name: (id, table) => {
      wanted.set(id, table);
      return undefined;
    },
  };
  for (const entry of entries) changeLines(entry, reading);
  return wanted;
}
