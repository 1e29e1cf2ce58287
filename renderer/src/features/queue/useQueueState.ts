import { useSyncExternalStore } from 'react';
import { queueStore, type QueueState } from './queueStore';

/** A slice of the queue's state; pick primitives or stable references so unrelated changes do not redraw. */
export function useQueueState<T>(select: (state: QueueState) => T): T {
  return useSyncExternalStore(queueStore.subscribe, () => select(queueStore.getState()));
}
