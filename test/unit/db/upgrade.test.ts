import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, LedgerDb, STORES_V1, STORES_V4 } from '../../../renderer/db/schema';
import { scanBlob } from '../../../renderer/db/scan-bytes';

describe('database upgrades', () => {
  it('opens a version-1 database and upgrades its platforms to version 2', async () => {
    const name = 'upgrade-v1-fixture';
    // The fixture: a database exactly as version 1 declared it, holding a platform row written
    // before the list fields were required.
    const v1 = new Dexie(name);
    v1.version(1).stores(STORES_V1);
    await v1.open();
    await v1.table('platforms').add({ id: '01J0000000000000000000000A', kind: '微信公众号', name: '图书馆', status: '运行中' });
    await v1.table('units').add({ id: '01J0000000000000000000000B', name: '图书馆', kind: '直属单位' });
    v1.close();

    const db = new LedgerDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    const p = await db.platforms.get('01J0000000000000000000000A');
    expect(p).toMatchObject({ followers: [], statusHistory: [], sectionAdminIds: [], columns: [], accountId: '' });
    // Data of untouched tables survives, and the new compound index answers queries.
    expect(await db.units.count()).toBe(1);
    expect(await db.platforms.where('[kind+accountId]').equals(['微信公众号', '']).count()).toBe(1);
    await db.delete();
  });

  it('opens a version-4 database with its scans in their rows, and reads them from there', async () => {
    const name = 'upgrade-v4-fixture';
    const v4 = new Dexie(name);
    v4.version(4).stores(STORES_V4);
    await v4.open();
    const bytes = new Uint8Array([37, 80, 68, 70, 45, 1, 2, 3]);
    const row = { id: 'scan-1', createdAt: 'x', updatedAt: 'x', name: '签字件.pdf', mimeType: 'application/pdf', size: bytes.length, sha256: 'ab'.repeat(32), ownerId: 'p1' };
    await v4.table('attachments').add({ ...row, blob: new Blob([bytes], { type: 'application/pdf' }) });
    v4.close();

    const db = new LedgerDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    const stored = await db.attachments.get('scan-1');
    expect(stored).toMatchObject(row);
    expect(await db.scanBytes.count()).toBe(0);
    const blob = await scanBlob(db, stored!);
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(bytes);
    expect(blob!.type).toBe('application/pdf');
    await db.delete();
  });
});
