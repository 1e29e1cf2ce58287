// What the fitter needs, given by the supervisor when ordering: the cabinet, the cable (type and cross-section), the
// short-circuit fuse and the framework agreement's item. All optional; the work order letter prints what is given.
import { Group, NumberInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkOrderTechnicalInput } from '../../../../shared/contract/workOrders';

interface Props {
  value: WorkOrderTechnicalInput;
  onChange: (value: WorkOrderTechnicalInput) => void;
}

/** The given parts only: empty text and empty numbers are left out, so the contract's optional fields stay unset. */
export function givenTechnical(value: WorkOrderTechnicalInput): WorkOrderTechnicalInput | undefined {
  const given = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '' && v !== null));
  return Object.keys(given).length > 0 ? (given) : undefined;
}

export function WorkOrderTechnicalFields({ value, onChange }: Props) {
  const { t } = useTranslation();
  const text = (key: 'cabinetId' | 'cableType' | 'frameworkItem') => (event: React.ChangeEvent<HTMLInputElement>) =>
    onChange({ ...value, [key]: event.currentTarget.value });
  const number = (key: 'cableCrossSectionMm2' | 'shortCircuitFuseA') => (n: number | string) =>
    onChange({ ...value, [key]: typeof n === 'number' ? n : undefined });
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 'var(--mantine-font-size-xs)', padding: 0 }}>{t('workOrders.technical.legend')}</legend>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput size="xs" w={130} maxLength={60} label={t('workOrders.technical.cabinetId')} value={value.cabinetId ?? ''} onChange={text('cabinetId')} />
        <TextInput size="xs" w={130} maxLength={60} label={t('workOrders.technical.cableType')} value={value.cableType ?? ''} onChange={text('cableType')} />
        <NumberInput size="xs" w={120} min={1} max={1000} allowDecimal={false} label={t('workOrders.technical.crossSection')}
          value={value.cableCrossSectionMm2 ?? ''} onChange={number('cableCrossSectionMm2')} />
        <NumberInput size="xs" w={140} min={1} max={4000} allowDecimal={false} label={t('workOrders.technical.shortCircuitFuse')}
          value={value.shortCircuitFuseA ?? ''} onChange={number('shortCircuitFuseA')} />
        <TextInput size="xs" w={220} maxLength={200} label={t('workOrders.technical.frameworkItem')} value={value.frameworkItem ?? ''}
          onChange={text('frameworkItem')} />
      </Group>
    </fieldset>
  );
}
