// The installation facts the grid company answered (portalLookupInstallation) as the form's values: what it holds
// replaces what was typed for the same fields; nothing else of the form changes.
import type { PortalInstallationFacts } from '../../../../shared/portalApi/lookup';
import type { FormValues } from './messageForm';

const maybe = (value: number | null) => (value === null ? '' : String(value));

export function valuesFromInstallation(facts: PortalInstallationFacts): FormValues {
  return {
    'installation.address': facts.address,
    'installation.postcode': facts.postcode,
    'installation.postTown': facts.postTown,
    'installation.municipalityNumber': facts.municipalityNumber,
    'installation.gnr': maybe(facts.gnr),
    'installation.bnr': maybe(facts.bnr),
    'installation.fnr': maybe(facts.fnr),
    'installation.snr': maybe(facts.snr),
    'installation.buildingUse': facts.buildingUse,
    'installation.networkSystem': facts.networkSystem,
    'installation.phases': String(facts.phases),
    'installation.mainFuseA': maybe(facts.mainFuseA),
    'installation.meterNumbers': facts.meterNumbers.join('\n'),
    'installation.meteringPointIds': facts.meteringPointIds.join('\n'),
  };
}
