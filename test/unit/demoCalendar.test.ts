import { describe, expect, it } from 'vitest';
import { DemoCalendar, dayOfIso, isoOfDay, isoOfMs } from '../../core/demo/demoCalendar';
import { Random } from '../../core/demo/random';
import { addWorkingDays } from '../../shared/rules';

describe('the demo generator’s fast calendar', () => {
  const calendar = new DemoCalendar(dayOfIso('2024-11-01'), dayOfIso('2027-12-31'));

  it('adds working days exactly as the rules do', () => {
    for (let day = dayOfIso('2024-11-20'); day < dayOfIso('2027-06-01'); day += 2) {
      for (const n of [1, 3, 15, 60]) expect(isoOfDay(calendar.addWorkingDays(day, n))).toBe(addWorkingDays(isoOfDay(day), n));
    }
  });

  it('writes the same timestamps as Date#toISOString', () => {
    const random = new Random(7);
    for (let i = 0; i < 5_000; i++) {
      const ms = random.int(1_700_000_000, 1_830_000_000) * 1000 + random.int(0, 999);
      expect(isoOfMs(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('places office hours in Oslo time, summer and winter', () => {
    expect(new Date(calendar.toMs(dayOfIso('2026-01-15'), 8 * 3600)).toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(new Date(calendar.toMs(dayOfIso('2026-06-15'), 8 * 3600)).toISOString()).toBe('2026-06-15T06:00:00.000Z');
    // Summer time 2026 runs from 29 March to 25 October.
    expect(new Date(calendar.toMs(dayOfIso('2026-03-27'), 8 * 3600)).toISOString()).toBe('2026-03-27T07:00:00.000Z');
    expect(new Date(calendar.toMs(dayOfIso('2026-03-30'), 8 * 3600)).toISOString()).toBe('2026-03-30T06:00:00.000Z');
    expect(new Date(calendar.toMs(dayOfIso('2026-10-26'), 8 * 3600)).toISOString()).toBe('2026-10-26T07:00:00.000Z');
  });
});
