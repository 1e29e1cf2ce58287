// Anlegg: where the installation is and what it needs, read top to bottom as a case handler checks it.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCadastralNumber } from '../../../../shared/rules';
import type { InstallationDetail } from '../../api/contract';
import { useAppData } from '../../app/AppData';
import { formatNumber } from '../../i18n/format';
import classes from './Case.module.css';
import { Field, FieldList, WarningText } from './Field';
import { cadastralWarning, meteringPointWarning, postcodeWarning } from './identifierWarnings';
import { Section } from './Section';

const withUnit = (value: number | null, unit: string): string | null =>
  value === null ? null : `${formatNumber(value)} ${unit}`;

export function InstallationSection({ installation: i }: { installation: InstallationDetail }) {
  const { t } = useTranslation();
  const { reference } = useAppData();
  const known = useMemo(() => new Set(reference.municipalities.map((m) => m.number)), [reference.municipalities]);
  const municipalityName =
    i.municipalityName ?? reference.municipalities.find((m) => m.number === i.municipalityNumber)?.name ?? '';
  const cadastral =
    i.gnr !== null && i.bnr !== null
      ? formatCadastralNumber({ municipalityNumber: i.municipalityNumber, gnr: i.gnr, bnr: i.bnr, fnr: i.fnr, snr: i.snr })
      : null;

  return (
    <Section title={t('case.installation.title')}>
      <FieldList>
        <Field name="address" label={t('case.installation.address')}>{i.address}</Field>
        <Field name="postcode" label={t('case.installation.postcode')} warnings={[postcodeWarning(i.postcode)]}>
          {`${i.postcode} ${i.postTown}`.trim()}
        </Field>
        <Field name="municipalityNumber" label={t('case.installation.municipality')}>{`${i.municipalityNumber} ${municipalityName}`.trim()}</Field>
        <Field name="gnr" label={t('case.installation.cadastral')} warnings={[cadastralWarning(i, known)]}>
          {cadastral}
        </Field>
        <Field name="buildingUse" label={t('case.installation.buildingUse')}>{t(`enums.buildingUse.${i.buildingUse}`)}</Field>
        <Field name="networkSystem" label={t('case.installation.networkSystem')}>{t(`enums.networkSystem.${i.networkSystem}`)}</Field>
        <Field name="phases" label={t('case.installation.phases')}>{t('case.installation.phaseCount', { count: i.phases })}</Field>
        <Field name="unitCount" label={t('case.installation.unitCount')}>{formatNumber(i.unitCount)}</Field>
        <Field name="sharedServiceLine" label={t('case.installation.sharedServiceLine')}>
          {t(i.sharedServiceLine ? 'case.installation.yes' : 'case.installation.no')}
        </Field>
        {(i.companyCabinet || i.cabinetId !== null) && (
          <Field name="cabinetId" label={t('case.installation.companyCabinet')}>{i.cabinetId}</Field>
        )}
        <Field name="mainFuseA" label={t('case.installation.mainFuse')}>{withUnit(i.mainFuseA, 'A')}</Field>
        <Field name="meterFuseA" label={t('case.installation.meterFuse')}>{withUnit(i.meterFuseA, 'A')}</Field>
        <Field name="expectedPowerKw" label={t('case.installation.expectedPower')}>{withUnit(i.expectedPowerKw, 'kW')}</Field>
        <Field name="expectedEnergyKwh" label={t('case.installation.expectedEnergy')}>{withUnit(i.expectedEnergyKwh, 'kWh')}</Field>
        <Field name="evChargingA" label={t('case.installation.evCharging')}>
          {i.evChargingA === null ? t('case.installation.noEvCharging') : withUnit(i.evChargingA, 'A')}
        </Field>
        <Field name="meteringPointIds" label={t('case.installation.meteringPointIds')} wide>
          {i.meteringPointIds.length > 0 && (
            <ul className={classes.plainList}>
              {i.meteringPointIds.map((id, index) => {
                const warning = meteringPointWarning(id);
                return (
                  <li key={`${id}-${index}`}>
                    <span className={classes.mono}>{id}</span>
                    {warning && <WarningText warning={warning} />}
                  </li>
                );
              })}
            </ul>
          )}
        </Field>
        <Field name="meterNumbers" label={t('case.installation.meterNumbers')} wide>
          {i.meterNumbers.length > 0 && (
            <ul className={classes.plainList}>
              {i.meterNumbers.map((number, index) => (
                <li key={`${number}-${index}`} className={classes.mono}>
                  {number}
                </li>
              ))}
            </ul>
          )}
        </Field>
      </FieldList>
    </Section>
  );
}
