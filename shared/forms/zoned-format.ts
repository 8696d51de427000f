// Stored instants printed on the institution's clock (the profile's time zone, China time by
// default), not the machine's: a review planned for 10:00 in Beijing prints 10:00 on a laptop set
// to UTC, and an envelope opened at 07:00 Beijing time keeps its Beijing date.
import type { IsoDateTime } from '../domain/common';
import { zonedMoment } from '../domain/time-zone';
import type { FormContext } from './context';
import { formatDate } from './format';

/** '2026年11月22日' for the instant's day in the institution's time zone; a plain date prints as it is. */
export function formatZonedDate(value: IsoDateTime | null | undefined, ctx: Pick<FormContext, 'timeZone'>): string {
  const v = (value ?? '').trim();
  const m = v.includes('T') ? zonedMoment(v, ctx.timeZone) : undefined;
  return formatDate(m ? m.date : v);
}

/** '2026年11月22日 10:30' for a planned moment on the institution's clock ('2026年11月22日' at midnight). */
export function formatZonedDateTime(value: IsoDateTime | null | undefined, ctx: Pick<FormContext, 'timeZone'>): string {
  const v = (value ?? '').trim();
  const m = v.includes('T') ? zonedMoment(v, ctx.timeZone) : undefined;
  if (!m) return formatDate(v);
  return m.time === '00:00' ? formatDate(m.date) : `${formatDate(m.date)} ${m.time}`;
}
