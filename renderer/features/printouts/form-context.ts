// The plain data a form is built with: institution, profile texts and the people, units and
// platforms records refer to. Read once per print job.
import type { FormContextData } from '@shared/forms/context';
import { DEFAULT_FORM_TEXTS } from '@shared/forms/context';
import { db } from '../../db/database';

export async function loadFormContext(formNumber: string): Promise<FormContextData> {
  const [settings, people, units, platforms] = await Promise.all([
    db.settings.get('main'),
    db.people.toArray(),
    db.units.toArray(),
    db.platforms.toArray(),
  ]);
  return {
    institutionName: settings?.institutionName ?? '',
    texts: settings?.profile.texts ?? DEFAULT_FORM_TEXTS,
    formNumber,
    printedAt: new Date().toISOString(),
    people,
    units,
    platforms,
  };
}
