// The dataset of `npm run bench:scale` (issue 15) is one the app accepts: every unit, person,
// platform and filing passes the app's own record schemas, every reference resolves, the reviews
// follow 先审后发, the audit log's hash chain verifies, the project's backup writer writes it and
// its reader verifies the file, and every count follows BENCH_SCALE.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../shared/audit/hash-chain';
import { writeBackup } from '../../../shared/backup/backup-writer';
import { verifyBackup } from '../../../shared/backup/backup-reader';
import { BACKUP_TABLES } from '../../../shared/backup/format';
import type { AuditEntry } from '../../../shared/domain/audit';
import { DB_SCHEMA_VERSION } from '../../../shared/domain/db-schema-version';
import type { Review } from '../../../shared/domain/records';
import { recordSchema } from '../../../shared/exchange/schemas';
import { presetProfile } from '../../../shared/profiles/presets';
import { reviewStatus } from '../../../shared/rules/review-chain';
import { buildSearchKey } from '../../../shared/search/pinyin-search';
import { matchesSearch } from '../../../shared/search/search-match';
import { PROFILE_ID, scaleDataset, scanBytes } from '../../bench/scale-backup';
import { DHSF_EVERY, SCALE_TODAY } from '../../bench/scale-ledger';

const SCAN_SIZE = 64 * 1024;
const scanHash = (i: number) => {
  const hash = sha256.create();
  for (const chunk of scanBytes(i, SCAN_SIZE)) hash.update(chunk);
  return bytesToHex(hash.digest());
};
const small = scaleDataset({ scale: 0.01, scans: 2, scanSize: SCAN_SIZE, scanSha256: scanHash });
const twice = scaleDataset({ scale: 0.02 });
type Rows = Record<string, unknown>[];

describe('the bench:scale dataset (issue 15)', () => {
  it('scales every count with BENCH_SCALE', () => {
    const t = small.tables;
    expect(t.reviews).toHaveLength(1_000);
    expect(t.units).toHaveLength(3);
    expect(t.people).toHaveLength(30);
    expect(t.platforms).toHaveLength(100);
    expect(t.approvals).toHaveLength(200);
    expect(t.envelopes).toHaveLength(50);
    expect(t.inspections).toHaveLength(300);
    expect(t.attachments).toHaveLength(2);
    for (const table of ['reviews', 'platforms', 'approvals', 'envelopes', 'inspections', 'people', 'units'] as const) {
      expect(twice.tables[table]).toHaveLength(2 * t[table].length);
    }
    // The log is as long as writing the records produces, about the 316,000 per scale 1.
    expect(t.auditLog.length).toBeGreaterThan(3_160 * 0.9);
    expect(t.auditLog.length).toBeLessThan(3_160 * 1.1);
    expect(twice.tables.auditLog.length).toBeGreaterThan(6_320 * 0.9);
    expect(twice.tables.auditLog.length).toBeLessThan(6_320 * 1.1);
  });

  it('every unit, person, platform and filing passes the app’s own record schema', () => {
    for (const table of ['units', 'people', 'platforms', 'approvals'] as const) {
      const schema = recordSchema(table, { today: SCALE_TODAY });
      for (const row of twice.tables[table]) {
        const result = schema.safeParse(row);
        expect(result.success ? 'ok' : `${table}: ${JSON.stringify(result.error.issues[0])}`).toBe('ok');
      }
    }
  });

  it('every reference names a record of the dataset; every kind of platform and review state occurs', () => {
    const t = twice.tables;
    const ids = (rows: object[]) => new Set((rows as Rows).map((r) => r.id));
    const platforms = ids(t.platforms);
    const people = ids(t.people);
    const units = ids(t.units);
    for (const table of ['approvals', 'reviews', 'envelopes', 'handovers', 'inspections'] as const) {
      for (const row of t[table] as Rows) expect(platforms.has(row.platformId)).toBe(true);
    }
    for (const p of t.platforms as Rows) {
      expect(units.has(p.hostUnitId)).toBe(true);
      expect(people.has(p.chiefAdminId)).toBe(true);
    }
    for (const r of t.reviews as Review[]) for (const s of r.steps) for (const id of s.reviewerIds) expect(people.has(id)).toBe(true);
    expect(new Set((t.platforms as Rows).map((p) => p.kind)).size).toBe(14);
    const profile = presetProfile(PROFILE_ID);
    expect(new Set((t.reviews as Review[]).map((r) => reviewStatus(r, profile)))).toEqual(new Set(['待审', '审核中', '退回修改', '已发布', '已纠错']));
  });

  it('pinyin initials dhsf find the 东湖书坊 accounts only: 500 of the 10,000 at scale 1, the batch of 500 F04', () => {
    const rows = twice.tables.platforms as Rows;
    const found = rows.filter((p) => matchesSearch(buildSearchKey([p.name as string, p.accountId as string]), 'dhsf'));
    expect(found).toHaveLength(rows.length / DHSF_EVERY);
    for (const p of found) expect([p.kind, p.deletedAt]).toEqual(['微信公众号', undefined]);
  });

  it('the audit log verifies with the app’s hash chain and names every record written', () => {
    const log = small.tables.auditLog as AuditEntry[];
    expect(verifyChain(log)).toEqual({ ok: true, count: log.length });
    const created = new Set(log.filter((e) => e.action === 'create').map((e) => `${e.table}/${e.recordId}`));
    for (const table of ['units', 'people', 'platforms', 'approvals', 'reviews', 'inspections', 'attachments'] as const) {
      for (const row of small.tables[table] as Rows) expect(created.has(`${table}/${String(row.id)}`)).toBe(true);
    }
  });

  it('the project’s backup writer writes it and its reader verifies the file, scans included', async () => {
    const chunks: Uint8Array[] = [];
    const attachments = (small.tables.attachments as Rows).map((row, i) => ({ id: row.id as string, data: scanBytes(i, SCAN_SIZE) }));
    for await (const chunk of writeBackup({ appVersion: 'bench', dbVersion: DB_SCHEMA_VERSION, tables: small.tables, attachments })) chunks.push(chunk);
    const verdict = await verifyBackup(chunks);
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    for (const table of BACKUP_TABLES) expect(verdict.counts[table]).toBe(small.tables[table].length);
    expect(verdict.manifest.attachments.map((a) => a.sha256)).toEqual([scanHash(0), scanHash(1)]);
  });
});
