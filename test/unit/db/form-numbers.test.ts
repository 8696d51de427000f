// Form numbers at scale: the next number of a form and year, and a printout found by a typed or
// scanned number, are read by the formNumber index (schema version 4): never every printout.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextFormNumbers, printoutByNumber, recordPrintouts, type NewPrintout } from '../../../renderer/db/printouts';
import { saveSettings, softDelete } from '../../../renderer/db/repository';
import { LedgerDb } from '../../../renderer/db/schema';
import { getPreset } from '../../../shared/profiles/presets';
import { logReads, type ReadLog } from './read-log';

let db: LedgerDb;
let reads: ReadLog;
let n = 0;

const printout = (formId: string, formNumber: string): NewPrintout => ({ formId, formVersion: '2026.1', formNumber, recordTable: 'reviews', recordId: `01JREVIEW00000000000000${String(++n).padStart(3, '0')}` });

beforeEach(async () => {
  db = new LedgerDb(`form-numbers-test-${++n}`);
  reads = logReads(db);
  await db.open();
  await saveSettings(db, { institutionName: '东湖示范大学', profileId: 'vocational-approval-sealed-archive', profile: getPreset('vocational-approval-sealed-archive')!, operatorName: '王𠮷' });
});

afterEach(async () => {
  await db.delete();
});

const readsOf = async <T>(run: () => Promise<T>): Promise<{ value: T; records: number }> => {
  reads.records.set('printouts', []);
  const value = await run();
  return { value, records: reads.records.get('printouts')?.length ?? 0 };
};

describe('nextFormNumbers', () => {
  it('starts a form and year at 0001', async () => {
    expect(await nextFormNumbers(db, 'SH', 2026, 2)).toEqual(['SH-2026-0001', 'SH-2026-0002']);
  });

  it('follows the last number of that form and year, trash included, and no other form or year', async () => {
    await recordPrintouts(db, [printout('F06', 'SH-2026-0007'), printout('F06', 'SH-2026-0003'), printout('F06', 'SH-2025-0040'), printout('F01', 'SHX-2026-0090')]);
    const seventh = await db.printouts.where('formNumber').equals('SH-2026-0007').first();
    await softDelete(db, 'printouts', seventh!.id);
    const { value, records } = await readsOf(() => nextFormNumbers(db, 'SH', 2026, 2));
    expect(value).toEqual(['SH-2026-0008', 'SH-2026-0009']);
    expect(records).toBe(0);
    expect(await nextFormNumbers(db, 'SH', 2025)).toEqual(['SH-2025-0041']);
  });

  it('compares numbers as numbers: 10000 follows 9999', async () => {
    await recordPrintouts(db, [printout('F06', 'SH-2026-9999'), printout('F06', 'SH-2026-10000'), printout('F06', 'SH-2026-0500')]);
    expect(await nextFormNumbers(db, 'SH', 2026)).toEqual(['SH-2026-10001']);
  });
});

describe('printoutByNumber', () => {
  it('finds the live printout by its number as typed in any case, reading only that row', async () => {
    await recordPrintouts(db, [printout('F06', 'SH-2026-0001'), printout('F06', 'SH-2026-0002'), printout('F01', 'BA-2026-0001')]);
    const { value, records } = await readsOf(() => printoutByNumber(db, 'sh-2026-0002'));
    expect(value?.formNumber).toBe('SH-2026-0002');
    expect(records).toBe(1);
  });

  it('does not find a printout in the trash, nor an unknown number', async () => {
    await recordPrintouts(db, [printout('F06', 'SH-2026-0001')]);
    const row = await printoutByNumber(db, 'SH-2026-0001');
    await softDelete(db, 'printouts', row!.id);
    expect(await printoutByNumber(db, 'SH-2026-0001')).toBeUndefined();
    expect(await printoutByNumber(db, 'SH-2026-0009')).toBeUndefined();
  });
});
