// Where the connection to the central database stands, shared by the shell's indicator, the queue and the case
// view through the one query cache. The core announces every move of it (state, progress, the count of waiting
// changes) on the change stream, so it is read when it changes, not on a timer.
import type { SyncStatusView } from '../../api/contract';
import { useApiQuery } from '../../api/useApiQuery';

/** Null until the first answer; a failed read keeps the last state on screen. */
export function useSyncStatus(): { status: SyncStatusView | null } {
  return { status: useApiQuery('sync.status', {}).value ?? null };
}

/** The central status, or null when standalone or not yet known. */
export function useCentralStatus(): Extract<SyncStatusView, { mode: 'central' }> | null {
  const { status } = useSyncStatus();
  return status?.mode === 'central' ? status : null;
}
