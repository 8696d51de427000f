// Issue 15: a preview posts only the records its form refers to (read by id), not every person,
// unit and platform of the ledger. Behaviour: every form, built from each record the print center
// offers on the demo ledger, prints the same document with that narrow context as with the whole
// tables; and the context holds no stranger's records.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/database';
import { loadDataset } from '../../../renderer/db/dataset';
import { loadFormContext, referencedIds } from '../../../renderer/features/printouts/form-context';
import { FormPicks } from '../../../renderer/features/printouts/form-picks';
import { createDemoDataset } from '../../../shared/demo/demo-dataset';
import { createFormContext, formContextData, type FormContextData } from '../../../shared/forms/context';
import { buildForm, IMPLEMENTED_FORMS, type FormId, type FormRecordMap } from '../../../shared/forms/registry';
import type { LedgerRecords } from '../../../shared/domain/ledger-records';

const demo = createDemoDataset();
const PRINTED_AT = '2026-11-20T02:00:00.000Z';

/** The ledger's live records as the database returns them (in key order). */
let records: LedgerRecords;

beforeAll(async () => {
  await loadDataset(db, demo, '王𠮷');
  const live = async <T extends { deletedAt?: string }>(rows: Promise<T[]>) => (await rows).filter((r) => !r.deletedAt);
  records = {
    units: await live(db.units.toArray()),
    people: await live(db.people.toArray()),
    platforms: await live(db.platforms.toArray()),
    approvals: await live(db.approvals.toArray()),
    reviews: await live(db.reviews.toArray()),
    envelopes: await live(db.envelopes.toArray()),
    handovers: await live(db.handovers.toArray()),
    inspections: await live(db.inspections.toArray()),
    incidents: await live(db.incidents.toArray()),
    trainings: await live(db.trainings.toArray()),
  };
});

async function wholeContext(): Promise<FormContextData> {
  const settings = (await db.settings.get('main'))!;
  return formContextData({
    institutionName: settings.institutionName,
    profile: settings.profile,
    holidays: settings.holidayOverrides ?? [],
    formNumber: 'T-1',
    printedAt: PRINTED_AT,
    people: await db.people.toArray(),
    units: await db.units.toArray(),
    platforms: await db.platforms.toArray(),
  });
}

describe('the form context read by reference (issue 15)', () => {
  it('prints every form of every offered record exactly as with the whole tables', async () => {
    const whole = createFormContext(await wholeContext());
    let compared = 0;
    for (const def of IMPLEMENTED_FORMS) {
      const formId = def.id as FormId;
      for (const record of def.samples(records)) {
        const narrow = createFormContext({ ...(await loadFormContext('T-1', formId, [record])), printedAt: PRINTED_AT });
        const doc = (ctx: typeof whole) => JSON.stringify(buildForm(formId, record as FormRecordMap[typeof formId], ctx));
        expect(doc(narrow), `${formId} ${def.describe(record, narrow.timeZone)}`).toBe(doc(whole));
        compared += 1;
      }
    }
    // Every form has records to print in the demo.
    expect(new Set(IMPLEMENTED_FORMS.filter((def) => def.samples(records).length > 0).map((def) => def.id))).toEqual(new Set(IMPLEMENTED_FORMS.map((def) => def.id)));
    expect(compared).toBeGreaterThan(IMPLEMENTED_FORMS.length);
  });

  it('carries the record’s platform, unit and people, and nothing else of the ledger', async () => {
    const platform = records.platforms.find((p) => p.kind === '微信公众号' && p.chiefAdminId && p.hostUnitId)!;
    const ctx = await loadFormContext('T-1', 'F04', [platform]);
    expect(ctx.platforms?.map((p) => p.id)).toEqual([platform.id]);
    expect(ctx.units.map((u) => u.id)).toContain(platform.hostUnitId);
    expect(ctx.people.map((p) => p.id)).toContain(platform.chiefAdminId);
    expect(ctx.people.length).toBeLessThan(demo.people.length);
    expect(ctx.units.length).toBeLessThan(demo.units.length);
  });

  it('a blank form needs no records', async () => {
    const ctx = await loadFormContext('', 'F04', []);
    expect([ctx.people, ctx.units, ctx.platforms]).toEqual([[], [], []]);
    expect(ctx.institutionName).toBe(demo.institutionName);
  });

  it('finds references in nested rosters and lists', () => {
    expect([...referencedIds({ id: 'g', accountId: 'wx', group: { ownerId: 'o', members: [{ personId: 'm1' }, { name: '外部' }] }, sectionAdminIds: ['s1', 's2'], name: 'x' })].sort()).toEqual(
      ['g', 'm1', 'o', 's1', 's2', 'wx'].sort(),
    );
  });
});

describe('the print center’s pick list (issue 15)', () => {
  it('offers the records each form picks from the whole ledger, reading only the tables the form looks at', async () => {
    const tables = vi.spyOn(db, 'table');
    for (const def of IMPLEMENTED_FORMS) {
      tables.mockClear();
      const picks = await FormPicks.build(db, def.id as FormId);
      const read = tables.mock.calls.map(([name]) => name).sort();
      const chosen = await picks.records(picks.keys(''));
      expect(chosen, def.id).toEqual(expect.arrayContaining(def.samples(records)));
      expect(chosen).toHaveLength(def.samples(records).length);
      if (def.id === 'F04') expect(read).toEqual(['platforms']);
      if (def.id === 'F01') expect(read).toEqual(['platforms', 'reviews']);
    }
    tables.mockRestore();
  });
});
