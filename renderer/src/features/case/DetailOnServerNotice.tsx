// A closed case whose detail this desk's first download left out: while it comes from the central service, and when
// the service cannot be reached (it comes by itself once the desk is connected; "Prøv igjen" asks again at once).
import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetailOnServer } from '../../api/contract';

interface Props {
  state: CaseDetailOnServer;
  onRetry: () => void;
  retrying: boolean;
}

export function DetailOnServerNotice({ state, onRetry, retrying }: Props) {
  const { t } = useTranslation();
  if (state === 'fetching') {
    return (
      <Alert color="gray" role="status" mt="sm" data-testid="detail-on-server">
        {t('case.detailOnServer.fetching')}
      </Alert>
    );
  }
  return (
    <Alert color="gray" title={t('case.detailOnServer.title')} role="status" mt="sm" data-testid="detail-on-server">
      {t('case.detailOnServer.message')}{' '}
      <Button size="xs" variant="default" onClick={onRetry} loading={retrying} ml="xs">
        {t('case.detailOnServer.retry')}
      </Button>
    </Alert>
  );
}
