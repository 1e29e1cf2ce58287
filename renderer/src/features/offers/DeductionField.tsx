// The connection fee taken off the investment contribution (kontrollforskriften § 16: actual cost minus any
// connection fee). Typed as NOK; it may not exceed the contribution. The fee the lines hold is offered as a value.
import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { connectionFeeDeductionFor, formatNok, formatNokNumber, type OfferLine } from '../../../../shared/rules';
import type { OfferCatalogue } from '../../api/contract';
import type { DraftReading } from './draftRows';
import classes from './Offers.module.css';

interface Props {
  value: string;
  reading: DraftReading;
  catalogue: OfferCatalogue | undefined;
  onChange(text: string): void;
}

export function DeductionField({ value, reading, catalogue, onChange }: Props) {
  const { t } = useTranslation();
  const readableLines: OfferLine[] = reading.calculation?.lines ?? [];
  const feeInLines = catalogue ? connectionFeeDeductionFor(readableLines, catalogue) : null;
  const problem = reading.deductionProblem
    ? t(`offers.problem.${reading.deductionProblem}`, { contribution: formatNok(reading.contributionOre) })
    : undefined;
  return (
    <Group gap="sm" align="flex-end" mt="sm" wrap="wrap">
      <TextInput
        label={t('offers.deduction.label')}
        description={t('offers.deduction.hint', { contribution: formatNok(reading.contributionOre) })}
        value={value}
        error={problem}
        inputMode="decimal"
        className={classes.numberInput}
        onChange={(event) => onChange(event.currentTarget.value)}
        size="sm"
        w={360}
        data-testid="deduction-input"
      />
      {feeInLines !== null && formatNokNumber(feeInLines) !== value.trim() && (
        <Button variant="default" size="sm" onClick={() => onChange(formatNokNumber(feeInLines))}>
          {t('offers.deduction.useFee', { fee: formatNok(feeInLines) })}
        </Button>
      )}
    </Group>
  );
}
