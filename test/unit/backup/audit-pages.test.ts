// The restore preview's audit pages checked apart from the read (shared/backup/audit-pages.ts):
// whether each page is checked here or elsewhere, in whatever order the checks finish, and
// whether a check elsewhere fails, the preview refuses exactly the files, with exactly the reasons
// and details, and gives exactly the chain verdicts of reading and checking the pages one after
// the other.
import { describe, expect, it } from 'vitest';
import { ChainVerifier, sealEntry } from '@shared/audit/hash-chain';
import { checkAuditPage, type AuditPage, type AuditPageResult } from '@shared/backup/audit-pages';
import { describeFailure, readPages } from '@shared/backup/backup-reader';
import { BACKUP_TABLES } from '@shared/backup/format';
import { PAGE_ROWS } from '@shared/backup/json-pages';
import type { AuditEntry } from '@shared/domain/audit';
import { inspectBackup } from '../../../renderer/db/backup';
import { buildPlainFile, prng, sha256Hex } from './dataset';

const ENTRIES = 2 * PAGE_ROWS + 500;

function sealedLog(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    const entry = sealEntry(
      {
        at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        operator: i % 2 ? '王老师' : 'Zhang 𠀀',
        table: 'platforms',
        recordId: `p${i % 7}`,
        recordName: `东湖示范大学官方微博 ${i}`,
        action: 'update',
        changes: { name: [`旧名称 ${i}`, `新名称 ${i}`] },
      },
      out[i - 1]?.hash,
    );
    out.push({ ...entry, seq: i + 1 });
  }
  return out;
}

/** A plain file whose tables are empty but the audit log, given as its JSON text (anything). */
function fileWith(auditJson: string, auditRows: number): Uint8Array {
  const payload = (table: string) => Buffer.from(table === 'auditLog' ? auditJson : '[]');
  const tables = BACKUP_TABLES.map((table) => ({ type: 'T' as const, name: table, payload: payload(table) }));
  const manifest = {
    format: 'media-ledger-backup',
    formatVersion: 1,
    appVersion: 'x',
    dbVersion: 2,
    createdAt: '2026-03-01T08:00:00.000Z',
    tables: Object.fromEntries(BACKUP_TABLES.map((table) => [table, { count: table === 'auditLog' ? auditRows : 0, bytes: payload(table).length, sha256: sha256Hex(payload(table)) }])),
    attachments: [],
  };
  return buildPlainFile([...tables, { type: 'M', name: 'manifest.json', payload: Buffer.from(JSON.stringify(manifest)) }]);
}

/** The reference: the reader parses and checks every page itself, and the chain takes them in order. */
async function oneAfterAnother(file: Uint8Array) {
  const chain = new ChainVerifier();
  try {
    const pages = readPages(file, { rows: 'audit', partHashes: false });
    for (;;) {
      const next = await pages.next();
      if (next.done) return { ok: true, chain: chain.verdict() };
      if (next.value.kind === 'rows' && next.value.table === 'auditLog') chain.add(next.value.rows as unknown as AuditEntry[]);
    }
  } catch (error) {
    return describeFailure(error);
  }
}

/** Checks elsewhere that finish in a random order after 0–4 ms; every third one fails (that page is then checked here). */
function elsewhere(seed: number) {
  const random = prng(seed);
  const sent: number[] = [];
  const check = (page: AuditPage) =>
    new Promise<AuditPageResult>((resolve, reject) => {
      sent.push(page.before);
      const fails = sent.length % 3 === 2;
      setTimeout(() => (fails ? reject(new Error('the worker is gone')) : resolve(checkAuditPage({ ...page, bytes: page.bytes.slice() }))), random() * 4);
    });
  return { check, sent };
}

async function preview(file: Uint8Array, check?: (page: AuditPage) => Promise<AuditPageResult>) {
  const outcome = await inspectBackup(file, check ? { checkAuditPage: check } : {});
  return outcome.ok ? { ok: true, chain: outcome.chain } : { ok: false, reason: outcome.reason, detail: outcome.detail };
}

const text = (entries: readonly unknown[]) => JSON.stringify(entries);

describe('the preview checks the audit pages apart from the read', () => {
  const log = sealedLog(ENTRIES);
  const cases: [string, string, number][] = [
    ['an intact log', text(log), ENTRIES],
    ['an entry changed on the second page', text(log.map((e, i) => (i === PAGE_ROWS + 7 ? { ...e, operator: '改动者' } : e))), ENTRIES],
    ['an entry removed on the first page', text(log.filter((_, i) => i !== 300)), ENTRIES - 1],
    // At the pages' seams: what only the join of two pages can see.
    ['the entry that begins the second page removed', text(log.filter((_, i) => i !== PAGE_ROWS)), ENTRIES - 1],
    ['the entry that begins the second page changed', text(log.map((e, i) => (i === PAGE_ROWS ? { ...e, operator: '改动者' } : e))), ENTRIES],
    // Positions with gaps (as a restore may leave), one of them moved back to an unused one.
    ['the first entry of the third page moved back', text(log.map((e, i) => ({ ...e, seq: i === 2 * PAGE_ROWS ? 4 * PAGE_ROWS - 1 : 2 * (i + 1) }))), ENTRIES],
    ['a position used on two pages', text(log.map((e, i) => (i === PAGE_ROWS + 3 ? { ...e, seq: 5 } : e))), ENTRIES],
    [
      'a position used twice, before a malformed row on the same page',
      text(log.map((e, i) => (i === PAGE_ROWS + 3 ? { ...e, seq: 5 } : i === PAGE_ROWS + 9 ? { ...e, seq: 'x' } : e))),
      ENTRIES,
    ],
    ['a malformed row on the third page', text(log.map((e, i) => (i === 2 * PAGE_ROWS + 1 ? [] : e))), ENTRIES],
    ['a page that is not JSON', text(log).replace('"action":"update"', '"action":updat'), ENTRIES],
    ['entries without positions', text(log.map(({ seq: _seq, ...e }) => e)), ENTRIES],
  ];

  for (const [name, json, rows] of cases) {
    it(name, async () => {
      const file = fileWith(json, rows);
      const expected = await oneAfterAnother(file);
      expect(await preview(file)).toEqual(expected);
      for (const seed of [1, 2, 3]) {
        const away = elsewhere(seed);
        expect(await preview(file, away.check)).toEqual(expected);
        // The first two pages go elsewhere (the second one failing there); the third is cut while
        // both are away, so it is checked here (no more than two at a time).
        expect(away.sent).toEqual([0, PAGE_ROWS]);
      }
    });
  }

  it('the reference sees what each case is about', async () => {
    const verdicts = await Promise.all(cases.map(([, json, rows]) => oneAfterAnother(fileWith(json, rows))));
    expect(verdicts.map((v) => ('chain' in v ? (v.chain.ok ? 'ok' : v.chain.reason) : v.detail))).toEqual([
      'ok',
      '内容与其哈希不符（记录被改动）',
      '与上一条记录的链接不符（记录被删除、插入或改动）',
      '与上一条记录的链接不符（记录被删除、插入或改动）',
      '内容与其哈希不符（记录被改动）',
      '序号异常（记录被插入或顺序被改动）',
      `table auditLog, row ${PAGE_ROWS + 3}: duplicate seq 5`,
      `table auditLog, row ${PAGE_ROWS + 3}: duplicate seq 5`,
      `table auditLog, row ${2 * PAGE_ROWS + 1}: not an object`,
      expect.stringContaining('table auditLog: not valid UTF-8 JSON') as unknown as string,
      `table auditLog, row 0: seq missing or malformed`,
    ]);
  });
});
