// Construction power's two readings from the decision bar: connecting the cabinet (the meter's reading at the start
// and the day) and taking it down (the final reading and the day; the start too when the connection was never
// recorded). The days the rent will be billed for are shown as the dates are typed.
import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rentalDaysBetween } from '../../../../shared/rules';
import type { AppError, CaseDetail } from '../../api/contract';
import { describeError } from '../../api/describeError';
import { DialogActions } from '../../app/DialogActions';
import { formatDate, formatNumber } from '../../i18n/format';
import { readingOf } from './meterReadingText';

export type ReadingStep = 'registerConnection' | 'registerDisconnection';

export interface ReadingValues {
  startReading?: number;
  connectedOn?: string;
  finalReading?: number;
  disconnectedOn?: string;
}

interface Props {
  action: ReadingStep;
  detail: CaseDetail;
  today: string;
  pending: boolean;
  error: AppError | null;
  onClose(): void;
  onSubmit(values: ReadingValues): void;
}

/** A field's error in the darker red: Mantine's default red is below 4.5:1 on the dialog's grey. */
const FIELD_STYLES = { error: { color: 'var(--mantine-color-red-9)' } };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function ReadingField({ label, value, onChange, error, autofocus }: {
  label: string; value: string; onChange(value: string): void; error?: string; autofocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <TextInput label={label} description={t('constructionPower.dialog.readingHint')} value={value} inputMode="decimal"
      rightSection={<Text size="sm" c="dimmed">kWh</Text>} rightSectionWidth={48}
      onChange={(event) => onChange(event.currentTarget.value)} error={error} styles={FIELD_STYLES} required data-autofocus={autofocus} />
  );
}

export function MeterReadingDialog({ action, detail, today, pending, error, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const power = detail.constructionPower;
  const disconnecting = action === 'registerDisconnection';
  const askStart = !disconnecting || power?.startReading === null || power?.connectedOn === null;
  const [startText, setStartText] = useState('');
  const [connectedOn, setConnectedOn] = useState(disconnecting ? '' : today);
  const [finalText, setFinalText] = useState('');
  const [disconnectedOn, setDisconnectedOn] = useState(today);
  const [checked, setChecked] = useState(false);
  const [seenError, setSeenError] = useState<AppError | null>(null);
  const edit = (apply: () => void) => {
    apply();
    setSeenError(error);
  };
  const problem = error && error !== seenError ? describeError(t, error) : null;

  const startReading = askStart ? readingOf(startText) : power?.startReading ?? null;
  const startDate = askStart ? connectedOn : power?.connectedOn ?? '';
  const finalReading = readingOf(finalText);
  const readingError = (value: number | null) => (checked && value === null ? t('constructionPower.dialog.readingInvalid') : undefined);
  const dateError = (value: string) => (checked && !ISO_DATE.test(value) ? t('constructionPower.dialog.dateInvalid') : undefined);
  const days = disconnecting && ISO_DATE.test(startDate) && ISO_DATE.test(disconnectedOn) && disconnectedOn >= startDate
    ? rentalDaysBetween(startDate, disconnectedOn) : null;

  const submit = () => {
    setChecked(true);
    if (askStart && (startReading === null || !ISO_DATE.test(connectedOn))) return;
    if (disconnecting && (finalReading === null || !ISO_DATE.test(disconnectedOn))) return;
    const start = askStart ? { startReading: startReading as number, connectedOn } : {};
    onSubmit(disconnecting ? { ...start, finalReading: finalReading as number, disconnectedOn } : start);
  };

  return (
    <Modal opened onClose={onClose} title={t(`decisions.${action}.title`, { caseNumber: detail.caseNumber })}
      closeButtonProps={{ 'aria-label': t('decisions.cancel') }} styles={{ title: { fontWeight: 600 } }} size="lg">
      <form noValidate onSubmit={(event) => { event.preventDefault(); submit(); }}>
        <Stack gap="md">
          <Text size="sm">{t(`decisions.${action}.explain`)}</Text>
          {disconnecting && !askStart && power && (
            <Text size="sm" fw={500}>
              {t('constructionPower.dialog.startWas', { reading: formatNumber(power.startReading), date: formatDate(power.connectedOn) })}
            </Text>
          )}
          {askStart && (
            <>
              <ReadingField label={t('constructionPower.startReading')} value={startText} error={readingError(startReading)}
                onChange={(value) => edit(() => setStartText(value))} autofocus />
              <TextInput type="date" label={t('constructionPower.connectedOn')} max={today} value={connectedOn}
                onChange={(event) => { const { value } = event.currentTarget; edit(() => setConnectedOn(value)); }}
                error={dateError(connectedOn)} styles={FIELD_STYLES} required />
            </>
          )}
          {disconnecting && (
            <>
              <ReadingField label={t('constructionPower.finalReading')} value={finalText} error={readingError(finalReading)}
                onChange={(value) => edit(() => setFinalText(value))} autofocus={!askStart} />
              <TextInput type="date" label={t('constructionPower.disconnectedOn')} max={today} value={disconnectedOn}
                onChange={(event) => { const { value } = event.currentTarget; edit(() => setDisconnectedOn(value)); }}
                error={dateError(disconnectedOn)} styles={FIELD_STYLES} required />
              <Text size="sm" role="status">
                {days === null ? '' : t('constructionPower.dialog.rentDays', { count: days })}
              </Text>
            </>
          )}
          <DialogActions problem={problem} cancelLabel={t('decisions.cancel')} confirmLabel={t(`decisions.${action}.confirm`)}
            pending={pending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
