// The one working-day deadline rule (001 第五条, 004 第六条: 5 个工作日内报备).
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../shared/profiles/presets';
import { changeFilingDeadline, workingDayDeadline } from '../../../shared/rules/deadlines';

describe('change filing deadline (001 第五条, 004 第六条)', () => {
  it('001 第五条: a change on 2026-09-30 is filed by 2026-10-13, the 国庆 holiday not counted', () => {
    expect(changeFilingDeadline('2026-09-30', getPreset('functional-department')!)).toEqual({ dueDate: '2026-10-13' });
  });

  it('the number of working days is the profile’s, never a constant', () => {
    const three = { ...getPreset('undergraduate-filing-three-reviewers')!, changeFilingWorkingDays: 3 };
    // Friday 2026-11-20 + 3 working days = Wednesday 2026-11-25.
    expect(changeFilingDeadline('2026-11-20', three)).toEqual({ dueDate: '2026-11-25' });
  });

  it('without that year’s holiday schedule only the earliest date is known, with the year to enter', () => {
    expect(workingDayDeadline('1999-03-01', 5, undefined)).toEqual({ dueDate: '1999-03-06', missingYear: 1999 });
  });
});
