// The number of unread messages, shared by the navigation's badge and the inbox screen: fetched when the signed-in
// shell shows, set again by the inbox whenever it knows better (after a list, after a reading).
import { useEffect, useSyncExternalStore } from 'react';
import { inboxApi } from './api';

let unread: number | null = null;
const listeners = new Set<() => void>();

export function setUnreadCount(count: number | null): void {
  unread = count;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The unread count (null until known); fetched again when `signedInAs` changes. */
export function useUnreadCount(signedInAs: string | null): number | null {
  useEffect(() => {
    if (signedInAs === null) {
      setUnreadCount(null);
      return;
    }
    let current = true;
    void inboxApi.list().then((answer) => {
      if (current && answer.ok) setUnreadCount(answer.value.unread);
    });
    return () => {
      current = false;
    };
  }, [signedInAs]);
  return useSyncExternalStore(subscribe, () => unread);
}
