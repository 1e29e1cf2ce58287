import { describe, expect, it } from 'vitest';
import { checkNationalId } from '../../shared/rules';

describe('fødselsnummer', () => {
  it('accepts the worked example of the two mod 11 check digits (311299567 → 15)', () => {
    expect(checkNationalId('31129956715')).toEqual({ valid: true, normalized: '31129956715' });
    expect(checkNationalId('311299 56715')).toEqual({ valid: true, normalized: '31129956715' });
  });

  it('refuses a wrong first or second check digit, and says which problem', () => {
    expect(checkNationalId('31129956725')).toEqual({ valid: false, problem: 'checkDigit' });
    expect(checkNationalId('31129956716')).toEqual({ valid: false, problem: 'checkDigit' });
  });

  it('refuses what cannot be one: too short, letters, empty, a check digit that would be 10', () => {
    expect(checkNationalId('3112995671')).toEqual({ valid: false, problem: 'wrongLength' });
    expect(checkNationalId('3112995671x')).toEqual({ valid: false, problem: 'notDigits' });
    expect(checkNationalId(' ')).toEqual({ valid: false, problem: 'empty' });
    // 010170001: the first check digit's remainder is 1, so no number of this birth date and individual number exists.
    const impossible = Array.from({ length: 1000 }, (_, i) => `010170${String(i).padStart(3, '0')}00`)
      .find((candidate) => checkNationalId(candidate).valid === false && (checkNationalId(candidate) as { problem: string }).problem === 'checkDigitImpossible');
    expect(impossible).toBeDefined();
  });

  it('takes D-numbers (day + 40) by their check digits, as it does not read the date', () => {
    // 71129956715 would be a D-number of the example's person; its own check digits are computed here.
    const weights1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    const weights2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    const digit = (digits: string, weights: number[]) => {
      const rest = 11 - ([...digits].reduce((sum, d, i) => sum + Number(d) * weights[i], 0) % 11);
      return rest === 11 ? 0 : rest;
    };
    const base = '711299567';
    const k1 = digit(base, weights1);
    const k2 = digit(`${base}${k1}`, weights2);
    if (k1 < 10 && k2 < 10) expect(checkNationalId(`${base}${k1}${k2}`).valid).toBe(true);
  });
});
