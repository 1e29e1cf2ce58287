// "Hent neste": the core hands this handler the oldest complete, free case and we open it.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { notifyError, notifyInfo } from '../../api/notify';
import { useNavigation } from '../../app/navigation';

export function useFetchNext(): { fetchNext: () => Promise<void>; fetching: boolean } {
  const { t } = useTranslation();
  const { openCase } = useNavigation();
  const [fetching, setFetching] = useState(false);
  const fetchNext = useCallback(async () => {
    if (fetching) return;
    setFetching(true);
    const result = await call('queue.fetchNext', {});
    setFetching(false);
    if (result.ok) openCase(result.value.caseId);
    else if (result.error.code === 'queue.nothingToFetch') {
      notifyInfo(t('errors.queue.nothingToFetch.title'), t('errors.queue.nothingToFetch.message'));
    } else notifyError(t, result.error);
  }, [fetching, openCase, t]);
  return { fetchNext, fetching };
}
