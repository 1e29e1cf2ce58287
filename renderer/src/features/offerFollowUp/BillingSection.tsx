// Fakturering: the offer's billing steps on this case — sent, accepted, invoiced, paid — from the desk and from the
// billing file, whether the installer's start approval has gone out, and, most visibly, the rows from the billing
// file that could not be applied (an amount that does not match the offer, an unknown or superseded version, …):
// a warning each, with what is wrong, until a person marks it resolved.
import { Alert, Button, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNok } from '../../../../shared/rules';
import type { BillingEventView, CaseDetail } from '../../api/contract';
import { describeError } from '../../api/describeError';
import { useApiQuery } from '../../api/useApiQuery';
import { useApiMutation } from '../../data/useApiMutation';
import { formatDate, formatDateTime } from '../../i18n/format';
import classes from '../case/Case.module.css';
import { Section } from '../case/Section';
import { describeOwnerAnswer, latestOwnerAnswer } from './describeOwnerAnswer';

/** One step in words: "Betaling registrert: tilbud versjon 2, 12 345,00 kr, 01.12.2026 (ref. KID 123)". */
export function describeBillingStep(t: TFunction, event: Pick<BillingEventView, 'kind' | 'offerVersion' | 'amountOre' | 'occurredOn' | 'reference'>): string {
  const parts = [
    event.offerVersion !== null ? String(t('offerFollowUp.step.version', { version: event.offerVersion })) : null,
    event.amountOre !== null ? formatNok(event.amountOre) : null,
    formatDate(event.occurredOn),
    event.reference ? String(t('offerFollowUp.step.reference', { reference: event.reference })) : null,
  ].filter((part): part is string => part !== null);
  return `${String(t(`offerFollowUp.kind.${event.kind}`))}: ${parts.join(', ')}`;
}

export const describeFlag = (t: TFunction, event: Pick<BillingEventView, 'flagCode' | 'flagParams'>): string =>
  String(t(`offerFollowUp.flag.${event.flagCode ?? 'unknown'}`, {
    ...event.flagParams,
    status: event.flagParams.status ? t(`enums.status.${event.flagParams.status}`) : '',
  }));

export function BillingSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  // Every step taken here or pulled from the server names the case on the change stream: read again then.
  const billing = useApiQuery('case.billing', { caseId: detail.id });
  const resolveFlag = useApiMutation('billing.resolveFlag');
  const error = resolveFlag.error;
  const [busy, setBusy] = useState<string | null>(null);

  const view = billing.value;
  const answerEvent = latestOwnerAnswer(detail.events);
  const ownerAnswer = answerEvent ? describeOwnerAnswer(t, answerEvent) : null;
  if (!view || (view.events.length === 0 && !view.issuedOffer)) return null;

  const resolve = async (id: string) => {
    setBusy(id);
    await resolveFlag.run({ billingEventId: id });
    setBusy(null);
  };

  return (
    <Section title={t('offerFollowUp.section.title')}>
      <Stack gap="xs">
        {view.openFlags.map((flag) => (
          <Alert key={flag.id} color="yellow" variant="light" title={t('offerFollowUp.section.flagTitle')} role="alert"
            styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}>
            <Text size="sm">{describeBillingStep(t, flag)}</Text>
            <Text size="sm" fw={500}>
              {describeFlag(t, flag)}
            </Text>
            <Text size="xs" c="gray.8">
              {t('offerFollowUp.section.flagHelp')}
            </Text>
            {view.canResolve && (
              <Button size="xs" mt="xs" variant="default" loading={busy === flag.id} onClick={() => void resolve(flag.id)}>
                {t('offerFollowUp.section.resolve')}
              </Button>
            )}
          </Alert>
        ))}
        {error && (
          <Alert color="red" title={describeError(t, error).title} role="alert">
            {describeError(t, error).message}
          </Alert>
        )}
        {view.issuedOffer && (
          <Text size="sm">
            {t(view.issuedOffer.expired ? 'offerFollowUp.section.offerExpired' : 'offerFollowUp.section.offer', {
              version: view.issuedOffer.version,
              total: formatNok(view.issuedOffer.grossOre),
              validUntil: view.issuedOffer.validUntil ? formatDate(view.issuedOffer.validUntil) : '–',
            })}
          </Text>
        )}
        {ownerAnswer && (
          <Text size="sm" fw={600} data-testid="owner-answer">
            {[ownerAnswer.summary, ownerAnswer.detail].filter(Boolean).join(' – ')}
          </Text>
        )}
        <Text size="sm" fw={500}>
          {view.startApproval
            ? t('offerFollowUp.section.startApprovalSent', { at: formatDateTime(view.startApproval.createdAt) })
            : t('offerFollowUp.section.startApprovalNotYet')}
        </Text>
        {view.events.length > 0 && (
          <ol className={classes.timeline} aria-label={t('offerFollowUp.section.stepsLabel')}>
            {view.events.map((event) => (
              <li key={event.id}>
                <Text size="sm">{describeBillingStep(t, event)}</Text>
                <div className={classes.meta}>
                  {t(`offerFollowUp.source.${event.source}`)}
                  {event.outcome === 'flagged' &&
                    ` · ${event.resolvedAt ? t('offerFollowUp.section.resolvedFlag') : t('offerFollowUp.section.openFlag')}`}
                </div>
              </li>
            ))}
          </ol>
        )}
      </Stack>
    </Section>
  );
}
