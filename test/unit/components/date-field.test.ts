// A date or a date and time typed into a form is read on the institution's clock (China time by
// default), not on the machine's: on a machine set to UTC, 01:30 on 1 July in Beijing is still
// 1 July, and a publication typed as 09:30 is 09:30 in Beijing.
import dayjs from 'dayjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldInstant, nowField, todayField } from '../../../renderer/components/date-field';
import { setTodayZone } from '../../../shared/domain/today';
import { onUtcMachine } from '../utc-machine';

onUtcMachine();

afterEach(() => {
  vi.useRealTimers();
  setTodayZone(undefined);
});

describe('the date fields’ clock', () => {
  it('reads a typed date and time as wall-clock time in the institution’s zone', () => {
    expect(fieldInstant(dayjs('2026-06-30T09:30'), 'Asia/Shanghai')).toBe('2026-06-30T01:30:00.000Z');
    expect(fieldInstant(dayjs('2026-07-01T01:30'), 'Asia/Shanghai')).toBe('2026-06-30T17:30:00.000Z');
    expect(fieldInstant(dayjs('2026-06-30T09:30'), 'Asia/Urumqi')).toBe('2026-06-30T03:30:00.000Z');
  });

  it('starts a field at now and today on that clock, while the machine’s day is another', () => {
    // 17:30 UTC on 30 June: 01:30 on 1 July in Beijing.
    vi.useFakeTimers({ now: new Date('2026-06-30T17:30:20.000Z'), toFake: ['Date'] });
    expect(nowField('Asia/Shanghai').format('YYYY-MM-DD HH:mm')).toBe('2026-07-01 01:30');
    expect(fieldInstant(nowField('Asia/Shanghai'), 'Asia/Shanghai')).toBe('2026-06-30T17:30:00.000Z');
    expect(todayField().format('YYYY-MM-DD')).toBe('2026-07-01');
    setTodayZone('Asia/Urumqi');
    // 23:30 on 30 June in Ürümqi (UTC+6).
    expect(todayField().format('YYYY-MM-DD')).toBe('2026-06-30');
  });
});
