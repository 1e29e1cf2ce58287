// Reporting an order done from the site: the day, for meter mounting the new meter's number and reading, photos
// straight from the phone's camera and the samsvarserklæring. Checked as typed with the rules the service applies;
// the files' types are the service's to sniff.
import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PORTAL_REPORT_MAX_PHOTOS, type PortalWorkOrder } from '../../../../shared/portalApi/workOrders';
import { doneOnProblem, METER_NUMBER_PATTERN, reportNeedsMeter } from '../../../../shared/rules/workOrderAnswers';
import type { ApiError } from '../../app/api';
import { Card } from '../../app/Screen';
import { asInlineFile, workOrderApi } from './api';
import { osloToday, WorkOrderError } from './present';
import classes from './workOrders.module.css';

/** "12,5" or "12.5" → 12.5; anything else → null. */
const readingOf = (text: string): number | null => {
  const normalised = text.trim().replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d)?$/.test(normalised) ? Number(normalised) : null;
};

function FilePicker({ label, hint, accept, capture, multiple, files, onChange, error }: {
  label: string; hint?: string; accept: string; capture?: 'environment'; multiple?: boolean; files: File[];
  onChange(files: File[]): void; error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={classes.filePicker}>
      <label htmlFor={id} className={classes.fileLabel}>{label}</label>
      {hint ? <Text id={hintId} size="xs" c="gray.7">{hint}</Text> : null}
      <input
        id={id}
        type="file"
        accept={accept}
        capture={capture}
        multiple={multiple}
        aria-describedby={hint ? hintId : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange([...(event.currentTarget.files ?? [])])}
        className={classes.fileInput}
      />
      {files.length > 0 ? <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{t('workOrders.report.chosen', { names: files.map((f) => f.name).join(', ') })}</Text> : null}
      {error ? <Text size="sm" c="red.8" role="alert">{error}</Text> : null}
    </div>
  );
}

export function ReportWorkOrderForm({ order, onAnswered }: { order: PortalWorkOrder; onAnswered(order: PortalWorkOrder, notice: string): void }) {
  const { t } = useTranslation();
  const today = osloToday();
  const needsMeter = reportNeedsMeter(order.workKind);
  const [doneOn, setDoneOn] = useState(today);
  const [meterNumber, setMeterNumber] = useState('');
  const [reading, setReading] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [declaration, setDeclaration] = useState<File[]>([]);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const dateProblem = doneOn === '' ? t('workOrders.validation.date')
    : doneOnProblem(doneOn, today) === 'future' ? t('workOrders.validation.doneFuture') : undefined;
  const meterProblem = (needsMeter || meterNumber.trim() !== '') && !METER_NUMBER_PATTERN.test(meterNumber.trim())
    ? t('workOrders.validation.meterNumber') : undefined;
  const readingProblem = (needsMeter || reading.trim() !== '') && readingOf(reading) === null ? t('workOrders.validation.meterReading') : undefined;
  const photoProblem = photos.length > PORTAL_REPORT_MAX_PHOTOS ? t('workOrders.validation.tooManyPhotos') : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (dateProblem || meterProblem || readingProblem || photoProblem) return;
    setBusy(true);
    setError(null);
    const [inlinePhotos, inlineDeclaration] = await Promise.all([
      Promise.all(photos.map(asInlineFile)), declaration[0] ? asInlineFile(declaration[0]) : Promise.resolve(undefined)]);
    const answer = await workOrderApi.report(order.id, {
      doneOn,
      meterNumber: meterNumber.trim() || undefined,
      meterReading: readingOf(reading) ?? undefined,
      photos: inlinePhotos,
      declaration: inlineDeclaration,
    });
    setBusy(false);
    if (answer.ok) onAnswered(answer.value.order, t(answer.value.duplicate ? 'workOrders.report.duplicate' : 'workOrders.report.done'));
    else setError(answer.error);
  };

  return (
    <Card labelledBy="work-order-report">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Title order={2} id="work-order-report">{t('workOrders.report.title')}</Title>
          <Text size="sm">{t('workOrders.report.intro')}</Text>
          <WorkOrderError error={error} />
          <TextInput type="date" label={t('workOrders.report.doneOn')} value={doneOn} max={today} required maw={260}
            onChange={(event) => setDoneOn(event.currentTarget.value)} error={checked ? dateProblem : undefined} />
          <TextInput label={t('workOrders.report.meterNumber')} description={t('workOrders.report.meterNumberHint')} value={meterNumber}
            required={needsMeter} autoComplete="off" autoCapitalize="characters" maw={320}
            onChange={(event) => setMeterNumber(event.currentTarget.value)} error={checked ? meterProblem : undefined} />
          <TextInput label={t('workOrders.report.meterReading')} value={reading} inputMode="decimal" required={needsMeter}
            autoComplete="off" maw={200} onChange={(event) => setReading(event.currentTarget.value)} error={checked ? readingProblem : undefined} />
          <FilePicker label={t('workOrders.report.photos')} hint={t('workOrders.report.photosHint')} accept="image/*" capture="environment"
            multiple files={photos} onChange={setPhotos} error={checked ? photoProblem : undefined} />
          <FilePicker label={t('workOrders.report.declaration')} accept="application/pdf" files={declaration} onChange={setDeclaration} />
          <Button type="submit" loading={busy} w="fit-content">{t('workOrders.report.submit')}</Button>
        </Stack>
      </form>
    </Card>
  );
}
