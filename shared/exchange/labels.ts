// The fields of a package as an import's side-by-side view shows them: labels and values as every
// other view of a record reads them (shared/domain/field-text.ts), with names looked up in the
// package first, then on this computer.
import { fieldValueText } from '../domain/field-text';
import { EXCHANGE_TABLES, type ExchangeTable } from './format';

/** Looks a record's display name up (package first, then this computer); undefined when unknown. */
export type NameOf = (table: ExchangeTable, id: string) => string | undefined;

const isExchangeTable = (table: string): table is ExchangeTable => (EXCHANGE_TABLES as readonly string[]).includes(table);

/** A field's value as text for the side-by-side view; '' when the field is empty. */
export function formatValue(table: ExchangeTable, field: string, value: unknown, nameOf: NameOf): string {
  return fieldValueText(table, field, value, (target, id) => (target && isExchangeTable(target) ? nameOf(target, id) : undefined) ?? `（本机和数据包中都没有此记录：${id}）`);
}
