// With a central server the cache under the queue changes without the handler doing anything: the first
// download fills it, and others' changes arrive. The list is read again, in place, when the connection's state
// or the count of waiting changes moves, every few seconds while downloading, and now and then otherwise, so
// a case someone else took shows as taken without leaving the screen. (The status carries no change counter
// yet, so "now and then" stands in for "when rows arrived".)
//
// A component of its own that draws nothing: the status changes every second while downloading, and only this
// should redraw then, not the queue around it.
import { Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCentralStatus } from '../sync/SyncStatusProvider';
import { queueStore } from './queueStore';

const WHILE_SYNCING_MS = 2_000;
const WHILE_CONNECTED_MS = 10_000;

export function QueueSyncFollower(): null {
  const status = useCentralStatus();
  const state = status?.state ?? null;
  const pending = status?.pending ?? 0;
  const refused = status?.refused ?? 0;
  const first = useRef(true);

  useEffect(() => {
    if (state === null) return;
    // The screen has just asked for its list itself.
    if (first.current) first.current = false;
    else queueStore.refresh();
    const every = state === 'syncing' ? WHILE_SYNCING_MS : state === 'connected' ? WHILE_CONNECTED_MS : null;
    if (every === null) return;
    const timer = setInterval(() => queueStore.refresh(), every);
    return () => clearInterval(timer);
  }, [state, pending, refused]);
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
