// Today as the app reads it: on the institution's calendar (China time, the zone of the demo's
// profile), not the machine's, so a test run at 18:00 UTC expects the next day as the app does.
export function institutionToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
