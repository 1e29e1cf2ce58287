// Norwegian identifiers as a person types them: spaces (and for cadastral numbers the usual separators) allowed.
// Each check returns a specific reason, so the case view can say what is wrong, not only that something is.

export type IdentifierProblem =
  | 'empty'
  | 'notDigits'
  | 'wrongLength'
  | 'checkDigit'
  | 'checkDigitImpossible'
  | 'notNorwegianPrefix'
  | 'unknownMunicipality'
  | 'outOfRange'
  | 'malformed';

export type IdentifierCheck = { valid: true; normalized: string } | { valid: false; problem: IdentifierProblem };

const digitsOnly = (value: string): string => value.replace(/\s+/g, '');

const ORG_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Mod 11 check digit of the first eight digits; null when the remainder makes the number impossible (10). */
export function organisationNumberCheckDigit(firstEight: string): number | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(firstEight[i]) * ORG_WEIGHTS[i];
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

export function checkOrganisationNumber(value: string): IdentifierCheck {
  const digits = digitsOnly(value);
  if (digits === '') return { valid: false, problem: 'empty' };
  if (!/^\d+$/.test(digits)) return { valid: false, problem: 'notDigits' };
  if (digits.length !== 9) return { valid: false, problem: 'wrongLength' };
  const expected = organisationNumberCheckDigit(digits.slice(0, 8));
  if (expected === null) return { valid: false, problem: 'checkDigitImpossible' };
  if (expected !== Number(digits[8])) return { valid: false, problem: 'checkDigit' };
  return { valid: true, normalized: digits };
}

export function isValidOrganisationNumber(value: string): boolean {
  return checkOrganisationNumber(value).valid;
}

/** Norwegian metering points are GS1 GSRNs under this company prefix. */
export const NORWEGIAN_METERING_POINT_PREFIX = '7070575000';

/** GS1 mod 10 over the first 17 digits, weights 3,1,3,… from the left. */
export function gs1CheckDigit(firstSeventeen: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(firstSeventeen[i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

export function checkMeteringPointId(value: string): IdentifierCheck {
  const digits = digitsOnly(value);
  if (digits === '') return { valid: false, problem: 'empty' };
  if (!/^\d+$/.test(digits)) return { valid: false, problem: 'notDigits' };
  if (digits.length !== 18) return { valid: false, problem: 'wrongLength' };
  if (!digits.startsWith(NORWEGIAN_METERING_POINT_PREFIX)) return { valid: false, problem: 'notNorwegianPrefix' };
  if (gs1CheckDigit(digits.slice(0, 17)) !== Number(digits[17])) return { valid: false, problem: 'checkDigit' };
  return { valid: true, normalized: digits };
}

export function isValidMeteringPointId(value: string): boolean {
  return checkMeteringPointId(value).valid;
}

const NATIONAL_ID_WEIGHTS = [
  [3, 7, 6, 1, 8, 9, 4, 5, 2],
  [5, 4, 3, 2, 7, 6, 5, 4, 3, 2],
] as const;

/** Mod 11 over the digits before it; null when the remainder makes the number impossible (10). */
function nationalIdCheckDigit(digits: string, weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * weights[i];
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}

/**
 * A fødselsnummer (or D-number: the same check digits): eleven digits, the last two mod 11 check digits of the
 * rest (weights 3 7 6 1 8 9 4 5 2, then 5 4 3 2 7 6 5 4 3 2). The birth date is not checked, so that D-, H- and
 * synthetic test numbers pass as the check digits allow.
 */
export function checkNationalId(value: string): IdentifierCheck {
  const digits = digitsOnly(value);
  if (digits === '') return { valid: false, problem: 'empty' };
  if (!/^\d+$/.test(digits)) return { valid: false, problem: 'notDigits' };
  if (digits.length !== 11) return { valid: false, problem: 'wrongLength' };
  const first = nationalIdCheckDigit(digits, NATIONAL_ID_WEIGHTS[0]);
  const second = nationalIdCheckDigit(digits, NATIONAL_ID_WEIGHTS[1]);
  if (first === null || second === null) return { valid: false, problem: 'checkDigitImpossible' };
  if (first !== Number(digits[9]) || second !== Number(digits[10])) return { valid: false, problem: 'checkDigit' };
  return { valid: true, normalized: digits };
}

export function checkPostcode(value: string): IdentifierCheck {
  const digits = digitsOnly(value);
  if (digits === '') return { valid: false, problem: 'empty' };
  if (!/^\d+$/.test(digits)) return { valid: false, problem: 'notDigits' };
  if (digits.length !== 4) return { valid: false, problem: 'wrongLength' };
  // 0000 is not issued; Norwegian postcodes run 0001–9991.
  if (digits === '0000') return { valid: false, problem: 'outOfRange' };
  return { valid: true, normalized: digits };
}

export interface CadastralNumber {
  municipalityNumber: string;
  gnr: number;
  bnr: number;
  fnr?: number | null;
  snr?: number | null;
}

const CADASTRAL_LIMITS = { gnr: 99_999, bnr: 9_999, fnr: 9_999, snr: 999 } as const;

/** Checks the parts of a matrikkelnummer; municipality numbers are checked against the known list when given. */
export function checkCadastralNumber(
  parts: CadastralNumber,
  knownMunicipalities?: ReadonlySet<string>,
): IdentifierCheck {
  if (!/^\d{4}$/.test(parts.municipalityNumber)) return { valid: false, problem: 'malformed' };
  if (knownMunicipalities && !knownMunicipalities.has(parts.municipalityNumber)) {
    return { valid: false, problem: 'unknownMunicipality' };
  }
  // gnr and bnr start at 1; fnr and snr are optional and written 0 when absent but a later part is present.
  const inRange = (n: number | null | undefined, min: number, max: number, optional: boolean): boolean =>
    n === null || n === undefined ? optional : Number.isInteger(n) && n >= min && n <= max;
  if (!inRange(parts.gnr, 1, CADASTRAL_LIMITS.gnr, false) || !inRange(parts.bnr, 1, CADASTRAL_LIMITS.bnr, false)) {
    return { valid: false, problem: 'outOfRange' };
  }
  if (!inRange(parts.fnr, 0, CADASTRAL_LIMITS.fnr, true) || !inRange(parts.snr, 0, CADASTRAL_LIMITS.snr, true)) {
    return { valid: false, problem: 'outOfRange' };
  }
  return { valid: true, normalized: formatCadastralNumber(parts) };
}

/** `4204-123/45`, `4204-123/45/0/2`. */
export function formatCadastralNumber(parts: CadastralNumber): string {
  let text = `${parts.municipalityNumber}-${parts.gnr}/${parts.bnr}`;
  if ((parts.fnr ?? null) !== null || (parts.snr ?? null) !== null) text += `/${parts.fnr ?? 0}`;
  if ((parts.snr ?? null) !== null) text += `/${parts.snr}`;
  return text;
}

/** Parses `4204-123/45[/fnr[/snr]]` as typed (spaces allowed). */
export function parseCadastralNumber(value: string): CadastralNumber | null {
  const match = /^(\d{4})\s*-\s*(\d+)\s*\/\s*(\d+)(?:\s*\/\s*(\d+))?(?:\s*\/\s*(\d+))?$/.exec(value.trim());
  if (!match) return null;
  return {
    municipalityNumber: match[1],
    gnr: Number(match[2]),
    bnr: Number(match[3]),
    fnr: match[4] === undefined ? null : Number(match[4]),
    snr: match[5] === undefined ? null : Number(match[5]),
  };
}
