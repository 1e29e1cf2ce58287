// Who is working on the case right now (central mode only): a claim is granted by the central database, so
// until it answers, a claim shows as requested, never as held. "Ta saken" asks for it, "Slipp saken" lets it go.
import { Button, Group, Text, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/contract';
import { notifyError, notifySuccess } from '../../api/notify';
import { formatTime } from '../../i18n/format';
import classes from './Case.module.css';
import { useApiMutation } from '../../data/useApiMutation';

export function claimText(t: TFunction, claim: CaseDetail['claim']): string {
  switch (claim.state) {
    case 'mine':
      return t('case.claim.mine', { time: formatTime(claim.leaseUntil) });
    case 'other':
      return t('case.claim.other', { name: claim.holderName ?? claim.holderId ?? '', time: formatTime(claim.leaseUntil) });
    case 'requested':
      return t('case.claim.requested');
    default:
      return t('case.claim.none');
  }
}

interface Props {
  detail: CaseDetail;
  /** A reader may see who works on a case, but not take it. */
  canClaim: boolean;
}

export function ClaimControl({ detail, canClaim }: Props) {
  const { t } = useTranslation();
  const claim = useApiMutation('case.claim');
  const release = useApiMutation('case.release');
  const state = detail.claim.state;

  useEffect(() => {
    if (claim.error) notifyError(t, claim.error);
  }, [claim.error, t]);
  useEffect(() => {
    if (release.error) notifyError(t, release.error);
  }, [release.error, t]);

  return (
    <Group gap="sm" wrap="nowrap" className={classes.claim} data-state={state}>
      <span aria-hidden className={classes.claimGlyph} data-state={state} />
      <Text size="sm" fw={500} role="status" aria-live="polite">
        <VisuallyHidden>{t('case.claim.label')}: </VisuallyHidden>
        {claimText(t, detail.claim)}
      </Text>
      {state === 'none' && canClaim && (
        <Button size="compact-sm" loading={claim.pending} onClick={() => void claim.run({ caseId: detail.id })}>
          {t('case.claim.take')}
        </Button>
      )}
      {state === 'mine' && (
        <Button
          size="compact-sm"
          variant="default"
          loading={release.pending}
          onClick={async () => {
            if (await release.run({ caseId: detail.id })) notifySuccess(t('case.claim.released'));
          }}
        >
          {t('case.claim.release')}
        </Button>
      )}
    </Group>
  );
}
