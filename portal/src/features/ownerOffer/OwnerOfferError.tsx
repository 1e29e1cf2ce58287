// The service's refusal in the owner's words: a wrong code, a locked code, an expired or superseded offer.
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../app/api';

const KEY_OF_CODE: Record<string, string> = {
  'ownerOffer.notFound': 'notFound',
  'ownerOffer.locked': 'locked',
  'auth.throttled': 'throttled',
  'ownerOffer.expired': 'expired',
  'ownerOffer.superseded': 'superseded',
  'ownerOffer.closed': 'closed',
  network: 'network',
};

export function OwnerOfferError({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={t('ownerOffer.errorTitle')}>
      {t(`ownerOffer.errors.${KEY_OF_CODE[error.code] ?? 'unknown'}`)}
    </Alert>
  );
}
