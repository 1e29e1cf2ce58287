// The ferdigmelding: the meters with their readings, when the work was finished and the installation energised,
// and the samsvarserklæring attached (PDF). For construction power the same notice asks for termination.
import { Button, Checkbox, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalCase } from '../../../../shared/portalApi/cases';
import type { ApiError } from '../../app/api';
import { Card } from '../../app/Screen';
import { useSession } from '../../app/session';
import { casesApi } from './api';
import { attachmentOf, newMessageId } from './files';
import { FileField, SendError, senderOf } from './formParts';

interface MeterRow {
  meterNumber: string;
  reading: string;
}

const readingOf = (raw: string) => {
  const value = Number(raw.trim().replace(',', '.'));
  return raw.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : null;
};

export function CompletionNoticeForm({ c, onSent }: { c: PortalCase; onSent(): void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const termination = c.requestType === 'temporary_installation';
  const [meters, setMeters] = useState<MeterRow[]>(() =>
    (c.installation.meterNumbers.length > 0 ? c.installation.meterNumbers : ['']).map((meterNumber) => ({ meterNumber, reading: '' })));
  const [completedOn, setCompletedOn] = useState('');
  const [energisedOn, setEnergisedOn] = useState('');
  const [declaration, setDeclaration] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [partial, setPartial] = useState(false);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  // The case's own meters need their reading (rules/completionNotice.ts); a new installation's meter is mounted after
  // the notice, so an empty extra row is left out rather than refused.
  const rowProblems = meters.map((row) => {
    const needed = c.installation.meterNumbers.includes(row.meterNumber.trim()) || row.meterNumber.trim() !== '' || row.reading.trim() !== '';
    return {
      meterNumber: needed && row.meterNumber.trim() === '' ? t('cases.validation.required') : null,
      reading: needed && readingOf(row.reading) === null ? t('cases.validation.number') : null,
    };
  });
  const problems = {
    completedOn: completedOn === '' ? t('cases.validation.date') : null,
    energisedOn: !termination && energisedOn === '' ? t('cases.validation.date') : null,
    declaration: !termination && declaration === null ? t('cases.completion.declarationMissing') : null,
  };
  const invalid = Object.values(problems).some(Boolean) || (!termination && rowProblems.some((p) => p.meterNumber || p.reading));
  const setRow = (index: number, change: Partial<MeterRow>) => setMeters(meters.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!me || invalid) return;
    setBusy(true);
    setError(null);
    const filled = meters.filter((row) => row.meterNumber.trim() !== '' && readingOf(row.reading) !== null);
    const answer = await casesApi.send({
      messageId: newMessageId(),
      kind: 'completion_notice',
      sentAt: new Date().toISOString(),
      sender: senderOf(me),
      caseNumber: c.caseNumber,
      completedOn,
      ...(energisedOn ? { energisedOn } : {}),
      ...(filled.length > 0 ? {
        meterNumbers: filled.map((row) => row.meterNumber.trim()),
        meterReadings: filled.map((row) => ({ meterNumber: row.meterNumber.trim(), readingKwh: readingOf(row.reading) })),
      } : {}),
      attachments: declaration ? [await attachmentOf('declaration_of_conformity', declaration)] : [],
      ...(text.trim() ? { text: text.trim() } : {}),
      ...(partial ? { partial: true } : {}),
    });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    onSent();
  };

  return (
    <Card labelledBy="completion-title">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Title order={2} id="completion-title" size="h3">{t(termination ? 'cases.completion.titleTermination' : 'cases.completion.title')}</Title>
          <Text size="sm">{t(termination ? 'cases.completion.introTermination' : 'cases.completion.intro')}</Text>
          {meters.map((row, index) => (
            <Stack key={index} gap="xs" component="fieldset" m={0} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
              <Text component="legend" fw={600} size="sm" px={4}>{t('cases.completion.meterRow', { n: index + 1 })}</Text>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <TextInput label={t('cases.completion.meterNumber')} value={row.meterNumber}
                  onChange={(event) => setRow(index, { meterNumber: event.currentTarget.value })}
                  error={checked ? rowProblems[index].meterNumber : null} />
                <TextInput label={t('cases.completion.reading')} inputMode="decimal" value={row.reading}
                  onChange={(event) => setRow(index, { reading: event.currentTarget.value })}
                  error={checked ? rowProblems[index].reading : null} />
              </SimpleGrid>
              {meters.length > 1 && (
                <Button variant="subtle" color="red" size="compact-sm" style={{ alignSelf: 'flex-start' }}
                  onClick={() => setMeters(meters.filter((_, i) => i !== index))}>
                  {t('cases.completion.removeMeter', { n: index + 1 })}
                </Button>
              )}
            </Stack>
          ))}
          <Button variant="default" size="xs" style={{ alignSelf: 'flex-start' }}
            onClick={() => setMeters([...meters, { meterNumber: '', reading: '' }])}>
            {t('cases.completion.addMeter')}
          </Button>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput type="date" label={t('cases.completion.completedOn')} value={completedOn}
              onChange={(event) => setCompletedOn(event.currentTarget.value)} error={checked ? problems.completedOn : null} />
            <TextInput type="date" label={t('cases.completion.energisedOn')} value={energisedOn}
              onChange={(event) => setEnergisedOn(event.currentTarget.value)} error={checked ? problems.energisedOn : null} />
          </SimpleGrid>
          <FileField label={t('cases.completion.declaration')} accept="application/pdf,.pdf"
            onChange={(list) => setDeclaration(list[0] ?? null)} error={checked ? problems.declaration : null} />
          {!termination && (
            <Checkbox label={t('cases.completion.partial')} description={t('cases.completion.partialHint')}
              checked={partial} onChange={(event) => setPartial(event.currentTarget.checked)} />
          )}
          <Textarea label={t('cases.completion.text')} autosize minRows={2} maxLength={4000} value={text}
            onChange={(event) => setText(event.currentTarget.value)} />
          <SendError error={error} />
          <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
            {t(termination ? 'cases.completion.titleTermination' : 'cases.completion.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
