// Record ids: ULIDs, sortable by creation time and safe to merge across machines.
import { ulid } from 'ulid';

export function newId(): string {
  return ulid();
}

const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function isId(value: string): boolean {
  return ULID_RE.test(value);
}

/**
 * Every short string inside records (fields, arrays, nested objects): the candidates for ids of the
 * people (or other records) they name, to read by id instead of a whole table. Strings that are not a person's id are simply not found.
 */
export function stringsIn(values: readonly unknown[]): string[] {
  const out = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length > 0 && v.length <= 64) out.add(v);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(visit);
  };
  values.forEach(visit);
  return [...out];
}
