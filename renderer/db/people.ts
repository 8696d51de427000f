// Deleting a person who is still responsible for something: find the running duties that name
// them, and hand those over to another person and move the person to the trash in one
// transaction (each changed record with its own audit entry), so nothing is left half handed over.
import type { Id } from '@shared/domain/common';
import { handOverPatch, personReferences, type PersonReference, type ReferenceField, type ReferenceTable } from '@shared/domain/person-references';
import type { Table } from 'dexie';
import { eachLive, readByIds } from './chunked-reads';
import type { LedgerDb } from './schema';
import { LedgerError, softDelete, updateRecord } from './repository';

/** True when one of the record's fields (or a field of a field: group.ownerId, sectionAdminIds) is `id`. */
function mentions(record: object, id: Id, depth = 0): boolean {
  for (const value of Object.values(record)) {
    if (value === id) return true;
    if (depth === 0 && value && typeof value === 'object' && mentions(value as object, id, 1)) return true;
  }
  return false;
}

/**
 * The running duties that name the person, read from the live records a chunk at a time (a
 * ledger holds 100,000 reviews): only the records naming the person are kept, plus the platforms
 * their envelopes and handovers are of, for the names the list shows.
 */
export async function findPersonReferences(db: LedgerDb, personId: Id): Promise<PersonReference[]> {
  const naming = async <T extends { id: string; deletedAt?: string }>(table: Table<T, string, unknown>) => {
    const out: T[] = [];
    await eachLive(table, (rows) => out.push(...rows.filter((r) => mentions(r, personId))));
    return out;
  };
  const [units, platforms, envelopes, handovers, reviews] = await Promise.all([naming(db.units), naming(db.platforms), naming(db.envelopes), naming(db.handovers), naming(db.reviews)]);
  const known = new Set(platforms.map((p) => p.id));
  const others = [...new Set([...envelopes, ...handovers].map((r) => r.platformId))].filter((id) => !known.has(id));
  const named = await readByIds(db.platforms, others);
  return personReferences(personId, { units, platforms: [...platforms, ...named], envelopes, handovers, reviews });
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
