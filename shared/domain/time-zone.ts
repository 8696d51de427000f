// Dates and times on the institution's clock. A moment is stored as an ISO instant; it is shown,
// printed and entered in the time zone of the rule profile in force (China time by default), so a
// review planned for 10:00 in Beijing reads 10:00 on a laptop set to UTC as well.
import type { IsoDate, IsoDateTime } from './common';

/** Every seed is a Chinese institution: China Standard Time unless the profile says otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The zone itself when the runtime knows it, else the default (a mistyped zone never stops a print). */
export function validTimeZone(zone: string | undefined): string {
  if (!zone) return DEFAULT_TIME_ZONE;
  // Asked for every moment shown (100,000 in an export of 发布审核): a formatter is costly to build.
  let valid = checkedZones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      valid = zone;
    } catch {
      valid = DEFAULT_TIME_ZONE;
    }
    checkedZones.set(zone, valid);
  }
  return valid;
}

/** Each zone asked for, and the zone validTimeZone answered. */
const checkedZones = new Map<string, string>();

export interface ZonedMoment {
  /** 'YYYY-MM-DD' on the zone's calendar. */
  date: string;
  /** 'HH:mm' on the zone's clock (24 h). */
  time: string;
  /** 'ss', the seconds of that minute. */
  second: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The instant's date and time in the zone, or undefined for a value that is no instant. */
export function zonedMoment(value: IsoDateTime, timeZone: string): ZonedMoment | undefined {
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) return undefined;
  const parts: Record<string, string> = {};
  for (const p of formatterFor(validTimeZone(timeZone)).formatToParts(t)) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, second: parts.second! };
}

/** The instant's date on the zone's calendar ('2026-11-24T23:30Z' → '2026-11-25' in China); a plain date as it is. */
export function dayOf(value: IsoDateTime, timeZone: string): IsoDate {
  if (!value.includes('T')) return value.slice(0, 10);
  return zonedMoment(value, timeZone)?.date ?? value.slice(0, 10);
}

/**
 * An instant as the clerk reads it everywhere (lists, details, exports, the audit log):
 * '2026-06-15 10:00' on the zone's clock, '2026-06-15 10:00:05' with seconds; '' for none, and the
 * stored text as it is for a value that is no instant (nothing hidden).
 */
export function instantText(value: IsoDateTime | undefined, timeZone: string, precision: 'minute' | 'second' = 'minute'): string {
  if (!value) return '';
  const m = zonedMoment(value, timeZone);
  if (!m) return value;
  return precision === 'second' ? `${m.date} ${m.time}:${m.second}` : `${m.date} ${m.time}`;
}

/** The zone's offset from UTC in minutes at that instant (+480 for China). */
function offsetMinutes(instant: number, timeZone: string): number {
  const m = zonedMoment(new Date(instant).toISOString(), timeZone);
  if (!m) return 0;
  const asUtc = Date.parse(`${m.date}T${m.time}:00Z`);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The instant of a wall-clock date and time in the zone ('2026-11-25', '10:00' → '2026-11-25T02:00:00.000Z' for China). */
export function zonedToInstant(date: string, time: string, timeZone: string): IsoDateTime {
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(wall)) throw new RangeError(`invalid date or time: ${date} ${time}`);
  // Two passes settle the offset around a daylight-saving change (China has none; other zones may).
  let guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  guess = wall - offsetMinutes(guess, timeZone) * 60_000;
  return new Date(guess).toISOString();
}
