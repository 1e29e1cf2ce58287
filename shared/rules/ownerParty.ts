// The owner as a party to the case: where letters reach them (the postal address — a new build has no mailbox, so it
// is kept apart from the installation address), who they are (organisation number, or for a person the
// fødselsnummer), and who will hold the grid-rental agreement (the grid customer, nettkunde), named before the
// meter is mounted.
//
// A person's fødselsnummer is asked for only because the grid company must identify its grid customer securely for
// the grid-rental agreement and the metering point's registration in Elhub: personopplysningsloven allows it only
// where there is "saklig behov for sikker identifisering og metoden er nødvendig" (Datatilsynet, "Fødselsnummer",
// datatilsynet.no/regelverk-og-verktoy/sporsmal-svar/Fodselsnummer/). So it is kept in one column, shown masked
// (birth date only) everywhere, and never written into the history or a letter's window.
import { checkNationalId, checkOrganisationNumber, checkPostcode } from './identifiers';

export const OWNER_PARTY_TEXT_MAX_LENGTH = 200;

/**
 * A handler's correction, the whole set at once as the form shows it (an empty text clears the field). The
 * fødselsnummer never leaves the core unmasked, so the form cannot send it back: left out, it stays as it is.
 */
export interface OwnerPartyCorrection {
  postalAddress: string;
  postcode: string;
  postTown: string;
  organisationNumber: string;
  gridCustomerName: string;
  nationalId?: string;
}

export type OwnerPartyField = keyof OwnerPartyCorrection;
export type OwnerPartyValues = Record<Exclude<OwnerPartyField, 'nationalId'>, string | null> & { nationalId?: string | null };

export type OwnerPartyProblem =
  | { field: 'postcode'; code: 'ownerParty.postcodeInvalid' }
  | { field: 'organisationNumber'; code: 'ownerParty.organisationNumberInvalid' }
  | { field: 'nationalId'; code: 'ownerParty.nationalIdInvalid' }
  | { field: 'postalAddress'; code: 'ownerParty.postalAddressIncomplete' };

const digits = (text: string): string => text.replace(/\s+/g, '');
const textOrNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** The fields as they will be stored: trimmed, digits only for the numbers, empty texts as null. */
export function normalizedOwnerParty(correction: OwnerPartyCorrection): OwnerPartyValues {
  const values: OwnerPartyValues = {
    postalAddress: textOrNull(correction.postalAddress),
    postcode: textOrNull(digits(correction.postcode)),
    postTown: textOrNull(correction.postTown),
    organisationNumber: textOrNull(digits(correction.organisationNumber)),
    gridCustomerName: textOrNull(correction.gridCustomerName),
  };
  if (correction.nationalId !== undefined) values.nationalId = textOrNull(digits(correction.nationalId));
  return values;
}

/**
 * What is wrong with a correction, field by field: a postcode is four digits, an organisation number and a
 * fødselsnummer carry check digits (identifiers.ts), and a postal address is whole (street, postcode and town
 * together) or not given at all. The desk shows these beside the fields; the service refuses with the first.
 */
export function ownerPartyProblems(correction: OwnerPartyCorrection): OwnerPartyProblem[] {
  const value = normalizedOwnerParty(correction);
  const problems: OwnerPartyProblem[] = [];
  if (value.postcode && !checkPostcode(value.postcode).valid) problems.push({ field: 'postcode', code: 'ownerParty.postcodeInvalid' });
  if (value.organisationNumber && !checkOrganisationNumber(value.organisationNumber).valid) {
    problems.push({ field: 'organisationNumber', code: 'ownerParty.organisationNumberInvalid' });
  }
  if (value.nationalId && !checkNationalId(value.nationalId).valid) problems.push({ field: 'nationalId', code: 'ownerParty.nationalIdInvalid' });
  const address = [value.postalAddress, value.postcode, value.postTown];
  if (address.some((part) => part === null) && address.some((part) => part !== null)) {
    problems.push({ field: 'postalAddress', code: 'ownerParty.postalAddressIncomplete' });
  }
  return problems;
}
