import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  OWNER_CODE_ALPHABET, OWNER_CODE_BITS, formatOwnerCode, normaliseOwnerCode, ownerCodeFromBytes,
} from '../../shared/rules';

describe("the owner's code", () => {
  it('has at least 40 bits and no characters a reader mixes up', () => {
    expect(OWNER_CODE_BITS).toBeGreaterThanOrEqual(40);
    expect(OWNER_CODE_ALPHABET).toHaveLength(32);
    for (const confusable of ['0', 'O', '1', 'I']) expect(OWNER_CODE_ALPHABET).not.toContain(confusable);
    expect(new Set(OWNER_CODE_ALPHABET).size).toBe(32);
  });

  it('uses every symbol of the alphabet evenly: one byte value range maps onto it without bias', () => {
    const seen = new Map<string, number>();
    for (let value = 0; value < 256; value++) {
      const symbol = ownerCodeFromBytes(new Uint8Array(10).fill(value))[0];
      seen.set(symbol, (seen.get(symbol) ?? 0) + 1);
    }
    expect([...seen.values()]).toEqual(new Array(32).fill(8));
  });

  it('is printed in two groups of five and read back however it is typed', () => {
    const code = ownerCodeFromBytes(randomBytes(10));
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    const printed = formatOwnerCode(code);
    expect(printed).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    expect(normaliseOwnerCode(printed)).toBe(code);
    expect(normaliseOwnerCode(` ${printed.toLowerCase().replace('-', ' ')} `)).toBe(code);
  });

  it('refuses what cannot be a code', () => {
    expect(normaliseOwnerCode('ABCDE-FGHJ')).toBeNull();
    expect(normaliseOwnerCode('ABCDE-FGHJ0')).toBeNull();
    expect(normaliseOwnerCode('ABCDE-FGHJKL')).toBeNull();
    expect(() => ownerCodeFromBytes(new Uint8Array(9))).toThrow();
  });

  it('differs from one letter to the next', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => ownerCodeFromBytes(randomBytes(10))));
    expect(codes.size).toBe(1000);
  });
});
