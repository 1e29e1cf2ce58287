// Money is whole øre in a JavaScript number: integers are exact up to 2^53 øre (about 90 000 billion kroner),
// so no floating-point arithmetic ever touches a fraction of an øre.

/** An amount in whole øre (1 kr = 100 øre). Always an integer. */
export type Ore = number;

/** VAT codes: 'exempt' is a regulated investment contribution (code 0); 'standard' is 25 % on services. */
export const VAT_CODES = ['exempt', 'standard'] as const;
export type VatCode = (typeof VAT_CODES)[number];

/** VAT rate per code as a whole percentage (kept integral so VAT is computed exactly). */
export const VAT_PERCENT: Readonly<Record<VatCode, number>> = { exempt: 0, standard: 25 };

/** The thousands separator used in every formatted amount: U+00A0 NO-BREAK SPACE, so an amount never wraps. */
export const THOUSANDS_SEPARATOR = '\u00a0';

export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyError';
  }
}

export function assertOre(value: number, what = 'amount'): Ore {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`${what} must be a whole number of øre, got ${value}`);
  return value;
}

/**
 * Divides exactly and rounds half away from zero (half-up on the magnitude): 0,5 øre becomes 1 øre, −0,5 becomes −1.
 * Works in bigint so a product above 2^53 before division stays exact.
 */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new MoneyError('denominator must be positive');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -quotient : quotient;
}

export function bigintToOre(value: bigint, what = 'amount'): Ore {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyError(`${what} is too large to hold exactly`);
  }
  return Number(value);
}

/**
 * Parses kroner in Norwegian or plain form to øre, exactly from the digits (never via a float):
 * 2300, "2 300", "2300,50", "2 300,5", "-19,00", "1.234,50" (dot as thousands separator when a comma follows),
 * "2300.50" (dot as decimal point when no comma). More than two decimals, or anything else, is refused.
 */
export function nok(kroner: number | string): Ore {
  if (typeof kroner === 'number') {
    if (!Number.isFinite(kroner)) throw new MoneyError(`not an amount: ${kroner}`);
    // Through its shortest decimal text, which for a number like 19.99 is exactly "19.99".
    return nok(String(kroner));
  }
  let text = kroner.trim().replace(/\s*kr\.?$/i, '').replace(/[\s\u00a0\u202f]/g, '');
  if (text.includes(',')) text = text.replace(/\./g, '').replace(',', '.');
  const match = /^([+\-−]?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new MoneyError(`not an amount in kroner: "${kroner}"`);
  const [, sign, whole, fraction = ''] = match;
  const ore = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0') || '0');
  return bigintToOre(sign === '-' || sign === '−' ? -ore : ore, `"${kroner}"`);
}

/** "12 345,67 kr" with a no-break space between thousands and before "kr"; negative amounts as "−1 200,00 kr". */
export function formatNok(ore: Ore): string {
  return `${formatNokNumber(ore)}\u00a0kr`;
}

/** The figure alone, "12 345,67", for tables whose column header says kr. */
export function formatNokNumber(ore: Ore): string {
  assertOre(ore);
  const negative = ore < 0;
  const magnitude = Math.abs(ore);
  const kroner = Math.floor(magnitude / 100);
  const rest = magnitude % 100;
  const grouped = String(kroner).replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEPARATOR);
  return `${negative ? '−' : ''}${grouped},${String(rest).padStart(2, '0')}`;
}

/** VAT on one line's net amount, rounded half-up to whole øre. VAT is always per line, never on a total. */
export function vatOf(netOre: Ore, vatCode: VatCode): Ore {
  assertOre(netOre, 'net amount');
  return bigintToOre(divideRoundHalfUp(BigInt(netOre) * BigInt(VAT_PERCENT[vatCode]), 100n), 'VAT');
}
