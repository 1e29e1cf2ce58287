// Dates and times of the demo, fast: the generator moves hundreds of thousands of events by working days,
// so the working days of the whole period are listed once and each step is an array lookup.
import { addWorkingDays, isWorkingDay, meterMountingDueDate } from '../../shared/rules';
import { COMPANY_SETTING_DEFAULTS } from '../casework/companySettings';
import { Random } from './random';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export const dayOfIso = (isoDate: string): number => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
export const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Europe/Oslo: summer time from the last Sunday of March to the last Sunday of October. */
function lastSunday(year: number, monthIndex: number): number {
  const lastDay = Math.floor(Date.UTC(year, monthIndex + 1, 0) / DAY_MS);
  const weekday = new Date(lastDay * DAY_MS).getUTCDay();
  return lastDay - weekday;
}

/** Oslo's offset from UTC on a day, in minutes. Office hours never meet the switch at 01:00 UTC. */
function osloOffsetMinutes(day: number): number {
  const year = new Date(day * DAY_MS).getUTCFullYear();
  return day >= lastSunday(year, 2) && day < lastSunday(year, 9) ? 120 : 60;
}

export class DemoCalendar {
  private readonly workingDays: number[] = [];
  /** For each day of the period: how many working days lie on or before it. */
  private readonly workingDaysUpTo: number[] = [];
  private readonly dueDates = new Map<number, string>();
  private readonly offsetMinutes: number[] = [];

  constructor(
    readonly firstDay: number,
    readonly lastDay: number,
  ) {
    let count = 0;
    for (let day = firstDay; day <= lastDay; day++) {
      if (isWorkingDay(isoOfDay(day))) {
        this.workingDays.push(day);
        count++;
      }
      this.workingDaysUpTo.push(count);
    }
    for (let day = firstDay; day <= lastDay; day++) this.offsetMinutes.push(osloOffsetMinutes(day));
  }

  isWorkingDay(day: number): boolean {
    const index = day - this.firstDay;
    return this.workingDaysUpTo[index] !== (index === 0 ? 0 : this.workingDaysUpTo[index - 1]);
  }

  /** Same result as the rules' addWorkingDays (for days >= 1), which it falls back to outside the period. */
  addWorkingDays(day: number, days: number): number {
    if (day >= this.firstDay && day <= this.lastDay) {
      const index = this.workingDaysUpTo[day - this.firstDay] + days - 1;
      if (index < this.workingDays.length) return this.workingDays[index];
    }
    return dayOfIso(addWorkingDays(isoOfDay(day), days));
  }

  /** The service deadline: 15 working days from the date the request became complete. */
  dueDate(completeDay: number): string {
    let due = this.dueDates.get(completeDay);
    if (due === undefined) {
      due = addWorkingDays(isoOfDay(completeDay), 15);
      this.dueDates.set(completeDay, due);
    }
    return due;
  }

  /** After the ferdigmelding: the meter mounted within the shipped target (rules/meterClock.ts). */
  meterDueDate(noticeDay: number): string {
    return meterMountingDueDate(isoOfDay(noticeDay), COMPANY_SETTING_DEFAULTS.meter_mounting_working_days);
  }

  /** A moment given as a day and the local (Oslo) time of day in seconds. */
  toMs(day: number, localSecond: number): number {
    const offset = this.offsetMinutes[day - this.firstDay] ?? osloOffsetMinutes(day);
    return day * DAY_MS + localSecond * 1000 - offset * MINUTE_MS;
  }

  /** A random moment in a case handler's working day, 08:00–15:30 local time, as local seconds. */
  officeSecond(random: Random): number {
    return random.int(8 * 3600, 15 * 3600 + 1800);
  }
}

const dayPrefixes = new Map<number, string>();
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Same text as Date#toISOString for the demo's whole-second times, several times faster (it runs millions of times). */
export function isoOfMs(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = `${isoOfDay(day)}T`;
    dayPrefixes.set(day, prefix);
  }
  const seconds = Math.floor((ms - day * DAY_MS) / 1000);
  const millis = ms - day * DAY_MS - seconds * 1000;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${prefix}${pad2(h)}:${pad2(m)}:${pad2(seconds % 60)}.${String(millis).padStart(3, '0')}Z`;
}
export { DAY_MS, MINUTE_MS };
