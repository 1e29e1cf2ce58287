// When requests arrive: on working days in office hours over the two years up to "today", more in the
// spring building season, few in the July holidays and at Christmas, slowly growing. Times come out in
// order, so case numbers and submission times agree.
import { DemoCalendar } from './demoCalendar';
import { Random } from './random';

export const HISTORY_DAYS = 730;
const OPENS = 7 * 3600 + 30 * 60;
const CLOSES = 16 * 3600;
/** The demo's "now" on the last day: the app is opened mid-morning. */
export const NOW_LOCAL_SECOND = 10 * 3600;

function seasonFactor(month: number, dayOfMonth: number): number {
  if (month === 7) return 0.45;
  if (month === 12 && dayOfMonth >= 20) return 0.35;
  if (month === 1 && dayOfMonth <= 6) return 0.6;
  if (month >= 3 && month <= 6) return 1.15;
  if (month >= 8 && month <= 10) return 1.1;
  return 1;
}

export interface Submission {
  day: number;
  /** Local (Oslo) time of day in seconds. */
  second: number;
}

export class SubmissionSchedule {
  private readonly days: number[] = [];
  private readonly cumulative: number[] = [];
  private readonly total: number;
  private index = 0;

  constructor(
    private readonly calendar: DemoCalendar,
    private readonly random: Random,
    private readonly count: number,
    readonly today: number,
  ) {
    let sum = 0;
    for (let day = today - HISTORY_DAYS; day <= today; day++) {
      if (!calendar.isWorkingDay(day)) continue;
      const date = new Date(day * 86_400_000);
      const growth = 0.85 + (0.3 * (day - (today - HISTORY_DAYS))) / HISTORY_DAYS;
      // Today only its first office hours have passed.
      const partOfDay = day === today ? (NOW_LOCAL_SECOND - OPENS) / (CLOSES - OPENS) : 1;
      sum += seasonFactor(date.getUTCMonth() + 1, date.getUTCDate()) * growth * partOfDay;
      this.days.push(day);
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  /** The n-th submission, n = 0, 1, 2 … in order; each at a strictly later quantile than the one before. */
  next(n: number): Submission {
    const target = ((n + this.random.next()) / this.count) * this.total;
    while (this.index < this.days.length - 1 && this.cumulative[this.index] <= target) this.index++;
    const dayStart = this.index === 0 ? 0 : this.cumulative[this.index - 1];
    const fraction = (target - dayStart) / (this.cumulative[this.index] - dayStart);
    const day = this.days[this.index];
    const closes = day === this.today ? NOW_LOCAL_SECOND : CLOSES;
    return { day, second: OPENS + Math.floor(Math.min(fraction, 0.9999) * (closes - OPENS)) };
  }

  /** Share of the period's requests that arrived before the first day of the period's first year. */
  static yearStartOffset(count: number, firstDay: number): number {
    const date = new Date(firstDay * 86_400_000);
    const dayOfYear = Math.floor((firstDay * 86_400_000 - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000);
    return Math.round((count * dayOfYear) / HISTORY_DAYS);
  }
}
