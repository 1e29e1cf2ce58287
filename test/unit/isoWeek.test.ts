// ISO weeks as Norwegian calendars number them, across year ends.
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isoWeekOf, mondayOf } from '../../shared/rules';

describe('isoWeekOf', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // a Thursday: week 1 of its own year
    ['2025-12-29', '2026-W01'], // the Monday of that week is in the year before
    ['2025-12-28', '2025-W52'],
    ['2027-01-01', '2026-W53'], // a Friday: the last week of the year before, which has 53
    ['2027-01-04', '2027-W01'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-11-27', '2026-W48'],
  ])('%s is in %s', (day, week) => {
    expect(isoWeekOf(day)).toBe(week);
  });

  it('refuses what is not a date', () => {
    expect(() => isoWeekOf('2026-1-1')).toThrow(RangeError);
  });
});

describe('mondayOf and addCalendarDays', () => {
  it('finds the Monday of a week, across a year end', () => {
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
    expect(mondayOf('2025-12-29')).toBe('2025-12-29');
    expect(mondayOf('2026-01-04')).toBe('2025-12-29');
  });

  it('counts calendar days over a leap day and a daylight-saving change', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addCalendarDays('2026-01-05', -7)).toBe('2025-12-29');
  });
});
