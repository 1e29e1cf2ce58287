import { describe, expect, it } from 'vitest';
import { divideRoundHalfUp, formatNok, formatNokNumber, MoneyError, nok, vatOf } from '../../shared/rules/money';

const NBSP = '\u00a0';

describe('nok: kroner to øre, exactly', () => {
  it.each([
    ['2300', 230_000],
    ['2 300', 230_000],
    [`2${NBSP}300`, 230_000],
    ['2\u202f300', 230_000],
    ['2300,50', 230_050],
    ['2 300,5', 230_050],
    ['1.234,56', 123_456],
    ['2300.50', 230_050],
    ['0,01', 1],
    ['-19,00', -1_900],
    ['−19,00', -1_900],
    ['12 345,67 kr', 1_234_567],
  ])('reads %j as %i øre', (text, expected) => {
    expect(nok(text)).toBe(expected);
  });

  it('reads numbers through their decimal text, not by multiplying a float', () => {
    // 0.29 * 100 is 28.999999999999996 and 1.005 * 100 is 100.49999999999999 in floating point.
    expect(0.29 * 100).not.toBe(29);
    expect(nok(0.29)).toBe(29);
    expect(nok(19.99)).toBe(1_999);
    expect(nok(2300)).toBe(230_000);
  });

  it('refuses more than two decimals, stray text and non-numbers', () => {
    for (const bad of ['1,005', '12a', '', '1,2,3', 'kr', '1 00,0 0x']) expect(() => nok(bad)).toThrow(MoneyError);
    expect(() => nok(1.005)).toThrow(MoneyError);
    expect(() => nok(Number.NaN)).toThrow(MoneyError);
  });

  it('stays exact beyond 2^31 øre and refuses what a number cannot hold exactly', () => {
    expect(nok('50 000 000,01')).toBe(5_000_000_001);
    expect(nok('90 071 992 547 409,91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => nok('90 071 992 547 409,92')).toThrow(/too large/);
  });
});

describe('formatNok: Norwegian form with a no-break space between thousands', () => {
  it.each([
    [0, `0,00${NBSP}kr`],
    [5, `0,05${NBSP}kr`],
    [230_000, `2${NBSP}300,00${NBSP}kr`],
    [1_234_567, `12${NBSP}345,67${NBSP}kr`],
    [123_456_789_012, `1${NBSP}234${NBSP}567${NBSP}890,12${NBSP}kr`],
    [-230_050, `−2${NBSP}300,50${NBSP}kr`],
  ])('%i øre is %j', (ore, text) => {
    expect(formatNok(ore)).toBe(text);
  });

  it('never uses an ordinary space, so an amount does not break across lines', () => {
    expect(formatNok(987_654_321)).not.toMatch(/ /);
    expect(formatNokNumber(987_654_321)).toBe(`9${NBSP}876${NBSP}543,21`);
  });

  it('reads back what it writes', () => {
    for (const ore of [0, 1, 99, 100, 230_050, 5_000_000_001, -1_900]) expect(nok(formatNok(ore))).toBe(ore);
  });

  it('refuses a fraction of an øre', () => {
    expect(() => formatNok(10.5)).toThrow(MoneyError);
  });
});

describe('vatOf: per line, half-up to whole øre', () => {
  it('is nothing on a regulated contribution (exempt, code 0)', () => {
    expect(vatOf(1_234_567, 'exempt')).toBe(0);
  });

  it('is 25 % on a service', () => {
    expect(vatOf(328_000, 'standard')).toBe(82_000);
  });

  it('rounds exactly half an øre up, and just under half down', () => {
    expect(vatOf(2, 'standard')).toBe(1); // 0,5 øre → 1
    expect(vatOf(6, 'standard')).toBe(2); // 1,5 øre → 2
    expect(vatOf(1, 'standard')).toBe(0); // 0,25 øre → 0
    expect(vatOf(3, 'standard')).toBe(1); // 0,75 øre → 1
    expect(vatOf(-2, 'standard')).toBe(-1); // a credit rounds symmetrically
  });

  it('is exact on amounts beyond 2^31 øre', () => {
    expect(vatOf(2 ** 31 + 2, 'standard')).toBe(536_870_913); // (2^31 + 2) / 4 = 536 870 912,5 → up
  });

  it('refuses a net that is not whole øre', () => {
    expect(() => vatOf(100.5, 'standard')).toThrow(MoneyError);
  });
});

describe('divideRoundHalfUp', () => {
  it('rounds half away from zero and keeps products above 2^53 exact', () => {
    expect(divideRoundHalfUp(5n, 10n)).toBe(1n);
    expect(divideRoundHalfUp(4n, 10n)).toBe(0n);
    expect(divideRoundHalfUp(-5n, 10n)).toBe(-1n);
    expect(divideRoundHalfUp(2n ** 60n + 500n, 1000n)).toBe((2n ** 60n) / 1000n + 1n);
  });
});
