// Henvendelser (case handlers and supervisors): the installers' support requests from the portal — who asked, in
// which category, about which case (a link that opens it), what they wrote, when — each with Svar, which answers
// and closes it; and the answered ones with the answer, who and when. Online only: asked of the central service each
// time the screen opens and after each answer; without the service it says so. "Tilbake" or Esc returns to the queue.
import { Alert, Anchor, Button, Group, Table, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupportRequestView } from '../../../../shared/contract/supportRequests';
import { useApiQuery } from '../../api/useApiQuery';
import { useNavigation } from '../../app/navigation';
import { useOnlineScreen } from '../../app/useOnlineScreen';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { formatOrganisationNumber } from '../installer/organisationNumber';
import classes from '../settings/Settings.module.css';
import { AnswerDialog } from './AnswerDialog';
import { AttachmentLink } from './AttachmentLink';
import { requesterOf } from './requester';
import { describeSupportError } from './supportRequestErrors';

function Requester({ request }: { request: SupportRequestView }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" fw={600}>{requesterOf(t, request)}</Text>
      <Text size="xs">{t('supportRequests.org', { org: formatOrganisationNumber(request.organisationNumber) })}</Text>
      {request.firm ? <Text size="xs" style={{ overflowWrap: 'anywhere' }}>{request.contactEmail}</Text> : null}
      {request.contactPhone ? <Text size="xs">{t('supportRequests.phone', { phone: request.contactPhone })}</Text> : null}
    </>
  );
}

function CaseLink({ request }: { request: SupportRequestView }) {
  const { t } = useTranslation();
  const { openCase } = useNavigation();
  if (!request.case) return <Text size="sm" c="gray.7">{t('supportRequests.noCase')}</Text>;
  const { caseId, caseNumber } = request.case;
  if (caseId === null) {
    return <Text size="sm">{caseNumber} <Text span size="xs" c="gray.7">{t('supportRequests.caseNotCached')}</Text></Text>;
  }
  return (
    <Anchor component="button" type="button" size="sm" onClick={() => openCase(caseId)} aria-label={t('supportRequests.openCase', { caseNumber })}>
      {caseNumber}
    </Anchor>
  );
}

function Question({ request }: { request: SupportRequestView }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{request.text}</Text>
      {request.meterNumber || request.meterReading !== null ? (
        <Text size="xs" mt={4}>
          {t('supportRequests.meter', { meter: request.meterNumber ?? '–', reading: request.meterReading === null ? '–' : formatNumber(request.meterReading) })}
        </Text>
      ) : null}
      {request.attachmentName ? <AttachmentLink requestId={request.id} fileName={request.attachmentName} /> : null}
    </>
  );
}

/** One list of requests (open or answered): who, category, case and question, then the list's own two columns. */
function RequestsSection({ id, which, title, none, requests, columns, cells, receivedUnderQuestion = false }: {
  id: string;
  which: 'open' | 'answered';
  title: string;
  none: string;
  requests: SupportRequestView[];
  columns: [string, string];
  cells: (request: SupportRequestView) => ReactNode;
  /** The answered list shows when a request came under its question, the open list in a column of its own. */
  receivedUnderQuestion?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className={classes.section} aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">{title}</Title>
      {requests.length === 0 ? (
        <Text size="sm">{none}</Text>
      ) : (
        <Table striped withRowBorders verticalSpacing={6} data-testid={`support-requests-${which}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('supportRequests.columns.from')}</Table.Th>
              <Table.Th scope="col">{t('supportRequests.columns.category')}</Table.Th>
              <Table.Th scope="col">{t('supportRequests.columns.case')}</Table.Th>
              <Table.Th scope="col">{t('supportRequests.columns.text')}</Table.Th>
              {columns.map((column) => <Table.Th key={column} scope="col">{column}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {requests.map((request) => (
              <Table.Tr key={request.id} data-testid={`support-request-${which}`}>
                <Table.Th scope="row" fw={400} style={{ minWidth: 180 }}><Requester request={request} /></Table.Th>
                <Table.Td>{t(`supportRequests.category.${request.category}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><CaseLink request={request} /></Table.Td>
                <Table.Td style={{ minWidth: receivedUnderQuestion ? 220 : 260 }}>
                  <Question request={request} />
                  {receivedUnderQuestion ? (
                    <Text size="xs" c="gray.7" mt={4}>{t('supportRequests.receivedAt', { time: formatDateTime(request.createdAt) })}</Text>
                  ) : null}
                </Table.Td>
                {cells(request)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

export function SupportRequestsScreen() {
  const { t } = useTranslation();
  const { value: requests, error, loading, reload } = useApiQuery('supportRequest.list', {});
  const { open: answering, setOpen: setAnswering, done, headingRef, onDone, openQueue } = useOnlineScreen<SupportRequestView>('supportRequests.title', reload);
  const openId = useId();
  const answeredId = useId();

  const errorText = error ? describeSupportError(t, error) : null;
  const category = (request: SupportRequestView) => t(`supportRequests.category.${request.category}`);

  return (
    <div className={classes.screen}>
      <div className={classes.inner} style={{ maxWidth: 1280 }}>
        <Group justify="space-between" wrap="nowrap">
          <Button variant="subtle" onClick={openQueue} leftSection={<span aria-hidden>←</span>} aria-keyshortcuts="Escape">
            {t('supportRequests.back')}
          </Button>
          <Text size="xs" c="gray.7">{t('supportRequests.escHint')}</Text>
        </Group>
        <Group justify="space-between" align="flex-end">
          <Title order={1} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
            {t('supportRequests.title')}
          </Title>
          <Button variant="default" onClick={() => void reload()} loading={loading && requests !== undefined}>
            {t('supportRequests.reload')}
          </Button>
        </Group>
        <Text size="sm">{t('supportRequests.intro')}</Text>
        <div role="status" aria-live="polite">
          {done ? <Alert color="green" data-testid="support-requests-done">{done}</Alert> : null}
        </div>
        {errorText ? (
          <Alert color={error?.code === 'central.offline' ? 'blue' : 'red'} title={errorText.title} role="alert" data-testid="support-requests-problem">
            <Text size="sm">{errorText.message}</Text>
            {requests ? <Text size="sm" mt={4}>{t('supportRequests.stale', { time: formatDateTime(requests.fetchedAt) })}</Text> : null}
            <Button mt="sm" size="xs" variant="default" onClick={() => void reload()}>{t('app.retry')}</Button>
          </Alert>
        ) : null}
        {!requests && !error ? <Text size="sm" role="status">{t('supportRequests.loading')}</Text> : null}
        {requests ? (
          <>
            <RequestsSection
              id={openId} which="open" title={t('supportRequests.openTitle', { formatted: formatNumber(requests.open.length) })}
              none={t('supportRequests.noneOpen')} requests={requests.open}
              columns={[t('supportRequests.columns.received'), t('supportRequests.columns.answer')]}
              cells={(request) => (
                <>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(request.createdAt)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" onClick={() => setAnswering(request)}
                      aria-label={t('supportRequests.answerLabel', { who: requesterOf(t, request), category: category(request) })}>
                      {t('supportRequests.answer')}
                    </Button>
                  </Table.Td>
                </>
              )}
            />
            <RequestsSection
              id={answeredId} which="answered"
              title={t('supportRequests.answeredTitle', { formatted: formatNumber(requests.answered.length) })}
              none={t('supportRequests.noneAnswered')} requests={requests.answered}
              columns={[t('supportRequests.columns.givenAnswer'), t('supportRequests.columns.answeredBy')]}
              receivedUnderQuestion
              cells={(request) => (
                <>
                  <Table.Td style={{ minWidth: 220 }}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{request.answer}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{request.answeredBy?.displayName ?? ''}</Text>
                    <Text size="xs" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(request.answeredAt)}</Text>
                  </Table.Td>
                </>
              )}
            />
          </>
        ) : null}
      </div>
      {answering ? <AnswerDialog key={answering.id} request={answering} onClose={() => setAnswering(null)} onDone={onDone} /> : null}
    </div>
  );
}
