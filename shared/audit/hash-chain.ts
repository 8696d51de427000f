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
 * verifyChain fed in pages (a backup's audit log is read 2,000 entries at a time in a worker):
 * the same checks and the same verdict as over the whole array at once.
 */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private prevSeq = 0;
  private count = 0;
  private broken: { brokenAt: number; reason: string } | undefined;
  /** Checks the next entries (the page after the ones added before). */
  add(entries: readonly AuditEntry[]): void {
    for (const e of entries) {
      this.count += 1;
      if (this.broken) continue;
      const seq = e.seq ?? this.count;
      // Positions are whole numbers that only grow (a restore may leave a gap, never a step back):
      // an entry slipped in between two others with a made-up position is caught at that entry.
      if (!Number.isSafeInteger(seq) || seq <= this.prevSeq) this.broken = { brokenAt: seq, reason: '序号异常（记录被插入或顺序被改动）' };
      else if (e.prevHash !== this.prev) this.broken = { brokenAt: seq, reason: '与上一条记录的链接不符（记录被删除、插入或改动）' };
      else if (entryHash(e) !== e.hash) this.broken = { brokenAt: seq, reason: '内容与其哈希不符（记录被改动）' };
      else {
        this.prev = e.hash;
        this.prevSeq = seq;
      }
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
