// Produksjon (plusskunde): shown only when the request includes production.
import { useTranslation } from 'react-i18next';
import type { ProductionDetail } from '../../api/contract';
import { formatNumber } from '../../i18n/format';
import { Field, FieldList } from './Field';
import { Section } from './Section';

export function ProductionSection({ production: p }: { production: ProductionDetail }) {
  const { t } = useTranslation();
  if (!p.hasProduction) return null;
  return (
    <Section title={t('case.production.title')}>
      <FieldList>
        <Field name="productionKw" label={t('case.production.power')}>{p.productionKw === null ? null : `${formatNumber(p.productionKw)} kW`}</Field>
        <Field name="inverter" label={t('case.production.inverter')}>{p.inverter}</Field>
        <Field name="batteryKwh" label={t('case.production.battery')}>
          {p.batteryKwh === null ? t('case.production.noBattery') : `${formatNumber(p.batteryKwh)} kWh`}
        </Field>
      </FieldList>
    </Section>
  );
}
