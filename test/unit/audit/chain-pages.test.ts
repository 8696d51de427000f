// The audit chain checked a page at a time with the platform's SHA-256 (ChainVerifier.addPage, as
// the restore preview and 审计日志's 校验完整性 do) gives exactly the hashes and verdicts of the
// synchronous check that seals entries.
import { describe, expect, it, vi } from 'vitest';
import type * as WebPlatform from '../../../shared/backup/web-platform';

// The platform's digests answer in the reverse order of the calls (each waits less than the one
// before, 41 calls at a time), as a busy thread pool may: pages handed on ahead must still be
// added in their order.
vi.mock('../../../shared/backup/web-platform', async (importOriginal) => {
  const real = await importOriginal<typeof WebPlatform>();
  let calls = 0;
  const digest = async (algorithm: 'SHA-256', data: Uint8Array) => {
    await new Promise((resolve) => setTimeout(resolve, 40 - (calls++ % 41)));
    return real.subtle().digest(algorithm, data);
  };
  return { ...real, subtle: () => ({ ...real.subtle(), digest }) };
});
import { ChainVerifier, entryHash, entryHashes, sealEntry, verifyChain } from '../../../shared/audit/hash-chain';
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

async function verdictByPages(entries: readonly AuditEntry[], size: number) {
  const verifier = new ChainVerifier();
  for (let i = 0; i < entries.length; i += size) await verifier.addPage(entries.slice(i, i + size));
  return verifier.verdict();
}

/**
 * The pages handed on without waiting for each (as the restore preview does), then awaited in
 * reverse: a large page first and single entries after it, whose hashes are ready sooner.
 */
async function verdictAhead(entries: readonly AuditEntry[], first: number) {
  const verifier = new ChainVerifier();
  const added: Promise<void>[] = [verifier.addPage(entries.slice(0, first))];
  for (let i = first; i < entries.length; i++) added.push(verifier.addPage(entries.slice(i, i + 1)));
  for (const page of added.reverse()) await page;
  return verifier.verdict();
}

describe('the audit chain checked by pages with the native SHA-256', () => {
  it('computes the same hash as the synchronous entryHash for every entry', async () => {
    const entries = chain(40);
    expect(await entryHashes(entries)).toEqual(entries.map((entry) => entryHash(entry)));
    expect(await entryHashes([])).toEqual([]);
  });

  it('verifies an intact chain, with the same count as verifyChain', async () => {
    const entries = chain(25);
    expect(await verdictByPages(entries, 4)).toEqual({ ok: true, count: 25 });
    expect(verifyChain(entries)).toEqual({ ok: true, count: 25 });
  });

  it('finds a changed entry, a removed entry and a changed hash where the synchronous check does', async () => {
    const changed = chain(20);
    changed[11] = { ...changed[11]!, operator: '改动者' };
    const removed = chain(20).filter((entry) => entry.seq !== 8);
    const rehashed = chain(20);
    rehashed[3] = { ...rehashed[3]!, hash: 'f'.repeat(64) };
    for (const entries of [changed, removed, rehashed]) {
      const byPages = await verdictByPages(entries, 3);
      expect(byPages.ok).toBe(false);
      expect(byPages).toEqual(verifyChain(entries));
    }
    expect(await verdictByPages(changed, 3)).toMatchObject({ brokenAt: 12, reason: '内容与其哈希不符（记录被改动）' });
  });

  it('gives the same verdicts when the next pages are handed on before the earlier ones are checked', async () => {
    const intact = chain(31);
    expect(await verdictAhead(intact, 20)).toEqual({ ok: true, count: 31 });
    const changed = chain(31);
    changed[22] = { ...changed[22]!, changes: { name: ['旧', '改过'] } };
    const swapped = chain(31);
    [swapped[9], swapped[10]] = [swapped[10]!, swapped[9]!];
    for (const entries of [changed, swapped]) expect(await verdictAhead(entries, 20)).toEqual(verifyChain(entries));
    expect(await verdictAhead(changed, 20)).toMatchObject({ ok: false, brokenAt: 23 });
  });
});
