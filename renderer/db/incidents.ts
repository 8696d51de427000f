// Problems, complaints and opinion events in the database: register, edit and close. Each write
// checks its rule (shared/rules/incident-rules.ts) inside the transaction that writes, so a refused
// step changes nothing and the check sees the stored record, not a stale copy.
import type { Id, IsoDate } from '@shared/domain/common';
import type { Incident } from '@shared/domain/records';
import { checkClose, checkIncident, incidentDraft, type IncidentInput } from '@shared/rules/incident-rules';
import type { LedgerDb } from './schema';
import { localToday } from '@shared/domain/today';
import { createRecord, enforce, LedgerError, updateRecord } from './repository';

/** Registers a new incident, or saves an edited one when `id` is given. */
export async function saveIncident(ledger: LedgerDb, input: IncidentInput, id?: Id, today: IsoDate = localToday()): Promise<Incident> {
  enforce(checkIncident(input, today));
  const draft = incidentDraft(input);
  if (!id) return createRecord<Incident>(ledger, 'incidents', draft);
  let saved: Incident | undefined;
  await ledger.transaction('rw', [ledger.incidents, ledger.auditLog, ledger.settings], async () => {
    const before = await ledger.incidents.get(id);
    if (!before || before.deletedAt) throw new LedgerError('该记录已不存在，可能已被移入回收站。');
    // Fields the dialog left empty are cleared, not kept: the dialog shows every field.
    const cleared: Partial<Incident> = { platformId: undefined, complainant: undefined, complainantContact: undefined, reportedTo: undefined, feedback: undefined, closedOn: undefined };
    saved = await updateRecord<Incident>(ledger, 'incidents', id, { ...cleared, ...draft });
  });
  return saved!;
}

/** Closes an open incident; a complaint needs its feedback to the complainant first (002 第十条(二)). */
export async function closeIncident(ledger: LedgerDb, id: Id, closedOn: IsoDate | undefined, feedback: string | undefined, today: IsoDate = localToday()): Promise<Incident> {
  let saved: Incident | undefined;
  await ledger.transaction('rw', [ledger.incidents, ledger.auditLog, ledger.settings], async () => {
    const incident = await ledger.incidents.get(id);
    if (!incident || incident.deletedAt) throw new LedgerError('该记录已不存在，可能已被移入回收站。');
    const text = feedback?.trim() || incident.feedback;
    enforce(checkClose(incident, closedOn, text, today));
    saved = await updateRecord<Incident>(ledger, 'incidents', id, { closedOn, ...(text ? { feedback: text } : {}) });
  });
  return saved!;
}
