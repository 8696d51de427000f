// 回收站 over a large trash: a page is found from the `deletedAt` index keys of every record table
// and only its own records are read; the export reads every trashed record in chunks.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerDb } from '../../../renderer/db/schema';
import { readTrash, readTrashPage, type TrashRow } from '../../../renderer/db/trash';
import { RECORD_TABLES, type RecordTable } from '../../../shared/domain/tables';
import { logReads, type ReadLog } from './read-log';

/** Trashed and live records written per table, and the field each is named by. */
const FIXTURE: { table: RecordTable; trashed: number; live: number; nameField: string }[] = [
  { table: 'people', trashed: 60, live: 10, nameField: 'name' },
  { table: 'platforms', trashed: 25, live: 10, nameField: 'name' },
  { table: 'reviews', trashed: 200, live: 20, nameField: 'title' },
  { table: 'trainings', trashed: 7, live: 5, nameField: 'topic' },
  { table: 'printouts', trashed: 3, live: 2, nameField: 'formNumber' },
];
const TOTAL = FIXTURE.reduce((n, f) => n + f.trashed, 0);
const PAGE = 20;
/** Deletion ranks sharing one moment (a page boundary falls inside them). */
const TIED = new Set([18, 19, 20, 21, 22]);

let db: LedgerDb;
let reads: ReadLog;
let n = 0;
/** Every trashed record as the trash should list it, newest deletion first. */
let expected: TrashRow[];

beforeEach(async () => {
  db = new LedgerDb(`trash-pages-test-${++n}`);
  reads = logReads(db);
  await db.open();
  // Deletion ranks (0 = newest) dealt to the tables in a scrambled order, so tables interleave.
  const ranks = Array.from({ length: TOTAL }, (_, i) => (i * 37) % TOTAL);
  const base = Date.UTC(2026, 5, 1);
  const at = (rank: number) => new Date(base - (TIED.has(rank) ? 18 : rank) * 3_600_000).toISOString();
  expected = [];
  let dealt = 0;
  for (const f of FIXTURE) {
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < f.trashed + f.live; i++) {
      const id = `${f.table}-${String(i).padStart(3, '0')}`;
      const label = `${f.nameField}·${f.table}·${i}`;
      const row: Record<string, unknown> = { id, createdAt: '2025-01-01T00:00:00.000Z', [f.nameField]: label, note: '长'.repeat(2_000) };
      if (i < f.trashed) {
        row.deletedAt = at(ranks[dealt++]!);
        expected.push({ table: f.table, id, label, deletedAt: String(row.deletedAt) });
      }
      rows.push(row);
    }
    await db.table<Record<string, unknown>, string>(f.table).bulkAdd(rows);
  }
  const order = (t: RecordTable) => RECORD_TABLES.indexOf(t);
  // Newest first; at one moment by table in the order of the record tables, then by id descending.
  expected.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt) || order(a.table) - order(b.table) || b.id.localeCompare(a.id));
  reads.records.clear();
  reads.keys.clear();
  reads.largest.clear();
});

afterEach(async () => {
  await db.delete();
});

const recordsRead = () => [...reads.records].flatMap(([table, rows]) => rows.map((r) => `${table}/${(r as { id: string }).id}`));

describe('the trash a page at a time', () => {
  it('lists every trashed record once, newest deletion first across the tables, 20 to a page', async () => {
    const count = Math.ceil(TOTAL / PAGE);
    const pages = [];
    for (let p = 1; p <= count; p++) pages.push(await readTrashPage(db, p, PAGE));
    expect(pages.map((p) => p.total)).toEqual(Array(count).fill(TOTAL));
    expect(pages.map((p) => p.page)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(pages.map((p) => p.rows.length)).toEqual([...Array(count - 1).fill(PAGE), TOTAL - (count - 1) * PAGE]);
    expect(pages.flatMap((p) => p.rows)).toEqual(expected);
    // The tied deletions straddle pages 1 and 2, in table order.
    const tied = expected.filter((r) => r.deletedAt === expected[18]!.deletedAt);
    expect(tied).toHaveLength(TIED.size);
    expect(pages[0]!.rows.slice(18)).toEqual(tied.slice(0, 2));
    expect(pages[1]!.rows.slice(0, 3)).toEqual(tied.slice(2));
    expect(new Set(pages[0]!.rows.map((r) => r.table)).size).toBeGreaterThan(2);
  });

  it('reads only the records of the page shown, and index keys no further than its end', async () => {
    const third = await readTrashPage(db, 3, PAGE);
    expect(recordsRead().sort()).toEqual(third.rows.map((r) => `${r.table}/${r.id}`).sort());
    // Each table hands over its newest 60 deletions' keys at most; live records not even their keys.
    for (const f of FIXTURE) expect(reads.keys.get(f.table)).toHaveLength(Math.min(f.trashed, 3 * PAGE));
    expect([...reads.keys.values()].flat().length).toBeLessThan(TOTAL);
  });

  it('shows the last page when fewer pages remain, and an empty trash as one empty page', async () => {
    const last = Math.ceil(TOTAL / PAGE);
    const beyond = await readTrashPage(db, last + 3, PAGE);
    expect(beyond.page).toBe(last);
    expect(beyond.rows).toEqual(expected.slice((last - 1) * PAGE));
    await Promise.all(FIXTURE.map((f) => db.table(f.table).clear()));
    expect(await readTrashPage(db, 2, PAGE)).toEqual({ page: 1, total: 0, rows: [] });
  });

  it('exports every trashed record newest first, reading none of the live ones', async () => {
    expect(await readTrash(db)).toEqual(expected);
    expect(recordsRead()).toHaveLength(TOTAL);
    expect(recordsRead().every((k) => expected.some((r) => `${r.table}/${r.id}` === k))).toBe(true);
  });

  it('names each record as the audit log does (recordDisplayName), or by its id when it has no name', async () => {
    await db.approvals.clear();
    await db.table('approvals').bulkAdd([{ id: 'a1', kind: '开设审批', date: '2025-03-02', createdAt: '2025-01-01', deletedAt: '2099-01-01T00:00:00.000Z' }]);
    await db.table('inspections').bulkAdd([
      { id: 'i1', year: 2025, createdAt: '2025-01-01', deletedAt: '2099-01-01T00:00:01.000Z' },
      { id: 'i2', createdAt: '2025-01-01', deletedAt: '2099-01-01T00:00:02.000Z' },
    ]);
    const first = await readTrashPage(db, 1, PAGE);
    expect(first.rows.slice(0, 3).map((r) => [r.table, r.label])).toEqual([
      ['inspections', 'i2'],
      ['inspections', '2025年度检查'],
      ['approvals', '开设审批 2025-03-02'],
    ]);
    expect((await readTrash(db)).slice(0, 3).map((r) => r.label)).toEqual(['i2', '2025年度检查', '开设审批 2025-03-02']);
  });
});
