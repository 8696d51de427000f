// The one date input of every form. antd's DatePicker silently puts back the previous date when a
// typed date is outside `disabledDate` (a future 变更日期 became today and was saved as a wrong
// legal deadline), so this field takes no `disabledDate`: every typed date reaches the form as
// typed, stays visible, and the form's rule check refuses it with a message at the field; nothing
// is saved until it is corrected.
import { DatePicker, type DatePickerProps } from 'antd';

export type DateFieldProps = Omit<DatePickerProps, 'disabledDate'>;

export function DateField(props: DateFieldProps) {
  return <DatePicker {...props} />;
}

/** A form rule's verdict from a shared date check: the check's message, shown as soon as the date is typed. */
export function refuseDate(error: string | undefined): Promise<void> {
  return error ? Promise.reject(new Error(error)) : Promise.resolve();
}
