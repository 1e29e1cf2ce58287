// The owner as a party: what a case handler's correction may store (rules/ownerParty.ts).
import { describe, expect, it } from 'vitest';
import { normalizedOwnerParty, ownerPartyProblems, type OwnerPartyCorrection } from '../../shared/rules';

const correction = (more: Partial<OwnerPartyCorrection> = {}): OwnerPartyCorrection => ({
  postalAddress: 'Dronningens gate 14', postcode: '4610', postTown: 'Kristiansand S', organisationNumber: '',
  gridCustomerName: 'Kari Nordmann', ...more,
});
const codes = (c: OwnerPartyCorrection) => ownerPartyProblems(c).map((p) => p.code);

describe('ownerPartyProblems', () => {
  it('accepts a whole postal address, a valid organisation number and fødselsnummer', () => {
    expect(codes(correction({ organisationNumber: '923 609 016', nationalId: '311299 56715' }))).toEqual([]);
  });

  it('refuses a postcode that is not four digits', () => {
    expect(codes(correction({ postcode: '461' }))).toEqual(['ownerParty.postcodeInvalid']);
    expect(codes(correction({ postcode: '0000' }))).toEqual(['ownerParty.postcodeInvalid']);
  });

  it('refuses an organisation number or fødselsnummer whose check digits do not add up', () => {
    expect(codes(correction({ organisationNumber: '923609017' }))).toEqual(['ownerParty.organisationNumberInvalid']);
    expect(codes(correction({ nationalId: '31129956716' }))).toEqual(['ownerParty.nationalIdInvalid']);
  });

  it('wants the postal address whole or not at all', () => {
    expect(codes(correction({ postTown: '' }))).toEqual(['ownerParty.postalAddressIncomplete']);
    expect(codes(correction({ postalAddress: '', postcode: '', postTown: '' }))).toEqual([]);
  });
});

describe('normalizedOwnerParty', () => {
  it('stores digits only for the numbers, trimmed texts, and empty as none', () => {
    expect(normalizedOwnerParty(correction({ organisationNumber: ' 923 609 016 ', gridCustomerName: '  ' }))).toEqual({
      postalAddress: 'Dronningens gate 14', postcode: '4610', postTown: 'Kristiansand S', organisationNumber: '923609016',
      gridCustomerName: null,
    });
  });

  it('leaves the stored fødselsnummer alone when the correction does not give one', () => {
    expect('nationalId' in normalizedOwnerParty(correction())).toBe(false);
    expect(normalizedOwnerParty(correction({ nationalId: '' })).nationalId).toBeNull();
  });
});
