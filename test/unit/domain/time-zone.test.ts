// Times on the institution's clock: the profile's time zone (China time by default) decides how a
// stored instant is shown and printed and what a typed wall-clock time means, not the machine's zone.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, dayBounds, profileZone, validTimeZone, instantText, zonedMoment, zonedToInstant } from '../../../shared/domain/time-zone';
import { PRESET_PROFILES } from '../../../shared/profiles/presets';
import { onUtcMachine } from '../utc-machine';

onUtcMachine();

describe('institution time zone', () => {
  it('defaults to China time in every preset and for a profile stored without one', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Shanghai');
    for (const p of PRESET_PROFILES) expect(p.timeZone, p.id).toBe('Asia/Shanghai');
    expect(validTimeZone(undefined)).toBe('Asia/Shanghai');
    expect(validTimeZone('Mars/Olympus')).toBe('Asia/Shanghai');
    expect(validTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    // A profile's zone: its own when valid, else China time, and China time before any profile.
    expect(profileZone(undefined)).toBe('Asia/Shanghai');
    expect(profileZone({})).toBe('Asia/Shanghai');
    expect(profileZone({ timeZone: 'Mars/Olympus' })).toBe('Asia/Shanghai');
    expect(profileZone({ timeZone: 'Europe/Berlin' })).toBe('Europe/Berlin');
  });

  it('reads an instant on the institution clock whatever the machine zone is', () => {
    expect(new Date('2026-11-25T02:00:00Z').getHours()).toBe(2); // the machine's own clock
    expect(zonedMoment('2026-11-25T02:00:00Z', 'Asia/Shanghai')).toEqual({ date: '2026-11-25', time: '10:00', second: '00' });
    // 23:30 UTC is already the next day in Beijing.
    expect(zonedMoment('2026-11-24T23:30:07Z', 'Asia/Shanghai')).toEqual({ date: '2026-11-25', time: '07:30', second: '07' });
    expect(zonedMoment('not a time', 'Asia/Shanghai')).toBeUndefined();
  });

  it('reads every instant as the zone’s own formatter does, across daylight-saving changes and half-hour zones', () => {
    const reference = (t: number, zone: string) => {
      const parts: Record<string, string> = {};
      const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
      for (const p of f.formatToParts(t)) parts[p.type] = p.value;
      return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, second: parts.second };
    };
    const cases: [string, string][] = [
      ['Asia/Shanghai', '2026-11-24T00:00:00Z'],
      ['Europe/Berlin', '2026-03-28T00:00:00Z'],
      ['Europe/Berlin', '2026-10-24T00:00:00Z'],
      ['America/New_York', '2026-03-07T00:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T00:00:00Z'],
      ['Asia/Kolkata', '2026-06-14T00:00:00Z'],
    ];
    for (const [zone, from] of cases) {
      const start = Date.parse(from);
      // Three days, every 7 minutes and 13 seconds: both sides of each change.
      for (let t = start; t < start + 3 * 86_400_000; t += 433_000) {
        expect(zonedMoment(new Date(t).toISOString(), zone), `${zone} ${new Date(t).toISOString()}`).toEqual(reference(t, zone));
      }
    }
  });

  it('reads China time as its formatter does, from its daylight-saving years of 1986–1991 to 2100, without one after 1991', () => {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    const reference = (t: number) => {
      const parts: Record<string, string> = {};
      for (const p of f.formatToParts(t)) parts[p.type] = p.value;
      return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, second: parts.second };
    };
    const instants: number[] = [];
    // Every 52 hours 55 minutes and 11 seconds from 1985 to 2100: every day of the year, every hour over the years.
    for (let t = Date.UTC(1985, 0, 1); t < Date.UTC(2100, 11, 31); t += 190_511_000) instants.push(t);
    // The last change (1991-09-15 02:00 daylight time, 1991-09-14T17:00Z) and the first day of 1992, minute by minute.
    for (const at of [Date.UTC(1991, 8, 14, 17), Date.UTC(1991, 11, 31, 16)]) for (let t = at - 7_200_000; t < at + 7_200_000; t += 60_000) instants.push(t);
    for (const t of instants) expect(zonedMoment(new Date(t).toISOString(), 'Asia/Shanghai'), new Date(t).toISOString()).toEqual(reference(t));
    // A summer day of 1988 was UTC+9 in China: before 1992 the formatter still decides.
    expect(zonedMoment('1988-06-01T00:00:00Z', 'Asia/Shanghai')?.time).toBe('09:00');
    expect(zonedToInstant('1988-06-01', '09:00', 'Asia/Shanghai')).toBe('1988-06-01T00:00:00.000Z');
    expect(zonedToInstant('2026-06-01', '09:00', 'Asia/Shanghai')).toBe('2026-06-01T01:00:00.000Z');
  });

  it('writes an instant as the clerk reads it, on the institution clock, to the minute or the second', () => {
    expect(instantText('2026-11-24T23:30:07.250Z', 'Asia/Shanghai')).toBe('2026-11-25 07:30');
    expect(instantText('2026-11-24T23:30:07.250Z', 'Asia/Shanghai', 'second')).toBe('2026-11-25 07:30:07');
    expect(instantText('2026-11-24T23:30:07.250Z', 'Europe/Berlin', 'second')).toBe('2026-11-25 00:30:07');
    // Midnight is 00, never 24.
    expect(instantText('2026-11-24T16:00:00Z', 'Asia/Shanghai', 'second')).toBe('2026-11-25 00:00:00');
    expect(instantText(undefined, 'Asia/Shanghai')).toBe('');
    // A stored text that is no instant reads as it is: nothing hidden.
    expect(instantText('2026年上半年', 'Asia/Shanghai')).toBe('2026年上半年');
  });

  it('turns a typed 10:00 China time into the instant 02:00 UTC, and back', () => {
    expect(zonedToInstant('2026-11-25', '10:00', 'Asia/Shanghai')).toBe('2026-11-25T02:00:00.000Z');
    expect(zonedToInstant('2026-01-01', '00:30', 'Asia/Shanghai')).toBe('2025-12-31T16:30:00.000Z');
    // A zone with daylight saving: summer and winter offsets both come out right.
    expect(zonedToInstant('2026-07-01', '10:00', 'Europe/Berlin')).toBe('2026-07-01T08:00:00.000Z');
    expect(zonedToInstant('2026-12-01', '10:00', 'Europe/Berlin')).toBe('2026-12-01T09:00:00.000Z');
    expect(() => zonedToInstant('2026-13-01', '10:00', 'Asia/Shanghai')).toThrow(RangeError);
  });

  it('bounds a day of the institution’s calendar by its first and last instants', () => {
    expect(dayBounds('2026-11-20', 'Asia/Shanghai')).toEqual({ from: '2026-11-19T16:00:00.000Z', to: '2026-11-20T15:59:59.999Z' });
    expect(dayBounds('2026-12-31', 'Asia/Shanghai')).toEqual({ from: '2026-12-30T16:00:00.000Z', to: '2026-12-31T15:59:59.999Z' });
    // A day of 23 hours where the clocks go forward (New York, 8 March 2026).
    expect(dayBounds('2026-03-08', 'America/New_York')).toEqual({ from: '2026-03-08T05:00:00.000Z', to: '2026-03-09T03:59:59.999Z' });
  });
});

