// Issuing is final: the dialog names who the offer goes to and what it comes to before the letter is made.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNok } from '../../../../electron/shared/rules';
import type { AppError } from '../../api/contract';
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
    <Modal opened={opened} onClose={onClose} title={t('offers.issue.title', { version: offerVersion })}
      closeButtonProps={{ 'aria-label': t('offers.issue.cancel') }} styles={{ title: { fontWeight: 600 } }} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('offers.issue.to', { owner: ownerName })}</Text>
        <Text size="lg" fw={700} data-testid="issue-total">
          {t('offers.issue.total', { total: formatNok(grossOre) })}
        </Text>
        <Text size="sm">{t('offers.issue.final')}</Text>
        {problem && (
          <Alert color="red" title={problem.title} role="alert">
            {problem.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('offers.issue.cancel')}
          </Button>
          <Button onClick={onConfirm} loading={pending} data-autofocus>
            {t('offers.issue.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
