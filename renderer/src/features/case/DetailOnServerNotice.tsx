// A closed case whose detail this desk's first download left out, opened while the central service could not be
// reached: says where the history, notes, files and offers are, and lets the case handler try again.
import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function DetailOnServerNotice({ onRetry, retrying }: { onRetry: () => void; retrying: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" title={t('case.detailOnServer.title')} role="status" mt="sm" data-testid="detail-on-server">
      {t('case.detailOnServer.message')}{' '}
      <Button size="xs" variant="default" onClick={onRetry} loading={retrying} ml="xs">
        {t('case.detailOnServer.retry')}
      </Button>
    </Alert>
  );
}
