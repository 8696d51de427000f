// Dates and times on the institution's clock. A moment is stored as an ISO instant; it is shown,
// printed and entered in the time zone of the rule profile in force (China time by default), so a
// review planned for 10:00 in Beijing reads 10:00 on a laptop set to UTC as well.
import { addCalendarDays } from './calendar-days';
import type { IsoDate, IsoDateTime } from './common';

/** Every seed is a Chinese institution: China Standard Time unless the profile says otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The zone a rule profile keeps its days in: its own when valid, else China time (no profile yet too). */
export function profileZone(profile: { timeZone?: string } | undefined): string {
  return validTimeZone(profile?.timeZone);
}

/** The zone itself when the runtime knows it, else the default (a mistyped zone never stops a print). */
export function validTimeZone(zone: string | undefined): string {
  // China time needs no check: building the first zoned formatter loads the runtime's time-zone
  // data, 100 ms or more on a 2-core machine, and the window's first step reads today in China time.
  if (!zone || zone === DEFAULT_TIME_ZONE) return DEFAULT_TIME_ZONE;
  // Asked for every moment shown (100,000 in an export of 发布审核): a formatter is costly to build.
  let valid = checkedZones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      valid = zone;
    } catch {
      valid = DEFAULT_TIME_ZONE;
    }
    // Bounded: the zone may come from outside (a backup's settings, a request to the desktop host), any string.
    if (checkedZones.size >= MEMO_LIMIT) checkedZones.clear();
    checkedZones.set(zone, valid);
  }
  return valid;
}

/** The most zones validTimeZone and the formatters keep (there are about 600 zones; a clerk uses one). */
const MEMO_LIMIT = 1_000;

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
    // A zone's names differ only in capitals to Intl ('asia/shanghai'): each spelling is a formatter of its own.
    if (formatters.size >= MEMO_LIMIT) formatters.clear();
    formatters.set(zone, f);
  }
  return f;
}

/** The instant's date and time in the zone, read by the zone's formatter (the slow way: tens of µs). */
function formattedMoment(t: number, zone: string): ZonedMoment {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(zone).formatToParts(t)) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, second: parts.second! };
}

/** The zone's offset from UTC in minutes at that instant (+480 for China), by its formatter. */
function formattedOffset(t: number, zone: string): number {
  const m = formattedMoment(t, zone);
  const asUtc = Date.parse(`${m.date}T${m.time}:${m.second}Z`);
  return Math.round((asUtc - Math.floor(t / 1000) * 1000) / 60_000);
}

const DAY_MS = 86_400_000;

/**
 * China time has been UTC+8 all year since its last daylight saving ended on 1991-09-15 (the
 * time-zone database's Asia/Shanghai; a test holds it to the runtime's). From 1992 on its offset is
 * known without a formatter, so a window that only ever shows China time never loads the runtime's
 * time-zone data.
 */
const CHINA_FIXED_FROM_DAY = Date.UTC(1992, 0, 1) / DAY_MS;
const CHINA_OFFSET = 480;
/** Per zone and UTC day: the zone's offset that whole day, or null on a day its offset changes. */
const dayOffsets = new Map<string, number | null>();

/** The zone's offset for the whole UTC day of `t`, or null when it changes that day (daylight saving). */
function dayOffset(t: number, zone: string): number | null {
  const day = Math.floor(t / DAY_MS);
  if (zone === DEFAULT_TIME_ZONE && day >= CHINA_FIXED_FROM_DAY) return CHINA_OFFSET;
  const key = `${zone}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    // The same at the day's first and last minute: no change between (a zone changes at most once a day).
    const first = formattedOffset(day * DAY_MS, zone);
    offset = first === formattedOffset((day + 1) * DAY_MS - 60_000, zone) ? first : null;
    if (dayOffsets.size >= 20_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return offset;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The instant's date and time in the zone, or undefined for a value that is no instant. Read from
 * the zone's offset on that day (asked of the zone's formatter twice a day, then kept): an export
 * of 316,000 audit entries reads 316,000 instants.
 */
export function zonedMoment(value: IsoDateTime, timeZone: string): ZonedMoment | undefined {
  const t = new Date(value).getTime();
  if (Number.isNaN(t)) return undefined;
  const zone = validTimeZone(timeZone);
  const offset = dayOffset(t, zone);
  if (offset === null) return formattedMoment(t, zone);
  const wall = new Date(t + offset * 60_000);
  return {
    date: `${wall.getUTCFullYear()}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}`,
    time: `${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`,
    second: two(wall.getUTCSeconds()),
  };
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
  const zone = validTimeZone(timeZone);
  return dayOffset(instant, zone) ?? formattedOffset(instant, zone);
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

/**
 * The first and the last instant of a day on the zone's calendar: '2026-11-20' in China runs from
 * 2026-11-19T16:00:00.000Z to 2026-11-20T15:59:59.999Z. A date range filter over instants uses it.
 */
export function dayBounds(date: IsoDate, timeZone: string): { from: IsoDateTime; to: IsoDateTime } {
  const next = zonedToInstant(addCalendarDays(date, 1), '00:00', timeZone);
  return { from: zonedToInstant(date, '00:00', timeZone), to: new Date(Date.parse(next) - 1).toISOString() };
}
