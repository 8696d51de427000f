// The registry's duplicate rule applied to exchange packages: one live platform per platform kind +
// account id. Records are matched by id, but the same account can be stored under two ids (the
// 宣传部 imported its old Excel ledger, which gave every account a new id, before the unit's package
// arrived); merging such a record as new would put the account in the registry twice. The account
// id is compared the way the Excel import compares it (platformKey: full-width folded, trimmed,
// case-insensitive, without http(s):// and trailing slashes).
import { platformKey } from '../domain/platform';
import type { Row } from './records';

/** The duplicate-rule key of a platform record; undefined when it has no account id (e.g. kind 其他). */
export function accountKeyOf(record: Row): string | undefined {
  const { kind, accountId } = record;
  return typeof kind === 'string' && typeof accountId === 'string' ? platformKey(kind, accountId) : undefined;
}

/** Live platforms stored here, by accountKeyOf (a list: older data may already hold a pair). */
export type StoredAccounts = ReadonlyMap<string, readonly Row[]>;

export function indexAccounts(platforms: Iterable<Row>): Map<string, Row[]> {
  const index = new Map<string, Row[]>();
  for (const p of platforms) {
    const key = accountKeyOf(p);
    if (!key || p.deletedAt) continue;
    const list = index.get(key);
    if (list) list.push(p);
    else index.set(key, [p]);
  }
  return index;
}

/**
 * The live platforms stored here under another id that `incoming` would duplicate if merged, or []
 * when merging it adds no second live account: it has no account id, it is stored here already live
 * with the same key (merging it changes nothing about the key), or it is stored here and arrives in
 * the trash. An incoming record not stored here counts whether or not it is in the sender's trash:
 * once merged it could be restored from the trash here.
 */
export function storedDuplicates(incoming: Row, stored: Row | undefined, accounts: StoredAccounts): Row[] {
  const key = accountKeyOf(incoming);
  if (!key) return [];
  if (stored) {
    if (incoming.deletedAt) return [];
    if (!stored.deletedAt && accountKeyOf(stored) === key) return [];
  }
  return (accounts.get(key) ?? []).filter((p) => p.id !== incoming.id);
}

/** The first two live platforms of a list that hold the same account (the package's own check). */
export function firstLivePair(platforms: readonly Row[]): [Row, Row] | undefined {
  const seen = new Map<string, Row>();
  for (const p of platforms) {
    const key = accountKeyOf(p);
    if (!key || p.deletedAt) continue;
    const first = seen.get(key);
    if (first) return [first, p];
    seen.set(key, p);
  }
  return undefined;
}

/** “微信公众号，账号ID dhsf_cs” — how the clerk recognises the account. */
export function accountText(record: Row): string {
  return `${String(record.kind)}，账号ID ${String(record.accountId)}`;
}
