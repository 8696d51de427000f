// The audit chain checked a page at a time (ChainVerifier, as the restore preview and 审计日志's
// 校验完整性 do) gives exactly the verdicts of the check over the whole log at once.
import { describe, expect, it } from 'vitest';
import { ChainVerifier, sealEntry, verifyChain } from '../../../shared/audit/hash-chain';
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
