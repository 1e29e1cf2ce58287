// Innboks: the grid company's messages on the firm's cases, unread first. Opening a message shows its text and the
// items asked for, and records that the firm has read it (the first reading counts; the desk sees when).
import { Alert, Badge, Button, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalInboxMessage } from '../../../../shared/portalApi/inbox';
import type { ApiError } from '../../app/api';
import { Card, ErrorAlert, Screen } from '../../app/Screen';
import { currentLanguage } from '../../i18n';
import { inboxApi } from './api';
import { setUnreadCount } from './unreadCount';

const formatMoment = (iso: string) => new Date(iso).toLocaleString(currentLanguage() === 'nb' ? 'nb-NO' : 'en-GB', {
  dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo',
});

function InboxMessage({ message, onRead }: { message: PortalInboxMessage; onRead: (id: string, readAt: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const headingId = `message-${message.id}`;
  const bodyId = `message-body-${message.id}`;

  const toggle = async () => {
    const opening = !open;
    setOpen(opening);
    if (!opening || message.readAt) return;
    const answer = await inboxApi.markRead(message.id);
    if (answer.ok) onRead(message.id, answer.value.readAt);
    else setError(answer.error);
  };

  return (
    <Card labelledBy={headingId}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          {message.readAt ? null : <Badge color="blue" variant="filled">{t('inbox.unread')}</Badge>}
          <Badge color="gray" variant="light">{t(`inbox.kind.${message.kind}`)}</Badge>
          <Text size="sm" c="dimmed">{t('inbox.case', { caseNumber: message.caseNumber })}</Text>
        </Group>
        <Title order={2} size="h4" id={headingId} fw={message.readAt ? 500 : 700} style={{ overflowWrap: 'anywhere' }}>
          {message.subject}
        </Title>
        <Text size="sm" c="dimmed">
          {t('inbox.sent', { at: formatMoment(message.sentAt) })}
          {message.readAt ? ` · ${t('inbox.read', { at: formatMoment(message.readAt) })}` : ''}
        </Text>
        <Group>
          <Button variant="default" size="sm" onClick={() => void toggle()} aria-expanded={open} aria-controls={bodyId}>
            {open ? t('inbox.hide') : t('inbox.show')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
        <div id={bodyId} hidden={!open}>
          <Stack gap="sm">
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{message.body}</Text>
            {message.items.length > 0 && (
              <div>
                <Text fw={600}>{t('inbox.missingItems')}</Text>
                <List>
                  {message.items.map((item) => (
                    <List.Item key={item}>{t(`inbox.items.${item}`, { defaultValue: item })}</List.Item>
                  ))}
                </List>
                {message.kind === 'information_request' && <Text size="sm" mt="xs">{t('inbox.answerHint')}</Text>}
              </div>
            )}
          </Stack>
        </div>
      </Stack>
    </Card>
  );
}

export function InboxScreen() {
  const { t } = useTranslation();
  const [messages, setMessages] = useState<PortalInboxMessage[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    setFailed(false);
    const answer = await inboxApi.list();
    if (!answer.ok) {
      setFailed(true);
      return;
    }
    setMessages(answer.value.messages);
    setUnread(answer.value.unread);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // The message stays where it is until the next visit, so that it does not jump away under the reader's finger.
  const onRead = (id: string, readAt: string) => {
    setMessages((list) => list?.map((m) => (m.id === id ? { ...m, readAt } : m)) ?? null);
    setUnread((count) => Math.max(0, count - 1));
  };

  // The navigation's count follows what this screen knows.
  useEffect(() => {
    if (messages !== null) setUnreadCount(unread);
  }, [messages, unread]);

  return (
    <Screen title={t('inbox.title')} intro={<Text>{t('inbox.intro')}</Text>}>
      {failed ? (
        <Alert color="red" variant="light" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text>{t('inbox.loadFailed')}</Text>
            <Button variant="default" size="xs" onClick={() => void load()}>{t('inbox.retry')}</Button>
          </Stack>
        </Alert>
      ) : messages === null ? (
        <Loader aria-label={t('app.loading')} />
      ) : messages.length === 0 ? (
        <Text>{t('inbox.empty')}</Text>
      ) : (
        <>
          <Text role="status" fw={500}>{t('inbox.unreadCount', { count: unread })}</Text>
          <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {messages.map((message) => (
              <li key={message.id}>
                <InboxMessage message={message} onRead={onRead} />
              </li>
            ))}
          </Stack>
        </>
      )}
    </Screen>
  );
}
