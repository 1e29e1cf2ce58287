// Why a piece of grid-side work goes where it goes, in words: the reason codes of rules/installerCheck.ts.
import type { TFunction } from 'i18next';
import type { InstallerCheckReason } from '../../../../shared/rules/installerCheck';
import { formatDate } from '../../i18n/format';

export function describeWorkReason(t: TFunction, why: InstallerCheckReason, municipalityName: string): string {
  const params = why.params ?? {};
  const category = typeof params.category === 'string' ? t(`enums.prequalificationCategory.${params.category}`) : '';
  const values = {
    category,
    validTo: formatDate(typeof params.validTo === 'string' ? params.validTo : null),
    validFrom: formatDate(typeof params.validFrom === 'string' ? params.validFrom : null),
    daysLeft: typeof params.daysLeft === 'number' ? params.daysLeft : 0,
    count: typeof params.daysLeft === 'number' ? params.daysLeft : 0,
    municipality: municipalityName,
  };
  if (why.code === 'no_area_supplier') {
    const instead = typeof params.instead === 'string' ? params.instead : 'not_prequalified';
    return `${t(`installerCheck.why.${instead}`, values)} ${t('installerCheck.why.no_area_supplier', values)}`;
  }
  return t([`installerCheck.why.${why.code}`, 'installerCheck.why.unknown'], values);
}
