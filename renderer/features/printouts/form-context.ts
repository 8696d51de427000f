// The plain data a form is built with: institution, the rule profile in force, the holiday
// calendar and the people, units and platforms records refer to. Read once per print job.
import { formContextData, type FormContextData } from '@shared/forms/context';
import { CUSTOM_PROFILE_ID, getPreset } from '@shared/profiles/presets';
import { db } from '../../db/database';

export async function loadFormContext(formNumber: string): Promise<FormContextData> {
  const [settings, people, units, platforms] = await Promise.all([
    db.settings.get('main'),
    db.people.toArray(),
    db.units.toArray(),
    db.platforms.toArray(),
  ]);
  // Setup always stores a profile; before it has run, print with the neutral custom profile.
  const profile = settings?.profile ?? getPreset(CUSTOM_PROFILE_ID);
  if (!profile) throw new Error('custom profile missing');
  return formContextData({
    institutionName: settings?.institutionName ?? '',
    profile,
    holidays: settings?.holidayOverrides ?? [],
    formNumber,
    people,
    units,
    platforms,
  });
}
