// Norwegian working days: weekends and public holidays (helligdager) excluded. Dates are ISO `YYYY-MM-DD`
// calendar dates, computed in UTC so that no time zone or daylight-saving shift can move a day.

const DAY_MS = 86_400_000;

function parseIsoDate(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`No such date: ${isoDate}`);
  }
  return time;
}

const toIso = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** Easter Sunday (Gregorian), by the anonymous algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIso(Date.UTC(year, month - 1, day));
}

const holidayCache = new Map<number, ReadonlySet<string>>();

/** The public holidays of a year: fixed dates and the moving feasts that follow Easter. */
export function norwegianPublicHolidays(year: number): ReadonlySet<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = parseIsoDate(easterSunday(year));
  const fromEaster = (days: number): string => toIso(easter + days * DAY_MS);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const fixed = (month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;
  const holidays = new Set([
    fixed(1, 1), // Første nyttårsdag
    fromEaster(-3), // Skjærtorsdag
    fromEaster(-2), // Langfredag
    fromEaster(0), // Første påskedag
    fromEaster(1), // Andre påskedag
    fixed(5, 1), // Offentlig høytidsdag
    fixed(5, 17), // Grunnlovsdag
    fromEaster(39), // Kristi himmelfartsdag
    fromEaster(49), // Første pinsedag
    fromEaster(50), // Andre pinsedag
    fixed(12, 25), // Første juledag
    fixed(12, 26), // Andre juledag
  ]);
  holidayCache.set(year, holidays);
  return holidays;
}

export function isWorkingDay(isoDate: string): boolean {
  const time = parseIsoDate(isoDate);
  const weekday = new Date(time).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !norwegianPublicHolidays(new Date(time).getUTCFullYear()).has(isoDate);
}

/**
 * The date `days` working days after `isoDate` (before it, for negative `days`). The start date itself is not
 * counted, so a request complete on a Friday with 1 working day is due the next Monday (holidays permitting).
 */
export function addWorkingDays(isoDate: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Working days must be a whole number: ${days}`);
  let time = parseIsoDate(isoDate);
  const step = days >= 0 ? DAY_MS : -DAY_MS;
  let remaining = Math.abs(days);
  while (remaining > 0) {
    time += step;
    if (isWorkingDay(toIso(time))) remaining--;
  }
  return toIso(time);
}

/**
 * Working days from `from` to `to`: positive when `to` is later, counting `to` but not `from`;
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Arithmetic, not a walk over the days: the queue computes
 * it for every row it shows, and a case can be a year past its due date.
 */
export function workingDaysBetween(from: string, to: string): number {
  const start = parseIsoDate(from) / DAY_MS;
  const end = parseIsoDate(to) / DAY_MS;
  if (end === start) return 0;
  // Either way `to` counts and `from` does not: backwards, that is the days in [to, from).
  return end > start ? workingDaysAfter(start, end) : -workingDaysAfter(end - 1, start - 1);
}

/** Working days in the day numbers (start, end], start < end (day 0 = 1970-01-01, a Thursday). */
function workingDaysAfter(start: number, end: number): number {
  const weekdays = weekdaysUpTo(end) - weekdaysUpTo(start);
  let holidays = 0;
  const firstYear = new Date(start * DAY_MS).getUTCFullYear();
  const lastYear = new Date(end * DAY_MS).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    for (const holiday of norwegianPublicHolidays(year)) {
      const day = Date.parse(holiday) / DAY_MS;
      if (day > start && day <= end && isWeekday(day)) holidays++;
    }
  }
  return weekdays - holidays;
}

/** Monday to Friday, counted from day 0 up to and including `day` (for day ≥ 0; differences hold for any day). */
function weekdaysUpTo(day: number): number {
  // Shift so that a week starts on Monday: day 0 (Thursday) is weekday index 3.
  const shifted = day + 3;
  const weeks = Math.floor(shifted / 7);
  const rest = shifted - weeks * 7; // 0 = Monday … 6 = Sunday
  return weeks * 5 + Math.min(rest + 1, 5);
}

const isWeekday = (day: number): boolean => {
  const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday
  return weekday < 5;
};
