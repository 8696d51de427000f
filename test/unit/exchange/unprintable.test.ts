// Exchange packages and unprintable characters: a record holding a character the form fonts cannot
// print (宣传部🎉公众号) never travels. The sender's export names the record and the field to fix;
// a package forged to hold one is refused by the reader, naming the record and field, changing nothing.
import 'fake-indexeddb/auto'; // before anything loads Dexie, which looks for IndexedDB when loaded
import { afterEach, beforeEach, expect, it } from 'vitest';
import { packageChecksum } from '@shared/exchange/format';
import { readPackage } from '@shared/exchange/package-reader';
import type { LedgerDb } from '../../../renderer/db/schema';
import { exportUnitPackage } from '../../../renderer/db/exchange';
import { CS_COLLEGE, EXPORT_AT, exportAndRead, openDb, platformOf, unitId } from './fixture';

const SITE = '计算机与人工智能学院网站';

let clerk: LedgerDb;
beforeEach(async () => {
  clerk = await openDb({ operator: '学院办公室' });
});
afterEach(async () => {
  await clerk.delete();
});

it('the export names the record and field holding an emoji (stored before entry checks refused it)', async () => {
  await clerk.table('platforms').update(platformOf(SITE).id, { name: '学院网站🎉' });
  const written = await exportUnitPackage(clerk, unitId(CS_COLLEGE), '0.1.0', EXPORT_AT);
  expect(written).toMatchObject({ ok: false, reason: expect.stringContaining('“学院网站🎉”的“平台名称”有误（不能包含“🎉”（U+1F389）') });
});

it('a package forged to hold an emoji is refused, naming the record and field', async () => {
  const { bytes } = await exportAndRead(clerk, CS_COLLEGE);
  const obj = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown> & { records: Record<string, Record<string, unknown>[]> };
  const index = obj.records.platforms!.findIndex((p) => p.name === SITE);
  obj.records.platforms![index]!.name = '学院网站🎉';
  const { sha256: _old, ...body } = obj;
  const forged = new TextEncoder().encode(JSON.stringify({ ...body, sha256: packageChecksum(body) }));
  const read = readPackage(forged, EXPORT_AT);
  expect(read).toMatchObject({ ok: false, reason: expect.stringContaining(`数据包中第 ${index + 1} 条平台记录的“平台名称”不符合要求（不能包含“🎉”（U+1F389）`) });
});
