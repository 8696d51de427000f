// Deleting a person who is still responsible for something: find the running duties that name
// them, and hand those over to another person and move the person to the trash in one
// transaction (each changed record with its own audit entry), so nothing is left half handed over.
import type { Id } from '@shared/domain/common';
import { handOverPatch, personReferences, type PersonReference, type ReferenceField, type ReferenceTable } from '@shared/domain/person-references';
import type { LedgerDb } from './schema';
import { LedgerError, softDelete, updateRecord } from './repository';

/** The running duties that name the person, read from the live records. */
export async function findPersonReferences(db: LedgerDb, personId: Id): Promise<PersonReference[]> {
  const [units, platforms, envelopes, handovers, reviews] = await Promise.all([
    db.units.toArray(),
    db.platforms.toArray(),
    db.envelopes.toArray(),
    db.handovers.toArray(),
    db.reviews.toArray(),
  ]);
  return personReferences(personId, { units, platforms, envelopes, handovers, reviews });
}

/**
 * Moves the person to the trash; with a successor, first hands every running duty over to them.
 * Returns how many duties were handed over. The duties are found again inside the transaction,
 * so one added since the dialog opened is handed over too.
 */
export async function deletePerson(db: LedgerDb, personId: Id, successorId?: Id): Promise<number> {
  if (successorId === personId) throw new LedgerError('不能移交给本人，请选择另一位人员。', 'successor is the person being deleted');
  const tables = [db.people, db.units, db.platforms, db.envelopes, db.handovers, db.reviews, db.auditLog, db.settings];
  return db.transaction('rw', tables, async () => {
    let handed = 0;
    if (successorId) {
      const successor = await db.people.get(successorId);
      if (!successor || successor.deletedAt) throw new LedgerError('所选接替人员已不存在，请重新选择。', `successor ${successorId} missing`);
      const byRecord = new Map<string, { table: ReferenceTable; id: Id; fields: ReferenceField[] }>();
      for (const ref of await findPersonReferences(db, personId)) {
        const key = `${ref.table}/${ref.recordId}`;
        const entry = byRecord.get(key) ?? { table: ref.table, id: ref.recordId, fields: [] };
        entry.fields.push(ref.field);
        byRecord.set(key, entry);
      }
      for (const { table, id, fields } of byRecord.values()) {
        const record = await db.table(table).get(id);
        if (!record || typeof record !== 'object') continue;
        await updateRecord(db, table, id, handOverPatch(record, fields, personId, successorId));
        handed += fields.length;
      }
    }
    await softDelete(db, 'people', personId);
    return handed;
  });
}
