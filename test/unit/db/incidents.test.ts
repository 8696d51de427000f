// Complaints in the database (002 第十条(二)): the complainant and their contact are stored with the
// record so the result can be fed back, cleared when the clerk empties them, and a record stored
// before these fields existed still loads and saves — no schema version change is needed.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveIncident } from '../../../renderer/db/incidents';
import { saveSettings } from '../../../renderer/db/repository';
import { LedgerDb } from '../../../renderer/db/schema';
import type { Incident } from '../../../shared/domain/records';
import { getPreset } from '../../../shared/profiles/presets';
import type { IncidentInput } from '../../../shared/rules/incident-rules';

let db: LedgerDb;
let n = 0;
const TODAY = '2026-11-22';
const complaint: IncidentInput = { kind: '举报投诉', date: '2026-11-20', found: '举报邮箱反映帖子公开他人手机号码。', actions: ['删除'] };

beforeEach(async () => {
  db = new LedgerDb(`incidents-test-${++n}`);
  await db.open();
  await saveSettings(db, { institutionName: '东湖示范大学', profileId: 'vocational-three-level-review', profile: getPreset('vocational-three-level-review')!, operatorName: '王𠮷' });
});

afterEach(async () => {
  await db.delete();
});

describe('the complainant of a complaint (002 第十条(二))', () => {
  it('stores who complained and how to reach them, and clears them when emptied', async () => {
    const saved = await saveIncident(db, { ...complaint, complainant: '读者吉𠮷龘', complainantContact: '029-88460000' }, undefined, TODAY);
    const row = await db.incidents.get(saved.id);
    expect(row?.complainant).toBe('读者吉𠮷龘');
    expect(row?.complainantContact).toBe('029-88460000');
    await saveIncident(db, { ...complaint, complainant: '', complainantContact: '' }, saved.id, TODAY);
    const cleared = await db.incidents.get(saved.id);
    expect(cleared?.complainant).toBeUndefined();
    expect(cleared?.complainantContact).toBeUndefined();
  });

  it('loads and edits a record stored without the fields', async () => {
    const old: Incident = { id: '01JINCI0000000000000000001', createdAt: '2026-01-05T08:00:00.000Z', updatedAt: '2026-01-05T08:00:00.000Z', kind: '举报投诉', date: '2026-01-05', found: '旧记录', actions: [] };
    await db.incidents.add(old);
    expect(await db.incidents.get(old.id)).toEqual(old);
    await saveIncident(db, { ...complaint, found: '旧记录', complainant: '匿名来电者' }, old.id, TODAY);
    expect((await db.incidents.get(old.id))?.complainant).toBe('匿名来电者');
  });
});
