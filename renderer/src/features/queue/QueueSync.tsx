// The cache under the queue changes without the handler doing anything: the first download fills it, others'
// changes arrive, imports add cases. The list is read again, in place, whenever the change stream names what it
// shows (readTables.ts: 'queue.list'), so a case someone else took shows as taken without leaving the screen.
//
// A component of its own that draws nothing: only the queue's store hears of it, not the screen around it.
import { Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { touches } from '../../data/changeInvalidation';
import { subscribeToChanges } from '../../data/changeStream';
import { useCentralStatus } from '../sync/useSyncStatus';
import { queueStore } from './queueStore';

export function QueueChangeFollower(): null {
  useEffect(
    () =>
      subscribeToChanges((batch) => {
        if (touches('queue.list', batch) || touches('queue.counts', batch)) queueStore.refresh();
      }),
    [],
  );
  return null;
}

/** What an empty list means: nothing matches the filters, or the cases are still on their way. */
export function QueueEmptyText({ className }: { className: string }) {
  const { t } = useTranslation();
  const downloading = useCentralStatus()?.state === 'syncing';
  return (
    <Text className={className} size="sm" c="gray.8">
      {downloading ? t('sync.firstDownload') : t('queue.empty')}
    </Text>
  );
}
