// ISO 8601 weeks, as Norwegian calendars number them: weeks start on Monday, and week 1 is the week with the
// year's first Thursday, so 29 December can be in week 1 of the next year and 1 January in week 53 of the last.

const DAY_MS = 86_400_000;

function utcTime(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${isoDate}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** `2026-W05`: the ISO week-numbering year and the week of a calendar date. */
export function isoWeekOf(isoDate: string): string {
  const time = utcTime(isoDate);
  const weekday = (new Date(time).getUTCDay() + 6) % 7; // 0 = Monday
  const thursday = new Date(time + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of the week a date is in. */
export function mondayOf(isoDate: string): string {
  const time = utcTime(isoDate);
  const weekday = (new Date(time).getUTCDay() + 6) % 7;
  return new Date(time - weekday * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` calendar days after (before, when negative) a date. */
export function addCalendarDays(isoDate: string, days: number): string {
  return new Date(utcTime(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}
