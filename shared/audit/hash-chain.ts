// Hash chain of the audit log: each entry's hash covers its content and the previous entry's
// hash, so editing, inserting or removing an entry anywhere breaks every later link.
// Synchronous SHA-256 (no Web Crypto): the entry is written inside an IndexedDB transaction,
// and awaiting anything but the database there would let the transaction commit early.
import { GENESIS_HASH, type AuditEntry } from '../domain/audit';
import { canonicalJson, sha256Hex } from '../domain/canonical-json';

export type UnhashedEntry = Omit<AuditEntry, 'hash' | 'seq'>;

/** The text an entry's hash is the SHA-256 of. */
function hashedText(entry: UnhashedEntry): string {
  const { at, operator, table, recordId, recordName, action, changes, prevHash } = entry;
  // canonicalJson drops undefined values: an entry without recordName (all entries written before
  // it existed) hashes exactly as it always did, and a new entry's name is covered.
  return canonicalJson({ at, operator, table, recordId, recordName, action, changes, prevHash });
}

export function entryHash(entry: UnhashedEntry): string {
  return sha256Hex(hashedText(entry));
}

export function sealEntry(entry: Omit<UnhashedEntry, 'prevHash'>, prevHash: string | undefined): AuditEntry {
  const withPrev = { ...entry, prevHash: prevHash ?? GENESIS_HASH };
  return { ...withPrev, hash: entryHash(withPrev) };
}

export type ChainVerdict = { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: string };

/**
 * Re-computes the chain in order (entries sorted by seq, as stored); reports the first entry whose
 * position, link or content does not match. Limit of any hash chain: entries cut off the END leave
 * a shorter chain that still verifies; the audit page shows the newest entry's hash so the clerk
 * can note it on paper and compare later.
 */
export function verifyChain(entries: readonly AuditEntry[]): ChainVerdict {
  const chain = new ChainVerifier();
  chain.add(entries);
  return chain.verdict();
}

/**
 * What the chain needs of a run of consecutive entries checked on their own (a page of a backup's
 * audit log, possibly checked on another thread): its first entry, to be linked to the entries
 * before the run, and the first entry after it that does not follow from the one before it.
 */
export interface ChainRun {
  count: number;
  /** The run's first entry: its position (or undefined), its link, and whether its content hashes to its hash. */
  first?: { seq: unknown; prevHash: unknown; ownOk: boolean };
  /** The first entry after the first whose position, link or content does not match. */
  broken?: { brokenAt: unknown; reason: string };
  /** The run's last entry, when nothing in it is broken. */
  last?: { seq: number; hash: string };
}

const SEQ_BROKEN = '序号异常（记录被插入或顺序被改动）';
const LINK_BROKEN = '与上一条记录的链接不符（记录被删除、插入或改动）';
const CONTENT_BROKEN = '内容与其哈希不符（记录被改动）';

/** Why `e` (at 1-based place `place`) does not follow an entry at `prevSeq` with hash `prev`, if it does not. */
function breakOf(e: AuditEntry, place: number, prevSeq: number, prev: unknown, ownOk: () => boolean): { brokenAt: unknown; reason: string } | undefined {
  const seq = e.seq ?? place;
  // Positions are whole numbers that only grow (a restore may leave a gap, never a step back):
  // an entry slipped in between two others with a made-up position is caught at that entry.
  if (!Number.isSafeInteger(seq) || seq <= prevSeq) return { brokenAt: seq, reason: SEQ_BROKEN };
  if (e.prevHash !== prev) return { brokenAt: seq, reason: LINK_BROKEN };
  if (!ownOk()) return { brokenAt: seq, reason: CONTENT_BROKEN };
  return undefined;
}

/**
 * Checks a run of entries on their own: each after the first against the one before it (as
 * ChainVerifier does while nothing before is broken), the first one's content only. `before` is
 * the number of entries before the run (an entry without a position counts by its place).
 */
export function chainRun(entries: readonly AuditEntry[], before: number): ChainRun {
  const head = entries[0];
  if (!head) return { count: 0 };
  const run: ChainRun = { count: entries.length, first: { seq: head.seq, prevHash: head.prevHash, ownOk: entryHash(head) === head.hash } };
  for (let i = 1; i < entries.length; i++) {
    const prev = entries[i - 1]!;
    const e = entries[i]!;
    const broken = breakOf(e, before + i + 1, (prev.seq ?? before + i) as number, prev.hash, () => entryHash(e) === e.hash);
    if (broken) return { ...run, broken };
  }
  const tail = entries[entries.length - 1]!;
  return { ...run, last: { seq: (tail.seq ?? before + entries.length) as number, hash: tail.hash } };
}

/**
 * verifyChain fed in pages (a backup's audit log is read 2,000 entries at a time in a worker), or
 * in runs checked elsewhere (chainRun), in order: the same checks and the same verdict as over the
 * whole array at once.
 */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private prevSeq = 0;
  private count = 0;
  private broken: { brokenAt: number; reason: string } | undefined;
  /** Checks the next entries (the page after the ones added before). */
  add(entries: readonly AuditEntry[]): void {
    this.addRun(this.broken ? { count: entries.length } : chainRun(entries, this.count));
  }

  /** Takes the next run of entries, checked on its own by chainRun (with the entries before it as `before`). */
  addRun(run: ChainRun): void {
    const place = this.count + 1;
    this.count += run.count;
    if (this.broken || !run.first) return;
    const { first } = run;
    const broken =
      breakOf({ seq: first.seq, prevHash: first.prevHash } as AuditEntry, place, this.prevSeq, this.prev, () => first.ownOk) ?? run.broken;
    if (broken) this.broken = broken as { brokenAt: number; reason: string };
    else if (run.last) {
      this.prev = run.last.hash;
      this.prevSeq = run.last.seq;
    }
  }

  verdict(): ChainVerdict {
    return this.broken ? { ok: false, count: this.count, ...this.broken } : { ok: true, count: this.count };
  }
}

/** Field-level differences between two versions of a record (bookkeeping fields ignored). */
export function diffRecords(before: object | undefined, after: object | undefined): Record<string, [unknown, unknown]> {
  // Bookkeeping fields are not changes; attachment bytes are identified by their sha256 field.
  const skip = new Set(['updatedAt', 'createdAt', 'blob']);
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (skip.has(key)) continue;
    if (canonicalJson(b[key]) !== canonicalJson(a[key])) out[key] = [b[key] ?? null, a[key] ?? null];
  }
  return out;
}
