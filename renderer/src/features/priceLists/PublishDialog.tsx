// Publishing is final: a stored version never changes. The dialog says which version takes effect when.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../api/contract';
import { formatDate } from '../../i18n/format';
import { describePriceListError } from './describePriceListError';

interface Props {
  opened: boolean;
  version: number;
  effectiveFrom: string;
  busy: boolean;
  error: AppError | null;
  onClose(): void;
  onConfirm(): void;
}

export function PublishDialog({ opened, version, effectiveFrom, busy, error, onClose, onConfirm }: Props) {
  const { t } = useTranslation();
  const problem = error ? describePriceListError(t, error) : null;
  return (
    <Modal opened={opened} onClose={onClose} title={t('priceLists.publish.title', { version })}
      closeButtonProps={{ 'aria-label': t('priceLists.publish.cancel') }} styles={{ title: { fontWeight: 600 } }}>
      <Stack gap="md">
        <Text size="sm">{t('priceLists.publish.when', { version, date: formatDate(effectiveFrom) })}</Text>
        <Text size="sm">{t('priceLists.publish.final')}</Text>
        {problem && (
          <Alert color="red" title={problem.title} role="alert">
            {problem.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('priceLists.publish.cancel')}
          </Button>
          <Button onClick={onConfirm} loading={busy} data-autofocus>
            {t('priceLists.publish.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
