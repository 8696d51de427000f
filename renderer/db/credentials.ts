// Credential custody in the database: sealing and opening envelopes, recording handovers and the
// password change after them. Each operation checks its rule and writes every record it touches
// (with their audit entries) in one transaction: a refused or failed step changes nothing.
// No function here takes or stores a password: the password itself stays on paper in the sealed
// envelope (003 第十七条, 002 第九条; README: “It never stores a password”).
import type { Id, IsoDate, IsoDateTime } from '@shared/domain/common';
import type { Person } from '@shared/domain/person';
import type { Platform } from '@shared/domain/platform';
import type { Approval, Envelope, Handover } from '@shared/domain/records';
import { checkOpening, checkSeal, currentEnvelopes, envelopeNumberHead, nextChangeDue, nextEnvelopeNumber, type OpeningInput, type SealInput } from '@shared/rules/envelope-state';
import { chiefAdminChange, checkHandover, checkPasswordChange, type HandoverInput, type PasswordChangeInput } from '@shared/rules/handover-state';
import { changeFilingDeadline } from '@shared/rules/deadlines';
import { localToday } from '@shared/domain/today';
import { profileZone } from '@shared/domain/time-zone';
import { stringsIn } from '@shared/domain/ids';
import type { LedgerDb } from './schema';
import { createRecord, enforce, LedgerError, RuleError, updateRecord } from './repository';

/**
 * The live people the records name, by id: the rules look up only people the input, the platform
 * or the envelope names, so those are read by id rather than every person of the ledger.
 */
async function peopleNamedIn(db: LedgerDb, ...records: unknown[]): Promise<Map<Id, Person>> {
  const found = await db.people.bulkGet(stringsIn(records));
  return new Map(found.filter((p): p is Person => p !== undefined && !p.deletedAt).map((p) => [p.id, p]));
}

async function livePlatform(db: LedgerDb, id: Id | undefined): Promise<Platform | undefined> {
  const p = id ? await db.platforms.get(id) : undefined;
  return p && !p.deletedAt ? p : undefined;
}

/**
 * Seals a new envelope with the next free number; every current envelope of the platform (opened,
 * or sealed with a password now changed) is marked as replaced by it.
 */
export async function sealEnvelope(db: LedgerDb, input: SealInput, today: IsoDate = localToday()): Promise<Envelope> {
  let sealed: Envelope | undefined;
  await db.transaction('rw', [db.envelopes, db.platforms, db.people, db.auditLog, db.settings], async () => {
    const [platform, settings] = await Promise.all([livePlatform(db, input.platformId), db.settings.get('main')]);
    const people = await peopleNamedIn(db, input, platform);
    enforce(checkSeal(input, people, today));
    if (!platform) throw new RuleError({ platformId: '该平台已不存在或已移入回收站。' });
    const sealedOn = input.sealedOn!;
    const year = Number(sealedOn.slice(0, 4));
    // Numbers are read inside the transaction, so two seals cannot take the same one. Only this
    // year's numbers, from the index (keys, not records); trashed and replaced envelopes keep
    // theirs in it, so a number is never reused. The platform's own envelopes by platformId.
    const [numbers, own] = await Promise.all([
      db.envelopes.where('number').startsWith(envelopeNumberHead(year)).keys(),
      db.envelopes.where('platformId').equals(platform.id).toArray(),
    ]);
    const changedOn = input.passwordChangedOn ?? sealedOn;
    const due = nextChangeDue(changedOn, settings?.profile.passwordPolicy.rotationDays ?? 0);
    const draft: Omit<Envelope, 'id' | 'createdAt' | 'updatedAt'> = {
      platformId: platform.id,
      number: nextEnvelopeNumber(numbers.map(String), year),
      items: [...input.items],
      sealedOn,
      sealedById: input.sealedById,
      witnessId: input.witnessId,
      custodianId: input.custodianId,
      location: input.location!.trim(),
      passwordChangedOn: changedOn,
      ...(due ? { nextChangeDue: due } : {}),
      openings: [],
    };
    sealed = await createRecord<Envelope>(db, 'envelopes', draft);
    for (const old of currentEnvelopes(platform.id, own)) {
      await updateRecord<Envelope>(db, 'envelopes', old.id, { replacedById: sealed.id });
    }
  });
  return sealed!;
}

/** Logs an opening (when, who, why, approved by). An envelope already opened or replaced is refused. */
export async function openEnvelope(db: LedgerDb, envelopeId: Id, input: OpeningInput, now: IsoDateTime = new Date().toISOString()): Promise<Envelope> {
  let opened: Envelope | undefined;
  await db.transaction('rw', [db.envelopes, db.people, db.auditLog, db.settings], async () => {
    const envelope = await db.envelopes.get(envelopeId);
    if (!envelope || envelope.deletedAt) throw new LedgerError('该信封记录已不存在，可能已被移入回收站。');
    const [people, settings] = await Promise.all([peopleNamedIn(db, input, envelope), db.settings.get('main')]);
    enforce(checkOpening(envelope, input, people, now, profileZone(settings?.profile)));
    const opening = { at: input.at!, byId: input.byId, reason: input.reason!.trim(), approvedById: input.approvedById };
    opened = await updateRecord<Envelope>(db, 'envelopes', envelopeId, { openings: [...envelope.openings, opening] });
  });
  return opened!;
}

export interface HandoverResult {
  handover: Handover;
  filing: Approval;
  /** Set when the filing's due date could not be computed: the year whose holiday schedule is missing. */
  holidayDataMissingYear?: number;
}

/**
 * Records a handover; in the same transaction the registry's 总管理员 becomes the incoming
 * administrator and the change filing (变更备案) is created with its due date.
 */
export async function recordHandover(
  db: LedgerDb,
  input: HandoverInput & { checklist: Handover['checklist'] },
  today: IsoDate = localToday(),
): Promise<HandoverResult> {
  // Working days are pure computation: done before the transaction, which may await only Dexie.
  const settings = await db.settings.get('main');
  // Without settings (no profile chosen yet) there is no rule to count by: no due date is stored.
  const deadline = input.date && settings ? changeFilingDeadline(input.date, settings.profile, settings.holidayOverrides) : undefined;
  const missingYear = deadline?.missingYear;
  // A lower bound is not a deadline: the filing is stored without one until the schedule is entered.
  const due = deadline && missingYear === undefined ? deadline.dueDate : undefined;
  let result: HandoverResult | undefined;
  await db.transaction('rw', [db.handovers, db.platforms, db.approvals, db.people, db.auditLog, db.settings], async () => {
    const platform = await livePlatform(db, input.platformId);
    const people = await peopleNamedIn(db, input, platform);
    enforce(checkHandover(input, platform, people, today));
    const p = platform!;
    const handover = await createRecord<Handover>(db, 'handovers', {
      platformId: p.id,
      outgoingId: input.outgoingId,
      incomingId: input.incomingId,
      supervisorId: input.supervisorId,
      date: input.date!,
      checklist: input.checklist.map((c) => ({ item: c.item, done: c.done })),
    });
    await updateRecord<Platform>(db, 'platforms', p.id, { chiefAdminId: input.incomingId });
    const filing = await createRecord<Approval>(db, 'approvals', {
      platformId: p.id,
      kind: '变更备案',
      changes: [chiefAdminChange(p.chiefAdminId ?? input.outgoingId, input.incomingId!, people)],
      changeDate: input.date!,
      ...(due ? { dueDate: due } : {}),
      note: `管理员交接（${input.date}）后自动生成。`,
    });
    result = { handover, filing, ...(missingYear ? { holidayDataMissingYear: missingYear } : {}) };
  });
  return result!;
}

/** Records the password change after a handover (date, confirmed by): the handover is then complete. */
export async function recordPasswordChange(db: LedgerDb, handoverId: Id, input: PasswordChangeInput, today: IsoDate = localToday()): Promise<Handover> {
  let saved: Handover | undefined;
  await db.transaction('rw', [db.handovers, db.people, db.auditLog, db.settings], async () => {
    const handover = await db.handovers.get(handoverId);
    if (!handover || handover.deletedAt) throw new LedgerError('该交接记录已不存在，可能已被移入回收站。');
    const people = await peopleNamedIn(db, input, handover);
    enforce(checkPasswordChange(handover, input, people, today));
    saved = await updateRecord<Handover>(db, 'handovers', handoverId, {
      passwordChangedOn: input.date,
      passwordChangeConfirmedById: input.confirmedById,
    });
  });
  return saved!;
}
