// The firm's requests, newest first: what was asked, in which category and about which case, its state in plain
// words, and the grid company's answer once given.
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalSupportRequest } from '../../../../shared/portalApi/support';
import { currentLanguage } from '../../i18n';

const locale = () => (currentLanguage() === 'nb' ? 'nb-NO' : 'en-GB');
const when = (iso: string) => new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });

export function SupportRequestList({ requests }: { requests: PortalSupportRequest[] }) {
  const { t } = useTranslation();
  if (requests.length === 0) return <Text size="sm">{t('support.list.none')}</Text>;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {requests.map((request) => (
        <Paper component="li" key={request.id} withBorder p="sm" radius="sm" data-testid="support-request">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text fw={600} size="sm">{t(`support.category.${request.category}`)}</Text>
            <Badge color={request.state === 'closed' ? 'teal' : 'orange'} variant="light">
              {t(`support.state.${request.state}`)}
            </Badge>
          </Group>
          <Text size="xs" c="gray.7">
            {t('support.list.sent', { time: when(request.createdAt) })}
            {request.caseNumber ? ` · ${t('support.list.case', { caseNumber: request.caseNumber })}` : ''}
          </Text>
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{request.text}</Text>
          {request.meterNumber !== null ? (
            <Text size="xs" mt={4}>{t('support.list.meter', { meter: request.meterNumber, reading: request.meterReading?.toLocaleString(locale()) ?? '–' })}</Text>
          ) : null}
          {request.attachment ? <Text size="xs" mt={4}>{t('support.list.attachment', { name: request.attachment.fileName })}</Text> : null}
          {request.answer ? (
            <Paper bg="gray.0" p="xs" mt="xs" radius="sm">
              <Text size="xs" fw={600}>{t('support.list.answer', { time: request.answeredAt ? when(request.answeredAt) : '' })}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{request.answer}</Text>
            </Paper>
          ) : (
            <Text size="xs" mt="xs" c="gray.7">{t('support.list.waiting')}</Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
