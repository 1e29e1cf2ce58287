import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, dueDateMeaning, meterMountingDueDate } from '../../shared/rules';

describe('meterMountingDueDate: the company target in working days after the ferdigmelding arrived', () => {
  it('counts five weekdays, the arrival day not counted', () => {
    expect(meterMountingDueDate('2026-03-02', 5)).toBe('2026-03-09'); // Monday → next Monday
    expect(meterMountingDueDate('2026-03-06', 5)).toBe('2026-03-13'); // Friday → next Friday
  });

  it('skips the weekend: a notice that arrives on a Saturday is due the Friday after', () => {
    expect(meterMountingDueDate('2026-03-07', 5)).toBe('2026-03-13');
    expect(meterMountingDueDate('2026-03-08', 1)).toBe('2026-03-09');
  });

  it('skips Easter: skjærtorsdag, langfredag and andre påskedag are not working days', () => {
    // Easter Sunday 2026 is 5 April: 2, 3 and 6 April are holidays.
    expect(meterMountingDueDate('2026-04-01', 5)).toBe('2026-04-13');
  });

  it('skips Christmas and 17 May, but not christmas eve (not a public holiday)', () => {
    expect(meterMountingDueDate('2026-12-23', 5)).toBe('2026-12-31');
    // 2027: Ascension Day is 6 May, 17 May a Monday, Whit Monday 17 May too.
    expect(meterMountingDueDate('2027-05-14', 1)).toBe('2027-05-18');
  });

  it('follows the company target', () => {
    expect(meterMountingDueDate('2026-03-02', 1)).toBe('2026-03-03');
    expect(meterMountingDueDate('2026-03-02', 10)).toBe('2026-03-16');
  });

  it('refuses a target that is not a whole number of days ≥ 1', () => {
    expect(() => meterMountingDueDate('2026-03-02', 0)).toThrow(RangeError);
    expect(() => meterMountingDueDate('2026-03-02', 2.5)).toThrow(RangeError);
  });
});

describe('dueDateMeaning', () => {
  it('is the meter clock only in completion_reported; it stops once the meter is mounted', () => {
    expect(dueDateMeaning('completion_reported')).toBe('meterMounting');
    expect(dueDateMeaning('meter_mounted')).toBeNull();
    expect(dueDateMeaning('new')).toBe('handling');
    expect(dueDateMeaning('in_review')).toBe('handling');
    expect(CASE_STATUSES.filter((s) => dueDateMeaning(s) === 'meterMounting')).toEqual(['completion_reported']);
  });
});
