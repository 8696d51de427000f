// Forms print times on the institution's clock (the profile's time zone, China time by default):
// on a machine set to UTC a review planned for 10:00 China time prints 10:00, not 02:00, and an
// envelope opened at 07:30 Beijing time keeps its Beijing date.
import { describe, expect, it } from 'vitest';
import type { Review } from '../../../shared/domain/records';
import { createFormContext } from '../../../shared/forms/context';
import { buildF05 } from '../../../shared/forms/f05-article-review';
import { buildF06 } from '../../../shared/forms/f06-three-level-review';
import { buildF12 } from '../../../shared/forms/f12-envelope';
import { presetProfile } from '../../../shared/profiles/presets';
import { pdfText, renderTo, squash, tempDir } from './pdf-read';
import { envelope, recordsContext } from './records-fixture';
import { departmentReview, reviewContext } from './review-fixture';
import { onUtcMachine } from '../utc-machine';

onUtcMachine();

const dir = tempDir('tz-');
/** 10:00 in Beijing is 02:00 UTC. */
const planned: Review = { ...departmentReview, plannedAt: '2026-11-25T02:00:00.000Z' };

describe('times print in the institution time zone (TZ=UTC machine)', () => {
  it('F05 and F06 print a planned 10:00 China time as 10:00', async () => {
    expect(new Date(planned.plannedAt!).getHours()).toBe(2);
    const f05 = await renderTo(dir, 'F05-tz', buildF05(planned, createFormContext(reviewContext())));
    expect(squash(pdfText(f05))).toContain('拟发布时间2026年11月25日10:00');
    const p002 = presetProfile('vocational-three-level-review');
    const f06 = await renderTo(dir, 'F06-tz', buildF06(planned, createFormContext(reviewContext('SJ-2026-0001', p002))));
    expect(squash(pdfText(f06))).toContain('拟发布时间2026年11月25日10:00');
  });

  it('follows a profile set to another zone', async () => {
    const berlin = { ...presetProfile('functional-department'), timeZone: 'Europe/Berlin' };
    const file = await renderTo(dir, 'F05-berlin', buildF05(planned, createFormContext(reviewContext('SH-2026-0002', berlin))));
    expect(squash(pdfText(file))).toContain('2026年11月25日03:00');
  });

  it('F12 dates an opening at 07:30 Beijing time (23:30 UTC the day before) on its Beijing day', async () => {
    const opened = { ...envelope, openings: [{ at: '2026-11-24T23:30:00.000Z', reason: '年审核对绑定手机', byId: envelope.custodianId }] };
    const file = await renderTo(dir, 'F12-tz', buildF12(opened, createFormContext(recordsContext())));
    const text = squash(pdfText(file));
    expect(text).toContain('2026年11月25日');
    expect(text).not.toContain('2026年11月24日');
  });
});
