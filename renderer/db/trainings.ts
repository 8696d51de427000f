// Training sessions in the database: checked (shared/rules/training-rules.ts), then written through
// the audited repository.
import type { Id, IsoDate } from '@shared/domain/common';
import type { Training } from '@shared/domain/records';
import { checkTraining, trainingDraft, type TrainingInput } from '@shared/rules/training-rules';
import type { LedgerDb } from './schema';
import { localToday } from '@shared/domain/today';
import { createRecord, enforce, updateRecord } from './repository';

export async function saveTraining(ledger: LedgerDb, input: TrainingInput, id?: Id, today: IsoDate = localToday()): Promise<Training> {
  const check = checkTraining(input, today);
  enforce(check);
  const draft = trainingDraft(input);
  if (!id) return createRecord<Training>(ledger, 'trainings', draft);
  // Optional fields emptied in the dialog are cleared.
  return updateRecord<Training>(ledger, 'trainings', id, { speaker: undefined, location: undefined, team: undefined, ...draft });
}
