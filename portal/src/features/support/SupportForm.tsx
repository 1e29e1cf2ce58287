// Ny henvendelse: a category (what installers ask grid companies about), optionally one of the firm's cases, for a
// wrong reading on a construction-power cabinet the meter number and the reading, the text, a contact phone, and
// one PDF, JPEG or PNG (a photo of the meter). Checked as the service checks before sending; the service also
// sniffs the file and answers a case number that is not the firm's as not found.
import { Button, FileInput, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ContactPhone, MeterNumber, READING_CATEGORY, SUPPORT_CATEGORIES, SUPPORT_LIMITS, type PortalSupportCategory,
  type PortalSupportRequest,
} from '../../../../shared/portalApi/support';
import type { ApiError } from '../../app/api';
import { base64Of, supportApi } from './api';
import { SupportErrorAlert } from './SupportErrorAlert';

const ACCEPTED = 'application/pdf,image/jpeg,image/png';
const CASE_NUMBER = /^\d{4}-\d{6}$/;

export function SupportForm({ onSent }: { onSent(request: PortalSupportRequest): void }) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<PortalSupportCategory | ''>('');
  const [caseNumber, setCaseNumber] = useState('');
  const [meterNumber, setMeterNumber] = useState('');
  const [reading, setReading] = useState('');
  const [text, setText] = useState('');
  const [phone, setPhone] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const aboutReading = category === READING_CATEGORY;
  const readingValue = Number(reading.replace(/\s/g, '').replace(',', '.'));
  const problems = {
    category: category === '' ? t('support.validation.category') : null,
    caseNumber: caseNumber.trim() !== '' && !CASE_NUMBER.test(caseNumber.trim()) ? t('support.validation.caseNumber') : null,
    meterNumber: aboutReading && !MeterNumber.safeParse(meterNumber).success ? t('support.validation.meterNumber') : null,
    reading: aboutReading && (reading.trim() === '' || !Number.isFinite(readingValue) || readingValue < 0) ? t('support.validation.reading') : null,
    text: text.trim() === '' ? t('support.validation.text') : null,
    phone: !ContactPhone.safeParse(phone).success ? t('support.validation.phone') : null,
    file: file && file.size > SUPPORT_LIMITS.attachmentBytes ? t('support.validation.fileSize') : null,
  };
  const notFound = error?.code === 'case.notFound';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.values(problems).some((problem) => problem !== null) || category === '') return;
    setBusy(true);
    setError(null);
    const attachment = file ? { fileName: file.name, contentBase64: await base64Of(file) } : undefined;
    const answer = await supportApi.submit({
      category,
      caseNumber: caseNumber.trim() || undefined,
      meterNumber: aboutReading ? meterNumber.trim() : undefined,
      meterReading: aboutReading ? readingValue : undefined,
      text: text.trim(),
      contactPhone: phone.trim(),
      attachment,
    });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setCategory('');
    setCaseNumber('');
    setMeterNumber('');
    setReading('');
    setText('');
    setFile(null);
    setChecked(false);
    onSent(answer.value.request);
  };

  const shown = (problem: string | null) => (checked ? problem ?? undefined : undefined);
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <SupportErrorAlert error={error} />
        <NativeSelect
          label={t('support.fields.category')}
          value={category}
          onChange={(event) => setCategory(event.currentTarget.value as PortalSupportCategory | '')}
          data={[{ value: '', label: t('support.fields.categoryChoose') },
            ...SUPPORT_CATEGORIES.map((value) => ({ value, label: t(`support.category.${value}`) }))]}
          error={shown(problems.category)}
          required
        />
        <TextInput
          label={t('support.fields.caseNumber')}
          description={t('support.fields.caseNumberHelp')}
          value={caseNumber}
          onChange={(event) => {
            setCaseNumber(event.currentTarget.value);
            if (notFound) setError(null);
          }}
          error={notFound ? t('support.errors.case_notFound') : shown(problems.caseNumber)}
        />
        {aboutReading ? (
          <>
            <TextInput
              label={t('support.fields.meterNumber')}
              description={t('support.fields.meterNumberHelp')}
              value={meterNumber}
              onChange={(event) => setMeterNumber(event.currentTarget.value)}
              error={shown(problems.meterNumber)}
              required
            />
            <TextInput
              label={t('support.fields.reading')}
              description={t('support.fields.readingHelp')}
              inputMode="decimal"
              value={reading}
              onChange={(event) => setReading(event.currentTarget.value)}
              error={shown(problems.reading)}
              required
            />
          </>
        ) : null}
        <Textarea
          label={t('support.fields.text')}
          autosize
          minRows={4}
          maxLength={SUPPORT_LIMITS.textLength}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={shown(problems.text)}
          required
        />
        <TextInput
          label={t('support.fields.phone')}
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          value={phone}
          onChange={(event) => setPhone(event.currentTarget.value)}
          error={shown(problems.phone)}
          required
        />
        <FileInput
          label={t('support.fields.attachment')}
          description={t('support.fields.attachmentHelp')}
          accept={ACCEPTED}
          clearable
          clearButtonProps={{ 'aria-label': t('support.fields.attachmentRemove') }}
          value={file}
          onChange={setFile}
          error={shown(problems.file)}
        />
        <Button type="submit" loading={busy} fullWidth>{t('support.submit')}</Button>
      </Stack>
    </form>
  );
}
