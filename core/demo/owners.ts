// The owner of the installation (the grid customer who gets the offer): a person or a company, typed in by
// the installer — with the missing and misspelt e-mail addresses and wrong organisation numbers of real input.
import type { BuildingUse, OwnerIdKind } from '../../shared/rules';
import { nationalIdLike, organisationNumber, withWrongOrganisationCheckDigit } from './demoIdentifiers';
import { agderLandline, companyEmail, companyOwnerName, misspell, mobilePhone, personName, privateEmail } from './names';
import { Random } from './random';

export interface DemoOwner {
  name: string;
  idKind: OwnerIdKind;
  nationalId: string | null;
  organisationNumber: string | null;
  email: string | null;
  phone: string | null;
  /** The installer typed an organisation number that fails mod 11. */
  invalidOrganisationNumber: boolean;
  emailMistyped: boolean;
}

const COMPANY_SHARE: Readonly<Record<BuildingUse, number>> = {
  house: 0.04,
  holiday_home: 0.06,
  apartment_building: 0.9,
  commercial: 0.95,
  agriculture: 0.3,
  street_light: 1,
  construction_power: 0.7,
};

/** About 1 % of all cases: companies own roughly a quarter of the installations. */
const WRONG_ORG_NUMBER_SHARE_OF_COMPANIES = 0.035;

function emailAsTyped(random: Random, email: string, missing: number, misspelt: number) {
  const roll = random.next();
  if (roll < missing) return { email: null, emailMistyped: false };
  if (roll < missing + misspelt) return { email: misspell(random, email), emailMistyped: true };
  return { email, emailMistyped: false };
}

export function generateOwner(random: Random, use: BuildingUse, submittedYear: number): DemoOwner {
  if (random.chance(COMPANY_SHARE[use])) {
    const name = companyOwnerName(random, use);
    const valid = organisationNumber(random);
    const invalid = random.chance(WRONG_ORG_NUMBER_SHARE_OF_COMPANIES);
    return {
      name,
      idKind: 'organisation_number',
      nationalId: null,
      organisationNumber: invalid ? withWrongOrganisationCheckDigit(random, valid) : valid,
      ...emailAsTyped(random, companyEmail(random, name), 0.03, 0.02),
      phone: random.chance(0.9) ? (random.chance(0.5) ? agderLandline(random) : mobilePhone(random)) : null,
      invalidOrganisationNumber: invalid,
    };
  }
  const person = personName(random);
  return {
    name: person.full,
    idKind: 'national_id',
    nationalId: nationalIdLike(random, submittedYear - random.int(22, 85)),
    organisationNumber: null,
    ...emailAsTyped(random, privateEmail(random, person), 0.04, 0.03),
    phone: random.chance(0.92) ? mobilePhone(random) : null,
    invalidOrganisationNumber: false,
  };
}
