// The working-day calendar the overview's SQL joins against: the same numbers as the pure rules, and the moment
// each UTC date turns into the next Norwegian date, on both sides of the daylight-saving changes.
import { describe, expect, it } from 'vitest';
import { calendarRows } from '../../electron/core/overview/workCalendar';
import { isWorkingDay, isoWeekOf, workingDaysBetween } from '../../electron/shared/rules';

const rows = calendarRows(2026, 2026);
const row = (day: string) => rows.find((r) => r.day === day)!;

describe('calendarRows', () => {
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
