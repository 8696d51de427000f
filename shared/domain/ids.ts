// Record ids: ULIDs, sortable by creation time and safe to merge across machines.
import { ulid } from 'ulid';

export function newId(): string {
  return ulid();
}

const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function isId(value: string): boolean {
  return ULID_RE.test(value);
}
