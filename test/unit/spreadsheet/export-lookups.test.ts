// Issue 15: an export reads every unit but only the people its rows name (by id), never every
// person, and the exported tables are the same as with every person read (readLookups), on the
// demo ledger — trashed people included, who show as 某某（已删除）.
import 'fake-indexeddb/auto';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/database';
import { loadDataset } from '../../../renderer/db/dataset';
import { readLookups, readPageLookups } from '../../../renderer/db/queries';
import { exportEnvelopes, exportGroups, exportInspections, exportPlatforms, exportUnits, reviewsSheet, slicedExport, exportNames, handoversNewestFirst, handoversSheet, handoversTable, printoutsSheet, printoutsTable, trainingsNewestFirst, trainingsSheet, trainingsTable, incidentsSheet, incidentsTable, type ReadNames } from '../../../renderer/features/export/list-tables';
import { readByIds } from '../../../renderer/db/chunked-reads';
import { reviewListRows, reviewSheetSlices, reviewsTable } from '../../../renderer/features/export/review-sheet';
import { buildExport } from '../../../renderer/features/export/export-files';
import { InProcessXlsxWorker, bytesOf, cancelledAt } from './in-process-xlsx-worker';
import { createDemoDataset } from '../../../shared/demo/demo-dataset';
import { isGroupKind } from '../../../shared/domain/platform';
import { platformPersonIds } from '../../../shared/domain/roles';
import { validTimeZone } from '../../../shared/domain/time-zone';
import { logReads, type ReadLog } from '../db/read-log';
import type { ExportCell } from '../../../shared/spreadsheet/export-table';
import { TRAINING_TEAMS } from '../../../shared/domain/records';
import { getForm } from '../../../shared/forms/registry';
import type { RuleProfile } from '../../../shared/profiles/types';

const demo = createDemoDataset();
/** Every person, as the exports read them before. */
const everyone: ReadNames = () => readLookups();
let reads: ReadLog;

beforeAll(async () => {
  vi.stubGlobal('Worker', InProcessXlsxWorker);
  reads = logReads(db);
  await loadDataset(db, demo, '王𠮷');
});

/** 发布审核's exported rows of these reviews, every slice, as the export's worker reads them. */
async function rowsOf(ids: readonly string[], profile: RuleProfile, timeZone: string, read?: ReadNames): Promise<ExportCell[][]> {
  const rows: ExportCell[][] = [];
  for await (const slice of reviewSheetSlices(db, reviewsSheet(ids, profile, timeZone).read, read)) for (const row of slice) rows.push(row);
  return rows;
}

/** The people records an export read, by id. */
async function peopleRead(run: () => Promise<unknown>): Promise<Set<string>> {
  reads.records.set('people', []);
  await run();
  return new Set((reads.records.get('people') ?? []).map((p) => (p as { id: string }).id));
}

const live = <T extends { deletedAt?: string }>(rows: T[]) => rows.filter((r) => !r.deletedAt);
const platformName = (id: string) => demo.platforms.find((p) => p.id === id)?.name ?? '（已删除）';

describe('exports name people read by id (issue 15)', () => {
  it('平台台账: the same table as with every person, reading only the people the registry names', async () => {
    const rows = live(await db.platforms.toArray());
    const read = await peopleRead(() => exportPlatforms(rows));
    const narrow = await exportPlatforms(rows);
    expect(narrow).toEqual(await exportPlatforms(rows, everyone));
    expect(await exportPlatforms(rows, () => readPageLookups([]))).not.toEqual(narrow);
    // Some person is named by no platform (a reviewer only, say), and was not read.
    expect(read.size).toBeGreaterThan(0);
    expect(read.size).toBeLessThan(demo.people.length);
    const named = new Set(rows.flatMap(platformPersonIds));
    expect([...read].every((id) => named.has(id))).toBe(true);
  });

  it('发布审核: the same table (whom each waits for included) as with every person', async () => {
    const settings = (await db.settings.get('main'))!;
    const ids = live(await db.reviews.toArray()).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    const tz = validTimeZone(settings.profile.timeZone);
    const read = await peopleRead(() => rowsOf(ids, settings.profile, tz));
    const narrow = await rowsOf(ids, settings.profile, tz);
    expect(narrow).toEqual(await rowsOf(ids, settings.profile, tz, everyone));
    expect(read.size).toBeLessThan(demo.people.length);
    // The comparison sees a missing person: with nobody read, the people columns say 已删除.
    const nobody: ReadNames = () => readPageLookups([]);
    expect(await rowsOf(ids, settings.profile, tz, nobody)).not.toEqual(narrow);
  });

  it('发布审核 of more reviews than one read (2,000): read by id a batch at a time and handed over 500 at a time, the same rows, in order, as built in one go', async () => {
    const settings = (await db.settings.get('main'))!;
    const demoReviews = live(await db.reviews.toArray());
    const many = Array.from({ length: 4_250 }, (_, i) => demoReviews[i % demoReviews.length]!);
    const tz = validTimeZone(settings.profile.timeZone);
    const names = await readLookups();
    const inOneGo = reviewsTable(await reviewListRows(db, many, settings.profile, names), names, tz);
    reads.largest.delete('reviews');
    const sheet = reviewsSheet(
      many.map((r) => r.id),
      settings.profile,
      tz,
    );
    expect(sheet.count).toBe(4_250);
    expect(sheet.header).toEqual(inOneGo.header);
    const sizes: number[] = [];
    const rows: ExportCell[][] = [];
    // The window names what to read; the worker reads it (reviewSheetSlices over the same database).
    expect(structuredClone(sheet.read)).toEqual(sheet.read);
    for await (const slice of reviewSheetSlices(db, sheet.read)) {
      sizes.push(slice.length);
      for (const row of slice) rows.push(row);
    }
    expect(sizes).toEqual([500, 500, 500, 500, 500, 500, 500, 500, 250]);
    expect(rows).toEqual(inOneGo.rows);
    // No read handed back more reviews than one batch.
    expect(reads.largest.get('reviews')).toBeLessThanOrEqual(2000);
  });

  it('发布审核 exported whole: the worker reads and writes the rows, the window posts none, and 取消 stops it', async () => {
    const settings = (await db.settings.get('main'))!;
    const demoReviews = live(await db.reviews.toArray());
    const many = Array.from({ length: 4_250 }, (_, i) => demoReviews[i % demoReviews.length]!.id);
    const tz = validTimeZone(settings.profile.timeZone);
    const names = await readLookups();
    const inWindow = reviewsTable(await reviewListRows(db, await Promise.all(many.map(async (id) => (await db.reviews.get(id))!)), settings.profile, names), names, tz);
    const posted = InProcessXlsxWorker.rowMessages.length;
    const progress: number[] = [];
    const built = await buildExport('发布审核登记', [reviewsSheet(many, settings.profile, tz)], 'xlsx', (n) => progress.push(n));
    expect(InProcessXlsxWorker.rowMessages.length).toBe(posted);
    expect(progress).toEqual([500, 1_000, 1_500, 2_000, 2_500, 3_000, 3_500, 4_000, 4_250]);
    // The same sheet, byte for byte, as the rows built in the window and posted.
    const sheetOf = async (file: Blob) => strFromU8(unzipSync(await bytesOf(file))['xl/worksheets/sheet1.xml']!);
    const fromWindow = await buildExport('发布审核登记', [inWindow], 'xlsx');
    expect(await sheetOf(built.files[0]!.data)).toBe(await sheetOf(fromWindow.files[0]!.data));

    await cancelledAt(reviewsSheet(many, settings.profile, tz), 1_000);
  });

  it('a list exported a slice at a time: the rows of one read of the whole list, in its order, read 500 records at the most at a time', async () => {
    const platforms = live(await db.platforms.toArray());
    const ids = Array.from({ length: 1_234 }, (_, i) => platforms[i % platforms.length]!.id);
    const asked: number[] = [];
    const sheet = await slicedExport(ids, async (chunk) => {
      asked.push(chunk.length);
      return exportPlatforms(await readByIds(db.platforms, chunk));
    });
    // Nothing read but the header's (no records) until the export asks for the slices.
    expect(asked).toEqual([0]);
    expect(sheet.count).toBe(1_234);
    const rows: ExportCell[][] = [];
    const sizes: number[] = [];
    for await (const slice of sheet.slices) {
      sizes.push(slice.length);
      rows.push(...slice);
    }
    expect(asked).toEqual([0, 500, 500, 234]);
    expect(sizes).toEqual([500, 500, 234]);
    const whole = await exportPlatforms(await readByIds(db.platforms, ids));
    expect([sheet.name, sheet.header]).toEqual([whole.name, whole.header]);
    expect(rows).toEqual(whole.rows);
    // And written: the workbook holds every row.
    const again = await slicedExport(ids, async (chunk) => exportPlatforms(await readByIds(db.platforms, chunk)));
    const built = await buildExport('平台台账', [again], 'xlsx');
    const xml = strFromU8(unzipSync(await bytesOf(built.files[0]!.data))['xl/worksheets/sheet1.xml']!);
    expect(xml.match(/<row /g)).toHaveLength(1_235);
  });

  it("an export's names read each person once across its slices, and name them as a read per slice does", async () => {
    const platforms = live(await db.platforms.toArray());
    const ids = Array.from({ length: 1_100 }, (_, i) => platforms[i % platforms.length]!.id);
    const rowsOf = async (read?: ReadNames) => {
      const sheet = await slicedExport(ids, async (chunk) => exportPlatforms(await readByIds(db.platforms, chunk), read));
      const rows: ExportCell[][] = [];
      for await (const slice of sheet.slices) rows.push(...slice);
      return rows;
    };
    const perSlice = await rowsOf();
    reads.records.set('people', []);
    const remembered = await rowsOf(exportNames());
    expect(remembered).toEqual(perSlice);
    // Three slices name the same people (the demo's platforms over again); each was read once.
    const read = (reads.records.get('people') ?? []).map((p) => (p as { id: string }).id);
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBe(new Set(read).size);
    expect(new Set(read)).toEqual(new Set(platforms.flatMap(platformPersonIds).filter((id): id is string => Boolean(id))));
  });

  it('工作群, 单位, 密码密封存档, 年度检查: the same tables as with every person', async () => {
    const groups = live(await db.platforms.toArray()).filter((p) => isGroupKind(p.kind));
    expect(await exportGroups(groups)).toEqual(await exportGroups(groups, everyone));
    const units = live(await db.units.toArray());
    expect(await exportUnits(units)).toEqual(await exportUnits(units, everyone));
    const envelopes = live(await db.envelopes.toArray());
    expect(envelopes.length).toBeGreaterThan(0);
    expect(await exportEnvelopes(envelopes, platformName)).toEqual(await exportEnvelopes(envelopes, platformName, everyone));
    const inspections = live(await db.inspections.toArray());
    expect(inspections.length).toBeGreaterThan(0);
    expect(await exportInspections(inspections, platformName)).toEqual(await exportInspections(inspections, platformName, everyone));
  });

  it('管理员交接 exported a slice at a time in the list’s order (newest first, a day’s last id first), the trash left out', async () => {
    const platforms = live(await db.platforms.toArray());
    const people = live(await db.people.toArray());
    const at = '2026-01-01T00:00:00.000Z';
    const added = Array.from({ length: 1_203 }, (_, i) => ({
      id: `H${String(i).padStart(5, '0')}`,
      createdAt: at,
      updatedAt: at,
      platformId: platforms[i % platforms.length]!.id,
      outgoingId: people[i % people.length]!.id,
      incomingId: people[(i + 1) % people.length]!.id,
      // Many handovers on each day: the order within a day is by id, last first.
      date: `2026-0${1 + (i % 9)}-1${i % 3}`,
      checklist: [{ item: '移交账号密码', done: i % 2 === 0 }],
      ...(i % 100 === 7 && { deletedAt: at }),
    }));
    await db.handovers.bulkAdd(added);
    try {
      const listed = await handoversNewestFirst().filter((h) => !h.deletedAt).toArray();
      const sheet = await handoversSheet();
      expect(sheet.count).toBe(listed.length);
      const rows: ExportCell[][] = [];
      for await (const slice of sheet.slices) rows.push(...slice);
      const whole = handoversTable(listed, platformName, await readLookups());
      expect(rows).toEqual(whole.rows);
      expect(rows.length).toBeGreaterThan(1_203 - 13);
      // Newest first; within a day, the larger id first.
      const ids = listed.map((h) => h.id);
      const sameDay = listed.filter((h) => h.date === '2026-09-12').map((h) => h.id);
      expect(sameDay).toEqual([...sameDay].sort().reverse());
      expect(ids).not.toContain('H00007');
    } finally {
      await db.handovers.bulkDelete(added.map((h) => h.id));
    }
  });

  it('打印记录 exported a slice at a time in the order of the ids given', async () => {
    const platforms = live(await db.platforms.toArray());
    const statuses = ['待签回', '已签回', '已归档'] as const;
    const added = Array.from({ length: 1_105 }, (_, i) => ({
      id: `P${String(i).padStart(5, '0')}`,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      formId: 'F04',
      formVersion: '1',
      formNumber: `BA-2026-${String(i).padStart(4, '0')}`,
      recordTable: 'platforms',
      // Every 97th names a record that is not there (any more).
      recordId: i % 97 === 5 ? `gone-${i}` : platforms[i % platforms.length]!.id,
      printedAt: new Date(Date.UTC(2026, 0, 1) + (i % 400) * 3_600_000).toISOString(),
      paperStatus: statuses[i % 3]!,
      ...(i % 50 === 4 && { deletedAt: '2026-02-01T00:00:00.000Z' }),
    }));
    await db.printouts.bulkAdd(added);
    try {
      // The list's ids (the registers' worker gives them: register-worker.test), here every third in reverse.
      const listed = added.filter((_, i) => i % 3 === 1).reverse();
      const sheet = await printoutsSheet(listed.map((p) => p.id), 'Asia/Shanghai');
      expect(sheet.count).toBe(listed.length);
      const rows: ExportCell[][] = [];
      for await (const slice of sheet.slices) rows.push(...slice);
      expect(rows).toEqual((await printoutsTable(listed, 'Asia/Shanghai')).rows);
      expect(rows[0]![0]).toBe(listed[0]!.formNumber);
      // 对象: the form's own description of the record it was printed from, or that it is gone.
      const byId = new Map(platforms.map((p) => [p.id, p]));
      expect(rows.map((r) => r[3])).toEqual(listed.map((p) => (byId.has(p.recordId) ? getForm('F04').describe(byId.get(p.recordId)!, 'Asia/Shanghai') : '（记录已不存在）')));
      expect(rows.filter((r) => r[3] === '（记录已不存在）').length).toBeGreaterThan(3);
      // Read a table at a time, not one request per printout.
      reads.largest.delete('platforms');
      await printoutsTable(listed.slice(0, 300), 'Asia/Shanghai');
      expect(reads.largest.get('platforms')).toBeGreaterThan(1);
    } finally {
      await db.printouts.bulkDelete(added.map((p) => p.id));
    }
  });

  it('培训 exported a slice at a time in the list’s order (newest first, a day’s last id first), the trash left out, the attendees named', async () => {
    const people = live(await db.people.toArray());
    const at = '2026-01-01T00:00:00.000Z';
    const added = Array.from({ length: 1_107 }, (_, i) => ({
      id: `T${String(i).padStart(5, '0')}`,
      createdAt: at,
      updatedAt: at,
      date: `2026-0${1 + (i % 9)}-2${i % 3}`,
      topic: `培训${i}`,
      speaker: '王老师',
      team: TRAINING_TEAMS[0],
      attendeeIds: [people[i % people.length]!.id, people[(i + 3) % people.length]!.id],
      ...(i % 100 === 9 && { deletedAt: at }),
    }));
    await db.trainings.bulkAdd(added);
    reads.records.clear();
    try {
      const sheet = await trainingsSheet();
      const rows: ExportCell[][] = [];
      for await (const slice of sheet.slices) rows.push(...slice);
      // No read hands back more than a slice of trainings.
      expect(reads.largest.get('trainings')).toBeLessThanOrEqual(500);
      const listed = await trainingsNewestFirst().filter((t) => !t.deletedAt).toArray();
      expect(sheet.count).toBe(listed.length);
      expect(rows).toEqual(trainingsTable(listed, await readLookups()).rows);
      expect(rows.map((r) => r[1])).not.toContain('培训9');
      const sameDay = listed.filter((t) => t.date === '2026-09-22').map((t) => t.id);
      expect(sameDay.length).toBeGreaterThan(1);
      expect(sameDay).toEqual([...sameDay].sort().reverse());
    } finally {
      await db.trainings.bulkDelete(added.map((t) => t.id));
    }
  });

  it('问题与舆情 exported a slice at a time: the ids the list names, in their order (the registers’ worker gives them: register-worker.test)', async () => {
    const platforms = await db.platforms.toArray();
    const at = '2026-01-01T00:00:00.000Z';
    const added = Array.from({ length: 1_111 }, (_, i) => ({
      id: `I${String(i).padStart(5, '0')}`,
      createdAt: at,
      updatedAt: at,
      date: `2026-0${1 + (i % 9)}-0${1 + (i % 7)}`,
      kind: (['问题登记', '举报投诉', '舆情'] as const)[i % 3]!,
      ...(i % 4 !== 0 && { platformId: platforms[i % platforms.length]!.id }),
      found: `问题${i}`,
      actions: ['删除'],
      reportedTo: '',
      feedback: '',
      ...(i % 2 === 0 && { closedOn: '2026-10-01' }),
      ...(i % 100 === 11 && { deletedAt: at }),
    }));
    await db.incidents.bulkAdd(added as never);
    reads.records.clear();
    try {
      const part = (closed: boolean) => () => db.incidents.orderBy('date').reverse().filter((x) => !x.deletedAt && Boolean(x.closedOn) === closed && x.kind === '举报投诉');
      const listed = [...(await part(false)().toArray()), ...(await part(true)().toArray())];
      const sheet = await incidentsSheet(listed.map((x) => x.id));
      const rows: ExportCell[][] = [];
      for await (const slice of sheet.slices) rows.push(...slice);
      expect(sheet.count).toBe(listed.length);
      const names = new Map(platforms.filter((p) => !p.deletedAt).map((p) => [p.id, p.name]));
      expect(rows).toEqual(incidentsTable(listed, (id) => names.get(id) ?? '（已删除）').rows);
      // Open first, then closed; only 举报投诉; a platform's name or nothing.
      expect(rows.findIndex((r) => r[7] === '已办结')).toBe(listed.filter((x) => !x.closedOn).length);
      expect(rows.every((r) => r[1] === '举报投诉')).toBe(true);
      expect(reads.largest.get('incidents')).toBeLessThanOrEqual(500);
    } finally {
      await db.incidents.bulkDelete(added.map((x) => x.id));
    }
  });
});
