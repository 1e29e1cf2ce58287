// The screen case handlers live in: filters on top, the virtualised list below, "Hent neste" at hand.
import { Alert, Button } from '@mantine/core';
import { useCallback, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describeError';
import { useNavigation } from '../../app/navigation';
import { KeyboardLegend } from './KeyboardLegend';
import classes from './Queue.module.css';
import { QueueFilters } from './QueueFilters';
import { QueueGrid } from './QueueGrid';
import { QueueHeader } from './QueueHeader';
import { queueStore } from './queueStore';
import { useFetchNext } from './useFetchNext';
import { QueueChangeFollower } from './QueueSync';
import { useQueueShortcuts } from './useQueueShortcuts';
import { useQueueState } from './useQueueState';

export function QueueScreen() {
  const { t } = useTranslation();
  const { openCase } = useNavigation();
  const headingId = useId();
  const gridRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listError = useQueueState((state) => state.listError);
  const { fetchNext, fetching } = useFetchNext();

  useEffect(() => {
    document.title = `${t('queue.title')} – ${t('app.productName')}`;
  }, [t]);

  useEffect(() => {
    queueStore.start();
    gridRef.current?.focus({ preventScroll: true });
  }, []);

  const focusGrid = useCallback(() => gridRef.current?.focus({ preventScroll: true }), []);
  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);
  const onFetchNext = useCallback(() => void fetchNext(), [fetchNext]);
  useQueueShortcuts({ focusSearch, fetchNext: onFetchNext });

  // Input problems are shown beside their field; anything else above the list.
  const generalError = listError && listError.code !== 'input.invalid' ? describeError(t, listError) : null;

  return (
    <div className={classes.screen}>
      <QueueHeader headingId={headingId} onFetchNext={onFetchNext} fetching={fetching} />
      <QueueFilters searchRef={searchRef} onLeaveSearch={focusGrid} />
      {generalError && (
        <Alert color="red" title={generalError.title} role="alert">
          {generalError.message}{' '}
          <Button size="xs" variant="white" onClick={() => queueStore.start()}>
            {t('app.retry')}
          </Button>
        </Alert>
      )}
      <QueueGrid gridRef={gridRef} onOpenCase={openCase} labelId={headingId} />
      <KeyboardLegend />
      <QueueChangeFollower />
    </div>
  );
}
