// Kundestøtte (signed in): a new request to the grid company, and the firm's requests with their answers.
import { Alert, Loader, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalSupportRequest } from '../../../../shared/portalApi/support';
import type { ApiError } from '../../app/api';
import { Card, ErrorAlert, Screen } from '../../app/Screen';
import { supportApi } from './api';
import { SupportForm } from './SupportForm';
import { SupportRequestList } from './SupportRequestList';

export function SupportScreen() {
  const { t } = useTranslation();
  const [requests, setRequests] = useState<PortalSupportRequest[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const formId = useId();
  const listId = useId();

  const load = useCallback(async () => {
    const answer = await supportApi.list();
    if (answer.ok) setRequests(answer.value.requests);
    else setError(answer.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Screen title={t('support.title')} intro={<Text>{t('support.intro')}</Text>}>
      <div role="status" aria-live="polite">
        {sent ? <Alert color="teal" variant="light" title={t('support.sentTitle')}>{t('support.sent')}</Alert> : null}
      </div>
      <Card labelledBy={formId}>
        <Title order={2} size="h3" id={formId} mb="sm">{t('support.newTitle')}</Title>
        <SupportForm onSent={(request) => {
          setSent(true);
          setRequests((current) => [request, ...(current ?? [])]);
        }} />
      </Card>
      <Card labelledBy={listId}>
        <Title order={2} size="h3" id={listId} mb="sm">{t('support.list.title')}</Title>
        <ErrorAlert error={error} />
        {requests === null && !error ? <Loader size="sm" aria-label={t('support.list.loading')} /> : null}
        {requests ? <SupportRequestList requests={requests} /> : null}
      </Card>
    </Screen>
  );
}
