// Identifiers as they arrive from installers: mostly valid, now and then with the errors people make.
import { NORWEGIAN_METERING_POINT_PREFIX, gs1CheckDigit, organisationNumberCheckDigit } from '../../shared/rules';
import { Random } from './random';

/** A valid organisation number (real ones begin with 8 or 9); candidates whose remainder is 10 are skipped. */
export function organisationNumber(random: Random): string {
  for (;;) {
    const firstEight = random.pick(['8', '9', '9']) + random.digits(7);
    const check = organisationNumberCheckDigit(firstEight);
    if (check !== null) return firstEight + check;
  }
}

/** Same first eight digits, any check digit but the right one: a typo that mod 11 catches. */
export function withWrongOrganisationCheckDigit(random: Random, valid: string): string {
  const right = Number(valid[8]);
  return valid.slice(0, 8) + String((right + random.int(1, 9)) % 10);
}

export function meteringPointId(random: Random): string {
  const firstSeventeen = NORWEGIAN_METERING_POINT_PREFIX + random.digits(7);
  return firstSeventeen + gs1CheckDigit(firstSeventeen);
}

export function withWrongGs1CheckDigit(random: Random, valid: string): string {
  const right = Number(valid[17]);
  return valid.slice(0, 17) + String((right + random.int(1, 9)) % 10);
}

/** Meter numbers follow the meter: a long serial of the common AMS meters, or an older eight-digit one. */
export function meterNumber(random: Random): string {
  return random.chance(0.7) ? `7359992${random.digits(8)}` : `${random.int(1, 9)}${random.digits(7)}`;
}

/**
 * Birth-date shaped (DDMMYY + five digits) but deliberately without computed control digits, so that the
 * demo does not mint national ids of real people. The app masks everything after the birth date anyway.
 */
export function nationalIdLike(random: Random, birthYear: number): string {
  const day = String(random.int(1, 28)).padStart(2, '0');
  const month = String(random.int(1, 12)).padStart(2, '0');
  return `${day}${month}${String(birthYear % 100).padStart(2, '0')}${random.digits(5)}`;
}

/** DSB's register of electrical businesses lists each registered business under its own number. */
export function dsbRegistrationId(random: Random): string {
  return `ELV-${random.int(100_000, 999_999)}`;
}
