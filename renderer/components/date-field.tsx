// The one date input of every form. antd's DatePicker silently puts back the previous date when a
// typed date is outside `disabledDate` (a future 变更日期 became today and was saved as a wrong
// legal deadline), so this field takes no `disabledDate`: every typed date reaches the form as
// typed, stays visible, and the form's rule check refuses it with a message at the field; nothing
// is saved until it is corrected.
//
// A date and time typed into a field is wall-clock time on the institution's clock (the profile's
// zone), as every instant on screen reads; the machine's own zone plays no part (fieldInstant,
// nowField). A date field starts at today on that calendar (todayField).
import { DatePicker, type DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { IsoDateTime } from '@shared/domain/common';
import { zonedMoment, zonedToInstant } from '@shared/domain/time-zone';
import { localToday } from '@shared/domain/today';

export type DateFieldProps = Omit<DatePickerProps, 'disabledDate'>;

export function DateField(props: DateFieldProps) {
  return <DatePicker {...props} />;
}

/** A form rule's verdict from a shared date check: the check's message, shown as soon as the date is typed. */
export function refuseDate(error: string | undefined): Promise<void> {
  return error ? Promise.reject(new Error(error)) : Promise.resolve();
}

/** Today on the institution's calendar: a date field's first value. */
export function todayField(): Dayjs {
  return dayjs(localToday());
}

/** Now on the institution's clock, to the minute: a date-and-time field's first value. */
export function nowField(timeZone: string): Dayjs {
  const now = zonedMoment(new Date().toISOString(), timeZone);
  return now ? dayjs(`${now.date}T${now.time}`) : dayjs();
}

/** The instant a date-and-time field names, its wall-clock time read on the institution's clock. */
export function fieldInstant(value: Dayjs, timeZone: string): IsoDateTime {
  return zonedToInstant(value.format('YYYY-MM-DD'), value.format('HH:mm'), timeZone);
}
