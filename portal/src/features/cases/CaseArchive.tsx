// The archive: every file of the case, each a download.
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalAttachment, PortalCase } from '../../../../shared/portalApi/cases';
import { Card } from '../../app/Screen';
import { casesApi } from './api';
import { formatDay, kilobytes } from './format';

export function FileDownload({ caseNumber, file, onFailed }: { caseNumber: string; file: PortalAttachment; onFailed(): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    const done = await casesApi.download(caseNumber, file.id, file.fileName);
    setBusy(false);
    if (!done) onFailed();
  };
  return (
    <Button variant="subtle" size="compact-sm" px={4} loading={busy} onClick={() => void download()}
      aria-label={t('cases.archive.download', { name: file.fileName })}
      styles={{ label: { whiteSpace: 'normal', textAlign: 'left' }, root: { height: 'auto', maxWidth: '100%' } }}>
      {file.fileName}
    </Button>
  );
}

export function CaseArchive({ c }: { c: PortalCase }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  return (
    <Card labelledBy="case-archive">
      <Title order={2} id="case-archive" size="h3">{t('cases.archive.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('cases.archive.intro')}</Text>
      {failed && <Alert color="red" variant="light" role="alert" mb="sm">{t('cases.archive.downloadFailed')}</Alert>}
      {c.attachments.length === 0 ? <Text>{t('cases.archive.none')}</Text> : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {c.attachments.map((file) => (
            <Group component="li" key={file.id} justify="space-between" gap="xs" wrap="wrap">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <FileDownload caseNumber={c.caseNumber} file={file} onFailed={() => setFailed(true)} />
                <Text size="xs" c="dimmed" px={4}>{t(`cases.attachmentKind.${file.kind}`)}</Text>
              </Stack>
              <Text size="sm" c="dimmed">{formatDay(file.receivedAt)} · {t('cases.archive.kb', { size: kilobytes(file.sizeBytes) })}</Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
