import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  easterSunday,
  isWorkingDay,
  norwegianPublicHolidays,
  workingDaysBetween,
} from '../../shared/rules';

describe('Easter and the moving feasts', () => {
  it('finds Easter Sunday', () => {
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
  });

  it('lists the twelve public holidays of 2026', () => {
    expect([...norwegianPublicHolidays(2026)].sort()).toEqual([
      '2026-01-01', // Første nyttårsdag
      '2026-04-02', // Skjærtorsdag
      '2026-04-03', // Langfredag
      '2026-04-05', // Første påskedag
      '2026-04-06', // Andre påskedag
      '2026-05-01', // Offentlig høytidsdag
      '2026-05-14', // Kristi himmelfartsdag
      '2026-05-17', // Grunnlovsdag (a Sunday in 2026)
      '2026-05-24', // Første pinsedag
      '2026-05-25', // Andre pinsedag
      '2026-12-25', // Første juledag
      '2026-12-26', // Andre juledag
    ]);
  });

  it('treats Christmas Eve and New Year’s Eve as working days, as the law does', () => {
    expect(isWorkingDay('2026-12-24')).toBe(true);
    expect(isWorkingDay('2026-12-31')).toBe(true);
    expect(isWorkingDay('2026-12-25')).toBe(false);
    expect(isWorkingDay('2026-11-28')).toBe(false); // a Saturday
  });
});

describe('addWorkingDays', () => {
  it('jumps over Easter 2026 (Maundy Thursday to Easter Monday)', () => {
    expect(addWorkingDays('2026-04-01', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2026-03-31', 3)).toBe('2026-04-08');
  });

  it('gives the 15-working-day service deadline across Easter', () => {
    // 26, 27, 30, 31 Mar, 1, 7, 8, 9, 10, 13, 14, 15, 16, 17, 20 Apr.
    expect(addWorkingDays('2026-03-25', 15)).toBe('2026-04-20');
  });

  it('skips 1 May, Ascension Day and Whit Monday', () => {
    expect(addWorkingDays('2026-04-30', 1)).toBe('2026-05-04');
    expect(addWorkingDays('2026-05-13', 1)).toBe('2026-05-15');
    expect(addWorkingDays('2026-05-22', 1)).toBe('2026-05-26');
  });

  it('skips 17 May when it falls on a weekday', () => {
    expect(addWorkingDays('2027-05-14', 1)).toBe('2027-05-18');
  });

  it('skips Christmas and New Year into the next year', () => {
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(addWorkingDays('2026-12-23', 5)).toBe('2026-12-31');
    expect(addWorkingDays('2026-12-23', 6)).toBe('2027-01-04');
  });

  it('counts from a weekend or holiday to the next working day', () => {
    expect(addWorkingDays('2026-11-28', 1)).toBe('2026-11-30');
    expect(addWorkingDays('2026-04-05', 1)).toBe('2026-04-07');
  });

  it('goes backwards for negative days and stays put for zero', () => {
    expect(addWorkingDays('2026-04-07', -1)).toBe('2026-04-01');
    expect(addWorkingDays('2027-01-04', -1)).toBe('2026-12-31');
    expect(addWorkingDays('2026-04-05', 0)).toBe('2026-04-05');
  });

  it('refuses impossible dates and fractional days', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-4-1', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-04-01', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts the end but not the start, with a sign', () => {
    expect(workingDaysBetween('2026-03-31', '2026-04-08')).toBe(3);
    expect(workingDaysBetween('2026-04-08', '2026-03-31')).toBe(-3);
    expect(workingDaysBetween('2026-04-02', '2026-04-06')).toBe(0);
    expect(workingDaysBetween('2026-12-24', '2026-12-24')).toBe(0);
    expect(workingDaysBetween('2026-12-18', '2027-01-08')).toBe(13);
  });

  it('is the inverse of addWorkingDays over a whole year', () => {
    for (let day = 0; day < 366; day += 3) {
      const start = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      for (const n of [1, 5, 15, 40]) expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
    }
  });
});

describe('the calendar in other years', () => {
  it('finds Easter early and late (2008 23 March, 2024 31 March, 2038 25 April)', () => {
    expect(easterSunday(2008)).toBe('2008-03-23');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('jumps over Easter when it ends March (2024: Maundy Thursday 28 March to Easter Monday 1 April)', () => {
    expect(addWorkingDays('2024-03-27', 1)).toBe('2024-04-02');
    expect(workingDaysBetween('2024-03-22', '2024-04-05')).toBe(7);
  });

  it('counts 17 May once when Ascension falls on it (2007)', () => {
    const holidays = norwegianPublicHolidays(2007);
    expect(holidays.has('2007-05-17')).toBe(true);
    expect(holidays.size).toBe(11);
    expect(addWorkingDays('2007-05-16', 1)).toBe('2007-05-18');
  });

  it('handles Whit Monday in June (2038: 14 June) and a leap day', () => {
    expect(isWorkingDay('2038-06-14')).toBe(false);
    expect(addWorkingDays('2038-06-11', 1)).toBe('2038-06-15');
    expect(addWorkingDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('crosses year ends whatever weekday New Year falls on', () => {
    // 2027-12-31 is a Friday; 2028-01-01 a Saturday (no extra day off in Norway).
    expect(addWorkingDays('2027-12-31', 1)).toBe('2028-01-03');
    // 2028-12-25/26 Monday/Tuesday; 2029-01-01 Monday.
    expect(addWorkingDays('2028-12-22', 1)).toBe('2028-12-27');
    expect(addWorkingDays('2028-12-29', 1)).toBe('2029-01-02');
    expect(workingDaysBetween('2028-12-22', '2029-01-02')).toBe(4);
  });

  it('never lands a due date on a weekend or a holiday (2024–2030, 15 working days)', () => {
    for (let day = 0; day < 7 * 365; day += 1) {
      const start = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
      expect(isWorkingDay(addWorkingDays(start, 15))).toBe(true);
    }
  });
});

describe('workingDaysBetween agrees with counting day by day', () => {
  const countByWalking = (from: string, to: string): number => {
    const step = to >= from ? 1 : -1;
    let count = 0;
    for (let day = from; day !== to; ) {
      const next = new Date(Date.parse(day) + step * 86_400_000).toISOString().slice(0, 10);
      if (isWorkingDay(next)) count++;
      day = next;
    }
    return step * count;
  };

  it('over ranges of every length up to two years, both ways, from every weekday (2023–2030)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let i = 0; i < 2_000; i++) {
      const from = new Date(Date.UTC(2023, 0, 1 + Math.floor(random() * 365 * 6))).toISOString().slice(0, 10);
      const to = new Date(Date.parse(from) + Math.floor((random() * 2 - 1) * 730) * 86_400_000).toISOString().slice(0, 10);
      expect(workingDaysBetween(from, to), `${from} → ${to}`).toBe(countByWalking(from, to));
    }
  });

  it('before 1970 as well', () => {
    expect(workingDaysBetween('1969-12-24', '1970-01-05')).toBe(countByWalking('1969-12-24', '1970-01-05'));
  });
});
