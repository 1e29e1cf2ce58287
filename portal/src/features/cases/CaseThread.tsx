// The thread both ways, oldest first: the firm's messages (with their files), the grid company's messages (a request
// for information with what it asks for, approval, rejection, the go-ahead to start) and the changes of status with
// the reason the installer must be told.
import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalCase, PortalThreadEntry } from '../../../../shared/portalApi/cases';
import { currentLanguage } from '../../i18n';
import { Card } from '../../app/Screen';
import { FileDownload } from './CaseArchive';
import { formatDay, formatMoment, formatNumber } from './format';

type Entry<T extends PortalThreadEntry['type']> = Extract<PortalThreadEntry, { type: T }>;

function Incoming({ entry, caseNumber, onFailed }: { entry: Entry<'incoming'>; caseNumber: string; onFailed(): void }) {
  const { t } = useTranslation();
  const fieldName = (name: string) => t(`cases.fields.${name}`, { defaultValue: name });
  return (
    <Stack gap={6}>
      {entry.text && <Text style={{ whiteSpace: 'pre-wrap' }}>{entry.text}</Text>}
      {entry.changedFields.length > 0 && <Text size="sm">{t('cases.thread.changed', { fields: entry.changedFields.map(fieldName).join(', ') })}</Text>}
      {entry.partial && <Text size="sm" fw={600}>{t('cases.thread.partial')}</Text>}
      {entry.completedOn && <Text size="sm">{t('cases.thread.completedOn', { date: formatDay(entry.completedOn) })}</Text>}
      {entry.energisedOn && <Text size="sm">{t('cases.thread.energisedOn', { date: formatDay(entry.energisedOn) })}</Text>}
      {entry.meterReadings.length > 0 ? (
        <List size="sm">
          {entry.meterReadings.map((r) => (
            <List.Item key={r.meterNumber}>{t('cases.thread.reading', { meter: r.meterNumber, reading: formatNumber(r.readingKwh) })}</List.Item>
          ))}
        </List>
      ) : entry.meterNumbers.length > 0 && <Text size="sm">{t('cases.thread.meters')}: {entry.meterNumbers.join(', ')}</Text>}
      {entry.attachments.length > 0 && (
        <div>
          <Text size="sm" fw={600}>{t('cases.thread.files')}</Text>
          <Group gap={4} wrap="wrap">
            {entry.attachments.map((file) => <FileDownload key={file.id} caseNumber={caseNumber} file={file} onFailed={onFailed} />)}
          </Group>
        </div>
      )}
    </Stack>
  );
}

function Outgoing({ entry }: { entry: Entry<'outgoing'> }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Stack gap={6}>
      <Text fw={600}>{entry.subject}</Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{entry.body}</Text>
      {entry.items.length > 0 && (
        <div>
          <Text size="sm" fw={600}>{t('cases.thread.asked')}</Text>
          <List size="sm">{entry.items.map((item) => <List.Item key={item.code}>{item.label[language]}</List.Item>)}</List>
        </div>
      )}
    </Stack>
  );
}

function StatusChange({ entry }: { entry: Entry<'status'> }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm">{t('cases.thread.movedTo', { status: t(`cases.status.${entry.to}`) })}</Text>
      {entry.reason && <Text size="sm">{t('cases.thread.reason', { reason: entry.reason })}</Text>}
      {entry.conditions.length > 0 && (
        <List size="sm">{entry.conditions.map((condition) => <List.Item key={condition}>{condition}</List.Item>)}</List>
      )}
    </Stack>
  );
}

function heading(entry: PortalThreadEntry, t: (key: string) => string): { from: string; what: string; colour: string } {
  if (entry.type === 'incoming') return { from: t('cases.thread.fromYou'), what: t(`cases.thread.incoming.${entry.kind}`), colour: 'gray' };
  if (entry.type === 'outgoing') return { from: t('cases.thread.fromGrid'), what: t(`cases.thread.outgoing.${entry.kind}`), colour: 'blue' };
  return { from: t('cases.thread.statusChange'), what: '', colour: 'gray' };
}

export function CaseThread({ c }: { c: PortalCase }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  return (
    <Card labelledBy="case-thread">
      <Title order={2} id="case-thread" size="h3">{t('cases.thread.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('cases.thread.intro')}</Text>
      {failed && <Text c="red.8" role="alert" mb="sm">{t('cases.archive.downloadFailed')}</Text>}
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {c.thread.map((entry, index) => {
          const { from, what, colour } = heading(entry, t);
          return (
            <Paper
              component="li"
              key={`${entry.at}-${index}`}
              withBorder={entry.type !== 'status'}
              p={entry.type === 'status' ? 'xs' : 'sm'}
              radius="md"
              bg={entry.type === 'outgoing' ? 'blue.0' : entry.type === 'status' ? 'gray.0' : undefined}
              ml={{ base: 0, sm: entry.type === 'outgoing' ? 0 : 'xl' }}
              mr={{ base: 0, sm: entry.type === 'outgoing' ? 'xl' : 0 }}
            >
              <Group justify="space-between" gap="xs" mb={entry.type === 'status' ? 0 : 'xs'} wrap="wrap">
                <Group gap="xs">
                  <Badge variant="light" color={colour} tt="none">{from}</Badge>
                  {what && <Text fw={600} size="sm">{what}</Text>}
                </Group>
                <Text size="xs" c="dimmed" component="time" dateTime={entry.at}>{formatMoment(entry.at)}</Text>
              </Group>
              {entry.type === 'incoming' ? <Incoming entry={entry} caseNumber={c.caseNumber} onFailed={() => setFailed(true)} />
                : entry.type === 'outgoing' ? <Outgoing entry={entry} /> : <StatusChange entry={entry} />}
            </Paper>
          );
        })}
      </Stack>
    </Card>
  );
}
