// Area suppliers (områdeleverandører) on framework agreements. Bykle and Åseral are left without one on
// purpose: routing must be able to say that no supplier covers a municipality. Holt Linjeservice's agreement has
// no construction power, so its municipalities show that gap too.
import type { AgreementWork } from '../../shared/rules';
import { organisationNumber } from './demoIdentifiers';
import { agderLandline, companyEmail, mobilePhone, personName } from './names';
import { Random } from './random';

export interface DemoAreaSupplier {
  id: number;
  organisationNumber: string;
  name: string;
  contactPerson: string;
  email: string;
  phone: string;
  municipalityNumbers: readonly string[];
  /** The work in the agreement, with its due time in working days. */
  agreementWork: AgreementWork;
}

/** The usual agreement: meters in 5 working days, construction power in 3, cable work in 10. */
const FULL_AGREEMENT: AgreementWork = {
  service_cable_connection: 10,
  direct_meter_mounting: 5,
  construction_power_connection: 3,
  uninsulated_cabinet_work: 10,
};
const WITHOUT_CONSTRUCTION_POWER: AgreementWork = {
  service_cable_connection: 10,
  direct_meter_mounting: 7,
  uninsulated_cabinet_work: 15,
};

const AGREEMENTS: ReadonlyArray<readonly [name: string, municipalities: readonly string[]]> = [
  ['Kristiansand Kabel og Montasje AS', ['4204']],
  ['Midt-Agder Nettservice AS', ['4223', '4215', '4216', '4218']],
  ['Østre Agder Linjebygg AS', ['4203', '4202', '4214']],
  ['Holt Linjeservice AS', ['4201', '4213', '4211', '4212', '4217']],
  ['Setesdal Nettentreprenør AS', ['4219', '4220', '4221']],
  ['Lister Energimontasje AS', ['4205', '4206', '4207', '4225', '4226', '4227', '4228']],
];

export function generateAreaSuppliers(random: Random): DemoAreaSupplier[] {
  return AGREEMENTS.map(([name, municipalityNumbers], index) => ({
    id: index + 1,
    organisationNumber: organisationNumber(random),
    name,
    contactPerson: personName(random).full,
    email: companyEmail(random, name),
    phone: random.chance(0.5) ? agderLandline(random) : mobilePhone(random),
    municipalityNumbers,
    agreementWork: name.startsWith('Holt') ? WITHOUT_CONSTRUCTION_POWER : FULL_AGREEMENT,
  }));
}
