// The audit chain checked a page at a time (ChainVerifier, as the restore preview and 审计日志's
// 校验完整性 do) gives exactly the verdicts of the check over the whole log at once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChainVerifier, chainRun, sealEntry, verifyChain, type ChainRun } from '../../../shared/audit/hash-chain';
import type { AuditEntry } from '../../../shared/domain/audit';

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    const entry = sealEntry(
      {
        at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        operator: i % 2 ? '王老师' : 'Zhang 𠀀',
        table: 'platforms',
        recordId: `p${i % 7}`,
        // Entries written before record names existed carry none; both must hash alike.
        ...(i % 3 ? { recordName: `东湖示范大学官方微博 ${i}` } : {}),
        action: 'update',
        changes: { name: [`旧名称 ${i}`, `新名称 ${i}`], note: [null, '“引号”\\ 与换行\n'.repeat(i % 4)] },
      },
      out[i - 1]?.hash,
    );
    out.push({ ...entry, seq: i + 1 });
  }
  return out;
}

function verdictByPages(entries: readonly AuditEntry[], size: number) {
  const verifier = new ChainVerifier();
  for (let i = 0; i < entries.length; i += size) verifier.add(entries.slice(i, i + size));
  return verifier.verdict();
}

describe('the audit chain checked by pages', () => {
  it('verifies an intact chain, with the same count as verifyChain', () => {
    const entries = chain(25);
    expect(verdictByPages(entries, 4)).toEqual({ ok: true, count: 25 });
    expect(verifyChain(entries)).toEqual({ ok: true, count: 25 });
  });

  it('finds a changed entry, a removed entry and a changed hash where the check of the whole log does', () => {
    const changed = chain(20);
    changed[11] = { ...changed[11]!, operator: '改动者' };
    const removed = chain(20).filter((entry) => entry.seq !== 8);
    const rehashed = chain(20);
    rehashed[3] = { ...rehashed[3]!, hash: 'f'.repeat(64) };
    for (const entries of [changed, removed, rehashed]) {
      const byPages = verdictByPages(entries, 3);
      expect(byPages.ok).toBe(false);
      expect(byPages).toEqual(verifyChain(entries));
    }
    expect(verdictByPages(changed, 3)).toMatchObject({ brokenAt: 12, reason: '内容与其哈希不符（记录被改动）' });
  });
});

describe('the audit chain checked in runs apart and joined in order', () => {
  it('gives the verdict of the check over the whole log, wherever the runs are cut and whatever is broken (fast-check)', () => {
    const base = chain(40);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }),
        fc.array(fc.record({ at: fc.nat(39), how: fc.constantFrom('content', 'hash', 'remove', 'seq-back', 'seq-gap', 'no-seq', 'link') }), { maxLength: 3 }),
        (cuts, harms) => {
          let entries: AuditEntry[] = base.map((e) => ({ ...e }));
          for (const { at, how } of harms) {
            const i = at % entries.length;
            const e = entries[i]!;
            if (how === 'content') entries[i] = { ...e, operator: `${e.operator}!` };
            else if (how === 'hash') entries[i] = { ...e, hash: 'f'.repeat(64) };
            else if (how === 'remove') entries = entries.filter((_, j) => j !== i);
            else if (how === 'seq-back') entries[i] = { ...e, seq: Math.max(1, (e.seq ?? 1) - 2) };
            else if (how === 'seq-gap') entries = entries.map((x, j) => (j >= i && x.seq !== undefined ? { ...x, seq: x.seq + 5 } : x));
            else if (how === 'no-seq') entries = entries.map(({ seq: _seq, ...x }) => x as AuditEntry);
            else entries[i] = { ...e, prevHash: '0'.repeat(64) };
          }
          const points = [...new Set(cuts.map((c) => Math.min(c, entries.length)))].sort((a, b) => a - b);
          const runs: ChainRun[] = [];
          let from = 0;
          for (const to of [...points, entries.length]) {
            runs.push(chainRun(entries.slice(from, to), from));
            from = to;
          }
          const joined = new ChainVerifier();
          for (const run of runs) joined.addRun(run);
          expect(joined.verdict()).toEqual(verifyChain(entries));
        },
      ),
      { numRuns: 300 },
    );
  });
});
