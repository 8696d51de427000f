// The save path every edit dialog shares: validate (errors shown at each field, the typed
// values stay in the form), then create or update in one audited transaction.
import type { FormInstance } from 'antd';
import { App as AntApp } from 'antd';
import { useState } from 'react';
import type { BaseRecord, Draft } from '@shared/domain/common';
import { db } from '../db/database';
import { createRecord, updateRecord } from '../db/repository';
import type { RecordTable } from '../db/schema';
import { showError } from '../app/errors';

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

export function useRecordEditor<T extends BaseRecord>(
  table: RecordTable,
  validate: (draft: unknown) => Validation<Draft<T>>,
) {
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);

  /** Returns the saved record, or undefined when validation or saving failed. */
  const save = async (form: FormInstance, draft: unknown, existingId?: string): Promise<T | undefined> => {
    const result = validate(draft);
    if (!result.ok) {
      form.setFields(
        Object.entries(result.errors).map(([path, msg]) => ({
          name: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          errors: [msg],
        })),
      );
      void message.error('有内容需要修改，请查看标红的栏目。');
      return undefined;
    }
    setSaving(true);
    try {
      const saved = existingId
        ? await updateRecord<T>(db, table, existingId, result.value as Partial<Draft<T>>)
        : await createRecord<T>(db, table, result.value);
      void message.success('已保存');
      return saved;
    } catch (e) {
      showError(e, '保存失败');
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  return { save, saving };
}
