// Publishing is final: a stored version never changes. The dialog says which version takes effect when.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../api/contract';
import { ConfirmDialog } from '../../app/ConfirmDialog';
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
    <ConfirmDialog opened={opened} onClose={onClose} onConfirm={onConfirm} title={t('priceLists.publish.title', { version })}
      cancelLabel={t('priceLists.publish.cancel')} confirmLabel={t('priceLists.publish.confirm')} pending={busy} problem={problem}>
      <Text size="sm">{t('priceLists.publish.when', { version, date: formatDate(effectiveFrom) })}</Text>
      <Text size="sm">{t('priceLists.publish.final')}</Text>
    </ConfirmDialog>
  );
}
