// Byggestrøm: the cabinet's period with the meter read at both ends, the days in use and the rent — the support
// desk's first question ("which readings did you bill on?") answered on the case itself.
import { useTranslation } from 'react-i18next';
import { formatNok } from '../../../../shared/rules';
import type { CaseDetail } from '../../api/contract';
import { formatDate, formatNumber } from '../../i18n/format';
import { Field, FieldList } from '../case/Field';
import { Section } from '../case/Section';

const kwh = (value: number | null) => (value === null ? null : `${formatNumber(value)} kWh`);

export function ConstructionPowerSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const p = detail.constructionPower;
  if (!p) return null;
  return (
    <Section title={t('constructionPower.title')}>
      <FieldList>
        <Field label={t('constructionPower.connectedOn')}>{formatDate(p.connectedOn)}</Field>
        <Field label={t('constructionPower.startReading')}>{kwh(p.startReading)}</Field>
        <Field label={t('constructionPower.disconnectedOn')}>{formatDate(p.disconnectedOn)}</Field>
        <Field label={t('constructionPower.finalReading')}>{kwh(p.finalReading)}</Field>
        <Field label={t('constructionPower.consumption')}>{kwh(p.consumptionKwh)}</Field>
        <Field label={p.running ? t('constructionPower.daysSoFar') : t('constructionPower.days')}>
          {p.days === null ? null : t('constructionPower.dayCount', { count: p.days })}
        </Field>
        <Field wide label={p.running ? t('constructionPower.rentSoFar') : t('constructionPower.rent')}>
          {p.rent === null ? (p.days === null ? null : t('constructionPower.noRate'))
            : t('constructionPower.rentLine', {
                days: p.days, rate: formatNok(p.rent.rateOre), net: formatNok(p.rent.netOre), gross: formatNok(p.rent.grossOre),
              })}
        </Field>
      </FieldList>
    </Section>
  );
}
