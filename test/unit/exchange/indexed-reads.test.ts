// A unit's package is read by index, not from whole tables: the export reads the unit tree, the
// platforms its units host, their filings and the people of those units or named by them (what
// selectUnitRecords picks), and the comparison of an incoming package reads the stored platforms
// with the package's accounts by the account index. The package is the one a read of every table
// gives, byte for byte, and neither reads another unit's platforms, filings or people.
import 'fake-indexeddb/auto'; // before anything loads Dexie, which looks for IndexedDB when loaded
import { afterEach, beforeEach, expect, it } from 'vitest';
import { newId } from '@shared/domain/ids';
import type { Platform } from '@shared/domain/platform';
import type { Person } from '@shared/domain/person';
import { localToday } from '@shared/domain/today';
import { validTimeZone } from '@shared/domain/time-zone';
import { writePackage } from '@shared/exchange/package-writer';
import { selectUnitRecords } from '@shared/exchange/references';
import { LedgerDb } from '../../../renderer/db/schema';
import { loadDataset } from '../../../renderer/db/dataset';
import { exportUnitPackage, mergePackage, previewImport } from '../../../renderer/db/exchange';
import { createRecord, softDelete } from '../../../renderer/db/repository';
import { logReads, type ReadLog } from '../db/read-log';
import { CS_COLLEGE, EXPORT_AT, demo, platformOf, unitId } from './fixture';

const OTHER_PLATFORMS = 300;

let db: LedgerDb;
let reads: ReadLog;
let n = 0;

/** Ids of the records a read handed back, per table, since `from` (a copy of the log's counts). */
const readIds = (table: string, from = 0) => new Set((reads.records.get(table) ?? []).slice(from).map((r) => (r as { id: string }).id));
const readCount = (table: string) => reads.records.get(table)?.length ?? 0;

beforeEach(async () => {
  db = new LedgerDb(`exchange-indexed-${process.pid}-${++n}`);
  reads = logReads(db);
  await db.open();
  await loadDataset(db, demo, '学院办公室');
  // Another unit with many platforms and filings, and a person of its own.
  const other = demo.units.find((u) => u.name !== CS_COLLEGE && !u.parentId)!;
  const person = await createRecord<Person>(db, 'people', { name: '外单位人员', unitId: other.id, status: '在岗' } as never);
  const rows = Array.from({ length: OTHER_PLATFORMS }, (_, i) => ({
    ...platformOf('计算机与人工智能学院网站'),
    id: newId(),
    name: `外单位网站${i}`,
    accountId: `other${i}.dhsf.edu.cn`,
    hostUnitId: other.id,
    responsibleId: person.id,
  }));
  await db.platforms.bulkAdd(rows as Platform[]);
  await db.approvals.bulkAdd(rows.map((p) => ({ ...demo.approvals[0]!, id: newId(), platformId: p.id })));
});

afterEach(async () => {
  await db.delete();
});

it('exports the package a read of every table gives, reading only the unit tree’s platforms, filings and people', async () => {
  const cs = unitId(CS_COLLEGE);
  // A trashed platform of a unit below the college, naming someone of another unit: it travels, and so does that person.
  const outsider = demo.people.find((p) => p.unitId !== cs && !demo.units.some((u) => u.parentId === cs && u.id === p.unitId))!;
  const below = demo.units.find((u) => u.parentId === cs)!;
  const trashed = await createRecord<Platform>(db, 'platforms', { ...platformOf('计算机与人工智能学院网站'), name: '已停用的协会网站', accountId: 'old.acm.dhsf.edu.cn', hostUnitId: below.id, responsibleId: outsider.id } as never);
  await softDelete(db, 'platforms', trashed.id);

  const whole = { units: await db.units.toArray(), people: await db.people.toArray(), platforms: await db.platforms.toArray(), approvals: await db.approvals.toArray() };
  const settings = (await db.settings.get('main'))!;
  const expected = writePackage({
    appVersion: '0.1.0',
    exportedAt: EXPORT_AT.toISOString(),
    today: localToday(EXPORT_AT),
    timeZone: validTimeZone(settings.profile.timeZone),
    institution: settings.institutionName,
    unitId: cs,
    all: whole,
  });
  if (!expected.ok) throw new Error(expected.reason);
  const selected = selectUnitRecords(whole, cs)!;
  expect(selected.platforms.map((p) => p.id)).toContain(trashed.id);
  expect(selected.people.map((p) => p.id)).toContain(outsider.id);

  const before = { platforms: readCount('platforms'), approvals: readCount('approvals'), people: readCount('people') };
  const written = await exportUnitPackage(db, cs, '0.1.0', EXPORT_AT);
  if (!written.ok) throw new Error(written.reason);
  expect(Buffer.from(written.bytes).equals(Buffer.from(expected.bytes))).toBe(true);

  // What was read is what the package holds.
  expect(readIds('platforms', before.platforms)).toEqual(new Set(selected.platforms.map((p) => p.id)));
  expect(readIds('approvals', before.approvals)).toEqual(new Set(selected.approvals.map((a) => a.id)));
  expect(readIds('people', before.people)).toEqual(new Set(selected.people.map((p) => p.id)));
  expect(selected.platforms.length).toBeLessThan(OTHER_PLATFORMS / 10);
});

it('compares an incoming package with the stored accounts read by the account index, however they are spelled', async () => {
  const written = await exportUnitPackage(db, unitId(CS_COLLEGE), '0.1.0', EXPORT_AT);
  if (!written.ok) throw new Error(written.reason);
  const site = platformOf('计算机与人工智能学院网站');
  // The same account held here under another id, spelled another way (scheme, case, trailing slash).
  const copy = await createRecord<Platform>(db, 'platforms', { ...site, accountId: `HTTPS://${site.accountId.toUpperCase()}/` } as never);
  await db.platforms.delete(site.id);

  const from = readCount('platforms');
  const plan = await previewImport(db, written.package);
  const item = plan.items.find((i) => i.key === `platforms/${site.id}`)!;
  expect(item.status).toBe('duplicate');
  // The package's platforms (by id) and the stored platforms with their accounts, not the 300 of another unit.
  const read = readIds('platforms', from);
  expect(read.has(copy.id)).toBe(true);
  expect([...read].some((id) => !written.package.records.platforms.some((p) => p.id === id) && id !== copy.id)).toBe(false);
  expect(readCount('platforms') - from).toBeLessThan(OTHER_PLATFORMS);
});

it('merges a package without platforms (no account to look up) in its transaction', async () => {
  const written = await exportUnitPackage(db, unitId(CS_COLLEGE), '0.1.0', EXPORT_AT);
  if (!written.ok) throw new Error(written.reason);
  const onlyPeople = { ...written.package, records: { ...written.package.records, platforms: [], approvals: [] } };
  const person = onlyPeople.records.people.find((p) => p.unitId === unitId(CS_COLLEGE))!;
  await db.people.update(person.id, { name: '本机改名' });
  const plan = await previewImport(db, onlyPeople);
  const result = await mergePackage(db, onlyPeople, plan, new Set([`people/${person.id}`]));
  expect(result.written).toBe(1);
  expect((await db.people.get(person.id))!.name).toBe(person.name);
});
