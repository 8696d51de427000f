// Saving a registry record (单位, 人员, 平台) through the one dialog save path: the shared
// validation is the check (messages at the fields, cleared when fixed), then create or update in
// one audited transaction.
import type { FormInstance } from 'antd';
import type { BaseRecord, Draft } from '@shared/domain/common';
import { db } from '../db/database';
import { createRecord, RuleError, updateRecord } from '../db/repository';
import type { RecordTable } from '@shared/domain/tables';
import { useSubmit, type FieldErrors } from './use-submit';

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export interface RecordSubmit<T extends BaseRecord, V> {
  table: RecordTable;
  validate: (draft: unknown) => Validation<Draft<T>>;
  /** The draft from the form's values (e.g. dates as YYYY-MM-DD). */
  toDraft: (values: V) => unknown;
  /** The record edited; a new one is created when absent. */
  existingId?: string;
  /**
   * The table's own write, when it has a rule that needs the stored records (e.g. savePlatform
   * refuses an account registered twice, with a RuleError); by default create or update.
   */
  save?: (draft: Draft<T>, existingId: string | undefined) => Promise<T>;
  onSaved: (saved: T) => void;
}

export function useRecordSubmit<T extends BaseRecord, V>(form: FormInstance<V>, spec: RecordSubmit<T, V>) {
  const { table, validate, toDraft, existingId, save, onSaved } = spec;
  return useSubmit<V>(
    form,
    async (values) => {
      const result = validate(toDraft(values));
      if (!result.ok) throw new RuleError(result.errors);
      const saved = save
        ? await save(result.value, existingId)
        : existingId
          ? await updateRecord<T>(db, table, existingId, result.value as Partial<Draft<T>>)
          : await createRecord<T>(db, table, result.value);
      onSaved(saved);
      return '已保存';
    },
    {
      check: (values) => {
        const result = validate(toDraft(values));
        return result.ok ? undefined : result.errors;
      },
    },
  );
}
