// Names in a ledger row resolved to the records they mean: a unit by its name, a person by
// their name, or by 姓名（单位） where two people share a name. Records in the trash are named
// as such, so the clerk knows to restore them rather than type them again.
import type { Id } from '../domain/common';
import { platformKey } from '../domain/platform';

export interface StoredUnit {
  id: Id;
  name: string;
  deletedAt?: string;
}

export interface StoredPerson {
  id: Id;
  name: string;
  unitId?: Id;
  deletedAt?: string;
}

export interface StoredPlatform {
  id: Id;
  kind: string;
  accountId: string;
  name: string;
  hostUnitId?: Id;
  deletedAt?: string;
}

/** What is already stored, as far as the import needs it. */
export interface StoredData {
  units: readonly StoredUnit[];
  people: readonly StoredPerson[];
  platforms: readonly StoredPlatform[];
}

export type Resolved = { ok: true; id: Id } | { ok: false; reason: string };

/** Names compare after folding full-width forms and spaces; rare characters (𠮷) are kept. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export class ReferenceIndex {
  private readonly units: Map<string, StoredUnit[]>;
  private readonly people: Map<string, StoredPerson[]>;
  private readonly unitNames: Map<Id, string>;

  constructor(stored: StoredData) {
    this.units = group(stored.units, (u) => nameKey(u.name));
    this.people = group(stored.people, (p) => nameKey(p.name));
    this.unitNames = new Map(stored.units.map((u) => [u.id, u.name]));
  }

  /** A live unit of that name; `extra` adds units being imported in the same file. */
  unit(name: string, what: string, extra?: ReadonlyMap<string, Id>): Resolved {
    const key = nameKey(name);
    const found = this.units.get(key) ?? [];
    const live = found.filter((u) => !u.deletedAt);
    if (live.length === 1) return { ok: true, id: live[0]!.id };
    if (live.length > 1) return { ok: false, reason: `有 ${live.length} 个名为“${name}”的单位，无法确定是哪一个，请先在“单位”中改正重名` };
    const inFile = extra?.get(key);
    if (inFile) return { ok: true, id: inFile };
    if (found.length > 0) return { ok: false, reason: `${what}“${name}”在回收站中，请先在回收站恢复该单位` };
    return { ok: false, reason: `找不到名为“${name}”的单位（${what}），请先在“单位”中添加该单位，或改正表格中的名称` };
  }

  /** A live person of that name, or 姓名（单位） / 姓名(单位) when the name alone is ambiguous. */
  person(text: string, what: string): Resolved {
    const direct = this.matchPeople(nameKey(text));
    if (direct.live.length === 1) return { ok: true, id: direct.live[0]!.id };
    const qualified = /^(.+?)[(（]([^()（）]+)[)）]$/u.exec(text.trim());
    if (direct.live.length === 0 && qualified) {
      const [, name, unit] = qualified as unknown as [string, string, string];
      const inUnit = this.matchPeople(nameKey(name)).live.filter((p) => p.unitId && nameKey(this.unitNames.get(p.unitId) ?? '') === nameKey(unit));
      if (inUnit.length === 1) return { ok: true, id: inUnit[0]!.id };
    }
    if (direct.live.length > 1) {
      return { ok: false, reason: `有 ${direct.live.length} 位名为“${text}”的人员，无法确定是哪一位，请在表格中写作“${text}（所在单位）”` };
    }
    if (direct.all.length > 0) return { ok: false, reason: `${what}“${text}”在回收站中，请先在回收站恢复此人` };
    return { ok: false, reason: `找不到名为“${text}”的人员（${what}），请先在“人员”中添加，或改正表格中的姓名` };
  }

  private matchPeople(key: string): { all: StoredPerson[]; live: StoredPerson[] } {
    const all = this.people.get(key) ?? [];
    return { all, live: all.filter((p) => !p.deletedAt) };
  }
}

/**
 * Key of the possible-duplicate rule for platforms where an account id is missing (其他 may have
 * none yet, e.g. 申请中): same kind, same name (as nameKey folds it) and the same host unit.
 */
export function platformNameKey(kind: string, name: string, hostUnitId: string | undefined): string | undefined {
  const folded = nameKey(name);
  return folded ? `${kind}\u0000${folded}\u0000${hostUnitId ?? ''}` : undefined;
}

/** What the platform duplicate rules look at. */
export interface PlatformIdentity {
  kind: string;
  accountId?: string;
  name: string;
  hostUnitId?: string;
}

/** The identity of a platform draft (a row of the preview). */
export function platformIdentity(draft: Readonly<Record<string, unknown>>): PlatformIdentity {
  return {
    kind: String(draft.kind ?? ''),
    accountId: String(draft.accountId ?? ''),
    name: String(draft.name ?? ''),
    hostUnitId: typeof draft.hostUnitId === 'string' ? draft.hostUnitId : undefined,
  };
}

/** A platform found by the rules: by its account id, or (a possible duplicate) by kind, name and host unit. */
export interface PlatformMatch<T> {
  value: T;
  rule: 'account' | 'name';
}

/**
 * The duplicate rules of the platform import: the same kind + account id (platformKey); and, when
 * one of the two has no account id, the same kind + name + host unit (platformNameKey) — without
 * it, two identical rows of kind 其他 without an account would both be imported.
 */
export class PlatformDuplicates<T> {
  private readonly byAccount = new Map<string, T>();
  /** Name keys of every platform added. */
  private readonly byName = new Map<string, T>();
  /** Name keys of the platforms added without an account id. */
  private readonly byNameWithoutAccount = new Map<string, T>();

  find(p: PlatformIdentity): PlatformMatch<T> | undefined {
    const account = platformKey(p.kind, p.accountId ?? '');
    const byAccount = account === undefined ? undefined : this.byAccount.get(account);
    if (byAccount !== undefined) return { value: byAccount, rule: 'account' };
    const name = platformNameKey(p.kind, p.name, p.hostUnitId);
    const byName = name === undefined ? undefined : (account === undefined ? this.byName : this.byNameWithoutAccount).get(name);
    return byName === undefined ? undefined : { value: byName, rule: 'name' };
  }

  /** Adds a platform; with `replace` it takes the place of one already added under the same key. */
  add(p: PlatformIdentity, value: T, replace = false): void {
    const put = (map: Map<string, T>, key: string | undefined) => {
      if (key !== undefined && (replace || !map.has(key))) map.set(key, value);
    };
    const account = platformKey(p.kind, p.accountId ?? '');
    const name = platformNameKey(p.kind, p.name, p.hostUnitId);
    put(this.byAccount, account);
    put(this.byName, name);
    if (account === undefined) put(this.byNameWithoutAccount, name);
  }
}
