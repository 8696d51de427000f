// One record of a package, checked and brought to the normalised form the edit dialogs store
// (trimmed text, blank optional fields absent, default lists present). The writer puts only
// normalised records into a package; the reader accepts a record only if it already is in that
// form, so what is merged is exactly what the checksum covered.
import { canonicalJson } from '../domain/canonical-json';
import type { BaseRecord } from '../domain/common';
import { validatePlatform, type ValidationOptions } from '../domain/validation';
import type { ZodType } from 'zod';
import { EXCHANGE_TABLES, type ExchangeTable } from './format';
import { recordSchema } from './schemas';

export type Row = BaseRecord & Record<string, unknown>;

export type NormaliseResult = { ok: true; record: Row } | { ok: false; field: string; message: string };

/** JSON has no `undefined`: dropping such keys makes a record compare equal to its stored copy. */
function withoutUndefined(value: unknown): Row {
  return JSON.parse(canonicalJson(value)) as Row;
}

export type Normaliser = (table: ExchangeTable, raw: unknown) => NormaliseResult;

/** A checker for many records: the schemas are built once ("not in the future" is judged against `options.today`). */
export function recordNormaliser(options: ValidationOptions): Normaliser {
  const schemas = new Map(EXCHANGE_TABLES.map((t) => [t, recordSchema(t, options)]));
  return (table, raw) => normalise(table, schemas.get(table)!, raw, options);
}

function normalise(table: ExchangeTable, schema: ZodType, raw: unknown, options: ValidationOptions): NormaliseResult {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, field: issue?.path.map(String).join('.') ?? '', message: issue?.message ?? '格式不正确' };
  }
  if (table === 'platforms') {
    // The rules that span fields (an account id for every kind but 其他, a server location …).
    const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...draft } = raw as Row;
    const checked = validatePlatform(draft, options);
    if (!checked.ok) {
      const [field, message] = Object.entries(checked.errors)[0] ?? ['', '格式不正确'];
      return { ok: false, field, message };
    }
  }
  return { ok: true, record: withoutUndefined(parsed.data) };
}
