// Scans of printed forms in the database: a signed register (F12) may be scanned in, the inner
// sheet with the handwritten credentials (F12I) never — the app never stores a password.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachScan, recordPrintouts } from '../../../renderer/db/printouts';
import { saveSettings } from '../../../renderer/db/repository';
import { LedgerDb } from '../../../renderer/db/schema';
import { scanBlob, sweepScanBytes } from '../../../renderer/db/scan-bytes';
import { getPreset } from '../../../shared/profiles/presets';

let db: LedgerDb;
let n = 0;
const pdf = () => new File([new TextEncoder().encode('%PDF-1.7\n%scan\n')], 'scan.pdf', { type: 'application/pdf' });

beforeEach(async () => {
  db = new LedgerDb(`printout-scans-test-${++n}`);
  await db.open();
  await saveSettings(db, { institutionName: '东湖示范大学', profileId: 'vocational-approval-sealed-archive', profile: getPreset('vocational-approval-sealed-archive')!, operatorName: '王𠮷' });
  const base = { formVersion: '2026.1', recordTable: 'envelopes', recordId: '01JENVE0000000000000000001', printedAt: '2026-11-22T01:00:00.000Z', paperStatus: '待签回' as const };
  await recordPrintouts(db, [
    { ...base, formId: 'F12', formNumber: 'MF-2026-0001' },
    { ...base, formId: 'F12I', formNumber: 'MFN-2026-0001' },
  ]);
});

afterEach(async () => {
  await db.delete();
});

describe('scans of the envelope sheets (003 第十七条)', () => {
  it('takes the scan of the register F12 and marks it 已签回', async () => {
    const register = (await db.printouts.toArray()).find((p) => p.formId === 'F12')!;
    await attachScan(db, register.id, pdf());
    expect((await db.printouts.get(register.id))?.paperStatus).toBe('已签回');
    expect(await db.attachments.count()).toBe(1);
    // The row names the bytes by their hash; they are stored apart (renderer/db/scan-bytes.ts).
    const row = (await db.attachments.toArray())[0]!;
    expect(row.blob).toBeUndefined();
    expect(row.sha256).toBe(createHash('sha256').update('%PDF-1.7\n%scan\n').digest('hex'));
    const shown = await scanBlob(db, row);
    expect(await shown?.text()).toBe('%PDF-1.7\n%scan\n');
    expect(shown?.type).toBe('application/pdf');
  });

  it('a replaced scan keeps the bytes of the one before (its row stays), and the same bytes twice are stored once', async () => {
    const register = (await db.printouts.toArray()).find((p) => p.formId === 'F12')!;
    await attachScan(db, register.id, pdf());
    await attachScan(db, register.id, pdf());
    expect(await db.attachments.count()).toBe(2);
    expect(await db.scanBytes.count()).toBe(1);
    expect(await sweepScanBytes(db)).toBe(0);
    expect(await db.scanBytes.count()).toBe(1);
    // Bytes no row names are swept.
    await db.scanBytes.put({ sha256: 'ff'.repeat(32), size: 1, blob: new Blob(['x']) });
    expect(await sweepScanBytes(db)).toBe(1);
    expect(await db.scanBytes.count()).toBe(1);
  });

  it('refuses a scan of the credential sheet F12I and stores nothing', async () => {
    const inner = (await db.printouts.toArray()).find((p) => p.formId === 'F12I')!;
    await expect(attachScan(db, inner.id, pdf())).rejects.toThrow('该表手写账号密码，应装入信封密封保存，不能上传扫描件。');
    expect(await db.attachments.count()).toBe(0);
    expect(await db.scanBytes.count()).toBe(0);
    expect((await db.printouts.get(inner.id))?.scanAttachmentId).toBeUndefined();
  });
});
