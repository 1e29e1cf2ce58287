// The working-day calendar the overview's SQL joins against: Norway's 2026 public holidays written out by hand (not
// taken from the functions that build the calendar) are not working days and do not move working_day_no; the
// numbers agree with the pure rules; and the moment each UTC date turns into the next Norwegian date, on both sides
// of the daylight-saving changes.
import { describe, expect, it } from 'vitest';
import { calendarRows } from '../../core/overview/workCalendar';
import { isWorkingDay, isoWeekOf, workingDaysBetween } from '../../shared/rules';

const rows = calendarRows(2026, 2026);
const row = (day: string) => rows.find((r) => r.day === day)!;

/** Norway's public holidays in 2026 (Easter Sunday is 5 April), from the calendar, not from the code. */
const HOLIDAYS_2026 = [
  '2026-01-01', // første nyttårsdag (Thursday)
  '2026-04-02', // skjærtorsdag
  '2026-04-03', // langfredag
  '2026-04-05', // første påskedag (Sunday)
  '2026-04-06', // andre påskedag
  '2026-05-01', // offentlig høytidsdag (Friday)
  '2026-05-14', // Kristi himmelfartsdag
  '2026-05-17', // grunnlovsdag (Sunday)
  '2026-05-24', // første pinsedag (Sunday)
  '2026-05-25', // andre pinsedag
  '2026-12-25', // første juledag (Friday)
  '2026-12-26', // andre juledag (Saturday)
];
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('calendarRows', () => {
  it('marks every 2026 public holiday as no working day, and does not count it', () => {
    for (const day of HOLIDAYS_2026.filter((d) => d !== '2026-01-01')) {
      expect(row(day).isWorkingDay, day).toBe(0);
      expect(row(day).workingDayNo, day).toBe(row(dayBefore(day)).workingDayNo);
    }
    expect(row('2026-01-01').isWorkingDay).toBe(0);
    // Counts worked out by hand: working days after the first date up to and including the second.
    const counted = (from: string, to: string) => row(to).workingDayNo - row(from).workingDayNo;
    expect(counted('2026-03-31', '2026-04-07')).toBe(2); // Easter: only 1 and 7 April
    expect(counted('2026-04-30', '2026-05-04')).toBe(1); // 1 May, then the weekend
    expect(counted('2026-05-13', '2026-05-15')).toBe(1); // Ascension Day
    expect(counted('2026-05-22', '2026-05-26')).toBe(1); // Whit Monday
    expect(counted('2026-12-24', '2026-12-28')).toBe(1); // Christmas
    expect(counted('2026-01-01', '2026-12-31')).toBe(253); // 261 weekdays less 8 holidays on a weekday
    // The day after a holiday is counted again.
    expect(row('2026-04-07')).toMatchObject({ isWorkingDay: 1, workingDayNo: row('2026-04-06').workingDayNo + 1 });
  });

  it('has every day of the year once, in order', () => {
    expect(rows).toHaveLength(365);
    expect(rows[0].day).toBe('2026-01-01');
    expect(rows.at(-1)!.day).toBe('2026-12-31');
  });

  it('numbers working days so that differences are workingDaysBetween, over Easter and Christmas', () => {
    for (const [from, to] of [['2026-03-30', '2026-04-08'], ['2026-12-22', '2026-12-31'], ['2026-01-01', '2026-12-31']]) {
      expect(row(to).workingDayNo - row(from).workingDayNo).toBe(workingDaysBetween(from, to));
    }
    for (const r of rows) {
      expect(r.isWorkingDay).toBe(isWorkingDay(r.day) ? 1 : 0);
      expect(r.isoWeek).toBe(isoWeekOf(r.day));
    }
  });

  it('gives the next day’s number and week for a moment that is already the next day in Norway', () => {
    expect(row('2026-04-05').nextWorkingDayNo).toBe(row('2026-04-06').workingDayNo);
    expect(row('2026-12-31').nextIsoWeek).toBe('2026-W53');
    expect(row('2026-01-04').nextIsoWeek).toBe('2026-W02');
  });

  it('turns at 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(row('2026-02-05').nextDayFromUtc).toBe('23:00:00');
    expect(row('2026-03-28').nextDayFromUtc).toBe('23:00:00'); // Sunday 29 March still begins in winter time
    expect(row('2026-03-29').nextDayFromUtc).toBe('22:00:00');
    expect(row('2026-06-15').nextDayFromUtc).toBe('22:00:00');
    expect(row('2026-10-24').nextDayFromUtc).toBe('22:00:00'); // Sunday 25 October begins in summer time
    expect(row('2026-10-25').nextDayFromUtc).toBe('23:00:00');
  });
});
