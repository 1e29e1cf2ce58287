// A case of the firm: where it stands (status, case handler, due date), what the grid company waits for (the
// supplement form, or the ferdigmelding once the work may be reported), the thread both ways, the facts as sent,
// and the archive with every file.
import { Alert, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalCase } from '../../../../shared/portalApi/cases';
import { dueDateMeaning } from '../../../../shared/rules';
import type { ApiError } from '../../app/api';
import { Link } from '../../app/router';
import { Card, ErrorAlert, Screen } from '../../app/Screen';
import { casesApi } from './api';
import { CaseArchive } from './CaseArchive';
import { CaseFacts } from './CaseFacts';
import { ConstructionPowerCard } from './ConstructionPowerCard';
import { CaseThread } from './CaseThread';
import { CompletionNoticeForm } from './CompletionNoticeForm';
import { Fact } from './Fact';
import { formatDay } from './format';
import { StatusBadge } from './StatusBadge';
import { SupplementForm } from './SupplementForm';
import { WithdrawRequest, canWithdraw } from './WithdrawRequest';

function Standing({ c }: { c: PortalCase }) {
  const { t } = useTranslation();
  const goAhead = c.thread.find((entry) => entry.type === 'outgoing' && entry.kind === 'start_approval');
  return (
    <Card labelledBy="case-standing">
      <Stack gap="sm">
        <Title order={2} id="case-standing" size="h3">{t('cases.case.summary')}</Title>
        <StatusBadge status={c.status} />
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" m={0}>
          <Fact label={t('cases.case.handler')}>{c.handler ?? t('cases.unassigned')}</Fact>
          {/* After the ferdigmelding the due date is when the meter is to be up (rules/meterClock.ts). */}
          <Fact label={dueDateMeaning(c.status) === 'meterMounting' ? t('cases.case.meterDue') : t('cases.case.due')}>{c.dueDate ? formatDay(c.dueDate) : t('cases.noDue')}</Fact>
          <Fact label={t('cases.case.requestType')}>{t(`cases.requestType.${c.requestType}`)}</Fact>
          <Fact label={t('cases.case.submitted')}>{formatDay(c.submittedAt)}</Fact>
          {c.closureReason && <Fact label={t('cases.case.closure')}>{t(`cases.closureReason.${c.closureReason}`)}</Fact>}
          {/* The klarsignal is written when the case releases the work: on payment, or on acceptance where the grid
              company releases then (rules/workRelease.ts) — so the portal says "may start" from it, not from a status. */}
          {goAhead && <Fact label={t('cases.case.goAhead')}>{t('cases.case.goAheadGiven', { date: formatDay(goAhead.at) })}</Fact>}
        </SimpleGrid>
        {c.decisionReason && (
          <Alert color={c.status === 'rejected' ? 'red' : 'blue'} variant="light"
            title={c.closureReason === 'withdrawn_by_installer' ? t('cases.withdraw.reason') : t('cases.case.decisionReason')}>
            {c.decisionReason}
          </Alert>
        )}
        {c.approvalConditions.length > 0 && (
          <div>
            <Text fw={600} size="sm">{t('cases.case.conditions')}</Text>
            <ul style={{ margin: 0 }}>{c.approvalConditions.map((condition) => <li key={condition}>{condition}</li>)}</ul>
          </div>
        )}
      </Stack>
    </Card>
  );
}

export function CaseScreen({ caseNumber }: { caseNumber: string }) {
  const { t } = useTranslation();
  const [found, setFound] = useState<PortalCase | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<string | null>(null);

  const load = useCallback(async () => {
    const answer = await casesApi.get(caseNumber);
    if (answer.ok) {
      setFound(answer.value);
      setError(null);
    } else {
      setFound(answer.error.status === 404 || answer.error.status === 400 ? null : undefined);
      setError(answer.error.status === 404 || answer.error.status === 400 ? null : answer.error);
    }
  }, [caseNumber]);
  useEffect(() => {
    void load();
  }, [load]);

  const afterSending = (notice: string) => {
    setSent(notice);
    void load();
  };

  return (
    <Screen
      title={t('cases.case.title', { caseNumber })}
      intro={<Group><Link to="cases">{t('cases.case.back')}</Link></Group>}
    >
      <ErrorAlert error={error} />
      {sent && (
        <Alert color="teal" variant="light" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setSent(null)}>
          {sent}
        </Alert>
      )}
      {found === undefined ? (error ? null : <Loader aria-label={t('app.loading')} size="sm" />)
        : found === null ? <Alert color="orange" variant="light" role="status">{t('cases.case.notFound')}</Alert>
          : (
            <>
              <Standing c={found} />
              {found.acceptsSupplement && (
                <SupplementForm c={found} onSent={() => afterSending(t('cases.supplement.sent'))} />
              )}
              {found.acceptsCompletionNotice && (
                <CompletionNoticeForm c={found} onSent={() => afterSending(t('cases.completion.sent'))} />
              )}
              <CaseThread c={found} />
              {canWithdraw(found) && <WithdrawRequest c={found} onWithdrawn={() => afterSending(t('cases.withdraw.sent'))} />}
              <CaseArchive c={found} />
              <ConstructionPowerCard c={found} />
              <CaseFacts c={found} />
            </>
          )}
    </Screen>
  );
}
