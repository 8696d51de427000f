// 审计日志 导出 over a long log: the export's worker reads the log a page at a time in seq order, names
// and writes each page, and the window posts no rows (it says only up to which entry); the workbook
// still holds every entry, oldest first. The in-process worker reads the window's database, as the
// real one opens the same.
import 'fake-indexeddb/auto';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/database';
import { auditLogSheet, auditSheetSlices, auditTable, logPages } from '../../../renderer/features/audit/log-pages';
import { buildExport } from '../../../renderer/features/export/export-files';
import type { XlsxRequest } from '../../../renderer/features/export/xlsx-book';
import type { AuditEntry } from '../../../shared/domain/audit';
import { newId } from '../../../shared/domain/ids';
import type { ExportCell } from '../../../shared/spreadsheet/export-table';
import { logReads, type ReadLog } from '../db/read-log';
import { InProcessXlsxWorker, cancelledAt, jobs, bytesOf } from '../spreadsheet/in-process-xlsx-worker';
import { onUtcMachine } from '../utc-machine';

onUtcMachine();

const ENTRIES = 5_200;
const TZ = 'Asia/Shanghai';

let reads: ReadLog;

/** The requests the window posts to the export's worker, by type. */
const posted: XlsxRequest['type'][] = [];

/** The stand-in xlsx worker, noting each request the window posts. */
class RecordingXlsxWorker extends InProcessXlsxWorker {
  override postMessage(request: XlsxRequest): void {
    posted.push(request.type);
    super.postMessage(request);
  }
}

beforeAll(() => {
  vi.stubGlobal('Worker', RecordingXlsxWorker);
  reads = logReads(db);
});

const entry = (i: number, fields: Partial<AuditEntry> = {}): AuditEntry => ({
  at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  operator: i % 2 ? '王𠮷' : '李赟',
  table: i % 3 ? 'platforms' : 'people',
  recordId: `R${i % 50}`,
  recordName: `记录${i % 50}`,
  action: i % 5 ? 'update' : 'create',
  changes: { name: [`旧名${i}`, `新名${i}`] },
  prevHash: '',
  hash: `h${i}`,
  ...fields,
});

beforeEach(async () => {
  // A new database each time: the log's seq starts again at 1.
  await db.delete();
  await db.open();
  await db.auditLog.bulkAdd(Array.from({ length: ENTRIES }, (_, i) => entry(i)));
  for (const log of Object.values(reads)) log.clear();
  posted.length = 0;
});

afterEach(async () => {
  await vi.waitFor(() => expect(jobs.held()).toBe(0));
});

/** The cells of every row after the header, as a workbook opened in Excel holds them. */
async function workbookRows(bytes: Uint8Array): Promise<{ header: ExportCell[]; rows: ExportCell[][] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  expect(book.worksheets.map((w) => w.name)).toEqual(['审计日志']);
  const all: ExportCell[][] = [];
  book.worksheets[0]!.eachRow((row) => all.push((row.values as ExportCell[]).slice(1)));
  return { header: all[0]!, rows: all.slice(1) };
}

describe('the audit log a page at a time', () => {
  it('exports every entry in seq order, read, named and written by the worker: the window posts no rows', async () => {
    const sheet = await auditLogSheet(db, TZ);
    expect(sheet.count).toBe(ENTRIES);
    expect(sheet.read).toEqual({ kind: 'audit-log', upTo: ENTRIES, timeZone: TZ });
    // Saying what to read reads one entry (the last), and the description crosses to a worker as it is.
    expect(reads.records.get('auditLog')).toHaveLength(1);
    expect(structuredClone(sheet.read)).toEqual(sheet.read);

    const progress: number[] = [];
    const { files } = await buildExport('审计日志', [sheet], 'xlsx', (written) => progress.push(written));

    // Pages of 500 entries, one per request the window makes; the window posts no rows itself.
    const pages = [...Array<number>(10).fill(500), 200];
    expect(posted.filter((t) => t === 'rows')).toEqual([]);
    expect(posted.filter((t) => t === 'read')).toHaveLength(pages.length + 1);
    expect(progress).toEqual(pages.map((_, i) => Math.min(ENTRIES, (i + 1) * 500)));
    // No read handed back more than a page of the log.
    expect(reads.largest.get('auditLog')).toBe(500);

    // The workbook: the audit table's header and every entry's row (auditTable is the one rule for the row shape), oldest first.
    const whole = auditTable(await db.auditLog.orderBy('seq').toArray(), { timeZone: TZ });
    const saved = await workbookRows(await bytesOf(files[0]!.data));
    expect(saved.header).toEqual(whole.header);
    expect(saved.rows).toHaveLength(ENTRIES);
    expect(saved.rows).toEqual(whole.rows);
    expect(saved.rows.map((r) => r[0])).toEqual(Array.from({ length: ENTRIES }, (_, i) => i + 1));
    // 00:04 UTC reads on the institution's clock, to the second; the action by its one name (AUDIT_ACTION_LABELS).
    expect(saved.rows[4]).toEqual([5, '2026-01-01 08:04:00', '李赟', '平台台账', '记录4', 'R4', '修改', expect.stringContaining('新名4'), 'h4']);
    expect(saved.rows[5]![6]).toBe('新建');
  });

  it('exports the log as it was at the click: entries written meanwhile wait for the next export, and the clock is the one named', async () => {
    const sheet = await auditLogSheet(db, 'Asia/Urumqi');
    await db.auditLog.bulkAdd(Array.from({ length: 700 }, (_, i) => entry(ENTRIES + i)));
    const saved = await workbookRows(await bytesOf((await buildExport('审计日志', [sheet], 'xlsx')).files[0]!.data));
    expect(saved.rows).toHaveLength(ENTRIES);
    expect(saved.rows.at(-1)![0]).toBe(ENTRIES);
    expect(saved.rows[4]![1]).toBe('2026-01-01 06:04:00');
    expect((await auditLogSheet(db, TZ)).count).toBe(ENTRIES + 700);
  });

  it('取消 stops the worker reading the log', async () => {
    await cancelledAt(await auditLogSheet(db, TZ), 1_000);
    // Read: the last entry (to say up to which), the 1,000 written, and at most the two pages read ahead (one being read, one being named).
    expect(reads.records.get('auditLog')!.length).toBeLessThanOrEqual(1 + 1_000 + 2 * 500);
  });

  it('exports the same rows as CSV, and an empty log as the header alone', async () => {
    const csv = await buildExport('审计日志', [await auditLogSheet(db, TZ)], 'utf8-bom');
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytesOf(csv.files[0]!.data)).split('\r\n');
    expect(lines[0]).toBe('\ufeff序号,时间,操作员,类别,记录,记录编号,操作,变更内容,哈希');
    expect(lines.filter((l) => l !== '')).toHaveLength(ENTRIES + 1);
    expect(lines[ENTRIES]).toMatch(/^5200,.*,h5199$/);

    await db.auditLog.clear();
    posted.length = 0;
    const empty = await auditLogSheet(db, TZ);
    expect(empty.count).toBe(0);
    const saved = await workbookRows(await bytesOf((await buildExport('审计日志', [empty], 'xlsx')).files[0]!.data));
    expect(saved.header).toEqual(['序号', '时间', '操作员', '类别', '记录', '记录编号', '操作', '变更内容', '哈希']);
    expect(saved.rows).toEqual([]);
    expect(posted.filter((t) => t === 'rows')).toEqual([]);
  });

  it('looks up only the ids its lines name, each in the table its field points into: never a new record’s own id', async () => {
    const unit = newId();
    await db.units.add({ id: unit, createdAt: '', updatedAt: '', name: '宣传部', kind: '职能部门' });
    await db.auditLog.clear();
    await db.auditLog.bulkAdd(
      Array.from({ length: 3_000 }, (_, i): AuditEntry => ({
        at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        operator: '王𠮷',
        table: 'platforms',
        recordId: `P${i}`,
        action: 'create',
        changes: { id: [null, newId()], name: [null, `平台${i}`], hostUnitId: [null, unit] },
        prevHash: '',
        hash: `h${i}`,
      })),
    );
    reads.asked.clear();
    const rows: ExportCell[][] = [];
    for await (const slice of auditSheetSlices(db, (await auditLogSheet(db, TZ)).read)) rows.push(...slice);
    expect(rows).toHaveLength(3_000);
    expect(rows.every((r) => String(r[7]).includes('主办单位：（空） → 宣传部'))).toBe(true);
    // The unit once, in 单位 only; the 3,000 new platforms' own ids nowhere.
    expect(reads.asked.get('units')).toEqual([unit]);
    expect(reads.asked.get('people') ?? []).toEqual([]);
    expect(reads.asked.get('platforms') ?? []).toEqual([]);
  });

  it('names the people a change mentions, those in the trash too, reading each name once however many pages mention it', async () => {
    const [kept, gone] = [newId(), newId()];
    await db.people.bulkAdd([
      { id: kept, createdAt: '', updatedAt: '', name: '王𠮷', isTeacher: true, status: '在岗' },
      { id: gone, createdAt: '', updatedAt: '', deletedAt: '2026-02-01T00:00:00.000Z', name: '李赟', isTeacher: true, status: '离岗' },
    ]);
    await db.auditLog.clear();
    await db.auditLog.bulkAdd(
      Array.from({ length: 4_100 }, (_, i): AuditEntry => ({
        at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        operator: '王𠮷',
        table: 'platforms',
        recordId: `R${i}`,
        action: 'update',
        changes: { responsibleId: [gone, kept], name: [`旧名${i}`, `新名${i}`] },
        prevHash: '',
        hash: `h${i}`,
      })),
    );
    reads.records.clear();
    const rows: ExportCell[][] = [];
    for await (const slice of auditSheetSlices(db, (await auditLogSheet(db, TZ)).read)) rows.push(...slice);
    expect(rows).toHaveLength(4_100);
    expect(rows.every((r) => String(r[7]).startsWith('责任人：李赟（已删除） → 王𠮷；'))).toBe(true);
    // Three pages, each naming both people: read once, on the first page.
    expect(reads.records.get('people')).toHaveLength(2);
  });

  it('reads one page ahead of the page it handed over, and no further', async () => {
    const pages = logPages(db, 1_000);
    await pages.next();
    await vi.waitFor(() => expect(reads.records.get('auditLog')).toHaveLength(2_000));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads.records.get('auditLog')).toHaveLength(2_000);
    await pages.return(undefined);
  });

  it('leaves no failure unhandled when the caller stops while the page ahead fails to read', async () => {
    let reads = 0;
    const chain = { between: () => chain, limit: () => chain, toArray: () => (reads++ === 0 ? Promise.resolve([entry(0, { seq: 1 })]) : Promise.reject(new Error('读取失败'))) };
    const failing = { auditLog: { where: () => chain } } as unknown as typeof db;
    const pages = logPages(failing, 1);
    expect((await pages.next()).value).toHaveLength(1);
    await pages.return(undefined);
    // An unhandled rejection would fail this file's run (vitest reports it as an error).
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).toBe(2);
  });

  it('hands over pages of the size asked, in order, and nothing for an empty log', async () => {
    const sizes: number[] = [];
    let last = 0;
    for await (const page of logPages(db, 1_000)) {
      sizes.push(page.length);
      expect(page[0]!.seq).toBe(last + 1);
      last = page[page.length - 1]!.seq!;
    }
    expect(sizes).toEqual([1_000, 1_000, 1_000, 1_000, 1_000, 200]);
    await db.auditLog.clear();
    const none: number[] = [];
    for await (const page of logPages(db, 1_000)) none.push(page.length);
    expect(none).toEqual([]);
  });
});
