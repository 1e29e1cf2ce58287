// Registering the owner's acceptance or the payment from the decision bar: the issued offer it is about (version and
// grand total), the amount (prefilled with that total; a payment must match it to the øre), the day, and the
// billing system's reference. Amounts are typed as Norwegian kroner ("12 345,50") and sent as whole øre.
import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyError, formatNok, formatNokNumber, nok } from '../../../../shared/rules';
import type { AppError } from '../../api/contract';
import { describeError } from '../../api/describeError';
import { DialogActions } from '../../app/DialogActions';
import { useApiQuery } from '../../api/useApiQuery';
import { formatDate } from '../../i18n/format';

export type AmountStep = 'acceptOffer' | 'registerPayment';

export interface OfferStepValues {
  amountOre: number;
  occurredOn: string;
  reference?: string;
}

interface Props {
  action: AmountStep;
  caseId: number;
  caseNumber: string;
  today: string;
  pending: boolean;
  error: AppError | null;
  onClose(): void;
  onSubmit(values: OfferStepValues): void;
}

/** A field's error in the darker red: Mantine's default red is below 4.5:1 on the dialog's grey. */
const FIELD_STYLES = { error: { color: 'var(--mantine-color-red-9)' } };

/** The typed amount in øre, or null when it is not kroner with at most two decimals (or is negative). */
function amountOf(text: string): number | null {
  try {
    const ore = nok(text);
    return ore >= 0 ? ore : null;
  } catch (error) {
    if (error instanceof MoneyError) return null;
    throw error;
  }
}

export function OfferStepDialog({ action, caseId, caseNumber, today, pending, error, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const billing = useApiQuery('case.billing', { caseId });
  const offer = billing.value?.issuedOffer ?? null;
  const [amount, setAmount] = useState<string | null>(null);
  const [date, setDate] = useState(today);
  const [reference, setReference] = useState('');
  const [checked, setChecked] = useState(false);
  const amountText = amount ?? (offer ? formatNokNumber(offer.grossOre) : '');
  const amountOre = amountOf(amountText);
  const amountError = checked && amountOre === null ? t('offerFollowUp.dialog.amountInvalid') : undefined;
  const dateError = checked && !/^\d{4}-\d{2}-\d{2}$/.test(date) ? t('offerFollowUp.dialog.dateInvalid') : undefined;
  // The core's answer to the last try stays until the person changes what they typed.
  const [seenError, setSeenError] = useState<AppError | null>(null);
  const problem = error && error !== seenError ? describeError(t, error) : null;
  const edit = (apply: () => void) => {
    apply();
    setSeenError(error);
  };

  return (
    <Modal opened onClose={onClose} title={t(`decisions.${action}.title`, { caseNumber })}
      closeButtonProps={{ 'aria-label': t('decisions.cancel') }} styles={{ title: { fontWeight: 600 } }} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (amountOre === null || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
          onSubmit({ amountOre, occurredOn: date, ...(reference.trim() ? { reference: reference.trim() } : {}) });
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t(`decisions.${action}.explain`)}</Text>
          <Text size="sm" fw={500} role="status">
            {offer
              ? t('offerFollowUp.dialog.offer', {
                  version: offer.version,
                  total: formatNok(offer.grossOre),
                  validUntil: offer.validUntil ? formatDate(offer.validUntil) : '–',
                })
              : billing.loading
                ? t('offerFollowUp.dialog.loading')
                : t('offerFollowUp.dialog.noOffer')}
          </Text>
          <TextInput
            label={t('offerFollowUp.dialog.amount')}
            description={t('offerFollowUp.dialog.amountHint')}
            value={amountText}
            onChange={(event) => {
              const { value } = event.currentTarget;
              edit(() => setAmount(value));
            }}
            error={amountError}
            styles={FIELD_STYLES}
            required
            inputMode="decimal"
            data-autofocus
          />
          <TextInput
            type="date"
            label={t('offerFollowUp.dialog.date')}
            max={today}
            value={date}
            onChange={(event) => {
              const { value } = event.currentTarget;
              edit(() => setDate(value));
            }}
            error={dateError}
            styles={FIELD_STYLES}
            required
          />
          <TextInput
            label={t('offerFollowUp.dialog.reference')}
            description={t('offerFollowUp.dialog.referenceHint')}
            value={reference}
            onChange={(event) => setReference(event.currentTarget.value)}
            maxLength={100}
          />
          <DialogActions problem={problem} cancelLabel={t('decisions.cancel')} confirmLabel={t(`decisions.${action}.confirm`)}
            pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
