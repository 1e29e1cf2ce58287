import { describe, expect, it } from 'vitest';
import {
  checkCadastralNumber,
  checkMeteringPointId,
  checkOrganisationNumber,
  checkPostcode,
  formatCadastralNumber,
  gs1CheckDigit,
  isValidMeteringPointId,
  isValidOrganisationNumber,
  parseCadastralNumber,
} from '../../shared/rules';

/** Mod 11 written out again, independently of the code under test. */
function referenceOrganisationCheck(firstEight: string): number | null {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = [...firstEight].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check === 10 ? null : check;
}

describe('organisation numbers', () => {
  // Published numbers of public bodies and a listed company.
  const real = {
    'Equinor ASA': '923609016',
    Brønnøysundregistrene: '974760673',
    'Statistisk sentralbyrå': '971526920',
    Skatteetaten: '974761076',
  };

  it.each(Object.entries(real))('accepts %s (%s)', (_, number) => {
    expect(referenceOrganisationCheck(number.slice(0, 8))).toBe(Number(number[8]));
    expect(isValidOrganisationNumber(number)).toBe(true);
  });

  it('accepts the spaces people type and normalises them away', () => {
    expect(checkOrganisationNumber('923 609 016')).toEqual({ valid: true, normalized: '923609016' });
  });

  it('rejects a wrong check digit', () => {
    expect(checkOrganisationNumber('923609017')).toEqual({ valid: false, problem: 'checkDigit' });
    expect(checkOrganisationNumber('974760674')).toEqual({ valid: false, problem: 'checkDigit' });
  });

  it('rejects numbers whose remainder makes every check digit impossible', () => {
    // 9·3+2·2+3·7+6·6+0·5+9·4+1·3+3·2 = 133 = 12·11 + 1 ⇒ 11 − 1 = 10: no such check digit.
    expect(referenceOrganisationCheck('92360913')).toBeNull();
    for (let digit = 0; digit <= 9; digit++) {
      expect(checkOrganisationNumber(`92360913${digit}`)).toEqual({ valid: false, problem: 'checkDigitImpossible' });
    }
  });

  it('rejects wrong lengths, letters and empty input', () => {
    expect(checkOrganisationNumber('92360901')).toEqual({ valid: false, problem: 'wrongLength' });
    expect(checkOrganisationNumber('9236090160')).toEqual({ valid: false, problem: 'wrongLength' });
    expect(checkOrganisationNumber('92360901A')).toEqual({ valid: false, problem: 'notDigits' });
    expect(checkOrganisationNumber('923-609-016')).toEqual({ valid: false, problem: 'notDigits' });
    expect(checkOrganisationNumber('   ')).toEqual({ valid: false, problem: 'empty' });
  });
});

describe('metering point IDs', () => {
  // 7·3+0+7·3+0+5·3+7+5·3+0+0+0+1·3+2+3·3+4+5·3+6+7·3 = 139 ⇒ (10 − 9) mod 10 = 1.
  const valid = '707057500012345671';

  it('accepts a Norwegian GSRN with the right GS1 check digit', () => {
    expect(gs1CheckDigit(valid.slice(0, 17))).toBe(1);
    expect(isValidMeteringPointId(valid)).toBe(true);
    expect(checkMeteringPointId('7070575000 1234 5671')).toEqual({ valid: true, normalized: valid });
  });

  it('rejects a wrong GS1 check digit', () => {
    expect(checkMeteringPointId('707057500012345670')).toEqual({ valid: false, problem: 'checkDigit' });
    expect(checkMeteringPointId('707057500012345672')).toEqual({ valid: false, problem: 'checkDigit' });
  });

  it('rejects an ID without the Norwegian prefix even when its check digit is right', () => {
    const swedishLike = '73599910000000001';
    const id = swedishLike + gs1CheckDigit(swedishLike);
    expect(checkMeteringPointId(id)).toEqual({ valid: false, problem: 'notNorwegianPrefix' });
  });

  it('rejects wrong lengths, letters and empty input', () => {
    expect(checkMeteringPointId('70705750001234567')).toEqual({ valid: false, problem: 'wrongLength' });
    expect(checkMeteringPointId('7070575000123456711')).toEqual({ valid: false, problem: 'wrongLength' });
    expect(checkMeteringPointId('70705750001234567X')).toEqual({ valid: false, problem: 'notDigits' });
    expect(checkMeteringPointId('')).toEqual({ valid: false, problem: 'empty' });
  });
});

describe('cadastral numbers', () => {
  const agder = new Set(['4201', '4203', '4204']);

  it('accepts gnr/bnr and the optional fnr/snr, and formats them with the municipality number', () => {
    expect(checkCadastralNumber({ municipalityNumber: '4204', gnr: 123, bnr: 45 }, agder)).toEqual({
      valid: true,
      normalized: '4204-123/45',
    });
    expect(checkCadastralNumber({ municipalityNumber: '4203', gnr: 500, bnr: 12, fnr: 0, snr: 2 })).toEqual({
      valid: true,
      normalized: '4203-500/12/0/2',
    });
    expect(formatCadastralNumber({ municipalityNumber: '4201', gnr: 1, bnr: 1, fnr: 3 })).toBe('4201-1/1/3');
  });

  it('accepts the limits and rejects what lies beyond them', () => {
    expect(checkCadastralNumber({ municipalityNumber: '4204', gnr: 99_999, bnr: 9_999, fnr: 9_999, snr: 999 }).valid)
      .toBe(true);
    const outOfRange = { valid: false, problem: 'outOfRange' };
    expect(checkCadastralNumber({ municipalityNumber: '4204', gnr: 0, bnr: 1 })).toEqual(outOfRange);
    expect(checkCadastralNumber({ municipalityNumber: '4204', gnr: 100_000, bnr: 1 })).toEqual(outOfRange);
    expect(checkCadastralNumber({ municipalityNumber: '4204', gnr: 1, bnr: 10_000 })).toEqual(outOfRange);
    expect(checkCadastralNumber({ municipalityNumber: '4204', gnr: 1, bnr: 1, snr: 1_000 })).toEqual(outOfRange);
    expect(checkCadastralNumber({ municipalityNumber: '4204', gnr: 1.5, bnr: 1 })).toEqual(outOfRange);
  });

  it('rejects malformed and unknown municipality numbers', () => {
    expect(checkCadastralNumber({ municipalityNumber: '420', gnr: 1, bnr: 1 })).toEqual({
      valid: false,
      problem: 'malformed',
    });
    expect(checkCadastralNumber({ municipalityNumber: '0301', gnr: 1, bnr: 1 }, agder)).toEqual({
      valid: false,
      problem: 'unknownMunicipality',
    });
  });

  it('parses what people type', () => {
    expect(parseCadastralNumber(' 4204 - 123 / 45 ')).toEqual({
      municipalityNumber: '4204', gnr: 123, bnr: 45, fnr: null, snr: null,
    });
    expect(parseCadastralNumber('4204-123/45/0/2')).toEqual({
      municipalityNumber: '4204', gnr: 123, bnr: 45, fnr: 0, snr: 2,
    });
    expect(parseCadastralNumber('123/45')).toBeNull();
  });
});

describe('postcodes', () => {
  it.each(['4630', '4800', '4876', '0001', ' 4950 '])('accepts %s', (postcode) => {
    expect(checkPostcode(postcode).valid).toBe(true);
  });

  it('rejects 0000, wrong lengths, letters and empty input', () => {
    expect(checkPostcode('0000')).toEqual({ valid: false, problem: 'outOfRange' });
    expect(checkPostcode('463')).toEqual({ valid: false, problem: 'wrongLength' });
    expect(checkPostcode('46300')).toEqual({ valid: false, problem: 'wrongLength' });
    expect(checkPostcode('46A0')).toEqual({ valid: false, problem: 'notDigits' });
    expect(checkPostcode('')).toEqual({ valid: false, problem: 'empty' });
  });
});
