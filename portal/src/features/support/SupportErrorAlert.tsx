// The service's refusals of a support request in this feature's words; anything else as the shell says it.
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../app/api';
import { ErrorAlert } from '../../app/Screen';

const OWN_CODES = ['case.notFound', 'attachment.type', 'attachment.typeMismatch', 'attachment.tooLarge', 'auth.throttled'];

export function SupportErrorAlert({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!OWN_CODES.includes(error.code)) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
      {t(`support.errors.${error.code.replace('.', '_')}`)}
    </Alert>
  );
}
