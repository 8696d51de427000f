// The exchange package file: what a unit's package holds, the round trip, and the refusals of a
// newer format, an edited file and files that are no package at all.
import 'fake-indexeddb/auto'; // before anything loads Dexie, which looks for IndexedDB when loaded
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '@shared/domain/canonical-json';
import { PACKAGE_FORMAT_ID, PACKAGE_FORMAT_VERSION, PACKAGE_LIMITS, packageChecksum } from '@shared/exchange/format';
import { readPackage } from '@shared/exchange/package-reader';
import { writePackage } from '@shared/exchange/package-writer';
import type { LedgerDb } from '../../../renderer/db/schema';
import { exportUnitPackage } from '../../../renderer/db/exchange';
import { softDelete, updateRecord } from '../../../renderer/db/repository';
import { CS_COLLEGE, EXPORT_AT, demo, exportAndRead, openDb, platformOf, unitId } from './fixture';

let db: LedgerDb;
beforeEach(async () => {
  db = await openDb();
});
afterEach(async () => {
  await db.delete();
});

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Re-encodes a package object, with a correct checksum unless `keepSum` is given. */
function encode(obj: Record<string, unknown>, keepSum?: string): Uint8Array {
  const { sha256: _old, ...body } = obj;
  return encoder.encode(JSON.stringify({ ...body, sha256: keepSum ?? packageChecksum(body) }));
}

describe('a unit package', () => {
  it('holds the unit and its sub-units, their platforms and work groups, their filings and the people they name', async () => {
    const { pkg, bytes } = await exportAndRead(db, CS_COLLEGE);
    const jsj = unitId(CS_COLLEGE);
    expect(pkg.unit).toEqual({ id: jsj, name: CS_COLLEGE });
    expect(pkg.institution).toBe('东湖示范大学');
    expect(pkg.format).toBe(PACKAGE_FORMAT_ID);
    expect(pkg.formatVersion).toBe(PACKAGE_FORMAT_VERSION);
    expect(pkg.exportedAt).toBe(EXPORT_AT.toISOString());
    expect(pkg.records.units.map((u) => u.name).sort()).toEqual(['ACM程序设计协会', CS_COLLEGE, '计算机与人工智能学院党委'].sort());
    const expectedPlatforms = demo.platforms.filter((p) => pkg.records.units.some((u) => u.id === p.hostUnitId));
    expect(pkg.records.platforms.map((p) => p.id).sort()).toEqual(expectedPlatforms.map((p) => p.id).sort());
    expect(pkg.records.platforms.some((p) => p.kind === 'QQ群')).toBe(true);
    expect(pkg.records.approvals.map((a) => a.id).sort()).toEqual(
      demo.approvals.filter((a) => expectedPlatforms.some((p) => p.id === a.platformId)).map((a) => a.id).sort(),
    );
    // People of the units, and people elsewhere the platforms name (the technical lead from 信息化处).
    const names = pkg.records.people.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['陈立群', '程子轩', '曹宁']));
    const site = platformOf('计算机与人工智能学院网站');
    expect(pkg.records.people.some((p) => p.id === site.technicalLeadId)).toBe(true);
    expect(pkg.records.people.every((p) => p.unitId === undefined || pkg.records.units.some((u) => u.id === p.unitId) || isNamed(pkg, p.id))).toBe(true);
    // Nothing of other units' registries.
    expect(pkg.records.platforms.some((p) => p.name === '东湖示范大学图书馆')).toBe(false);
    expect(bytes.length).toBeGreaterThan(1000);
  });

  it('round-trips: the records read back are the stored records, field for field', async () => {
    const { pkg } = await exportAndRead(db, CS_COLLEGE);
    for (const table of ['units', 'people', 'platforms', 'approvals'] as const) {
      for (const record of pkg.records[table]) {
        const stored = await db.table(table).get(record.id);
        expect(canonicalJson(record), `${table}/${record.id}`).toBe(canonicalJson(stored));
      }
    }
  });

  it('is UTF-8 JSON whose checksum is the SHA-256 of the canonical content without the checksum', async () => {
    const { bytes } = await exportAndRead(db, CS_COLLEGE);
    const obj = JSON.parse(decoder.decode(bytes)) as Record<string, unknown>;
    const { sha256, ...body } = obj;
    expect(sha256).toBe(sha256Hex(canonicalJson(body)));
    expect(Object.keys(obj).sort()).toEqual(['appVersion', 'exportedAt', 'format', 'formatVersion', 'institution', 'records', 'sha256', 'unit']);
  });

  it('carries records in the trash, so a deletion reaches the other side', async () => {
    const acm = platformOf('DHSF ACM程序设计协会');
    await softDelete(db, 'platforms', acm.id);
    const { pkg } = await exportAndRead(db, CS_COLLEGE);
    expect(pkg.records.platforms.find((p) => p.id === acm.id)?.deletedAt).toMatch(/^\d{4}-/);
  });

  it('is not written when a stored record would not pass the reader, and names the record', async () => {
    const site = platformOf('计算机与人工智能学院网站');
    await db.platforms.update(site.id, { name: '' });
    const written = await exportUnitPackage(db, unitId(CS_COLLEGE), '0.1.0', EXPORT_AT);
    expect(written).toMatchObject({ ok: false, reason: expect.stringMatching(/平台名称.*未导出/) });
  });

  it('is named by the unit and the time of export on the institution’s clock, whatever the machine’s', async () => {
    // 20:30 UTC on 21 November is 04:30 on 22 November in China, the demo profile's zone.
    const written = await exportUnitPackage(db, unitId(CS_COLLEGE), '0.1.0', new Date('2026-11-21T20:30:00.000Z'));
    expect(written).toMatchObject({ ok: true, fileName: '数据交换包-计算机与人工智能学院-20261122-0430.mlpkg' });
  });

  it('is refused for a unit that does not exist', () => {
    const result = writePackage({ appVersion: '0.1.0', exportedAt: EXPORT_AT.toISOString(), today: '2026-11-22', timeZone: 'Asia/Shanghai', institution: 'x', unitId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', all: { units: [], people: [], platforms: [], approvals: [] } });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('不存在') });
  });
});

describe('reading a package', () => {
  it('refuses a package from a newer format version with a message to update the app', async () => {
    const { bytes } = await exportAndRead(db, CS_COLLEGE);
    const obj = JSON.parse(decoder.decode(bytes)) as Record<string, unknown>;
    const result = readPackage(encode({ ...obj, formatVersion: PACKAGE_FORMAT_VERSION + 1 }));
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining(`第 ${PACKAGE_FORMAT_VERSION + 1} 版`) });
    expect(result.ok || result.reason).toMatch(/更新/);
  });

  it('refuses an edited file: one changed value with the old checksum', async () => {
    const { bytes } = await exportAndRead(db, CS_COLLEGE);
    const obj = JSON.parse(decoder.decode(bytes)) as { records: { platforms: { name: string }[] }; sha256: string };
    obj.records.platforms[0]!.name += '（改）';
    const result = readPackage(encode(obj as unknown as Record<string, unknown>, obj.sha256));
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('校验和不符') });
  });

  it('refuses an edited header (the exporting unit renamed) with the old checksum', async () => {
    const { bytes } = await exportAndRead(db, CS_COLLEGE);
    const obj = JSON.parse(decoder.decode(bytes)) as Record<string, unknown> & { sha256: string };
    const result = readPackage(encode({ ...obj, unit: { ...(obj.unit as object), name: '别的学院' } }, obj.sha256));
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('校验和不符') });
  });

  it('refuses a record that is not in the schema, even with a valid checksum, naming the record and field', async () => {
    const { bytes } = await exportAndRead(db, CS_COLLEGE);
    const obj = JSON.parse(decoder.decode(bytes)) as { records: { platforms: Record<string, unknown>[] } };
    obj.records.platforms[1]!.kind = '飞鸽传书';
    const result = readPackage(encode(obj as unknown as Record<string, unknown>));
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/第 2 条平台记录的“平台类型”/) });
  });

  it('refuses unknown fields, other tables, and a package whose filings point outside it', async () => {
    const { bytes } = await exportAndRead(db, CS_COLLEGE);
    const base = JSON.parse(decoder.decode(bytes)) as { records: Record<string, Record<string, unknown>[]> };
    const extraField = structuredClone(base);
    extraField.records.units![0]!.secret = 'x';
    expect(readPackage(encode(extraField as unknown as Record<string, unknown>)).ok).toBe(false);
    const extraTable = structuredClone(base);
    extraTable.records.reviews = [];
    expect(readPackage(encode(extraTable as unknown as Record<string, unknown>)).ok).toBe(false);
    const orphan = structuredClone(base);
    orphan.records.platforms = [];
    expect(readPackage(encode(orphan as unknown as Record<string, unknown>))).toMatchObject({ ok: false, detail: expect.stringContaining('platform not in the package') });
    const duplicate = structuredClone(base);
    duplicate.records.people!.push(duplicate.records.people![0]!);
    expect(readPackage(encode(duplicate as unknown as Record<string, unknown>))).toMatchObject({ ok: false, detail: expect.stringContaining('duplicate id') });
  });

  it('refuses a record not in the normalised form the app stores (untrimmed text)', async () => {
    const { bytes } = await exportAndRead(db, CS_COLLEGE);
    const obj = JSON.parse(decoder.decode(bytes)) as { records: { units: Record<string, unknown>[] } };
    obj.records.units[0]!.name = ` ${String(obj.records.units[0]!.name)} `;
    expect(readPackage(encode(obj as unknown as Record<string, unknown>))).toMatchObject({ ok: false, detail: expect.stringContaining('normalised') });
  });

  it('refuses what is no package: empty, another JSON, a backup file, and an oversized file', () => {
    expect(readPackage(new Uint8Array())).toMatchObject({ ok: false, reason: expect.stringContaining('空的') });
    expect(readPackage(encoder.encode('{"hello":"world"}'))).toMatchObject({ ok: false, reason: expect.stringContaining('不是本软件的数据交换包') });
    expect(readPackage(encoder.encode('MLBK\u0000\u0001T'))).toMatchObject({ ok: false, reason: expect.stringContaining('不是本软件的数据交换包') });
    expect(readPackage(new Uint8Array(PACKAGE_LIMITS.fileBytes + 1))).toMatchObject({ ok: false, reason: expect.stringContaining('过大') });
  });

  it('refuses a package holding a prototype-polluting key, whatever its checksum', async () => {
    const { bytes } = await exportAndRead(db, CS_COLLEGE);
    const text = decoder.decode(bytes);
    const poisoned = text.replace('"records":{', '"records":{"__proto__":{"polluted":"yes"},');
    const result = readPackage(encoder.encode(poisoned));
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('__proto__') });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a record edited after export does not change the file already written', async () => {
    const { bytes } = await exportAndRead(db, CS_COLLEGE);
    await updateRecord(db, 'platforms', platformOf('东湖计算机与人工智能').id, { name: '改名' });
    expect(readPackage(bytes).ok).toBe(true);
  });
});

function isNamed(pkg: { records: { units: object[]; platforms: object[] } }, personId: string): boolean {
  return JSON.stringify([pkg.records.units, pkg.records.platforms]).includes(personId);
}
