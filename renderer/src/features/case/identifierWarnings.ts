// What is wrong with the identifiers on a case, as i18n keys with values: checked here with the same pure rules
// the core uses, so the handler sees a specific reason beside the field instead of a bare "invalid".
import {
  checkCadastralNumber,
  checkMeteringPointId,
  checkOrganisationNumber,
  checkPostcode,
  NORWEGIAN_METERING_POINT_PREFIX,
  type DsbStatus,
} from '../../../../shared/rules';

export interface Warning {
  key: string;
  values?: Record<string, string | number>;
}

export function organisationNumberWarning(value: string | null | undefined): Warning | null {
  if (value === null || value === undefined || value.trim() === '') return { key: 'case.warnings.orgNumber.missing' };
  const check = checkOrganisationNumber(value);
  if (check.valid) return null;
  switch (check.problem) {
    case 'notDigits':
      return { key: 'case.warnings.orgNumber.notDigits' };
    case 'wrongLength':
      return { key: 'case.warnings.orgNumber.wrongLength', values: { length: value.replace(/\s+/g, '').length } };
    default:
      return { key: 'case.warnings.orgNumber.checkDigit' };
  }
}

export function meteringPointWarning(value: string): Warning | null {
  const check = checkMeteringPointId(value);
  if (check.valid) return null;
  const length = value.replace(/\s+/g, '').length;
  switch (check.problem) {
    case 'notDigits':
      return { key: 'case.warnings.meteringPoint.notDigits' };
    case 'wrongLength':
    case 'empty':
      return { key: 'case.warnings.meteringPoint.wrongLength', values: { length } };
    case 'notNorwegianPrefix':
      return { key: 'case.warnings.meteringPoint.prefix', values: { prefix: NORWEGIAN_METERING_POINT_PREFIX } };
    default:
      return { key: 'case.warnings.meteringPoint.checkDigit' };
  }
}

export interface CadastralParts {
  municipalityNumber: string;
  gnr: number | null;
  bnr: number | null;
  fnr: number | null;
  snr: number | null;
}

export function cadastralWarning(parts: CadastralParts, knownMunicipalities: ReadonlySet<string>): Warning | null {
  if (parts.gnr === null || parts.bnr === null) return { key: 'case.warnings.cadastral.missing' };
  const check = checkCadastralNumber({ ...parts, gnr: parts.gnr, bnr: parts.bnr }, knownMunicipalities);
  if (check.valid) return null;
  switch (check.problem) {
    case 'unknownMunicipality':
      return { key: 'case.warnings.cadastral.unknownMunicipality', values: { number: parts.municipalityNumber } };
    case 'malformed':
      return { key: 'case.warnings.cadastral.malformed' };
    default:
      return { key: 'case.warnings.cadastral.outOfRange' };
  }
}

export function postcodeWarning(value: string): Warning | null {
  const check = checkPostcode(value);
  if (check.valid) return null;
  return check.problem === 'outOfRange' ? { key: 'case.warnings.postcode.outOfRange' } : { key: 'case.warnings.postcode.format' };
}

export function dsbWarning(registrationId: string | null, status: DsbStatus | null): Warning | null {
  if (!registrationId || status === null) return { key: 'case.warnings.dsb.notRegistered' };
  if (status === 'active') return null;
  return { key: `case.warnings.dsb.${status}` };
}
