// Issuing is final: the dialog names who the offer goes to and what it comes to before the letter is made.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNok } from '../../../../shared/rules';
import type { AppError } from '../../api/contract';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { describeOfferError } from './describeOfferError';

interface Props {
  opened: boolean;
  offerVersion: number;
  ownerName: string;
  grossOre: number;
  pending: boolean;
  error: AppError | null;
  onClose(): void;
  onConfirm(): void;
}

export function IssueOfferDialog({ opened, offerVersion, ownerName, grossOre, pending, error, onClose, onConfirm }: Props) {
  const { t } = useTranslation();
  const problem = error ? describeOfferError(t, error) : null;
  return (
    <ConfirmDialog opened={opened} onClose={onClose} onConfirm={onConfirm} title={t('offers.issue.title', { version: offerVersion })}
      cancelLabel={t('offers.issue.cancel')} confirmLabel={t('offers.issue.confirm')} pending={pending} problem={problem} size="lg">
      <Text size="sm">{t('offers.issue.to', { owner: ownerName })}</Text>
      <Text size="lg" fw={700} data-testid="issue-total">
        {t('offers.issue.total', { total: formatNok(grossOre) })}
      </Text>
      <Text size="sm">{t('offers.issue.final')}</Text>
    </ConfirmDialog>
  );
}
