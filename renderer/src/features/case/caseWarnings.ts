// Every identifier warning on a case, for the count in the header; the sections show each beside its field.
import type { CaseDetail } from '../../api/contract';
import {
  cadastralWarning,
  dsbWarning,
  meteringPointWarning,
  organisationNumberWarning,
  postcodeWarning,
  type Warning,
} from './identifierWarnings';

export function ownerOrganisationNumber(owner: CaseDetail['owner']): string | null {
  return owner.organisationNumber ?? (owner.idKind === 'organisation_number' ? owner.idDisplay : null);
}

export function caseWarnings(detail: CaseDetail, knownMunicipalities: ReadonlySet<string>): Warning[] {
  const { installation, owner, installer } = detail;
  const ownerOrg = ownerOrganisationNumber(owner);
  const all = [
    postcodeWarning(installation.postcode),
    cadastralWarning(installation, knownMunicipalities),
    ...installation.meteringPointIds.map(meteringPointWarning),
    owner.idKind === 'organisation_number' || ownerOrg ? organisationNumberWarning(ownerOrg) : null,
    organisationNumberWarning(installer.organisationNumber),
    dsbWarning(installer.dsbRegistrationId, installer.dsbStatus),
  ];
  return all.filter((warning): warning is Warning => warning !== null);
}
